import { describe, expect, it } from 'vitest';
import { findQuantities, mayBeNumberWord } from '../../src/locale/numbers.js';
import { numberWords } from '../../src/locale/number-words.js';
import { magnitudeWords } from '../../src/locale/magnitudes.js';

// The pre-test of a word before the number reader lower-cases it and looks it up: a word is passed over when no
// number, magnitude or decade word of its language has its first letter and its length.
const LANGS = ['en', 'es', 'fr', 'de'];
const title = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

describe('mayBeNumberWord', () => {
  it('lets every number and magnitude word through, as written, capitalised and in capitals', () => {
    for (const lang of LANGS) {
      const words = [...numberWords(lang).keys(), ...magnitudeWords(lang).keys()];
      expect(words.length).toBeGreaterThan(10);
      for (const w of words) {
        expect(mayBeNumberWord(w, lang), `${lang} ${w}`).toBe(true);
        expect(mayBeNumberWord(title(w), lang), `${lang} ${title(w)}`).toBe(true);
        expect(mayBeNumberWord(w.toUpperCase(), lang), `${lang} ${w.toUpperCase()}`).toBe(true);
      }
    }
    for (const w of ['Twenties', 'eighties']) expect(mayBeNumberWord(w, 'en')).toBe(true);
  });

  it('lets German compounds, number adjectives and decades through, whatever their length', () => {
    for (const w of ['Dreihundertsiebenundvierzigtausend', 'zweiundzwanzig', 'Fünfjährige', 'zehnfach', 'Achtziger'])
      expect(mayBeNumberWord(w, 'de'), w).toBe(true);
  });

  it('passes over words whose first letter and length no number word of the language has', () => {
    expect(mayBeNumberWord('Kabul', 'en')).toBe(false);
    expect(mayBeNumberWord('garden', 'en')).toBe(false);
    expect(mayBeNumberWord('Wednesday', 'en')).toBe(false);
    expect(mayBeNumberWord('gobierno', 'es')).toBe(false);
    expect(mayBeNumberWord('Regierung', 'de')).toBe(false);
    expect(mayBeNumberWord('lundi', 'fr')).toBe(false);
    // the first two letters and the length: "te" and "tw" with three letters are "ten" and "two"; no English
    // number word is "th" and three letters, or "t" and four or eleven
    expect(mayBeNumberWord('tea', 'en')).toBe(true);
    expect(mayBeNumberWord('Twa', 'en')).toBe(true);
    expect(mayBeNumberWord('the', 'en')).toBe(false);
    expect(mayBeNumberWord('tale', 'en')).toBe(false);
    expect(mayBeNumberWord('threatening', 'en')).toBe(false);
    // German articles and words that start as no number word or part does, whatever their length
    for (const w of ['der', 'die', 'das', 'Dienstag', 'Gebiet', 'zusammen', 'Vereinbarung'])
      expect(mayBeNumberWord(w, 'de'), w).toBe(false);
    // a first letter outside ASCII is compared alone
    expect(mayBeNumberWord('Fünfzehnjährige', 'de')).toBe(true);
    expect(mayBeNumberWord('Équipe', 'fr')).toBe(false);
  });

  it('agrees with the number reader: no word it passes over is read as a number', () => {
    const text =
      'The jury in Kabul met on Wednesday; a garden of gobierno Regierung lundi theatrical Quixotic zebra Yonder vivid';
    for (const lang of LANGS) {
      // number words changed a little: a letter more or less at either end, the second letter changed
      const near = [...numberWords(lang).keys(), ...magnitudeWords(lang).keys()].flatMap((w) => [
        `${w}s`,
        w.slice(1),
        w.slice(0, -1),
        `${w[0]}a${w.slice(2)}`,
        `${w[0]}${w.slice(2)}`,
        `x${w}`,
      ]);
      for (const w of [...text.split(/[\s;]+/u), ...near])
        if (/^\p{L}+$/u.test(w) && !mayBeNumberWord(w, lang))
          expect(findQuantities(`${w} ${title(w)}`, lang), `${lang} ${w}`).toEqual([]);
    }
  });

  it('reads every word of Arabic (proclitics, folding) and of languages with their own lower case', () => {
    for (const w of ['وثلاثة', 'كتاب']) expect(mayBeNumberWord(w, 'ar')).toBe(true);
    expect(mayBeNumberWord('Istanbul', 'tr')).toBe(true);
  });

  it('still reads the spelled numbers of a sentence', () => {
    const values = (t: string, l: string): number[] => findQuantities(t, l).map((q) => q.value);
    expect(values('Forty-two delegates and three thousand visitors came.', 'en')).toEqual([42, 3000]);
    expect(values('Es kamen Zweiundzwanzig Delegierte.', 'de')).toEqual([22]);
    expect(values('Vinieron doscientas personas.', 'es')).toEqual([200]);
  });
});
