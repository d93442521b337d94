import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedWords, sortedListText } from '../../src/qa/names/word-lists.js';

// Words of ASCII, accented, German, astral, lone-surrogate and private-use/full-width characters (the two sides of
// where UTF-8's byte order leaves UTF-16's), the empty word, prefixes of each other.
const unit = fc.constantFrom(
  'a',
  'b',
  'z',
  'A',
  'ä',
  'ß',
  'é',
  'e\u0301',
  '-',
  "'",
  '𝐚',
  '\ud835',
  'ж',
  '\uff41',
  '\ue000',
);
const word = fc.string({ unit, maxLength: 6 });
// Words as a file holds them: well formed (UTF-8 has no lone surrogate).
const wellFormed = fc.string({ unit: unit.filter((u) => u !== '\ud835'), maxLength: 6 });

describe('word lists looked up in their sorted text', () => {
  it('hold exactly the words a set of the list holds', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 40 }), (list, others) => {
        const sorted = SortedWords.of(sortedListText(list));
        const set = new Set(list);
        for (const w of [...list, ...others]) expect(sorted.has(w)).toBe(set.has(w));
      }),
      { numRuns: 3000 },
    );
  });

  it('hold exactly the words of the list when read as the bytes of its file', () => {
    fc.assert(
      fc.property(
        fc.array(wellFormed, { maxLength: 40 }),
        fc.array(word, { maxLength: 40 }),
        fc.boolean(),
        (list, others, astralAndPrivate) => {
          // (with and without the characters whose order differs between UTF-8 and UTF-16 in one list; with the
          // replacement character, what UTF-8 makes of a lone surrogate)
          const own = [...list, 'y\ufffd', ...(astralAndPrivate ? ['x𝐚', 'x\uff41', 'x\ue000'] : [])];
          const bytes = Buffer.from(sortedListText(own), 'utf8');
          const sorted = SortedWords.ofBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
          const set = new Set(own);
          for (const w of [...own, ...others, 'y\ud835', ...own.map((w) => `${w}\ud835`)])
            expect(sorted.has(w)).toBe(set.has(w));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('tell a word from its prefixes and extensions', () => {
    for (const words of [
      SortedWords.of(sortedListText(['haus', 'hausarzt', 'ha', 'straße', 'zug'])),
      SortedWords.ofBytes(Buffer.from(sortedListText(['haus', 'hausarzt', 'ha', 'straße', 'zug']))),
    ]) {
      expect(['haus', 'hausarzt', 'ha', 'straße', 'zug'].every((w) => words.has(w))).toBe(true);
      expect(['h', 'hau', 'hausa', 'hausarzte', 'strasse', 'zuge', '', 'a'].some((w) => words.has(w))).toBe(false);
    }
  });

  it('leave out a last line without its line break', () => {
    expect(SortedWords.of('ab\ncd').has('cd')).toBe(false);
    expect(SortedWords.ofBytes(Buffer.from('ab\ncd')).has('cd')).toBe(false);
    expect(SortedWords.ofBytes(Buffer.from('ab\ncd')).has('ab')).toBe(true);
  });
});
