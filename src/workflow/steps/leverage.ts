import type { Unit } from '../../model/index.js';
import { contentToI18n } from '../../store/codes.js';
import type { TranslationMemory } from '../../tm/memory.js';
import { contextOf } from '../../project/memory.js';

/** A unit filled from the memory: its target (with {{…}} markers, as the store keeps it) and the state it gets. */
export interface Leveraged {
  readonly target: string;
  /** An in-context match (same neighbours) is a translation; an exact one from elsewhere needs review. */
  readonly state: 'translated' | 'needs-review';
  readonly inContext: boolean;
}

/**
 * Exact translation-memory leverage for units of one document: per unit, in the order given, the
 * memory's best exact match (score 100) or undefined (every one without a memory). An exact match costs nothing
 * and was approved by a person.
 */
export async function leverage(
  memory: TranslationMemory | null,
  units: readonly Unit[],
  sourceLang: string,
  targetLang: string,
): Promise<Array<Leveraged | undefined>> {
  if (!memory) return units.map(() => undefined);
  const matches = await memory.exactMany(
    units.map((unit) => ({ source: contentToI18n(unit.source), sourceLang, targetLang, context: contextOf(unit) })),
  );
  return matches.map(([match]) =>
    match && match.score === 100
      ? { target: match.target, state: match.inContext ? 'translated' : 'needs-review', inContext: match.inContext }
      : undefined,
  );
}
