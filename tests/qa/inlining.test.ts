import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks, runCheckSlices, SMALL_RUN_PAIRS, slicesOf } from '../../src/qa/runner.js';
import type { CollectionCheck, PairCheck, QaPair } from '../../src/qa/types.js';
import { flagsProbe, type FlagsProbe } from '../v8-flags-probe.js';

let probe: FlagsProbe;
beforeAll(() => {
  probe = flagsProbe('inliningProbe', 20);
});
/** Whether V8's flags are those the process started with. */
const flagsAsStarted = (): boolean => probe.asStarted();

const pairs = (n: number): QaPair[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    source: ['Hello.'],
    target: ['Hola.'],
    sourceLang: 'en',
    targetLang: 'es',
    file: 'f.xlf',
  }));

/** A check that looks, on the run's first pair, whether V8's flags are still those node started with. */
function probeCheck(seen: boolean[]): PairCheck {
  return {
    id: 'probe',
    severity: 'warning',
    description: "whether V8 takes a code cache made under node's own flags",
    preconditions: [],
    run(pair) {
      if (pair.id === 'u0') seen.push(flagsAsStarted());
      return [];
    },
  };
}

describe('a small run is compiled without inlining', () => {
  it('changes V8 flags while it checks, and sets them back when it ends', async () => {
    expect(flagsAsStarted()).toBe(true);
    const seen: boolean[] = [];
    await runChecks(pairs(3), { checks: [probeCheck(seen)] });
    expect(seen).toEqual([false]);
    // the flags are back: the build's code cache is made by such runs
    expect(flagsAsStarted()).toBe(true);
  });

  it('leaves a large run under the flags it started with', async () => {
    const seen: boolean[] = [];
    await runChecks(pairs(SMALL_RUN_PAIRS), { checks: [probeCheck(seen)] });
    expect(seen).toEqual([true]);
    expect(flagsAsStarted()).toBe(true);
  });

  it('sets them back when a run ends by an error', async () => {
    const failing: PairCheck = {
      ...probeCheck([]),
      run() {
        throw new Error('a check failed');
      },
    };
    await expect(runChecks(pairs(2), { checks: [failing] })).rejects.toThrow('a check failed');
    expect(flagsAsStarted()).toBe(true);
  });
});

/** A check that looks, as the run's first pair is learnt (the first pass), whether V8's flags are node's own. */
function learningProbe(seen: boolean[]): CollectionCheck {
  return {
    id: 'learning-probe',
    severity: 'warning',
    description: "whether V8 takes a code cache made under node's own flags, in the first pass",
    preconditions: [],
    runAll: () => [],
    start: () => ({
      learn(pair) {
        if (pair.id === 'u0') seen.push(flagsAsStarted());
      },
      check: () => [],
    }),
  };
}

describe('a run known to be small before it is read', () => {
  it('is compiled without inlining from its first pass (the reading of its files)', async () => {
    const learning: boolean[] = [];
    const checking: boolean[] = [];
    await runCheckSlices(() => slicesOf(pairs(3)), {
      checks: [learningProbe(learning), probeCheck(checking)],
      expectedPairs: 3,
    });
    expect(learning).toEqual([false]);
    expect(checking).toEqual([false]);
    expect(flagsAsStarted()).toBe(true);
  });

  it('is one whose pairs are given as a list of fewer than SMALL_RUN_PAIRS', async () => {
    const learning: boolean[] = [];
    await runChecks(pairs(3), { checks: [learningProbe(learning)] });
    expect(learning).toEqual([false]);
    expect(flagsAsStarted()).toBe(true);
  });

  it('is not one whose size is not told', async () => {
    const learning: boolean[] = [];
    await runCheckSlices(() => slicesOf(pairs(3)), { checks: [learningProbe(learning)] });
    expect(learning).toEqual([true]);
    expect(flagsAsStarted()).toBe(true);
  });

  it('is checked under node flags when it turns out large', async () => {
    const learning: boolean[] = [];
    const checking: boolean[] = [];
    await runCheckSlices(() => slicesOf(pairs(SMALL_RUN_PAIRS)), {
      checks: [learningProbe(learning), probeCheck(checking)],
      expectedPairs: 3,
    });
    expect(learning).toEqual([false]);
    expect(checking).toEqual([true]);
    expect(flagsAsStarted()).toBe(true);
  });
});
