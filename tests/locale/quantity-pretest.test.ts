import { describe, expect, it } from 'vitest';
import { findQuantities, mayHoldQuantities, quantityWordsPattern } from '../../src/locale/numbers.js';

// The quick test of a text before its quantities are read looks for the language's number words in the text in
// lower case, with a pattern that is not case-insensitive (cheaper for V8 to compile), and must answer as a
// case-insensitive pattern of the same words would.
const LANGS = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ca', 'ja'];
const anyCase = (lang: string): RegExp => new RegExp(quantityWordsPattern(lang)!.source, 'iu');

describe('quantityWordsPattern', () => {
  it('is a pattern of lower-case words, not case-insensitive; none for Arabic, whose words are always read', () => {
    for (const lang of LANGS) {
      const re = quantityWordsPattern(lang)!;
      expect(re.flags, lang).not.toContain('i');
    }
    expect(quantityWordsPattern('ar')).toBeNull();
  });

  it('matches a character in lower case exactly where a case-insensitive pattern does, but for İ and ſ', () => {
    // every character of every language's words
    const letters = new Set<string>();
    for (const lang of LANGS) {
      const source = quantityWordsPattern(lang)!.source;
      const inner = source.slice(source.indexOf('(?:') + 3);
      const end = inner.indexOf(')(?!');
      const words = (end >= 0 ? inner.slice(0, end) : inner.slice(0, -1)).split('|');
      for (const w of words) for (const c of w.replace(/\\(.)/gu, '$1')) letters.add(c);
    }
    expect(letters.size).toBeGreaterThan(20);
    const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
    const one = new Map([...letters].map((c) => [c, new RegExp(`^${escape(c)}$`, 'iu')]));
    const anyLetter = new RegExp(`^[${[...letters].map((c) => (c === '-' ? '\\-' : escape(c))).join('')}]$`, 'iu');
    const wordChar = /^[\p{L}\p{M}]+$/u;
    const apart: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const lower = c.toLowerCase();
      const same =
        lower.length === c.length &&
        wordChar.test(c) === wordChar.test(lower) &&
        (anyLetter.test(c) || letters.has(lower) ? [...one].every(([k, re]) => re.test(c) === (lower === k)) : true);
      if (!same) apart.push(c);
    }
    expect(apart).toEqual(['\u0130', '\u017F']);
  });
});

describe('mayHoldQuantities', () => {
  it('answers as the case-insensitive pattern does, in every case', () => {
    // (texts with no digit, no Roman numeral and no century word: the words alone decide)
    const texts = [
      'They met ELEVEN times',
      'Zwölf Apostel',
      'DREISSIG Jahre',
      'Fünfundzwanzig Gäste',
      'Cuarenta Ladrones',
      'QUATRE saisons',
      'Hundreds of people',
      'a MILLION reasons',
      'Nothing here at all',
      'nothing, or anything',
      'He counted ſeven sheep',
      'ſeventeen',
      'İstanbul had seven hills',
      'İstanbul',
      'Oneself alone',
      'someone else',
    ];
    for (const lang of LANGS)
      for (const t of texts) expect(mayHoldQuantities(t, lang), `${lang}: ${t}`).toBe(anyCase(lang).test(t));
  });

  it('reads a long s as an s, as before (ſeven is seven)', () => {
    expect(mayHoldQuantities('He counted ſeven sheep', 'en')).toBe(true);
    expect(mayHoldQuantities('He counted no sheep', 'en')).toBe(false);
  });

  it('leaves the quantities found as they were', () => {
    expect(findQuantities('Twenty-one delegates and SEVEN visitors', 'en').map((q) => q.value)).toEqual([21, 7]);
    expect(findQuantities('DREIUNDZWANZIG Gäste', 'de').map((q) => q.value)).toEqual([23]);
  });
});
