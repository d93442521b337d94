import { hash as digest } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AtomicBatch } from '../io/atomic-batch.js';
import { insideProject } from '../io/files.js';
import type { Content, InlineCode, Run } from '../model/content.js';
import { toPlainText } from '../model/content.js';
import type { Block, Document, SkeletonPart } from '../model/document.js';
import type { Role, Unit, UnitContext } from '../model/unit.js';
import type { DocumentMeta } from './format.js';

/**
 * The segmentation record: how each source document was last cut into units, so that a build reads a document
 * again only when its text changed. One file per project, .locflow/segmentation.json, read once and written (when
 * something changed) once per run, after the run's own files: a first line (the layout, the run's key, the hash of the
 * rest), then one line per document, its path as JSON, a tab and its entry as JSON.
 *
 * A document is kept as offsets into its own text: the skeleton's literal lengths, each unit's length, role, block,
 * sentence and notes, and its content only when it is not its plain text. A document whose skeleton and units do not
 * lay its text end to end (a format that rewrites what it reads), or that holds anything an entry does not keep, is
 * not recorded: it is read every time.
 *
 * What a document's entry is good for: the same text (a hash of it), read the same way — the same record layout, the
 * same code (codeVersion), source language, encoding and "text" section of the configuration (the run's key, in the
 * file's first line). Anything else, a damaged file (its body's hash is in the first line too), an entry that does not
 * fit the text, and the document is read by its format as if there were no record.
 */

/** The layout of the record's lines and entries, named in its first line. */
export const LAYOUT = 'locflow-segmentation/2';

/** What the documents of a run are read with: a record kept under anything else is not used. */
export interface ReadingKey {
  readonly code: string;
  readonly sourceLanguage: string;
  readonly encoding: string;
  readonly text: unknown;
}

/** The file's first line. */
interface Header {
  readonly layout: string;
  readonly key: string;
  readonly body: string;
}

/** One document as recorded: what `rebuild` makes it from with its text. */
interface Entry {
  readonly path: string;
  readonly id: string;
  readonly hash: string;
  readonly format: string;
  /** Names used by the entry (roles), by index. */
  readonly names: readonly string[];
  /** Lists of notes, by index. */
  readonly notes: readonly (readonly string[])[];
  /** Per unit: its id. */
  readonly ids: readonly string[];
  /** Per unit, UNIT_FIELDS numbers: length, role (names), block, sentence, notes (notes), flags (FLAG_*). */
  readonly units: readonly number[];
  /** The skeleton: a literal's length (≥ 0), or -1 - the unit's index for a unit's place. */
  readonly skeleton: readonly number[];
  /** Per block, three numbers: role (names), translate (0/1), how many units (the next ones in order). */
  readonly blocks: readonly number[];
  /** Units whose content is not their plain text: [index, runs], a run as a text length or a code with its data's. */
  readonly contents: ReadonlyArray<readonly [number, readonly RecordedRun[]]>;
  /** What offsets cannot give: [index, {key, previous, next}]. */
  readonly extras: ReadonlyArray<readonly [number, { key?: string; previous?: string; next?: string }]>;
}

/** A run of a unit's content: the length of a text, or a code with the length of its data in place of the data. */
type RecordedRun = number | (Omit<InlineCode, 'data'> & { readonly data: number });

const UNIT_FIELDS = 6;
/** The unit's context.previous is the previous unit's text; its next the next one's. */
const FLAG_PREVIOUS = 1;
const FLAG_NEXT = 2;
/** The unit's place in the skeleton carries its raw text (the file's own, which differs from its content). */
const FLAG_RAW = 4;
/** The unit's content is one run of text, its text in the file. */
const FLAG_PLAIN = 8;

export class SegmentationRecord {
  private readonly entries: RecordedEntries;
  /**
   * This run's entries, by path, in the order the documents were asked for: an entry made this run as its JSON, one
   * read and used again as its index in `entries` (its bytes are in the file read: no string of it kept for the run).
   */
  private readonly kept = new Map<string, RecordEntry | number>();
  /** Whether an entry was made this run. */
  private added = false;

