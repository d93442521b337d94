import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TargetText } from '../../src/qa/names/target.js';
import { fold, opensSentence } from '../../src/qa/text.js';

/** The words of a target text as the pattern reads them: what TargetText's character scan must give. */
function wordsByPattern(text: string): unknown[] {
  const folded = fold(text);
  const same = folded.length === text.length;
  const source = same ? text : folded;
  const words: Array<{
    folded: string;
    start: number;
    end: number;
    acronym: boolean;
    capitalised: boolean;
    initialCapital: boolean;
  }> = [];
  for (const m of source.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const end = m.index + m[0].length;
    const upper = m[0] !== m[0].toLowerCase();
    const sentenceStart = words.length === 0 || (upper && opensSentence(source, m.index));
    words.push({
      folded: same ? folded.slice(m.index, end) : m[0],
      start: m.index,
      end,
      acronym: upper && /^\p{Lu}{2,}$/u.test(m[0]),
      capitalised: upper && !sentenceStart && /^\p{Lu}/u.test(m[0]),
      // (the text read at the word's offsets, the folded text's where folding changed its length)
      initialCapital: /^\p{Lu}/u.test(text.slice(m.index, end)),
    });
  }
  return words;
}

// Letters of both cases and of cased and uncased scripts, marks, digits, astral letters, halves of surrogate pairs,
// letters lower-casing changes in length or by context (İ, Σ), sentence ends.
const unit = fc.constantFrom(
  'a',
  'B',
  'É',
  'é',
  'e\u0301',
  '\u0301',
  '1',
  '٣',
  ' ',
  '. ',
  ', ',
  '"',
  '\n',
  '-',
  'İ',
  'Σ',
  'ß',
  'ǅ',
  'Ⅻ',
  'ϒ',
  '𝐀',
  '𐐀',
  '𐐨',
  '\ud835',
  '\udc00',
  'ب',
  'Ж',
  'ж',
  'Mr',
  'US',
);

describe('TargetText words', () => {
  it('are the words the pattern reads, with their case and sentence starts, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (text) => {
        expect(new TargetText(text, 'es').words).toEqual(wordsByPattern(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('TargetText tokens', () => {
  it('are the words cut where letters and numbers meet, for any text and any piece asked', () => {
    const split = (w: string): string[] => w.split(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u);
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), fc.string({ unit, maxLength: 4 }), (text, asked) => {
        const target = new TargetText(text, 'ar');
        const pieces = new Set(target.words.flatMap((w) => split(w.folded)));
        for (const piece of [...pieces, ...target.words.map((w) => w.folded), fold(asked)])
          expect(target.hasToken(piece), piece).toBe(pieces.has(piece));
      }),
      { numRuns: 3000 },
    );
  });
});
