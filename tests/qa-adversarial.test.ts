import { describe, expect, it } from 'vitest';
import { CHECK_IDS, loadChecks } from '../src/qa/checks/index.js';
import { runChecks } from '../src/qa/runner.js';
import { ADVERSARIAL, manyCodes } from '../bench/qa-adversarial-inputs.mjs';
import type { Content } from '../src/model/content.js';

// Every check must grow linearly with the unit: on a hostile unit 8× longer it may take at most 4 × 8 times longer
// (a quadratic pattern takes 64×, and far more on the 1 MB units of the benchmark). Absolute times are the benchmark's (`node bench/qa-adversarial.mjs`): a
// test never fails because a machine is slow, only because work grows faster than the text.
const SMALL = 32 * 1024;
const LARGE = 8 * SMALL;

async function timeCheck(id: string, text: string | { source: Content; target: Content }): Promise<number> {
  const [check] = await loadChecks([id]);
  const [source, target] =
    typeof text === 'string' ? [[text], [[...text].reverse().join('')]] : [text.source, text.target];
  const pair = { id: 'u', source, target, sourceLang: 'en', targetLang: 'es', file: 'x' };
  // The process's CPU time, not the clock: on a loaded machine a long run is preempted more often than a short one
  // that fits in a time slice, which lengthened the large run's clock time alone (a linear check measured 42×).
  const start = process.cpuUsage();
  await runChecks([pair], { checks: [check!] });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

type Input = string | { source: Content; target: Content };

const BOUND = 32;

/**
 * The growth from a small to an 8× larger input: the fastest of three runs of each (a pause of the machine or the
 * garbage collector lengthens one run, never all three), after a run of each size to compile the code paths.
 * The large input stops at its first run within the bound: the fastest of three can only be faster, so the verdict
 * is the one three runs give, and a linear check (every check, when the code is right) costs one large run, not three.
 */
async function growth(
  id: string,
  make: (bytes: number) => Input,
): Promise<{ ratio: number; small: number; large: number }> {
  const small = make(SMALL);
  const large = make(LARGE);
  await timeCheck(id, make(SMALL / 2)); // load the check's word lists (another text: no memory of it)
  await timeCheck(id, make(LARGE / 2));
  const s = Math.max(Math.min(await timeCheck(id, small), await timeCheck(id, small), await timeCheck(id, small)), 10);
  let l = Infinity;
  for (let run = 0; run < 3 && Math.round(l / s) > BOUND; run++) l = Math.min(l, await timeCheck(id, large));
  return { ratio: Math.round(l / s), small: s, large: l };
}

describe('every check is linear on hostile units', () => {
  // (alignment compares whole documents, spelling needs hunspell: neither reads one pair)
  const ids = CHECK_IDS.filter((id) => id !== 'spelling' && id !== 'alignment');
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`"${name}"`, { timeout: 300_000 }, async () => {
      for (const id of ids) {
        const { ratio, small, large } = await growth(id, make);
        expect(ratio, `${id} on ${name}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThanOrEqual(BOUND);
      }
    });
  }
});

describe('every check is linear in the number of inline codes', () => {
  // A paragraph with thousands of tags, every pair crossing the ones opened after it in the target: a check that
  // looks each code up in a list, or re-reads the open pairs at each close, grows with the square of the count.
  const ids = CHECK_IDS.filter((id) => id !== 'spelling' && id !== 'alignment');
  it('tags crossed in the target', { timeout: 300_000 }, async () => {
    for (const id of ids) {
      const { ratio, small, large } = await growth(id, manyCodes);
      expect(ratio, `${id}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThanOrEqual(BOUND);
    }
  });
});
