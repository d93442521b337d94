import type BetterSqlite3 from 'better-sqlite3';
import { FuzzyIndex, joinLists, tokenLists, Vocabulary, type IndexedEntry, type TokenLists } from './fuzzy-index.js';

/**
 * The SQLite store's fuzzy index kept in the memory's own file, so a new process does not read and
 * tokenize every entry again (≈ 20 s at a million): the token lists of each language pair in
 * segments of consecutive ids (tm_fuzzy_segments), the tokens' ids in tm_fuzzy_tokens. Written in
 * the file's transactions, so it is never half there, and never in a separate file.
 *
 * Entries only come with new ids (an upsert keeps the row), so a load reads the segments and
 * tokenizes the rows after the last one. An update that changes a row's text (another whitespace or
 * normal form of the same key can give other tokens), a delete, or an insert into a covered range
 * marks the segment holding it stale, by triggers, whoever writes the file; a stale segment is
 * tokenized again from its rows. The index is a cache: a file that cannot be written (read-only, or
 * busy with another writer) is searched the same, only its index is not kept.
 */
type Database = BetterSqlite3.Database;

/** Entries per segment: what a stale segment costs to tokenize again (≈ 1 s at 50,000). */
const SEGMENT_ROWS = 50_000;

const mark = (row: 'old' | 'new'): string =>
  `UPDATE tm_fuzzy_segments SET stale = 1 WHERE src_lang = ${row}.src_lang AND tgt_lang = ${row}.tgt_lang
     AND ${row}.id BETWEEN first_id AND last_id;`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tm_fuzzy_tokens (id INTEGER PRIMARY KEY, token TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tm_fuzzy_segments (
  src_lang TEXT NOT NULL,
  tgt_lang TEXT NOT NULL,
  first_id INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  stale INTEGER NOT NULL DEFAULT 0,
  ids BLOB NOT NULL,
  starts BLOB NOT NULL,
  tokens BLOB NOT NULL,
  PRIMARY KEY (src_lang, tgt_lang, first_id)
);
CREATE TRIGGER IF NOT EXISTS tm_fuzzy_insert AFTER INSERT ON entries BEGIN ${mark('new')} END;
CREATE TRIGGER IF NOT EXISTS tm_fuzzy_update AFTER UPDATE OF id, src_lang, tgt_lang, source ON entries
  WHEN old.source IS NOT new.source OR old.id IS NOT new.id OR old.src_lang IS NOT new.src_lang
    OR old.tgt_lang IS NOT new.tgt_lang
  BEGIN ${mark('old')} ${mark('new')} END;
CREATE TRIGGER IF NOT EXISTS tm_fuzzy_delete AFTER DELETE ON entries BEGIN ${mark('old')} END;`;

interface Segment {
  readonly firstId: number;
  readonly lastId: number;
  readonly lists: TokenLists;
  /** Not as the file holds it: to be written. */
  readonly changed: boolean;
}

interface SegmentRow {
  first_id: number;
  last_id: number;
  stale: number;
  ids: Buffer;
  starts: Buffer;
  tokens: Buffer;
}

/** A typed array over a blob's bytes (copied: a blob's buffer need not be aligned). */
const int32s = (b: Buffer): Int32Array => new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const float64s = (b: Buffer): Float64Array =>
  new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const bytes = (a: Int32Array | Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Splits token lists into segments of at most SEGMENT_ROWS entries, covering ids firstId … lastId. */
function segmentsOf(lists: TokenLists, firstId: number, lastId: number, size: number): Segment[] {
  const out: Segment[] = [];
  const n = lists.ids.length;
  let from = firstId;
  for (let i = 0; i < n || out.length === 0; i += size) {
    const end = Math.min(n, i + size);
    const to = end === n ? lastId : lists.ids[end - 1]!;
    const base = lists.starts[i]!;
    out.push({
      firstId: from,
      lastId: to,
      lists: {
        ids: lists.ids.slice(i, end),
        starts: lists.starts.slice(i, end + 1).map((s) => s - base),
        tokens: lists.tokens.slice(base, lists.starts[end]!),
      },
      changed: true,
    });
    from = to + 1;
  }
  return out;
}

/** How a load cuts segments, and (for tests) what happens between its read and its write. */
export interface LoadOptions {
  readonly segmentRows?: number;
  readonly afterRead?: () => void;
}

/**
 * The fuzzy index of one language pair: the file's segments, stale ones tokenized again, the rows
 * after them added; what changed is written back when no other connection wrote in between.
 */
export function loadFuzzyIndex(db: Database, srcLang: string, tgtLang: string, options: LoadOptions = {}): FuzzyIndex {
  const segmentRows = options.segmentRows ?? SEGMENT_ROWS;
  const read = db.transaction(() => {
    const version = db.pragma('data_version', { simple: true }) as number;
    const kept = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'tm_fuzzy_segments'").get() !== undefined;
    const vocabulary = new Vocabulary(
      kept ? (db.prepare('SELECT token FROM tm_fuzzy_tokens ORDER BY id').pluck().all() as string[]) : [],
    );
    const known = vocabulary.size;
    const rows = kept
      ? (db
          .prepare(
            `SELECT first_id, last_id, stale, ids, starts, tokens FROM tm_fuzzy_segments
             WHERE src_lang = ? AND tgt_lang = ? ORDER BY first_id`,
          )
          .all(srcLang, tgtLang) as SegmentRow[])
      : [];
    // "+": the rowid range, not the unique index's language columns (which would walk the whole pair).
    const inRange = db.prepare(
      'SELECT id, source FROM entries WHERE id BETWEEN ? AND ? AND +src_lang = ? AND +tgt_lang = ? ORDER BY id',
    );
    const segments: Segment[] = rows.map((r) =>
      r.stale
        ? {
            firstId: r.first_id,
            lastId: r.last_id,
            lists: tokenLists(inRange.all(r.first_id, r.last_id, srcLang, tgtLang) as RowText[], vocabulary),
            changed: true,
          }
        : {
            firstId: r.first_id,
            lastId: r.last_id,
            lists: { ids: float64s(r.ids), starts: int32s(r.starts), tokens: int32s(r.tokens) },
            changed: false,
          },
    );
    const covered = segments.at(-1)?.lastId ?? 0;
    const maxId = (db.prepare('SELECT max(id) FROM entries').pluck().get() as number | null) ?? 0;
    if (maxId > covered || segments.length === 0) {
      // A pair read for the first time through the unique index (a pair the memory lacks costs nothing), the
      // rows after its last segment through the rowid range.
      const after = (
        covered === 0
          ? db
              .prepare('SELECT id, source FROM entries WHERE src_lang = ? AND tgt_lang = ? ORDER BY id')
              .all(srcLang, tgtLang)
          : inRange.all(covered + 1, maxId, srcLang, tgtLang)
      ) as RowText[];
      const fresh = tokenLists(after, vocabulary);
      // A last segment with room takes the new rows (its arrays are at hand), so small imports make no small segments.
      const last = segments.at(-1);
      const open = last && last.lists.ids.length < segmentRows ? segments.pop() : undefined;
      segments.push(
        ...segmentsOf(open ? joinLists([open.lists, fresh]) : fresh, open?.firstId ?? covered + 1, maxId, segmentRows),
      );
    }
    return { version, vocabulary, known, segments };
  });
  const { version, vocabulary, known, segments } = read.deferred();
  options.afterRead?.();
  if (segments.some((s) => s.changed)) keep(db, version, vocabulary, known, srcLang, tgtLang, segments);
  const entry = db.prepare('SELECT source, target, origin FROM entries WHERE id = ?');
  return new FuzzyIndex(
    vocabulary,
    joinLists(segments.map((s) => s.lists)),
    (id) => entry.get(id) as IndexedEntry | undefined,
  );
}

type RowText = { id: number; source: string };

/**
 * Writes the segments that changed (and the new tokens), unless another connection committed since
 * they were read (`version`): then what was read may already be out of date, and the next load
 * does it again. Never waits for the write lock, and gives up quietly where the file cannot be written.
 */
function keep(
  db: Database,
  version: number,
  vocabulary: Vocabulary,
  known: number,
  srcLang: string,
  tgtLang: string,
  segments: readonly Segment[],
): void {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma('busy_timeout = 0');
    db.transaction(() => {
      if ((db.pragma('data_version', { simple: true }) as number) !== version) return;
      db.exec(SCHEMA);
      const token = db.prepare('INSERT INTO tm_fuzzy_tokens (id, token) VALUES (?, ?)');
      for (let id = known; id < vocabulary.size; id++) token.run(id, vocabulary.words[id]);
      // A segment keeps its first id: one tokenized again, or the last one grown, replaces the one read.
      const put = db.prepare(
        `INSERT OR REPLACE INTO tm_fuzzy_segments (src_lang, tgt_lang, first_id, last_id, ids, starts, tokens)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const s of segments)
        if (s.changed)
          put.run(
            srcLang,
            tgtLang,
            s.firstId,
            s.lastId,
            bytes(s.lists.ids),
            bytes(s.lists.starts),
            bytes(s.lists.tokens),
          );
    }).immediate();
  } catch (err) {
    // Busy, read-only or full: the index is a cache; this search goes on with the one in memory.
    if (!/^SQLITE_(?:BUSY|READONLY|FULL|CANTOPEN|IOERR|LOCKED)/u.test((err as { code?: string }).code ?? '')) throw err;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
