import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks, SMALL_RUN_PAIRS } from '../../src/qa/runner.js';
import type { PairCheck, QaPair } from '../../src/qa/types.js';
import { flagsProbe, type FlagsProbe } from '../v8-flags-probe.js';

let probe: FlagsProbe;
beforeAll(() => {
  probe = flagsProbe('inliningProbe', 8);
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
