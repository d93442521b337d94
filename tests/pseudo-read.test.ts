import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pseudoText, readPseudo } from '../src/mt/pseudo-text.js';

// The reading as first written: each code point mapped back on its own.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PLAIN = new Map([...pseudoText(LETTERS)].map((accented, i) => [accented, LETTERS[i]!]));
const byCodePoint = (text: string): string => [...text].map((c) => PLAIN.get(c) ?? c).join('');

describe('readPseudo', () => {
  it('undoes the accents of any text as a code point by code point reading does, lone surrogates included', () => {
    const unit = fc.oneof(
      fc.constantFrom(...PLAIN.keys(), ...LETTERS, ' ', '·', '[', ']', '\uD835', '\uDC1A', '😀', 'é', 'ß'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        const read = readPseudo([`[${text} ··]`]);
        expect(read).toEqual(byCodePoint(text) === '' ? [] : [byCodePoint(text)]);
      }),
      { numRuns: 500 },
    );
  });
});
