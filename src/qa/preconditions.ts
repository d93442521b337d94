import type { Precondition, QaPair } from './types.js';

/**
 * The target has text where the source has: an empty target is one finding ("empty"), not also every number,
 * name and code it lacks.
 */
export const translated: Precondition = {
  id: 'translated',
  holds: (pair: QaPair) => !isEmptyTarget(pair),
};

function isEmptyTarget(pair: QaPair): boolean {
  return (
    pair.target.every((run) => typeof run === 'string' && run.trim() === '') &&
    pair.source.some((run) => typeof run !== 'string' || run.trim() !== '')
  );
}
