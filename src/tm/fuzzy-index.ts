import { BestHits, FuzzyBounds } from './fuzzy-bounds.js';
import { fuzzyScore, tokenize, type Tokens } from './score.js';

/**
 * Candidate retrieval for fuzzy matches in the SQLite store without scanning the memory: an inverted
 * index from tokens (lower case, numbers as "#") to entries, read for the query's rarest tokens only,
 * with the length and overlap filters of fuzzy-bounds.ts. Survivors are scored exactly (score.ts).
 * Entries come most recent first: an entry's position is its rank among equal scores.
 */
export interface IndexedEntry {
  readonly source: string;
  readonly target: string;
  readonly origin: string;
}

export interface FuzzyHit extends IndexedEntry {
  readonly score: number;
}

export class FuzzyIndex {
  private readonly vocab = new Map<string, number>();
  /** Entries on each token's list: those of token t at postings[postStart[t] … postStart[t + 1]). */
  private readonly postings: Int32Array;
  private readonly postStart: Int32Array;
  /** Each entry's tokens: those of entry e at tokens[tokenStart[e] … tokenStart[e + 1]). */
  private readonly tokens: Int32Array;
  private readonly tokenStart: Int32Array;
  private readonly seen: Int32Array;
  /** How many of the chosen tokens' lists an entry is on, for the query of `seen`. */
  private readonly hits: Int32Array;
  private readonly need: Int32Array;
  private readonly needStamp: Int32Array;
  private readonly used: Int32Array;
  private readonly usedStamp: Int32Array;
  private query = 0;
  private visit = 0;

  constructor(private readonly entries: readonly IndexedEntry[]) {
    // A few flat arrays rather than an array per entry and per token: at a million entries, building and
    // collecting millions of small arrays cost more than the tokenizing.
    let tokens = new Int32Array(entries.length * 16 + 16);
    const tokenStart = new Int32Array(entries.length + 1);
    const onList: number[] = [];
    // The last entry put on each list: an entry goes on a token's list once, however often it holds it.
    const last: number[] = [];
    let at = 0;
    for (let i = 0; i < entries.length; i++) {
      const lower = tokenize(entries[i]!.source).lower;
      if (at + lower.length > tokens.length) {
        const grown = new Int32Array(Math.max(tokens.length * 2, at + lower.length));
        grown.set(tokens);
        tokens = grown;
      }
      for (const word of lower) {
        let id = this.vocab.get(word);
        if (id === undefined) {
          id = onList.length;
          this.vocab.set(word, id);
          onList.push(0);
          last.push(-1);
        }
        tokens[at++] = id;
        if (last[id] !== i) {
          last[id] = i;
          onList[id]!++;
        }
      }
      tokenStart[i + 1] = at;
    }
    this.tokens = tokens.subarray(0, at);
    this.tokenStart = tokenStart;
    this.postStart = new Int32Array(onList.length + 1);
    for (let t = 0; t < onList.length; t++) this.postStart[t + 1] = this.postStart[t]! + onList[t]!;
    this.postings = new Int32Array(this.postStart[onList.length]!);
    const fill = Int32Array.from(this.postStart.subarray(0, onList.length));
    last.fill(-1);
    for (let i = 0; i < entries.length; i++)
      for (let j = tokenStart[i]!; j < tokenStart[i + 1]!; j++) {
        const id = tokens[j]!;
        if (last[id] !== i) {
          last[id] = i;
          this.postings[fill[id]!++] = i;
        }
      }
    const vocabulary = onList.length;
    this.seen = new Int32Array(entries.length).fill(-1);
    this.hits = new Int32Array(entries.length);
    this.need = new Int32Array(vocabulary);
    this.needStamp = new Int32Array(vocabulary).fill(-1);
    this.used = new Int32Array(vocabulary);
    this.usedStamp = new Int32Array(vocabulary).fill(-1);
  }

  /** How many entries hold a token (0 for a token the memory does not know, id −1). */
  private listLength(id: number): number {
    return id < 0 ? 0 : this.postStart[id + 1]! - this.postStart[id]!;
  }

  get size(): number {
    return this.entries.length;
  }

  search(source: string, threshold: number, limit: number): FuzzyHit[] {
    const mine: Tokens = tokenize(source);
    const n = mine.lower.length;
    if (n === 0) return [];
    const bounds = new FuzzyBounds(n, threshold);
    const q = ++this.query;
    const ids = mine.lower.map((w) => this.vocab.get(w) ?? -1);
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
    const distinct = [...new Set(mine.lower)]
      .map((w) => this.vocab.get(w) ?? -1)
      .sort((a, b) => this.listLength(a) - this.listLength(b));
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
      const entry = this.entries[e]!;
      best.offer(entry, fuzzyScore(mine, tokenize(entry.source), source, entry.source), e);
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