  private constructor(
    /** Where the record is; undefined when it may not be kept (its folder is a link out of the project). */
    private readonly file: string | undefined,
    private readonly key: string,
    entries: RecordedEntries,
  ) {
    this.entries = entries;
  }

  /** The project's record, or an empty one when it is missing, damaged or kept under another key. */
  static open(root: string, reading: ReadingKey): SegmentationRecord {
    const key = hash(JSON.stringify([LAYOUT, reading.code, reading.sourceLanguage, reading.encoding, reading.text]));
    let file: string | undefined;
    try {
      file = insideProject(root, '.locflow/segmentation.json', 'segmentation record');
    } catch {
      return new SegmentationRecord(undefined, key, NO_ENTRIES);
    }
    return new SegmentationRecord(file, key, readEntries(file, key));
  }

  /** Whether this record is kept at all: when it is not (its folder is a link out), documents are only read. */
  get keeping(): boolean {
    return this.file !== undefined;
  }

  /** The entry recorded for the document at `path` (relative to the project), to hand to `documentOf`. */
  entryFor(path: string): RecordEntry | undefined {
    return this.file === undefined ? undefined : this.entries.entry(path);
  }

  /** Keeps `entry` for the document at `path` in the record this run writes; `made`: new this run (not read). */
  keep(path: string, entry: RecordEntry, made: boolean): void {
    if (this.file === undefined) return;
    // An entry not made this run is the one entryFor gave for this path: kept as its place in the file read.
    const read = made ? undefined : this.entries.indexOf(path);
    this.kept.set(path, read ?? entry);
    if (made) this.added = true;
  }

  /**
   * The document of `text`: from its entry when there is one for this text, else read by `read` (and recorded for the
   * next run when it can be).
   */
  document(meta: DocumentMeta, text: string, read: () => Document): Document {
    if (this.file === undefined) return read(); // a record that cannot be kept is neither read nor made
    const { doc, entry, made } = documentOf(this.entries.entry(meta.path), meta, text, read);
    if (entry) this.keep(meta.path, entry, made);
    return doc;
  }

  /**
   * Writes the record of this run's documents when it differs from the one read (a document added or read again,
   * one gone), atomically, after the run's own files: a record that cannot be written is only not there next time.
   */
  async save(): Promise<void> {
    if (this.file === undefined) return;
    if (!this.added && this.entries.paths().every((path) => this.kept.has(path))) return;
    // One line per document: its path (as JSON, which escapes tabs and line breaks) and its entry's JSON.
    const { entries } = this;
    const body = [...this.kept]
      .map(([path, entry]) => `${JSON.stringify(path)}\t${typeof entry === 'number' ? entries.at(entry) : entry}`)
      .join('\n');
    const header: Header = { layout: LAYOUT, key: this.key, body: hash(body) };
    const batch = new AtomicBatch();
    try {
      await batch.write(this.file, `${JSON.stringify(header)}\n${body}`);
      await batch.commit();
    } catch {
      await batch.abandon();
    }
  }
}

/**
 * An entry as the file keeps it, its JSON, parsed only when its document is built: a run holds one string per
 * document, not the objects of every entry for the whole run (which the garbage collector would copy and mark), and
 * an entry used again is written back as it was read. A worker thread is handed it and hands it back as it is.
 */
export type RecordEntry = string;

/**
 * The document of `text` from `entry` when the entry is this text's, else read by `read`; with the entry to keep for
 * it (the one given, or one made from what was read, `made`; none when the document cannot be recorded). The part of
 * SegmentationRecord.document that needs no record: a worker thread runs it on the entry the record gave for it.
 */
export function documentOf(
  entry: RecordEntry | undefined,
  meta: DocumentMeta,
  text: string,
  read: () => Document,
): { doc: Document; entry?: RecordEntry; made: boolean } {
  const textHash = hash(text);
  const kept = entry === undefined ? undefined : parsedEntry(entry);
  if (kept && kept.hash === textHash && kept.id === meta.id && kept.path === meta.path) {
    const doc = rebuilt(kept, text, meta);
    if (doc) return { doc, entry: entry!, made: false };
  }
  const doc = read();
  const made = recorded(doc, meta, text, textHash);
  return made ? { doc, entry: JSON.stringify(made), made: true } : { doc, made: false };
}

