import type { Precondition, QaPair } from './types.js';

/**
 * The target has text where the source has: an empty target is one finding ("empty"), not also every number,
 * name and code it lacks.
 */
export const translated: Precondition = {
  id: 'translated',
  holds: (pair: QaPair) => !isEmptyTarget(pair),
};

// (\s is exactly what trim() removes: a test copies nothing, and every check asks this of every pair)
const TEXT = /\S/u;

// (counted loops, no callback: every check asks this of every pair, and a callback is an object made per call where
// the engine does not inline)
function isEmptyTarget(pair: QaPair): boolean {
  const target = pair.target;
  for (let i = 0; i < target.length; i++) {
    const run = target[i];
    if (typeof run !== 'string' || TEXT.test(run)) return false;
  }
  const source = pair.source;
  for (let i = 0; i < source.length; i++) {
    const run = source[i];
    if (typeof run !== 'string' || TEXT.test(run)) return true;
  }
  return false;
}
