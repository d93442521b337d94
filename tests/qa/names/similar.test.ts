import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  likeness,
  LikenessIndex,
  spelling,
  writtenFirst,
  type Likeness,
} from '../../../src/qa/names/similar.js';

/** The distance by its definition, the whole table kept: optimal string alignment (adjacent swaps cost 1). */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

const word = fc.array(fc.constantFrom('a', 'b', 'c', 'é', 'ü', 'ش', '😀'), { maxLength: 12 }).map((a) => a.join(''));

describe('editDistance', () => {
  it('is the optimal-string-alignment distance, or more than max past max, whatever the words and their order', () => {
    fc.assert(
      fc.property(word, word, fc.option(fc.nat(6), { nil: undefined }), (a, b, max) => {
        const d = reference(a, b);
        const got = editDistance(a, b, max);
        if (max === undefined || d <= max) expect(got).toBe(d);
        else expect(got).toBeGreaterThan(max);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same after a longer word was compared (its rows reused)', () => {
    expect(editDistance('tymoshenkotymoshenkotymoshenko', 'tymoshnekotymoshenkotymoshenko')).toBe(1);
    expect(editDistance('najaf', 'nayaf')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});

// Letters the spelling conventions fold (ph, th, tsch, ck, w, z, y/j, doubled letters) and a few others, so that
// random words are often alike.
const nameWord = fc
  .array(fc.constantFrom('a', 'e', 'o', 'i', 'c', 'h', 'k', 's', 't', 'p', 'z', 'w', 'y', 'j', 'r', 'n', 'é'), {
    maxLength: 11,
  })
  .map((a) => a.join(''));
// A text's words: random ones, and ones made from the source word (respelled, inflected, a compound holding it).
const textWords = (source: string): fc.Arbitrary<string[]> =>
  fc.array(
    fc.oneof(
      nameWord,
      fc.tuple(nameWord, nameWord).map(([a, b]) => a + source + b),
      fc.tuple(fc.nat(12), nameWord).map(([at, b]) => source.slice(0, at) + b),
      fc
        .tuple(fc.nat(12), fc.nat(3), nameWord)
        .map(([at, cut, b]) => b + source.slice(at, at + cut) + source.slice(at + cut + 1)),
    ),
    { maxLength: 14 },
  );
const accepts: ReadonlyArray<(t: string, like: Likeness) => boolean> = [
  () => true,
  (_, like) => like === 'stem',
  (_, like) => like === 'respelled',
  (t) => t.length % 2 === 0,
];

describe('LikenessIndex', () => {
  it('finds a word likeness takes exactly when comparing with every word does, whatever the words', () => {
    fc.assert(
      fc.property(
        nameWord.chain((s) => fc.tuple(fc.constant(s), textWords(s))),
        fc.nat(accepts.length - 1),
        ([source, words], which) => {
          const accept = accepts[which]!;
          const everyWord = words.some((t) => {
            const like = likeness(source, t);
            return like !== undefined && accept(t, like);
          });
          expect(new LikenessIndex(words).some(source, accept)).toBe(everyWord);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('finds respellings that share no first letter, compounds and the word itself', () => {
    const index = new LikenessIndex(['centroeuropa', 'teheran', 'de', 'xiaoping']);
    expect(index.some('europa', (_, like) => like === 'stem')).toBe(true);
    expect(index.some('tehran', (_, like) => like === 'respelled')).toBe(true);
    expect(index.some('de', () => true)).toBe(true);
    expect(index.some('ziaoping', () => true)).toBe(true);
    expect(index.some('moscow', () => true)).toBe(false);
  });
});

describe("a spelling's first letter", () => {
  it('is one of those writtenFirst gives for the first letter the word is written with, whatever the word', () => {
    fc.assert(
      fc.property(nameWord, (w) => {
        const spelt = spelling(w);
        if (w.length > 0) expect(writtenFirst(spelt.charAt(0))).toContain(w.charAt(0));
      }),
      { numRuns: 20000 },
    );
  });

  it("is told from the word's first letters: ph, tsch, sch, sh, cz, qu, w, z, y and j", () => {
    for (const [w, first] of [
      ['philipp', 'f'],
      ['tschechien', 'k'],
      ['tchad', 'k'],
      ['czernin', 'k'],
      ['schmidt', 's'],
      ['shanghai', 'c'],
      ['quebec', 'k'],
      ['warschau', 'v'],
      ['zagreb', 's'],
      ['yemen', 'i'],
      ['jerusalem', 'i'],
      ['moscow', 'm'],
    ] as const) {
      expect(spelling(w).charAt(0)).toBe(first);
      expect(writtenFirst(first)).toContain(w.charAt(0));
    }
  });
});
