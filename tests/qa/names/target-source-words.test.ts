import { describe, expect, it } from 'vitest';
import { TargetText } from '../../../src/qa/names/target.js';

describe('a target word that is another word of the source kept is no respelling of a name', () => {
  const source = 'Visitors of the Alpa Alpaca Farm';

  it('"Alpaca" kept renders the source\'s "Alpaca", not the name "Alpa" beside it', () => {
    expect(new TargetText('Besucher der Alpaca Farm', 'de', undefined, source).findWord('alpa', true)).toBeUndefined();
  });

  it('read without the source, the same word is like the name', () => {
    expect(new TargetText('Besucher der Alpaca Farm', 'de').findWord('alpa', true)).toBe('cognate');
  });

  it('the name spelt otherwise in the source is still the name ("Alpaka" beside "Alpaca")', () => {
    const spelt = 'The Alpaka Alpaca Farm';
    expect(new TargetText('Besucher der Alpaca Farm', 'de', undefined, spelt).findWord('alpaka', true)).toBe('cognate');
  });
});

describe('hasVerbatim: a word as written, inflected or compounded, the way findWord calls "verbatim"', () => {
  const texts = [
    ['Die Obamas besuchten den Irakkrieg-Gedenkort in Bagdad', 'de'],
    ['Le président Obama a rencontré Merkel à Téhéran', 'fr'],
    ['وصل أوباما إلى بغداد والتقى بالعراقيين', 'ar'],
  ] as const;
  const words = ['obama', 'irak', 'bagdad', 'baghdad', 'teheran', 'tehran', 'merkel', 'بغداد', 'عراقيين', 'x', ''];

  it('answers as findWord does, asked before it or after it, for every word', () => {
    for (const [text, lang] of texts)
      for (const w of words) {
        const first = new TargetText(text, lang);
        const verbatim = first.hasVerbatim(w);
        expect(verbatim).toBe(first.findWord(w) === 'verbatim');
        const second = new TargetText(text, lang);
        expect(second.findWord(w, true) === 'verbatim').toBe(verbatim);
        expect(second.hasVerbatim(w)).toBe(verbatim);
      }
  });

  it('takes inflections and compounds, not a respelling', () => {
    const t = new TargetText('Die Obamas besuchten den Irakkrieg-Gedenkort in Bagdad', 'de');
    expect(t.hasVerbatim('obama')).toBe(true);
    expect(t.hasVerbatim('irak')).toBe(true);
    expect(t.hasVerbatim('baghdad')).toBe(false);
    expect(t.findWord('baghdad')).toBe('cognate');
  });
});
