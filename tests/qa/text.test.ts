import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, hasWordAsWritten, isAscii } from '../../src/qa/text.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
// Letters, digits, marks, astral letters and halves of surrogate pairs, spaces and punctuation.
const unit = fc.constantFrom(
  'a',
  'B',
  'z',
  'Z',
  '1',
  '9',
  '_',
  '[',
  '{',
  '@',
  '`',
  ' ',
  '-',
  '.',
  'é',
  'e\u0301',
  '\u0301',
  '𝐀',
  '\ud835',
  '\udc00',
  '٣',
  'ب',
  'Ab',
);

describe('hasWordAsWritten', () => {
  it('tells what the whole-word pattern tells, for any text and word', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), fc.string({ unit, minLength: 1, maxLength: 3 }), (text, word) => {
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'u');
        expect(hasWordAsWritten(text, word)).toBe(pattern.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a later occurrence when the first is inside a word', () => {
    expect(hasWordAsWritten('Obamas and Obama', 'Obama')).toBe(true);
    expect(hasWordAsWritten('Obamas, Obama2', 'Obama')).toBe(false);
    expect(hasWordAsWritten('𝐀Obama', 'Obama')).toBe(false);
    expect(hasWordAsWritten('😀Obama', 'Obama')).toBe(true);
    // Half of a surrogate pair is not a character of the text.
    expect(hasWordAsWritten('\ud83d\ude00', '\ude00')).toBe(false);
    expect(hasWordAsWritten('\ud83d\ude00', '\ud83d')).toBe(false);
  });
});

/** Folding by its definition: decomposed, marks dropped, lower case. */
const folded = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

describe('fold', () => {
  it('folds every character below the combining marks as decomposing the text does', () => {
    for (let c = 0; c < 0x300; c++) {
      const ch = String.fromCharCode(c);
      expect(fold(`${ch}é`), `U+${c.toString(16)}`).toBe(folded(`${ch}é`));
    }
  });

  it('folds any text as decomposing it does: Latin, with marks, Greek sigma, other scripts, long', () => {
    const piece = fc.constantFrom(
      'a',
      'É',
      'é',
      'e\u0301',
      'ß',
      'ẞ',
      'İ',
      'ı',
      'Ø',
      'ǅ',
      'ȷ',
      'ʰ',
      'Σ',
      'ΟΣ',
      'ش',
      ' ',
      '.',
      'Ω',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(fold(text)).toBe(folded(text));
      }),
      { numRuns: 2000 },
    );
    const long = 'Él dijo «sí» — Ñandú, Æsir. '.repeat(400);
    expect(fold(long)).toBe(folded(long));
  });
});

describe('isAscii', () => {
  it('tells every UTF-16 unit, alone and after ASCII, as /^[\\x00-\\x7f]*$/u does', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++)
      for (const text of [String.fromCharCode(c), `abc${String.fromCharCode(c)}`])
        if (isAscii(text) !== /^[\x00-\x7f]*$/u.test(text)) differ.push(c);
    expect(differ).toEqual([]);
    expect(isAscii('')).toBe(true);
    expect(isAscii('a\u{1D400}')).toBe(false);
  });
});
