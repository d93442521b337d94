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
  private readonly postings: Int32Array[];
  private readonly entryTokens: Int32Array[];
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
    const lists: number[][] = [];
    // The last entry put on each list: an entry goes on a token's list once, however often it holds it.
    const last: number[] = [];
    this.entryTokens = new Array<Int32Array>(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const lower = tokenize(entries[i]!.source).lower;
      const ids = new Int32Array(lower.length);
      for (let j = 0; j < lower.length; j++) {
        let id = this.vocab.get(lower[j]!);
        if (id === undefined) {
          id = lists.length;
          this.vocab.set(lower[j]!, id);
          lists.push([]);
          last.push(-1);
        }
        ids[j] = id;
        if (last[id] !== i) {
          last[id] = i;
          lists[id]!.push(i);
        }
      }
      this.entryTokens[i] = ids;
    }
    this.postings = lists.map((l) => Int32Array.from(l));
    this.seen = new Int32Array(entries.length).fill(-1);
    this.hits = new Int32Array(entries.length);
    this.need = new Int32Array(lists.length);
    this.needStamp = new Int32Array(lists.length).fill(-1);
    this.used = new Int32Array(lists.length);
    this.usedStamp = new Int32Array(lists.length).fill(-1);
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
    const order = [...ids].sort(
      (a, b) => (a < 0 ? 0 : this.postings[a]!.length) - (b < 0 ? 0 : this.postings[b]!.length),
    );
    const best = new BestHits<IndexedEntry>(limit, threshold);
    for (const e of this.candidates(order, bounds, q)) {
      const toks = this.entryTokens[e]!;
      const m = toks.length;
      if (!bounds.fitsLength(m)) continue;
      // Shared tokens as multisets, with a stamp instead of clearing the counters.
      let shared = 0;
      const v = ++this.visit;
      for (let j = 0; j < m; j++) {
        const tid = toks[j]!;
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
   * chosen twice counting twice) and keep those on two, which leaves out most of the entries that
   * merely hold one common word.
   */
  private candidates(order: readonly number[], bounds: FuzzyBounds, q: number): number[] {
    const pairs = bounds.minShared >= 2;
    const chosen = order.slice(0, bounds.prefixSize + (pairs ? 1 : 0));
    const times = new Map<number, number>();
    for (const id of chosen) if (id >= 0) times.set(id, (times.get(id) ?? 0) + 1);
    const out: number[] = [];
    for (const [id, n] of times) {
      const list = this.postings[id]!;
      for (let p = 0; p < list.length; p++) {
        const e = list[p]!;
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
