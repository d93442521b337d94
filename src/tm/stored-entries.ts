import { isMachineOrigin, lang, tmKey, type KeptEntry, type TmEntry } from './memory.js';

/**
 * Entries as both stores write them, and the one rule for when an entry meets the stored one of its
 * place (language pair, exact-match key and context):
 *
 *   - machine output (MT, pseudo-translation) never replaces a person's translation;
 *   - a person's translation replaces machine output, and newer machine output an older one;
 *   - a person's translation with another target keeps the stored person's translation, and is
 *     reported as kept, unless the import overwrites (`tm import --overwrite`, or an approved
 *     translation imported from XLIFF: the team's current one);
 *   - an identical entry changes nothing and is no conflict.
 *
 * Both stores apply it in SQL (an upsert with `replacesSql` as its condition) and here within one
 * batch, so a batch never names one place twice; what was not written is classified by `conflicts`.
 */
export interface StoredEntry {
  readonly srcLang: string;
  readonly tgtLang: string;
  readonly source: string;
  readonly target: string;
  readonly key: string;
  readonly context: string;
  readonly origin: string;
  readonly machine: boolean;
  readonly doc: string;
  readonly unit: string;
  readonly codes: string;
  /** The entry it was made from, to report it when it is kept out. */
  readonly from: TmEntry;
}

interface Side {
  readonly source: string;
  readonly target: string;
  readonly machine: boolean;
}

/** Whether an incoming entry takes the place of the stored one. */
export function replaces(incoming: Side, stored: Side, overwrite: boolean): boolean {
  const differs =
    incoming.target !== stored.target || incoming.source !== stored.source || incoming.machine !== stored.machine;
  return differs && (stored.machine || (!incoming.machine && overwrite));
}

/** Whether an incoming entry that did not replace the stored one was a different translation (kept out, reported). */
export function conflicts(incoming: Side, stored: Side): boolean {
  return incoming.target !== stored.target;
}

/**
 * `replaces` as an SQL condition of an upsert: `stored` names the table's row, `excluded` the
 * incoming one, `overwrite` a boolean parameter; `machine` is a boolean (PostgreSQL) or 0/1 (SQLite).
 */
export function replacesSql(stored: string, overwrite: string): string {
  return `(${stored}.target <> excluded.target OR ${stored}.source <> excluded.source
    OR ${stored}.machine <> excluded.machine)
  AND (${stored}.machine OR (NOT excluded.machine AND ${overwrite}))`;
}

/** The place of an entry: one per language pair, exact-match key and context. */
export const placeOf = (r: { srcLang: string; tgtLang: string; key: string; context: string }): string =>
  [r.srcLang, r.tgtLang, r.key, r.context].join('\u0000');

/** An entry as both stores write it; undefined for one with an empty source or target (never stored). */
export function storedRow(e: TmEntry): StoredEntry | undefined {
  if (e.source.trim() === '' || e.target.trim() === '') return undefined;
  return {
    srcLang: lang(e.sourceLang),
    tgtLang: lang(e.targetLang),
    source: e.source,
    target: e.target,
    key: tmKey(e.source),
    context: e.context ?? '',
    origin: e.origin ?? '',
    machine: isMachineOrigin(e.origin),
    doc: e.doc ?? '',
    unit: e.unit ?? '',
    codes: JSON.stringify(e.codes ?? {}),
    from: e,
  };
}

/**
 * The entries to write, in their order: empty ones dropped, one per place (the rule above, an
 * earlier entry of the batch standing for the stored one), and those a batch entry kept out.
 */
export function storedEntries(
  entries: readonly TmEntry[],
  overwrite = false,
): { rows: StoredEntry[]; kept: KeptEntry[] } {
  const byPlace = new Map<string, StoredEntry>();
  const kept: KeptEntry[] = [];
  for (const e of entries) {
    const row = storedRow(e);
    if (!row) continue;
    const place = placeOf(row);
    const before = byPlace.get(place);
    if (!before || replaces(row, before, overwrite)) byPlace.set(place, row);
    else if (conflicts(row, before)) kept.push(keptOut(row, before));
  }
  return { rows: [...byPlace.values()], kept };
}

/** An incoming entry kept out by the stored translation of its place. */
export function keptOut(incoming: StoredEntry, stored: { target: string; origin: string }): KeptEntry {
  return { entry: incoming.from, kept: stored.target, keptOrigin: stored.origin || 'tm' };
}

/** A stored row back as an entry. */
export function entryOf(r: {
  src_lang: string;
  tgt_lang: string;
  source: string;
  target: string;
  context: string;
  origin: string;
  doc: string;
  unit: string;
  codes: string;
}): TmEntry {
  return {
    sourceLang: r.src_lang,
    targetLang: r.tgt_lang,
    source: r.source,
    target: r.target,
    context: r.context,
    origin: r.origin,
    doc: r.doc,
    unit: r.unit,
    codes: JSON.parse(r.codes || '{}') as Record<string, string>,
  };
}
