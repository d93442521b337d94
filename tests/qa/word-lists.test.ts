import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedWords, sortedListText } from '../../src/qa/names/word-lists.js';

// Words of ASCII, accented, German, astral and lone-surrogate characters, the empty word, prefixes of each other.
const word = fc.string({
  unit: fc.constantFrom('a', 'b', 'z', 'A', 'ä', 'ß', 'é', 'e\u0301', '-', "'", '𝐚', '\ud835', 'ж'),
  maxLength: 6,
});

describe('word lists looked up in their sorted text', () => {
  it('hold exactly the words a set of the list holds', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 40 }), (list, others) => {
        const sorted = new SortedWords(sortedListText(list));
        const set = new Set(list);
        for (const w of [...list, ...others]) expect(sorted.has(w)).toBe(set.has(w));
      }),
      { numRuns: 3000 },
    );
  });

  it('tell a word from its prefixes and extensions', () => {
    const words = new SortedWords(sortedListText(['haus', 'hausarzt', 'ha', 'straße', 'zug']));
    expect(['haus', 'hausarzt', 'ha', 'straße', 'zug'].every((w) => words.has(w))).toBe(true);
    expect(['h', 'hau', 'hausa', 'hausarzte', 'strasse', 'zuge', '', 'a'].some((w) => words.has(w))).toBe(false);
  });
});
