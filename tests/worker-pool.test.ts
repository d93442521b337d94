import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shareOut } from '../src/io/worker-pool.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('shareOut: items over lanes side by side, results in item order', () => {
  it('hands on every result once, in the order of the items, whatever each takes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        async (delays, laneCount) => {
          const items = delays.map((delay, i) => ({ i, delay }));
          const taken: Array<[number, number]> = [];
          const lane = async (item: { i: number; delay: number }): Promise<number> => {
            await sleep(item.delay);
            return item.i * 10;
          };
          await shareOut(
            items,
            Array.from({ length: laneCount }, () => lane),
            (result, index) => taken.push([result, index]),
          );
          expect(taken).toEqual(items.map(({ i }) => [i * 10, i]));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('throws the earliest item’s failure, not the first to happen, and starts nothing after a failure', async () => {
    const started: number[] = [];
    const taken: number[] = [];
    const lane = async (i: number): Promise<number> => {
      started.push(i);
      // Item 3 fails first; item 1, running beside it, fails later: a run in order meets item 1 first.
      await sleep(i === 3 ? 1 : i === 1 ? 40 : 15);
      if (i === 1 || i === 3) throw new Error(`item ${i}`);
      return i;
    };
    await expect(shareOut([0, 1, 2, 3, 4, 5, 6, 7], [lane, lane, lane, lane], (r) => taken.push(r))).rejects.toThrow(
      'item 1',
    );
    expect(taken).toEqual([]);
    expect(started.sort()).toEqual([0, 1, 2, 3]);
  });
});
