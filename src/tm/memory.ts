import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { normalizeText } from '../model/content.js';
import { FuzzyIndex } from './fuzzy-index.js';

/**
 * The translation memory: one SQLite file per project (better-sqlite3).
 * Exact matches come from an index on the normalized source; fuzzy candidates
 * from a token index (fuzzy-index.ts) built from the database on first use,
 * then scored exactly with the token edit distance in score.ts.
 */
export interface TmEntry {
  readonly sourceLang: string;
  readonly targetLang: string;
  /** Source and target with inline codes as {{x1}} markers, as in the locale store. */
  readonly source: string;
  readonly target: string;
  /** Hash of the neighbouring sentences, for in-context exact matches. */
  readonly context?: string;
  /** The original text of each inline code, by marker name ("x1" → "<br/>"), so TMX can carry it. */
  readonly codes?: Readonly<Record<string, string>>;
  readonly origin?: string;
  readonly doc?: string;
  readonly unit?: string;
}

export interface TmMatch {
  readonly source: string;
  readonly target: string;
  readonly score: number;
  readonly inContext: boolean;
  readonly origin: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
  id INTEGER PRIMARY KEY,
  src_lang TEXT NOT NULL,
  tgt_lang TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  key TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  doc TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  codes TEXT NOT NULL DEFAULT '{}',
  created TEXT NOT NULL,
  UNIQUE (src_lang, tgt_lang, key, target, context)
);
CREATE INDEX IF NOT EXISTS entries_by_key ON entries (src_lang, tgt_lang, key);
`;

const lang = (tag: string): string => tag.toLowerCase();

/** The exact-match key: whitespace folded, NFC; case and codes kept. */
export function tmKey(source: string): string {
  return normalizeText(source);
}

type Database = BetterSqlite3.Database;

export class TranslationMemory {
  private readonly db: Database;
  private readonly insertStmt: BetterSqlite3.Statement;
  private readonly exactStmt: BetterSqlite3.Statement;
  private readonly indexes = new Map<string, FuzzyIndex>();

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // better-sqlite3 is a native module: loaded only when a command needs the memory.
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    this.db = new Sqlite(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.insertStmt = this.db.prepare(
      `INSERT OR IGNORE INTO entries (src_lang, tgt_lang, source, target, key, context, origin, doc, unit, codes, created)
       VALUES (@src, @tgt, @source, @target, @key, @context, @origin, @doc, @unit, @codes, @created)`,
    );
    this.exactStmt = this.db.prepare('SELECT source, target, context, origin FROM entries WHERE src_lang = ? AND tgt_lang = ? AND key = ? ORDER BY id DESC');
  }

  close(): void {
    this.db.close();
  }

  /** Adds entries in one transaction; returns how many were new. */
  add(entries: readonly TmEntry[]): number {
    const created = new Date().toISOString();
    const run = this.db.transaction((list: readonly TmEntry[]) => {
      let added = 0;
      for (const e of list) {
        if (e.source.trim() === '' || e.target.trim() === '') continue;
        const r = this.insertStmt.run({
          src: lang(e.sourceLang),
          tgt: lang(e.targetLang),
          source: e.source,
          target: e.target,
          key: tmKey(e.source),
          context: e.context ?? '',
          origin: e.origin ?? '',
          doc: e.doc ?? '',
          unit: e.unit ?? '',
          codes: JSON.stringify(e.codes ?? {}),
          created,
        });
        added += r.changes;
      }
      return added;
    });
    const added = run(entries);
    if (added) this.indexes.clear();
    return added;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
  }

  all(sourceLang?: string, targetLang?: string): TmEntry[] {
    const rows = this.db
      .prepare(
        `SELECT src_lang, tgt_lang, source, target, context, origin, doc, unit, codes FROM entries
         WHERE (? IS NULL OR src_lang = ?) AND (? IS NULL OR tgt_lang = ?) ORDER BY id`,
      )
      .all(sourceLang ?? null, sourceLang ? lang(sourceLang) : null, targetLang ?? null, targetLang ? lang(targetLang) : null) as Array<Record<string, string>>;
    return rows.map((r) => ({
      sourceLang: r.src_lang!,
      targetLang: r.tgt_lang!,
      source: r.source!,
      target: r.target!,
      context: r.context!,
      origin: r.origin!,
      doc: r.doc!,
      unit: r.unit!,
      codes: JSON.parse(r.codes ?? '{}') as Record<string, string>,
    }));
  }

  /** Exact matches, in-context ones first (most recent first within each). */
  exact(source: string, sourceLang: string, targetLang: string, context?: string): TmMatch[] {
    const rows = this.exactStmt.all(lang(sourceLang), lang(targetLang), tmKey(source)) as Array<{ source: string; target: string; context: string; origin: string }>;
    return rows
      .map((r) => ({ source: r.source, target: r.target, score: r.source === source ? 100 : 99, inContext: context !== undefined && context !== '' && r.context === context && r.source === source, origin: r.origin || 'tm' }))
      .sort((a, b) => Number(b.inContext) - Number(a.inContext));
  }

  /** Fuzzy matches at or above `threshold`, best first, at most `limit`. */
  fuzzy(source: string, sourceLang: string, targetLang: string, threshold = 75, limit = 3): TmMatch[] {
    return this.index(sourceLang, targetLang)
      .search(source, threshold, limit)
      .map((h) => ({ source: h.source, target: h.target, score: h.score, inContext: false, origin: h.origin || 'tm' }));
  }

  /** The token index of one language pair, built on first use from the database and dropped when entries are added. */
  private index(sourceLang: string, targetLang: string): FuzzyIndex {
    const key = `${lang(sourceLang)}\u0000${lang(targetLang)}`;
    let index = this.indexes.get(key);
    if (!index) {
      const rows = this.db.prepare('SELECT source, target, origin FROM entries WHERE src_lang = ? AND tgt_lang = ? ORDER BY id DESC').all(lang(sourceLang), lang(targetLang)) as Array<{ source: string; target: string; origin: string }>;
      index = new FuzzyIndex(rows);
      this.indexes.set(key, index);
    }
    return index;
  }
}
