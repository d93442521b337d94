import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { FuzzyIndex } from './fuzzy-index.js';
import { loadFuzzyIndex } from './fuzzy-store.js';
import {
  exactMatches,
  exactOne,
  lang,
  refuseNewerSchema,
  SCHEMA_VERSION,
  tmKey,
  type AddOptions,
  type AddResult,
  type ExactQuery,
  type ExactRow,
  type KeptEntry,
  type Migration,
  type TmEntry,
  type TmMatch,
  type TranslationMemory,
} from './memory.js';
import {
  conflicts,
  entryOf,
  keptOut,
  replacesSql,
  storedEntries,
  storedRow,
  type StoredEntry,
} from './stored-entries.js';

/**
 * The memory in one SQLite file (better-sqlite3), the default: a project's own. Exact matches come
 * from the unique index on the normalized source; fuzzy candidates from a token index
 * (fuzzy-index.ts) kept in the file itself (fuzzy-store.ts). WAL and a busy timeout let several commands on
 * one machine read and write the file at once: writers queue instead of failing with SQLITE_BUSY.
 */
/** The page cache of a run of chunks, as SQLite writes it (negative: KiB). */
const RUN_CACHE_SIZE = -2000;

const BUSY_TIMEOUT_MS = 30_000;

const ENTRIES_V1 = `
CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  src_lang TEXT NOT NULL,
  tgt_lang TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  key TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  machine INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  codes TEXT NOT NULL DEFAULT '{}',
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  UNIQUE (src_lang, tgt_lang, key, context)
)`;

/** The upsert with the rule of stored-entries.ts as its condition. */
const UPSERT = `
INSERT INTO entries (src_lang, tgt_lang, source, target, key, context, origin, machine, doc, unit, codes, created, updated)
VALUES (@srcLang, @tgtLang, @source, @target, @key, @context, @origin, @machine, @doc, @unit, @codes, @now, @now)
ON CONFLICT (src_lang, tgt_lang, key, context) DO UPDATE SET
  source = excluded.source, target = excluded.target, origin = excluded.origin, machine = excluded.machine,
  doc = excluded.doc, unit = excluded.unit, codes = excluded.codes, updated = excluded.updated
WHERE ${replacesSql('entries', '@overwrite')}`;

type Database = BetterSqlite3.Database;

/** Schema migrations, each from the version before it. */
const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [
  // 1: one entry per pair, key and context (files of earlier versions kept one per target: the most
  // recent person's translation, else the most recent, stays); machine output marked; WAL.
  (db) => {
    const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'").get();
    if (legacy) db.exec('ALTER TABLE entries RENAME TO entries_v0');
    db.exec(ENTRIES_V1);
    if (legacy) {
      db.exec(`INSERT INTO entries (src_lang, tgt_lang, source, target, key, context, origin, machine, doc, unit, codes,
                 created, updated)
               SELECT src_lang, tgt_lang, source, target, key, context, origin,
                 (origin LIKE 'mt%' OR origin LIKE 'pseudo%'), doc, unit, codes, created, created
               FROM entries_v0 WHERE true ORDER BY id
               ON CONFLICT (src_lang, tgt_lang, key, context) DO UPDATE SET
                 source = excluded.source, target = excluded.target, origin = excluded.origin,
                 machine = excluded.machine, doc = excluded.doc, unit = excluded.unit, codes = excluded.codes
               WHERE excluded.machine = 0 OR entries.machine = 1`);
      db.exec('DROP TABLE entries_v0');
    }
  },
];

export class SqliteMemory implements TranslationMemory {
  readonly location: string;
  private readonly db: Database;
  private readonly upsert: BetterSqlite3.Statement;
  private readonly exactStmt: BetterSqlite3.Statement;
  private readonly placeStmt: BetterSqlite3.Statement;
  private readonly indexes = new Map<string, FuzzyIndex>();

