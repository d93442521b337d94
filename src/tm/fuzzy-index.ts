import { BestHits, FuzzyBounds } from './fuzzy-bounds.js';
import { fuzzyScore, tokenize, type Tokens } from './score.js';

/**
 * Candidate retrieval for fuzzy matches in the SQLite store without scanning the memory: an inverted
 * index from tokens (lower case, numbers as "#") to entries, read for the query's rarest tokens only,
 * with the length and overlap filters of fuzzy-bounds.ts. Survivors are fetched by id and scored
 * exactly (score.ts). The index holds token ids only, so it can be kept in the memory's file
 * (fuzzy-store.ts) and loaded without reading or tokenizing the entries again.
 */
export interface IndexedEntry {
  readonly source: string;
  readonly target: string;
  readonly origin: string;
}

export interface FuzzyHit extends IndexedEntry {
  readonly score: number;
}

/** Token ↔ id, shared by every language pair of a memory. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.idOf(w);
  }

  /** The token's id, a new one for a token not seen before. */
  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  find(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  get size(): number {
    return this.words.length;
  }
}

/**
 * The tokens of some entries in flat arrays (a few typed arrays rather than an array per entry: at a
 * million entries, millions of small arrays cost more than the tokenizing): entry i has the id
 * ids[i] and the tokens tokens[starts[i] … starts[i + 1]), ids ascending.
 */
export interface TokenLists {
  readonly ids: Float64Array;
  readonly starts: Int32Array;
  readonly tokens: Int32Array;
}

/** Tokenizes rows (ids ascending) into token lists, adding new tokens to `vocabulary`. */
export function tokenLists(rows: ReadonlyArray<{ id: number; source: string }>, vocabulary: Vocabulary): TokenLists {
  let tokens = new Int32Array(rows.length * 16 + 16);
  const starts = new Int32Array(rows.length + 1);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const lower = tokenize(rows[i]!.source).lower;
    if (at + lower.length > tokens.length) {
      const grown = new Int32Array(Math.max(tokens.length * 2, at + lower.length));
      grown.set(tokens);
      tokens = grown;
    }
    for (const word of lower) tokens[at++] = vocabulary.idOf(word);
    starts[i + 1] = at;
  }
  return { ids: Float64Array.from(rows, (r) => r.id), starts, tokens: tokens.slice(0, at) };
}

/** Several token lists (each after the one before it by id) as one. */
export function joinLists(parts: readonly TokenLists[]): TokenLists {
  if (parts.length === 1) return parts[0]!;
  const entries = parts.reduce((n, p) => n + p.ids.length, 0);
  const ids = new Float64Array(entries);
  const starts = new Int32Array(entries + 1);
  const tokens = new Int32Array(parts.reduce((n, p) => n + p.tokens.length, 0));
  let e = 0;
  let t = 0;
  for (const p of parts) {
    ids.set(p.ids, e);
    tokens.set(p.tokens, t);
    for (let i = 1; i <= p.ids.length; i++) starts[e + i] = t + p.starts[i]!;
    e += p.ids.length;
    t += p.tokens.length;
  }
  return { ids, starts, tokens };
}

export class FuzzyIndex {
  private readonly ids: Float64Array;
  private readonly tokens: Int32Array;
  private readonly tokenStart: Int32Array;
  /** Entries on each token's list: those of token t at postings[postStart[t] … postStart[t + 1]). */
  private readonly postings: Int32Array;
  private readonly postStart: Int32Array;
  private readonly seen: Int32Array;
  /** How many of the chosen tokens' lists an entry is on, for the query of `seen`. */
  private readonly hits: Int32Array;
  private readonly need: Int32Array;
  private readonly needStamp: Int32Array;
  private readonly used: Int32Array;
  private readonly usedStamp: Int32Array;
  private query = 0;
  private visit = 0;

  /** `entry` gives an entry's texts by id (undefined when it is gone). */
  constructor(
    private readonly vocabulary: Vocabulary,
    lists: TokenLists,
    private readonly entry: (id: number) => IndexedEntry | undefined,
  ) {
    this.ids = lists.ids;
    this.tokens = lists.tokens;
    this.tokenStart = lists.starts;
    const size = vocabulary.size;
    const entries = lists.ids.length;
    // Two passes: how long each token's list is, then the lists (an entry once on each, however often it holds it).
    const onList = new Int32Array(size);
    const last = new Int32Array(size).fill(-1);
    for (let i = 0; i < entries; i++)
      for (let j = this.tokenStart[i]!; j < this.tokenStart[i + 1]!; j++) {
        const id = this.tokens[j]!;
        if (last[id] !== i) {
          last[id] = i;
          onList[id]!++;
        }
      }
    this.postStart = new Int32Array(size + 1);
    for (let t = 0; t < size; t++) this.postStart[t + 1] = this.postStart[t]! + onList[t]!;
    this.postings = new Int32Array(this.postStart[size]!);
    const fill = this.postStart.slice(0, size);
    last.fill(-1);
    for (let i = 0; i < entries; i++)
      for (let j = this.tokenStart[i]!; j < this.tokenStart[i + 1]!; j++) {
        const id = this.tokens[j]!;
        if (last[id] !== i) {
          last[id] = i;
          this.postings[fill[id]!++] = i;
        }
      }
    this.seen = new Int32Array(entries).fill(-1);
    this.hits = new Int32Array(entries);
    this.need = new Int32Array(size);
    this.needStamp = new Int32Array(size).fill(-1);
    this.used = new Int32Array(size);
    this.usedStamp = new Int32Array(size).fill(-1);
  }