/** An entry's JSON as an entry, or undefined when it is not an object (a damaged record reads the document). */
function parsedEntry(json: RecordEntry): Entry | undefined {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Entry) : undefined;
  } catch {
    return undefined;
  }
}

function hash(text: string | Buffer): string {
  return digest('sha256', text, 'base64url'); // one call: no Hash object per document
}

/**
 * The entries of a record file as its bytes, each found by its document's path and decoded only when asked for: the
 * file is not decoded whole (a record of 2,318 articles is 3 MB, a two-byte string of 6 MB once one note holds a
 * character past Latin-1), nor is a string of each entry kept for the run.
 */
export class RecordedEntries {
  constructor(
    private readonly bytes: Buffer,
    /** Each line's entry: its index by the document's path, and where its bytes start and end. */
    private readonly index: ReadonlyMap<string, number>,
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
  ) {}

  /** The entry's index, when the file has one for `path`. */
  indexOf(path: string): number | undefined {
    return this.index.get(path);
  }

  /** The JSON of the entry at `index`. */
  at(index: number): RecordEntry {
    return this.bytes.toString('utf8', this.starts[index], this.ends[index]);
  }

  /** The JSON of the entry for `path`, if any. */
  entry(path: string): RecordEntry | undefined {
    const index = this.index.get(path);
    return index === undefined ? undefined : this.at(index);
  }

  /** The paths of the file's entries. */
  paths(): string[] {
    return [...this.index.keys()];
  }
}

const NO_ENTRIES = new RecordedEntries(Buffer.alloc(0), new Map(), [], []);

const NEWLINE = 0x0a;
const TAB = 0x09;

/** The entries of the record file, by path, when it is whole and kept under `key`; none otherwise. */
function readEntries(file: string, key: string): RecordedEntries {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return NO_ENTRIES; // missing or unreadable: as if there were none, and written again
  }
  return entriesOf(bytes, key);
}

/**
 * The entries of a record file's bytes, by path, when they are whole and kept under `key`; none otherwise. The body's
 * hash is that of its bytes (the UTF-8 of the text hashed when it was written), its lines and tabs found among the
 * bytes (no byte of a character past ASCII is one of them): the same entries as the file's text cut line by line.
 */
export function entriesOf(bytes: Buffer, key: string): RecordedEntries {
  const nl = bytes.indexOf(NEWLINE);
  if (nl < 0) return NO_ENTRIES;
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, nl)) as Partial<Header>;
    if (header.layout !== LAYOUT || header.key !== key) return NO_ENTRIES;
    const body = bytes.subarray(nl + 1);
    if (header.body !== hash(body)) return NO_ENTRIES;
    if (body.length === 0) return NO_ENTRIES;
    // Each line: the document's path as JSON, a tab, its entry's JSON (decoded and parsed when the document is built).
    const index = new Map<string, number>();
    const starts: number[] = [];
    const ends: number[] = [];
    for (let start = nl + 1; start <= bytes.length;) {
      let end = bytes.indexOf(NEWLINE, start);
      if (end < 0) end = bytes.length;
      const tab = bytes.indexOf(TAB, start);
      const path = tab < 0 || tab > end ? undefined : (JSON.parse(bytes.toString('utf8', start, tab)) as unknown);
      if (typeof path !== 'string') return NO_ENTRIES;
      // A path listed twice: its last line's entry, as a map filled line by line keeps it.
      let at = index.get(path);
      if (at === undefined) index.set(path, (at = starts.length));
      starts[at] = tab + 1;
      ends[at] = end;
      start = end + 1;
    }
    return new RecordedEntries(bytes, index, starts, ends);
  } catch {
    return NO_ENTRIES;
  }
}

/**
 * The entry of `doc`, read from `text`, or undefined when the entry would not give the document back as it is: its
 * skeleton and units do not lay the text end to end, or any object in it has a key, or a value of a kind, that the
 * entry does not keep (a shape not foreseen here is read every time instead). Checked as it is made, field by field:
 * rebuilding the document and comparing would cost as much as reading it.
 */
