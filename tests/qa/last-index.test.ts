import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashTable, LastIndex } from '../../src/qa/last-index.js';

describe('LastIndex', () => {
  it('gives the last pair of each key, keys seen once or repeated, in runs large enough to grow its table', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 900, maxLength: 4000 }), (ids) => {
        const keys = ids.map((n) => `a.xlf\u0000u${n}\u0000es`);
        const index = new LastIndex();
        keys.forEach((k, i) => index.learn(k, i));
        const expected = new Map(keys.map((k, i) => [k, i]));
        keys.forEach((k, i) => expect(index.check(k, i)).toBe(index.shared(k)));
        for (const [k, i] of expected) expect(index.last(k)).toBe(i);
        expect(index.last('a.xlf\u0000unknown\u0000es')).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });
});

describe('HashTable', () => {
  it('maps keys to their last index as a Map does, keys crowding one slot and wrapping around included', () => {
    // Multiples of 2^20 share their low bits, so all fall on one slot of a small table and probe past each other.
    const key = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((k) => (k * 2 ** 20) >>> 0),
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.constantFrom(0, 0xffffffff, 1023, 1024),
    );
    fc.assert(
      fc.property(fc.array(key, { minLength: 900, maxLength: 3000 }), (keys) => {
        const table = new HashTable();
        const expected = new Map<number, number>();
        keys.forEach((k, i) => {
          expect(table.set(k, i)).toBe(expected.has(k));
          expected.set(k, i);
        });
        for (const [k, i] of expected) expect(table.get(k)).toBe(i);
        for (const k of [7, 2 ** 31, 5 * 2 ** 20]) if (!expected.has(k)) expect(table.get(k)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});
