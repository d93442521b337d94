import type { Content, Document, Unit, UnitState } from '../model/index.js';
import { codeKey, normalizeContent } from '../model/index.js';
import { contentToI18n, i18nToContent } from '../store/codes.js';
import type { Bundle } from '../store/bundle.js';

/** A unit of a document together with what the locale store holds for it. */
export interface StoredUnit {
  readonly unit: Unit;
  readonly target?: Content;
  readonly state: UnitState;
  readonly origin?: string;
  /** The translation was made for a different source text. */
  readonly stale: boolean;
}

export function storedUnits(doc: { readonly units: readonly Unit[] }, bundle: Bundle): StoredUnit[] {
  // A loop, not map: map gives an empty list another array map than a full one, and the code that goes through the
  // lists (extract's, once per batch of a document) would be compiled again.
  const stored: StoredUnit[] = [];
  // No translations (a document extracted the first time): no look-up by id, each of which has V8 find the id in its
  // table of strings (an id is a string made per unit).
  const none = isEmpty(bundle.translations);
  for (const unit of doc.units) {
    const text = none ? undefined : bundle.translations[unit.id];
    if (text === undefined) {
      stored.push({ unit, state: 'new', stale: false });
      continue;
    }
    const meta = bundle.meta[unit.id];
    const stale = meta !== undefined && meta.source !== '' && meta.source !== contentToI18n(unit.source);
    stored.push({
      unit,
      target: i18nToContent(text, unit.source),
      state: stale ? 'needs-review' : (meta?.state ?? 'translated'),
      ...(meta?.origin ? { origin: meta.origin } : {}),
      stale,
    });
  }
  return stored;
}

function isEmpty(record: Readonly<Record<string, unknown>>): boolean {
  for (const _ in record) return false;
  return true;
}

/** A unit that a check stopped from being stored as translated (it is stored as needs-review), and why. */
export interface FlaggedUnit {
  readonly unit: string;
  /** The unit as a person calls it: its key, or its role and line. */
  readonly label?: string | undefined;
  readonly problems: readonly string[];
}

/** Ids the store holds that the current source no longer has. */
export function orphanIds(doc: Document, bundle: Bundle): string[] {
  const ids = new Set(doc.units.map((u) => u.id));
  return Object.keys(bundle.translations).filter((id) => !ids.has(id));
}

/** The unit's name in XLIFF (resname, name): an app string's key, else its role and place ("paragraph-3.2"). */
export function unitName(unit: Unit): string {
  return unit.key ?? `${unit.context.role}-${unit.context.block}.${unit.context.sentence}`;
}

/**
 * Same text, same codes in the same places. Code data is not compared: XLIFF 1.2 <g> (and a
 * CAT tool's <bpt>/<ept>) need not carry it, and import takes every code's data from the source anyway.
 */
export function sameRuns(a: Content, b: Content): boolean {
  const x = normalizeContent(a);
  const y = normalizeContent(b);
  return (
    x.length === y.length &&
    x.every((run, i) => {
      const other = y[i]!;
      if (typeof run === 'string' || typeof other === 'string') return run === other;
      return codeKey(run) === codeKey(other);
    })
  );
}
