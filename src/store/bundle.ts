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
  const text = bundleText(bundlePath, read);
  return text === undefined ? {} : translationsOf(bundlePath, text);
}

/** A bundle's text (undefined when there is none), from what a thread reading ahead gave, else read now. */
function bundleText(bundlePath: string, read?: Buffer | string): string | undefined {
  // A bundle is UTF-8 without a byte order mark, as locflow writes it: read in one call (anything else the careful way).
  return textReadAhead(read, bundlePath, 'bundle', 'utf-8', () => readPlainTextIfAny(bundlePath, 'bundle'));
}

/**
 * readTranslations' answer as a table by unit id, for a build (which reads one bundle per document and language): a
 * bundle laid out as locflow writes it (bundleFiles: "{", one entry a line indented by two spaces, "}") is read line by
 * line, each key and value a slice of its text — JSON.parse made of each bundle an object of keys no other bundle has, a
 * new hidden class and an interned string per key (2,318 bundles, 39,176 entries: 110–120 → 76–79 ms in one process,
 * load 5). Anything else, and anything this reading is not sure of, is read by readTranslations: the same entries
 * (none for a key "__proto__"), the same errors.
 */
export function readTranslationTable(bundlePath: string, read?: Buffer | string): ReadonlyMap<string, string> {
  const text = bundleText(bundlePath, read);
  if (text === undefined) return NO_TRANSLATIONS;
  return entriesByLine(text) ?? new Map(Object.entries(translationsOf(bundlePath, text)));
}

const NO_TRANSLATIONS: ReadonlyMap<string, string> = new Map();

/** Characters JSON never holds raw in a string, but the line break: a text with any is not read line by line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f]/u;

/**
 * The entries of a bundle laid out one a line (`{\n  "key": "value",\n … "value"\n}` and a final line break or
 * none), or undefined when the text is laid out otherwise or this reading could take it otherwise than JSON.parse.
 * A line without a backslash is sliced (no quote inside its key or value: what JSON.stringify writes); a line with one
 * is one member for JSON.parse, which decodes its escapes.
 */
function entriesByLine(text: string): Map<string, string> | undefined {
  if (!text.startsWith('{\n  "') || RAW_CONTROL.test(text)) return undefined;
  const entries = new Map<string, string>();
  let at = 2;
  let backslash = text.indexOf('\\');
  for (;;) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return undefined;
    const more = text.charCodeAt(nl - 1) === COMMA; // a comma ends every line but the last entry's
    if (backslash >= 0 && backslash < at) backslash = text.indexOf('\\', at);
    if (backslash >= 0 && backslash < nl) {
      let member: unknown;
      try {
        member = JSON.parse(`{${text.slice(at, more ? nl - 1 : nl)}}`);
      } catch {
        return undefined;
      }
      const keys = Object.keys(member as object);
      if (keys.length !== 1) return undefined;
      const value = (member as Record<string, unknown>)[keys[0]!];
      if (typeof value !== 'string') return undefined;
      if (keys[0] !== '__proto__') entries.set(keys[0]!, value);
    } else {
      // '  "key": "value"', then the comma if any.
      const close = more ? nl - 2 : nl - 1;
      if (text.charCodeAt(at) !== SPACE || text.charCodeAt(at + 1) !== SPACE || text.charCodeAt(at + 2) !== QUOTE)
        return undefined;
      const keyEnd = text.indexOf('"', at + 3);
      if (text.charCodeAt(keyEnd + 1) !== COLON || text.charCodeAt(keyEnd + 2) !== SPACE) return undefined;
      if (text.charCodeAt(keyEnd + 3) !== QUOTE || keyEnd + 4 > close || text.indexOf('"', keyEnd + 4) !== close)
        return undefined;
      const key = text.slice(at + 3, keyEnd);
      if (key !== '__proto__') entries.set(key, text.slice(keyEnd + 4, close));
    }
    at = nl + 1;
    if (!more) break;
  }
  // The closing brace, and a line break or nothing after it.
  if (text.charCodeAt(at) !== CLOSE_BRACE) return undefined;
  return at + 1 === text.length || (at + 2 === text.length && text.charCodeAt(at + 1) === NEWLINE)
    ? entries
    : undefined;
}

const COMMA = 0x2c;
const SPACE = 0x20;
const QUOTE = 0x22;
const COLON = 0x3a;
const CLOSE_BRACE = 0x7d;
const NEWLINE = 0x0a;

/** The translations of a bundle's text: refused unless a JSON object of strings. */
function translationsOf(bundlePath: string, text: string): Record<string, string> {
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
