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

function isEmptyTarget(pair: QaPair): boolean {
  return (
    pair.target.every((run) => typeof run === 'string' && !TEXT.test(run)) &&
    pair.source.some((run) => typeof run !== 'string' || TEXT.test(run))
  );
}