function recorded(doc: Document, meta: DocumentMeta, text: string, textHash: string): Entry | undefined {
  if (!only(doc, DOC_KEYS) || doc.id !== meta.id || doc.path !== meta.path || doc.sourceLang !== meta.sourceLang)
    return undefined;
  if (typeof doc.format !== 'string' || !Array.isArray(doc.skeleton) || !Array.isArray(doc.units)) return undefined;
  if (!Array.isArray(doc.blocks)) return undefined;
  const names: string[] = [];
  const nameIndex = (name: string): number => {
    const i = names.indexOf(name);
    return i >= 0 ? i : names.push(name) - 1;
  };
  const notes: string[][] = [];
  const notesByList = new Map<readonly string[], number>();
  const notesByText = new Map<string, number>();
  const notesIndex = (list: readonly string[]): number => {
    let i = notesByList.get(list);
    if (i === undefined) {
      // A format makes a new list per unit, mostly of one note: that one is its key ("[…]" keys the others).
      const key = list.length === 1 ? `"${list[0]}` : JSON.stringify(list);
      i = notesByText.get(key);
      if (i === undefined) notesByText.set(key, (i = notes.push([...list]) - 1));
      notesByList.set(list, i);
    }
    return i;
  };
  const index = new Map<unknown, number>();
  doc.units.forEach((u, i) => index.set(u?.id, i));
  const units: number[] = [];
  const skeleton: number[] = [];
  const contents: Array<[number, RecordedRun[]]> = [];
  const extras: Array<[number, { key?: string; previous?: string; next?: string }]> = [];
  const slices: string[] = [];
  let at = 0;
  for (const part of doc.skeleton) {
    if (typeof part === 'string') {
      if (!holdsAt(text, part, at)) return undefined;
      skeleton.push(part.length);
      at += part.length;
      continue;
    }
    // Plural slots and forms are made by the format, not cut from the text.
    if (!only(part, PART_KEYS) || !('unit' in part) || typeof part.unit !== 'string') return undefined;
    if (part.raw !== undefined && typeof part.raw !== 'string') return undefined;
    const i = index.get(part.unit);
    if (i !== slices.length) return undefined; // each unit once, in order
    const unit = doc.units[i];
    if (!only(unit, UNIT_KEYS) || typeof unit.id !== 'string') return undefined;
    if (unit.key !== undefined && typeof unit.key !== 'string') return undefined;
    const { source, context } = unit;
    if (!only(context, CONTEXT_KEYS) || typeof context.role !== 'string') return undefined;
    if (!Number.isSafeInteger(context.block) || !Number.isSafeInteger(context.sentence)) return undefined;
    if (context.previous !== undefined && typeof context.previous !== 'string') return undefined;
    if (context.next !== undefined && typeof context.next !== 'string') return undefined;
    if (!Array.isArray(unit.notes) || !unit.notes.every((n: unknown) => typeof n === 'string')) return undefined;
    if (!Array.isArray(source)) return undefined;
    const slice = part.raw ?? toPlainText(source);
    if (!holdsAt(text, slice, at)) return undefined;
    slices.push(slice);
    skeleton.push(-1 - i);
    at += slice.length;
    let flags = part.raw !== undefined ? FLAG_RAW : 0;
    if (source.length === 1 && source[0] === slice) flags |= FLAG_PLAIN;
    else {
      const runs = runsOf(source, slice);
      if (!runs) return undefined; // content that is not cut from the text as it stands
      contents.push([i, runs]);
    }
    units.push(slice.length, nameIndex(context.role), context.block, context.sentence);
    units.push(notesIndex(unit.notes), flags);
  }
  if (at !== text.length || slices.length !== doc.units.length) return undefined;
  doc.units.forEach((unit, i) => {
    const { previous, next } = unit.context;
    let extra: { key?: string; previous?: string; next?: string } | undefined;
    if (unit.key !== undefined) (extra ??= {}).key = unit.key;
    if (previous !== undefined && i > 0 && previous === slices[i - 1]) units[i * UNIT_FIELDS + 5]! |= FLAG_PREVIOUS;
    else if (previous !== undefined) (extra ??= {}).previous = previous;
    if (next !== undefined && next === slices[i + 1]) units[i * UNIT_FIELDS + 5]! |= FLAG_NEXT;
    else if (next !== undefined) (extra ??= {}).next = next;
    if (extra) extras.push([i, extra]);
  });
  const blocks: number[] = [];
  let first = 0;
  for (const block of doc.blocks) {
    if (!only(block, BLOCK_KEYS) || typeof block.role !== 'string' || typeof block.translate !== 'boolean')
      return undefined;
    if (!Array.isArray(block.units)) return undefined;
    if (block.units.some((id: unknown, k: number) => index.get(id) !== first + k)) return undefined; // blocks take the units in order
    blocks.push(nameIndex(block.role), block.translate ? 1 : 0, block.units.length);
    first += block.units.length;
  }
  return {
    path: doc.path,
    id: doc.id,
    hash: textHash,
    format: doc.format,
    names,
    notes,
    ids: slices.map((_, i) => doc.units[i]!.id),
    units,
    skeleton,
    blocks,
    contents,
    extras,
  };
}

