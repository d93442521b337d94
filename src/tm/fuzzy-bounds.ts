/**
 * What a score threshold T allows of a fuzzy candidate, shared by both stores so that they consider
 * the same entries (score ≥ T ⇒ edit distance d ≤ (1 − T/100)·max(n, m), and d ≥ max(n, m) − shared
 * tokens, for a query of n tokens and an entry of m):
 *
 *   length filter   n·T/100 ≤ m ≤ n·100/T
 *   overlap filter  shared tokens ≥ ⌈max(n, m)·T/100⌉
 *   prefix filter   an entry sharing k = ⌈n·T/100⌉ of the query's n tokens shares one of any
 *                   n − k + 1 of them, so only the entries holding the rarest few need be read
 *
 * and which of the survivors are kept: the best `limit` scores, the most recent entry first among
 * equal scores.
 */
export class FuzzyBounds {
  readonly minLength: number;
  readonly maxLength: number;
  /** How many of the query's tokens (the rarest) an entry must share one of. */
  readonly prefixSize: number;
  /** The fewest tokens an entry must share with the query, k. */
  readonly minShared: number;
  /** The threshold as a fraction (at least 0.01). */
  readonly fraction: number;

  constructor(
    readonly tokens: number,
    threshold: number,
  ) {
    this.fraction = Math.max(1, threshold) / 100;
    this.minShared = Math.ceil(tokens * this.fraction);
    this.prefixSize = Math.max(1, tokens - this.minShared + 1);
    this.minLength = Math.ceil(tokens * this.fraction);
    this.maxLength = Math.floor(tokens / this.fraction);
  }

  fitsLength(m: number): boolean {
    return m >= this.minLength && m <= this.maxLength;
  }

  sharesEnough(shared: number, m: number): boolean {
    return shared >= Math.ceil(Math.max(this.tokens, m) * this.fraction);
  }

  /** The highest score an entry of m tokens sharing `shared` can reach. */
  bestPossible(shared: number, m: number): number {
    return (100 * shared) / Math.max(this.tokens, m);
  }
}

/** The best `limit` hits by score, then by recency (a lower `rank` is more recent). */
export class BestHits<T> {
  private readonly hits: Array<{ item: T; score: number; rank: number }> = [];

  constructor(
    private readonly limit: number,
    private readonly threshold: number,
  ) {}

  /** Whether a candidate that can score at most `bound` could still enter the list. */
  worth(bound: number): boolean {
    return this.hits.length < this.limit || bound >= this.hits[this.hits.length - 1]!.score;
  }

  offer(item: T, score: number, rank: number): void {
    if (score < this.threshold || this.limit <= 0) return;
    this.hits.push({ item, score, rank });
    this.hits.sort((a, b) => b.score - a.score || a.rank - b.rank);
    if (this.hits.length > this.limit) this.hits.length = this.limit;
  }

  list(): Array<{ item: T; score: number }> {
    return this.hits.map(({ item, score }) => ({ item, score }));
  }
}

/** Tokens two lists share, counted as multisets (`wanted` counts the query's tokens). */
export function sharedTokens(wanted: ReadonlyMap<string, number>, tokens: readonly string[]): number {
  const used = new Map<string, number>();
  let shared = 0;
  for (const t of tokens) {
    const need = wanted.get(t);
    if (need === undefined) continue;
    const u = used.get(t) ?? 0;
    if (u < need) {
      used.set(t, u + 1);
      shared++;
    }
  }
  return shared;
}

export function tokenCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