  /** How many entries hold a token (0 for a token the memory does not know, id −1). */
  private listLength(id: number): number {
    return id < 0 ? 0 : this.postStart[id + 1]! - this.postStart[id]!;
  }

  get size(): number {
    return this.ids.length;
  }

  search(source: string, threshold: number, limit: number): FuzzyHit[] {
    const mine: Tokens = tokenize(source);
    const n = mine.lower.length;
    if (n === 0) return [];
    const bounds = new FuzzyBounds(n, threshold);
    const q = ++this.query;
    // Tokens this index has never seen are on no list (and ids beyond it, added since, likewise).
    const known = (w: string): number => {
      const id = this.vocabulary.find(w);
      return id < this.need.length ? id : -1;
    };
    const ids = mine.lower.map(known);
    // Stamps instead of clearing arrays: need[] is valid for this query's tokens only.
    for (const id of ids) {
      if (id < 0) continue;
      if (this.needStamp[id] !== q) {
        this.needStamp[id] = q;
        this.need[id] = 0;
      }
      this.need[id]!++;
    }
    // Rarest first; tokens unknown to the memory are the rarest of all and match nothing.
    const order = [...ids].sort((a, b) => this.listLength(a) - this.listLength(b));
    const best = new BestHits<IndexedEntry>(limit, threshold);
    // The query's different words, rarest first (each unknown word is one of its own, on no list).
    const distinct = [...new Set(mine.lower)].map(known).sort((a, b) => this.listLength(a) - this.listLength(b));
    for (const e of this.candidates(order, distinct, bounds, q)) {
      const from = this.tokenStart[e]!;
      const m = this.tokenStart[e + 1]! - from;
      if (!bounds.fitsLength(m)) continue;
      // Shared tokens as multisets, with a stamp instead of clearing the counters.
      let shared = 0;
      const v = ++this.visit;
      for (let j = 0; j < m; j++) {
        const tid = this.tokens[from + j]!;
        if (this.needStamp[tid] !== q) continue;
        if (this.usedStamp[tid] !== v) {
          this.usedStamp[tid] = v;
          this.used[tid] = 0;
        }
        if (this.used[tid]! < this.need[tid]!) {
          this.used[tid]!++;
          shared++;
        }
      }
      if (!bounds.sharesEnough(shared, m) || !best.worth(bounds.bestPossible(shared, m))) continue;
      const id = this.ids[e]!;
      const entry = this.entry(id);
      // The most recent entry (highest id) first among equal scores, as in the PostgreSQL store.
      if (entry) best.offer(entry, fuzzyScore(mine, tokenize(entry.source), source, entry.source), -id);
    }
    return best.list().map(({ item, score }) => ({ ...item, score }));
  }

  /**
   * The entries that can share enough tokens, each once. An entry sharing k of the query's n tokens
   * holds one of any n − k + 1 of them (the prefix filter), and two of any n − k + 2: where k ≥ 2 it
   * is enough to count, over the lists of the n − k + 2 rarest, how many each entry is on (a token
   * chosen twice counting twice, so different words are chosen where the query has enough) and keep
   * those on two, which leaves out most of the entries that merely hold one common word.
   */
  private candidates(order: readonly number[], distinct: readonly number[], bounds: FuzzyBounds, q: number): number[] {
    const pairs = bounds.minShared >= 2;
    const size = bounds.prefixSize + (pairs ? 1 : 0);
    // Any n − k + 2 of the query's positions will do: different words where the query has enough of them, so a
    // common word the query holds twice is not a pair by itself.
    const chosen = pairs && distinct.length >= size ? distinct.slice(0, size) : order.slice(0, size);
    const times = new Map<number, number>();
    for (const id of chosen) if (id >= 0) times.set(id, (times.get(id) ?? 0) + 1);
    const out: number[] = [];
    for (const [id, n] of times) {
      for (let p = this.postStart[id]!; p < this.postStart[id + 1]!; p++) {
        const e = this.postings[p]!;
        if (this.seen[e] !== q) {
          this.seen[e] = q;
          this.hits[e] = 0;
        }
        const before = this.hits[e]!;
        this.hits[e] = before + n;
        if (pairs ? before < 2 && before + n >= 2 : before === 0) out.push(e);
      }
    }
    return out;
  }
}
