import { textWithoutCodes } from './text.js';
import type { CollectionRun, PairFindings, QaPair, SliceFindings } from './types.js';

/**
 * A collection check's runAll through its streamed run (CollectionCheck.start): every pair learnt, then all checked
 * as one slice, the findings a check lists after the others (`part`) last.
 */
export function wholeRun(run: CollectionRun, pairs: readonly QaPair[]): PairFindings | Promise<PairFindings> {
  for (const pair of pairs)
    run.learn(pair, { source: textWithoutCodes(pair.source), target: textWithoutCodes(pair.target) });
  const found = run.check(pairs);
  return found instanceof Promise ? found.then(inParts) : inParts(found);
}

function inParts(found: SliceFindings): PairFindings {
  return found
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.part ?? 0) - (b.f.part ?? 0) || a.i - b.i)
    .map(({ f }) => ({ pair: f.pair, finding: f.finding }));
}
