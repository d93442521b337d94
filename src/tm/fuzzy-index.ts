import { fuzzyScore, tokenize, type Tokens } from './score.js';

/**
 * Candidate retrieval for fuzzy matches without scanning the memory: an
 * inverted index from tokens (lower case, numbers as "#") to entries, with
 * the filters that a score threshold T allows (score ≥ T ⇒ edit distance
 * d ≤ (1 − T/100)·max(n, m), and d ≥ max(n, m) − shared tokens):
 *
 *   length filter   n·T/100 ≤ m ≤ n·100/T
 *   overlap filter  shared tokens ≥ ⌈max(n, m)·T/100⌉
 *   prefix filter   an entry sharing k of the query's n tokens shares one of
 *                   its n − k + 1 rarest, so only those tokens' lists are read
 *
 * Survivors are scored exactly (score.ts).
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
  private readonly need: Int32Array;
  private readonly needStamp: Int32Array;
  private readonly used: Int32Array;
  private readonly usedStamp: Int32Array;
  private query = 0;
  private visit = 0;

  constructor(private readonly entries: readonly IndexedEntry[]) {
    const lists: number[][] = [];
    this.entryTokens = entries.map((e, i) => {
      const ids = tokenize(e.source).lower.map((t) => {
        let id = this.vocab.get(t);
        if (id === undefined) {
          id = lists.length;
          this.vocab.set(t, id);
          lists.push([]);
        }
        return id;
      });
      for (const id of new Set(ids)) lists[id]!.push(i);
      return Int32Array.from(ids);
    });
    this.postings = lists.map((l) => Int32Array.from(l));
    this.seen = new Int32Array(entries.length).fill(-1);
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
    const t = Math.max(1, threshold) / 100;
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
    const k = Math.ceil(n * t);
    // Rarest first; tokens unknown to the memory are the rarest of all and match nothing.
    const order = [...ids].sort((a, b) => (a < 0 ? 0 : this.postings[a]!.length) - (b < 0 ? 0 : this.postings[b]!.length));
    const prefix = order.slice(0, Math.max(1, n - k + 1));
    const minLen = Math.ceil(n * t);
    const maxLen = Math.floor(n / t);
    const hits: FuzzyHit[] = [];
    let worst = threshold;
    for (const id of prefix) {
      if (id < 0) continue;
      const list = this.postings[id]!;
      for (let p = 0; p < list.length; p++) {
        const e = list[p]!;
        if (this.seen[e] === q) continue;
        this.seen[e] = q;
        const toks = this.entryTokens[e]!;
        const m = toks.length;
        if (m < minLen || m > maxLen) continue;
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
        if (shared < Math.ceil(Math.max(n, m) * t)) continue;
        // No score can beat 100·shared/max(n, m): skip the edit distance when that cannot reach the best `limit` so far.
        if (hits.length >= limit && (100 * shared) / Math.max(n, m) < worst) continue;
        const entry = this.entries[e]!;
        const score = fuzzyScore(mine, tokenize(entry.source), source, entry.source);
        if (score >= threshold) {
          hits.push({ ...entry, score });
          if (hits.length >= limit) {
            hits.sort((a, b) => b.score - a.score);
            hits.length = limit;
            worst = hits[limit - 1]!.score;
          }
        }
      }
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
