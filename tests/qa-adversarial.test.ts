import { describe, expect, it } from 'vitest';
import { CHECK_IDS, loadChecks } from '../src/qa/checks/index.js';
import { runChecks } from '../src/qa/runner.js';
import { ADVERSARIAL, manyCodes } from '../bench/qa-adversarial-inputs.mjs';
import type { Content } from '../src/model/content.js';
import type { QaPair as CheckPair } from '../src/qa/types.js';
import { growth, GROWTH_BOUND } from './growth.js';

// Every check must grow linearly with the unit: on a hostile unit 8× longer it may take at most 4 × 8 times longer
// (a quadratic pattern takes 64×, and far more on the 1 MB units of the benchmark). Absolute times are the benchmark's (`node bench/qa-adversarial.mjs`): a
// test never fails because a machine is slow, only because work grows faster than the text.
const SMALL = 32 * 1024;
const LARGE = 8 * SMALL;

type Input = string | { source: Content; target: Content };

/** The pair a check reads: a text, and its reversal as the target (or the given source and target). */
function pairOf(text: Input): CheckPair {
  const [source, target] =
    typeof text === 'string' ? [[text], [[...text].reverse().join('')]] : [text.source, text.target];
  return { id: 'u', source, target, sourceLang: 'en', targetLang: 'es', file: 'x' };
}

const BOUND = GROWTH_BOUND;

/** The growth of one check from a small to an 8× larger input (tests/growth.ts); only running the check is timed. */
async function checkGrowth(
  id: string,
  make: (bytes: number) => Input,
): Promise<{ ratio: number; small: number; large: number }> {
  const [check] = await loadChecks([id]);
  return growth(
    (pair: CheckPair) => runChecks([pair], { checks: [check!] }),
    // Load the check's word lists on other texts first (no memory of them).
    { small: make(SMALL), large: make(LARGE), warm: [make(SMALL / 2), make(LARGE / 2)] },
    pairOf,
  );
}

describe('every check is linear on hostile units', () => {
  // (alignment compares whole documents, spelling needs hunspell: neither reads one pair)
  const ids = CHECK_IDS.filter((id) => id !== 'spelling' && id !== 'alignment');
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`"${name}"`, { timeout: 300_000 }, async () => {
      for (const id of ids) {
        const { ratio, small, large } = await checkGrowth(id, make);
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
      const { ratio, small, large } = await checkGrowth(id, manyCodes);
      expect(ratio, `${id}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThanOrEqual(BOUND);
    }
  });
});
