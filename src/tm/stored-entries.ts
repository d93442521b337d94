import { isMachineOrigin, lang, tmKey, type TmEntry } from './memory.js';

/**
 * Entries as both stores write them. The memory holds one entry per language pair, exact-match key
 * and context; when a second one comes for the same place, the newer wins unless it is machine
 * output and the stored one a person's (`replaces`). Both stores apply that rule in SQL (an upsert
 * with this condition) and here within one batch, so a batch never names one place twice.
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
}

/** Whether an incoming entry takes the place of the stored one. */
export function replaces(incoming: { machine: boolean }, stored: { machine: boolean }): boolean {
  return !incoming.machine || stored.machine;
}

/** The entries to write, in their order: empty ones dropped, one per place (the rule above). */
export function storedEntries(entries: readonly TmEntry[]): StoredEntry[] {
  const byPlace = new Map<string, StoredEntry>();
  for (const e of entries) {
    if (e.source.trim() === '' || e.target.trim() === '') continue;
    const row: StoredEntry = {
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
    };
    const place = [row.srcLang, row.tgtLang, row.key, row.context].join('\u0000');
    const before = byPlace.get(place);
    if (!before || replaces(row, before)) byPlace.set(place, row);
  }
  return [...byPlace.values()];
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
