import { existsSync } from 'node:fs';
import type { UnitState } from '../model/unit.js';
import { UNIT_STATES } from '../model/unit.js';
import { LocflowError } from '../errors.js';
import { readText } from '../io/files.js';
import { readPlainTextIfAny, textReadAhead } from '../io/plain-utf8.js';

/**
 * The locale store: locales/<lng>/<doc>.json is a plain i18next bundle
 * (unit id → translation); <doc>.meta.json beside it keeps what i18next has
 * no place for: each translation's state, origin and the source it translated.
 */
export interface UnitMeta {
  readonly state: UnitState;
  readonly origin: string;
  /** The source text (codes as markers) the translation was made for; a change makes it stale. */
  readonly source: string;
}

export interface Bundle {
  readonly translations: Readonly<Record<string, string>>;
  readonly meta: Readonly<Record<string, UnitMeta>>;
}

export const EMPTY_BUNDLE: Bundle = { translations: {}, meta: {} };

/** The metadata file beside a bundle: its name without a final ".json", then ".meta.json" (asked per document). */
export function metaPathOf(bundlePath: string): string {
  return (bundlePath.endsWith(JSON_END) ? bundlePath.slice(0, -JSON_END.length) : bundlePath) + '.meta.json';
}

const JSON_END = '.json';

function parseJsonObject(path: string, text = readText(path, 'bundle')): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new LocflowError(`invalid JSON: ${(err as Error).message}`, {
      file: path,
      hint: 'fix the file by hand or restore it from version control',
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new LocflowError('expected a JSON object', { file: path });
  return value as Record<string, unknown>;
}

export function readBundle(bundlePath: string): Bundle {
  if (!existsSync(bundlePath)) return EMPTY_BUNDLE;
  return { translations: readTranslations(bundlePath), meta: readMeta(metaPathOf(bundlePath)) };
}

/**
 * The bundle's translations alone (what a build needs), without its metadata; empty when there is no bundle. The
 * object JSON.parse made is returned as it is once every value is found to be a string (a build reads thousands).
 * `read`: the file's bytes, or its text decoded as UTF-8, read already (by a thread reading ahead).
 */
export function readTranslations(bundlePath: string, read?: Buffer | string): Record<string, string> {
  // A bundle is UTF-8 without a byte order mark, as locflow writes it: read in one call (anything else the careful way).
  const text = textReadAhead(read, bundlePath, 'bundle', 'utf-8', () => readPlainTextIfAny(bundlePath, 'bundle'));
  if (text === undefined) return {};
  const parsed = parseJsonObject(bundlePath, text);
  for (const id in parsed) {
    if (typeof parsed[id] !== 'string')
      throw new LocflowError(`key "${id}" is not a string; a text bundle maps unit ids to strings`, {
        file: bundlePath,
      });
  }
  // A key "__proto__" is JSON.parse's own entry, but a copy (as this was read before) sets no entry for it.
  if (Object.hasOwn(parsed, '__proto__')) return copied(parsed as Record<string, string>);
  return parsed as Record<string, string>;
}

function copied(parsed: Readonly<Record<string, string>>): Record<string, string> {
  const translations: Record<string, string> = {};
  for (const [id, value] of Object.entries(parsed)) translations[id] = value;
  return translations;
}

/** A bundle's metadata file (metaPathOf), each unit's state, origin and source; empty when there is none. */
export function readMeta(metaPath: string): Record<string, UnitMeta> {
  const meta: Record<string, UnitMeta> = {};
  if (!existsSync(metaPath)) return meta;
  const units = parseJsonObject(metaPath).units;
  if (units && typeof units === 'object') {
    for (const [id, m] of Object.entries(units as Record<string, Partial<UnitMeta>>)) {
      if (!m || typeof m !== 'object' || !UNIT_STATES.includes(m.state as UnitState))
        throw new LocflowError(`unit "${id}" has no valid state`, { file: metaPath });
      meta[id] = { state: m.state as UnitState, origin: String(m.origin ?? 'human'), source: String(m.source ?? '') };
    }
  }
  return meta;
}

/** The bundle's two files, bundle and metadata, keys in a stable order so diffs stay small. */
export function bundleFiles(
  bundlePath: string,
  bundle: Bundle,
  order: readonly string[],
): Array<{ readonly path: string; readonly data: string }> {
  return bundleFilePieces(bundlePath, bundle, order).map(({ path, pieces }) => ({ path, data: [...pieces].join('') }));
}

/**
 * bundleFiles' two files as pieces of text, each a few thousand entries, so that a large bundle is written without
 * its whole JSON held at once (AtomicBatch.stream); joined, the pieces are bundleFiles' text.
 */
export function bundleFilePieces(
  bundlePath: string,
  bundle: Bundle,
  order: readonly string[],
): Array<{ readonly path: string; readonly pieces: Iterable<string> }> {
  const rank = new Map(order.map((id, i) => [id, i]));
  const ids = Object.keys(bundle.translations).sort(
    (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b),
  );
  const translations: Record<string, string> = {};
  const meta: Record<string, UnitMeta> = {};
  for (const id of ids) {
    translations[id] = bundle.translations[id]!;
    const m = bundle.meta[id];
    if (m) meta[id] = m;
  }
  return [
    { path: bundlePath, pieces: jsonObjectPieces(translations, '', '\n') },
    {
      path: metaPathOf(bundlePath),
      pieces: (function* () {
        yield '{\n  "format": "locflow-meta/1",\n  "units": ';
        yield* jsonObjectPieces(meta, '  ', '\n}\n');
      })(),
    },
  ];
}

/** Entries serialised per piece: many to a piece, so that writing them is not one await per unit. */
const ENTRIES_PER_PIECE = 2048;

/**
 * `JSON.stringify(object, null, 2)` nested at `indent`, then `end`, in pieces: the keys in the object's own order
 * (the order JSON.stringify takes, integer-like keys first), each value as JSON.stringify writes it at that depth.
 */
function* jsonObjectPieces(object: Readonly<Record<string, unknown>>, indent: string, end: string): Generator<string> {
  const inner = `${indent}  `;
  // A value's own line breaks are structure only (JSON escapes those in strings): they take the entry's indentation.
  const value = (v: unknown): string | undefined =>
    typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, null, 2)?.replace(/\n/gu, `\n${inner}`);
  const keys = Object.keys(object);
  let written = 0;
  for (let i = 0; i < keys.length; i += ENTRIES_PER_PIECE) {
    let piece = '';
    for (const key of keys.slice(i, i + ENTRIES_PER_PIECE)) {
      const json = value(object[key]);
      if (json === undefined) continue; // as JSON.stringify leaves out a function or undefined
      piece += `${written++ ? ',\n' : '{\n'}${inner}${JSON.stringify(key)}: ${json}`;
    }
    if (piece) yield piece;
  }
  yield written ? `\n${indent}}${end}` : `{}${end}`;
}
