import type { Content } from '../model/content.js';
import type { XliffUnit } from './model.js';

/** A translated piece of an XLIFF unit that can be checked on its own: the whole unit, or one of its segments. */
export interface TranslatedPart {
  /** The unit's id, or "unit#segment" for a segment of a partly translated unit. */
  readonly id: string;
  readonly source: Content;
  readonly target: Content;
  readonly line?: number;
}

/**
 * What of a unit is translated: the unit when all of it is; otherwise each translated segment of a unit of
 * several (XLIFF 2), so a partly translated unit is checked for what it has, never as its segments joined.
 */
export function translatedParts(unit: XliffUnit): TranslatedPart[] {
  const at = (line: number | undefined): { line?: number } => (line !== undefined ? { line } : {});
  if (unit.target !== undefined) return [{ id: unit.id, source: unit.source, target: unit.target, ...at(unit.line) }];
  return (unit.segments ?? []).flatMap((seg, i) =>
    seg.target === undefined
      ? []
      : [{ id: `${unit.id}#${seg.id ?? i + 1}`, source: seg.source, target: seg.target, ...at(seg.line) }],
  );
}

/** The segments of a partly translated unit that have no translation yet (0 for a unit translated or not at all). */
export function untranslatedSegments(unit: XliffUnit): number {
  if (unit.target !== undefined || !unit.segments?.some((s) => s.target !== undefined)) return 0;
  return unit.segments.filter((s) => s.target === undefined).length;
}