/**
 * Whether `text` holds `piece` at `at` (`text.startsWith(piece, at)`): the slice compared, which V8 does ≈ 5× faster
 * than startsWith with a position (≈ 1 µs a call; a first build makes two calls per unit: 80,000 for 2,318 articles).
 */
function holdsAt(text: string, piece: string, at: number): boolean {
  return text.slice(at, at + piece.length) === piece;
}

/** The keys each object of a document may have: what an entry keeps and a rebuilt document has. */
const DOC_KEYS: ReadonlySet<string> = new Set(['id', 'path', 'sourceLang', 'format', 'blocks', 'units', 'skeleton']);
const PART_KEYS: ReadonlySet<string> = new Set(['unit', 'raw']);
const UNIT_KEYS: ReadonlySet<string> = new Set(['id', 'key', 'source', 'context', 'notes']);
const CONTEXT_KEYS: ReadonlySet<string> = new Set(['role', 'block', 'sentence', 'previous', 'next']);
const BLOCK_KEYS: ReadonlySet<string> = new Set(['role', 'translate', 'units']);
const CODE_KEYS: ReadonlySet<string> = new Set(['code', 'id', 'type', 'data', 'value']);

/**
 * Whether `value` is a plain object (as a literal makes it) whose own keys are all among `keys`, enumerable, none of
 * them holding undefined (a rebuilt document leaves such a key out, and makes every key enumerable).
 */
function only<T>(value: T, keys: ReadonlySet<string>): value is T & object {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  // Its enumerable keys (Object.keys: the list V8 keeps for objects of one shape, where Reflect.ownKeys gathers every
  // key anew: ≈ 9 → 5 ms for 40,000 units), then no other own key: none that is not enumerable, no symbol.
  const names = Object.keys(value);
  for (let i = 0; i < names.length; i++) {
    const key = names[i]!;
    if (!keys.has(key) || (value as Record<string, unknown>)[key] === undefined) return false;
  }
  return Object.getOwnPropertyNames(value).length === names.length && Object.getOwnPropertySymbols(value).length === 0;
}

/** A unit's content as text lengths and codes with their data's length, when its runs lay `slice` end to end. */
function runsOf(source: Content, slice: string): RecordedRun[] | undefined {
  const runs: RecordedRun[] = [];
  let at = 0;
  for (const run of source) {
    const piece = typeof run === 'string' ? run : run.data;
    if (!holdsAt(slice, piece, at)) return undefined;
    if (typeof run !== 'string') {
      if (!only(run, CODE_KEYS) || !Object.values(run).every((v) => typeof v === 'string')) return undefined;
    } else if (typeof piece !== 'string') return undefined;
    runs.push(typeof run === 'string' ? piece.length : { ...run, data: piece.length });
    at += piece.length;
  }
  return at === slice.length && runs.length > 0 ? runs : undefined;
}

/** The document an entry gives for `text`, or undefined when the entry does not fit the text (damaged, or not its). */
function rebuilt(entry: Entry, text: string, meta: DocumentMeta): Document | undefined {
  try {
    return rebuild(entry, text, meta);
  } catch {
    return undefined;
  }
}

