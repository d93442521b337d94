import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/qa/names/similar.js';

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