  /** Opens (creating if need be) the file at `path` and brings its schema up to date. */
  constructor(path: string) {
    this.location = `sqlite:${path}`;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // better-sqlite3 is a native module: loaded only when a command needs the memory.
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    this.db = new Sqlite(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.migrate();
    } catch (err) {
      this.db.close();
      throw err;
    }
    this.upsert = this.db.prepare(UPSERT);
    this.exactStmt = this.db.prepare(
      'SELECT source, target, context, origin FROM entries WHERE src_lang = ? AND tgt_lang = ? AND key = ? ORDER BY id DESC',
    );
    this.placeStmt = this.db.prepare(
      'SELECT source, target, origin, machine FROM entries WHERE src_lang = ? AND tgt_lang = ? AND key = ? AND context = ?',
    );
  }

  /** The schema version the file had when opened, and the one it has now. */
  migration: Migration = { from: SCHEMA_VERSION, to: SCHEMA_VERSION };

  private migrate(): void {
    // IMMEDIATE: the write lock first, so two processes opening a new file migrate it once.
    this.db
      .transaction(() => {
        this.db.exec('CREATE TABLE IF NOT EXISTS tm_schema (version INTEGER NOT NULL)');
        const row = this.db.prepare('SELECT version FROM tm_schema').get() as { version: number } | undefined;
        const from = row?.version ?? 0;
        refuseNewerSchema(this.location, from);
        for (let v = from; v < SCHEMA_VERSION; v++) MIGRATIONS[v]!(this.db);
        if (!row) this.db.prepare('INSERT INTO tm_schema (version) VALUES (?)').run(SCHEMA_VERSION);
        else this.db.prepare('UPDATE tm_schema SET version = ?').run(SCHEMA_VERSION);
        this.migration = { from, to: SCHEMA_VERSION };
      })
      .immediate();
  }

  add(entries: readonly TmEntry[], options: AddOptions = {}): Promise<AddResult> {
    const now = new Date().toISOString();
    const overwrite = options.overwrite === true;
    const { rows, kept: keptInBatch } = storedEntries(entries, overwrite);
    const run = this.db.transaction(() => {
      let changed = 0;
      const kept: KeptEntry[] = [...keptInBatch];
      for (const r of rows) {
        const written = this.write(r, overwrite, now);
        if (written === 'changed') changed++;
        else if (written) kept.push(written);
      }
      return { changed, kept };
    });
    // IMMEDIATE: take the write lock before reading, so a concurrent writer waits instead of failing.
    const result = run.immediate();
    if (result.changed) this.indexes.clear();
    return Promise.resolve(result);
  }