function rebuild(entry: Entry, text: string, meta: DocumentMeta): Document | undefined {
  const { ids, units: fields, names, notes } = entry;
  const count = ids.length;
  if (fields.length !== count * UNIT_FIELDS) return undefined;
  // Each unit's text in the source, cut once: its own, and its neighbours' context.
  const own: string[] = [];
  const skeleton: SkeletonPart[] = [];
  let at = 0;
  for (const n of entry.skeleton) {
    if (typeof n !== 'number') return undefined;
    if (n >= 0) {
      skeleton.push(text.slice(at, at + n));
      at += n;
      continue;
    }
    const i = -1 - n;
    if (i !== own.length || i >= count) return undefined;
    const length = fields[i * UNIT_FIELDS]!;
    if (!(length >= 0)) return undefined;
    const slice = text.slice(at, at + length);
    own.push(slice);
    skeleton.push(fields[i * UNIT_FIELDS + 5]! & FLAG_RAW ? { unit: ids[i]!, raw: slice } : { unit: ids[i]! });
    at += length;
  }
  if (at !== text.length || own.length !== count) return undefined;
  const noteLists = notes.map((list) => [...list]);
  // Contents and extras are listed in unit order (as recorded() makes them): each is taken as its unit comes.
  const { contents, extras } = entry;
  let nextContent = 0;
  let nextExtra = 0;
  const units: Unit[] = [];
  for (let i = 0; i < count; i++) {
    const f = i * UNIT_FIELDS;
    const flags = fields[f + 5]!;
    const extra = nextExtra < extras.length && extras[nextExtra]![0] === i ? extras[nextExtra++]![1] : undefined;
    const role = names[fields[f + 1]!] as Role | undefined;
    const noteList = noteLists[fields[f + 4]!];
    if (role === undefined || noteList === undefined) return undefined;
    const context: { -readonly [K in keyof UnitContext]: UnitContext[K] } = {
      role,
      block: fields[f + 2]!,
      sentence: fields[f + 3]!,
    };
    const previous = flags & FLAG_PREVIOUS && i > 0 ? own[i - 1] : extra?.previous;
    if (previous !== undefined) context.previous = previous;
    const next = flags & FLAG_NEXT && i + 1 < count ? own[i + 1] : extra?.next;
    if (next !== undefined) context.next = next;
    let source: Content;
    if (flags & FLAG_PLAIN) source = [own[i]!];
    else {
      const runs =
        nextContent < contents.length && contents[nextContent]![0] === i ? contents[nextContent++]![1] : undefined;
      const content = runs && contentOf(runs, own[i]!);
      if (!content) return undefined;
      source = content;
    }
    const key = extra?.key;
    units.push(
      key !== undefined
        ? { id: ids[i]!, key, source, context, notes: noteList }
        : { id: ids[i]!, source, context, notes: noteList },
    );
  }
  // Entries listed out of order, or for units that have none, are not what recorded() makes: read the document.
  if (nextContent !== contents.length || nextExtra !== extras.length) return undefined;
  const blocks: Block[] = [];
  let first = 0;
  for (let b = 0; b < entry.blocks.length; b += 3) {
    const role = names[entry.blocks[b]!] as Role | undefined;
    const n = entry.blocks[b + 2]!;
    if (role === undefined || first + n > count) return undefined;
    blocks.push({ role, translate: entry.blocks[b + 1] === 1, units: ids.slice(first, first + n) });
    first += n;
  }
  return {
    id: meta.id,
    path: meta.path,
    sourceLang: meta.sourceLang,
    format: entry.format,
    blocks,
    units,
    skeleton,
  };
}

/** Runs from their recorded shape, each given back its text from `own`; undefined when they do not fill it. */
function contentOf(runs: readonly RecordedRun[], own: string): Run[] | undefined {
  const content: Run[] = [];
  let at = 0;
  for (const run of runs) {
    const length = typeof run === 'number' ? run : run.data;
    if (typeof length !== 'number' || length < 0) return undefined;
    const piece = own.slice(at, at + length);
    content.push(typeof run === 'number' ? piece : { ...run, data: piece });
    at += length;
  }
  return at === own.length ? content : undefined;
}
