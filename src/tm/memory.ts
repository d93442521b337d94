import { LocflowError } from '../errors.js';
import { normalizeText } from '../model/content.js';

/**
 * The translation memory's one interface, whatever store holds it: the project's SQLite file
 * (sqlite.ts) or a PostgreSQL database the whole team shares (postgres.ts). Both keep one entry per
 * normalized source, language pair and context, and follow the same rules when entries meet
 * (stored-entries.ts), so every workflow works the same on either.
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

/** An incoming entry the memory did not take: the person's translation it holds (`kept`) stays. */
export interface KeptEntry {
  readonly entry: TmEntry;
  readonly kept: string;
  readonly keptOrigin: string;
}

export interface AddOptions {
  /** A person's translation replaces the one stored for the same place (else that one is kept and reported). */
  readonly overwrite?: boolean;
}

export interface AddResult {
  /** Entries that were new or replaced an older translation. */
  readonly changed: number;
  /** Entries with another target than the person's translation stored for their place, which stays. */
  readonly kept: readonly KeptEntry[];
}

/** One exact look-up: a source text in a language pair, in a context (a hash of its neighbours) or none. */
export interface ExactQuery {
  readonly source: string;
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly context?: string;
}

export interface TranslationMemory {
  /** Where the memory is, fit to show (a URL without its password). */
  readonly location: string;
  /** Adds entries in one transaction, by the rule of stored-entries.ts. */
  add(entries: readonly TmEntry[], options?: AddOptions): Promise<AddResult>;
  /**
   * Adds entries given in chunks, in one transaction, so that a large run need not hold them all: each entry in
   * order meets its place as the earlier ones left it. For entries that all overwrite as a person's (an import's
   * approved translations) the memory ends as after one `add` of them all; `changed` counts rows written.
   */
  addChunks(chunks: Iterable<readonly TmEntry[]>, options?: AddOptions): Promise<AddResult>;
  count(): Promise<number>;
  /** Every entry (of one source and/or target language), oldest first. */
  all(sourceLang?: string, targetLang?: string): Promise<TmEntry[]>;
  /** Exact matches, in-context ones first (most recent first within each). */
  exact(source: string, sourceLang: string, targetLang: string, context?: string): Promise<TmMatch[]>;
  /** `exact` for many look-ups at once (a few round trips, not one per query): the matches of each, in order. */
  exactMany(queries: readonly ExactQuery[]): Promise<TmMatch[][]>;
  /** Fuzzy matches at or above `threshold`, best first (the most recent first among equal scores), at most `limit`. */
  fuzzy(source: string, sourceLang: string, targetLang: string, threshold?: number, limit?: number): Promise<TmMatch[]>;
  close(): Promise<void>;
}

/** The schema version this locflow writes in a SQLite file; each store migrates older ones up to its own. */
export const SCHEMA_VERSION = 1;

/**
 * A memory written by a newer locflow (schema `version`, beyond the `known` one of its store) is not opened: its rows
 * may mean more than this one knows.
 */
export function refuseNewerSchema(location: string, version: number, known = SCHEMA_VERSION): void {
  if (version > known)
    throw new LocflowError(
      `the translation memory ${location} has schema version ${version}; this locflow knows up to ${known}`,
      { hint: 'upgrade locflow to use this memory' },
    );
}

/** One exact look-up as a batch of one: both stores answer `exact` through their `exactMany`. */
export async function exactOne(
  memory: Pick<TranslationMemory, 'exactMany'>,
  source: string,
  sourceLang: string,
  targetLang: string,
  context?: string,
): Promise<TmMatch[]> {
  return (
    await memory.exactMany([{ source, sourceLang, targetLang, ...(context !== undefined ? { context } : {}) }])
  )[0]!;
}

/** What a schema migration found and left. */
export interface Migration {
  readonly from: number;
  readonly to: number;
}

/** The exact-match key: whitespace folded, NFC; case and codes kept. */
export function tmKey(source: string): string {
  return normalizeText(source);
}

export const lang = (tag: string): string => tag.toLowerCase();

/** Machine output (MT, pseudo-translation) never replaces a person's translation in the memory. */
export function isMachineOrigin(origin: string | undefined): boolean {
  return /^(?:mt|pseudo)/u.test(origin ?? '');
}

/** A stored row as an exact look-up reads it. */
export interface ExactRow {
  readonly source: string;
  readonly target: string;
  readonly context: string;
  readonly origin: string;
}

/** Stored rows of one exact key as matches: 100 for the same text, 99 when only whitespace or form differs. */
export function exactMatches(rows: readonly ExactRow[], source: string, context: string | undefined): TmMatch[] {
  return rows
    .map((r) => ({
      source: r.source,
      target: r.target,
      score: r.source === source ? 100 : 99,
      inContext: context !== undefined && context !== '' && r.context === context && r.source === source,
      origin: r.origin || 'tm',
    }))
    .sort((a, b) => Number(b.inContext) - Number(a.inContext));
}
