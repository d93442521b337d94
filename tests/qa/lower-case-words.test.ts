import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachLowerCaseWord } from '../../src/qa/names/kept.js';

const scanned = (text: string): string[] => {
  const out: string[] = [];
  forEachLowerCaseWord(text, (w) => out.push(w));
  return out;
};

// Lower and upper case, uncased letters, marks, digits of several scripts, astral letters of both cases, lone halves
// of surrogate pairs, letters whose case is odd (ǅ is titlecase, ª a lowercase letter of no case pair), spaces.
const unit = fc.constantFrom(
  'a',
  'B',
  'é',
  'É',
  'e\u0301',
  '\u0301',
  '1',
  '٣',
  'Ⅻ',
  ' ',
  '-',
  "'",
  'ǅ',
  'ª',
  'ß',
  'ب',
  'ж',
  '𝐚',
  '𝐀',
  '𐐨',
  '\ud835',
  '\udc1a',
  '\n',
);

describe('lower-case words of a target', () => {
  it('are the words the pattern matches, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (text) => {
        expect(scanned(text)).toEqual(
          [...text.matchAll(/(?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{L}\p{M}]*/gu)].map((m) => m[0]),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('start after a space or a sign, never inside a word or after a digit', () => {
    expect(scanned('la Casa blanca, 3rd año é\u0301l xY')).toEqual(['la', 'blanca', 'año', 'é\u0301l', 'xY']);
  });
});