  /**
   * Each entry meets its place's row as it stands, in order, holding no more than a chunk: an entry of this run stands
   * for the stored one, as within one `add`. A row stored before the run that the run changes and then changes back
   * to its text is put back as it was (who made it, when), as one `add` leaves such a row: the first change copies the
   * row aside (a trigger on the run's connection), the end of the run restores it where the text is the same again.
   */
  addChunks(chunks: Iterable<readonly TmEntry[]>, options: AddOptions = {}): Promise<AddResult> {
    const now = new Date().toISOString();
    const overwrite = options.overwrite === true;
    // SQLite's own page cache of 2 MB for the run (better-sqlite3 builds it with 16 MB): a run of hundreds of
    // thousands of entries fills any cache, and this one is where an import's memory peaks (9,312 files: 209–212 →
    // 197–199 MB, the same CPU); the connection's own is back at the end.
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = ${RUN_CACHE_SIZE}`);
    const run = this.db.transaction(() => {
      this.db.exec(`
        CREATE TEMP TABLE run_first (last_id INTEGER NOT NULL);
        INSERT INTO run_first SELECT coalesce(max(id), 0) FROM main.entries;
        CREATE TEMP TABLE run_before (id INTEGER PRIMARY KEY, source TEXT, target TEXT, machine INTEGER,
          origin TEXT, doc TEXT, unit TEXT, codes TEXT, updated TEXT);
        CREATE TEMP TRIGGER run_keep BEFORE UPDATE ON main.entries
          WHEN old.id <= (SELECT last_id FROM run_first) AND NOT EXISTS (SELECT 1 FROM run_before WHERE id = old.id)
          BEGIN
            INSERT INTO run_before VALUES (old.id, old.source, old.target, old.machine, old.origin,
              old.doc, old.unit, old.codes, old.updated);
          END;`);
      let changed = 0;
      const kept: KeptEntry[] = [];
      for (const chunk of chunks)
        for (const e of chunk) {
          const r = storedRow(e);
          if (!r) continue;
          const written = this.write(r, overwrite, now);
          if (written === 'changed') changed++;
          else if (written) kept.push(written);
        }
      this.db.exec(`
        DROP TRIGGER temp.run_keep;
        UPDATE main.entries SET origin = b.origin, doc = b.doc, unit = b.unit, codes = b.codes, updated = b.updated
          FROM temp.run_before AS b
          WHERE entries.id = b.id AND entries.source = b.source AND entries.target = b.target
            AND entries.machine = b.machine;
        DROP TABLE temp.run_before;
        DROP TABLE temp.run_first;`);
      return { changed, kept };
    });
    // IMMEDIATE: take the write lock before reading, so a concurrent writer waits instead of failing.
    let result: { changed: number; kept: KeptEntry[] };
    try {
      result = run.immediate();
    } finally {
      this.db.pragma(`cache_size = ${cache}`);
    }
    if (result.changed) this.indexes.clear();
    return Promise.resolve(result);
  }

  /** One row upserted by the rule: 'changed', the entry kept out by its place's row, or undefined (the same). */
  private write(r: StoredEntry, overwrite: boolean, now: string): 'changed' | KeptEntry | undefined {
    const { from: _from, ...values } = r;
    const written = this.upsert.run({ ...values, machine: r.machine ? 1 : 0, overwrite: overwrite ? 1 : 0, now });
    if (written.changes) return 'changed';
    const stored = this.placeStmt.get(r.srcLang, r.tgtLang, r.key, r.context) as {
      source: string;
      target: string;
      origin: string;
      machine: number;
    };
    return conflicts(r, { ...stored, machine: stored.machine === 1 }) ? keptOut(r, stored) : undefined;
  }

  count(): Promise<number> {
    return Promise.resolve((this.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n);
  }

  all(sourceLang?: string, targetLang?: string): Promise<TmEntry[]> {
    const rows = this.db
      .prepare(
        `SELECT src_lang, tgt_lang, source, target, context, origin, doc, unit, codes FROM entries
         WHERE (? IS NULL OR src_lang = ?) AND (? IS NULL OR tgt_lang = ?) ORDER BY id`,
      )
      .all(
        sourceLang ?? null,
        sourceLang ? lang(sourceLang) : null,
        targetLang ?? null,
        targetLang ? lang(targetLang) : null,
      ) as Array<Parameters<typeof entryOf>[0]>;
    return Promise.resolve(rows.map(entryOf));
  }

  exact(source: string, sourceLang: string, targetLang: string, context?: string): Promise<TmMatch[]> {
    return exactOne(this, source, sourceLang, targetLang, context);
  }

  exactMany(queries: readonly ExactQuery[]): Promise<TmMatch[][]> {
    // In process, one prepared statement per query costs microseconds; one read transaction gives one snapshot.
    const read = this.db.transaction(() =>
      queries.map((q) => {
        const rows = this.exactStmt.all(lang(q.sourceLang), lang(q.targetLang), tmKey(q.source)) as ExactRow[];
        return exactMatches(rows, q.source, q.context);
      }),
    );
    return Promise.resolve(read.deferred());
  }

  fuzzy(source: string, sourceLang: string, targetLang: string, threshold = 75, limit = 3): Promise<TmMatch[]> {
    return Promise.resolve(
      this.index(sourceLang, targetLang)
        .search(source, threshold, limit)
        .map((h) => ({
          source: h.source,
          target: h.target,
          score: h.score,
          inContext: false,
          origin: h.origin || 'tm',
        })),
    );
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }

  /** The token index of one language pair, loaded from the file on first use and again after this one adds. */
  private index(sourceLang: string, targetLang: string): FuzzyIndex {
    const key = `${lang(sourceLang)}\u0000${lang(targetLang)}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = loadFuzzyIndex(this.db, lang(sourceLang), lang(targetLang));
      this.indexes.set(key, index);
    }
    return index;
  }
}
