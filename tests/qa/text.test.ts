import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasWordAsWritten } from '../../src/qa/text.js';

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
