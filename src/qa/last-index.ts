/**
 * The last pair of a run with each key (a report lists a unit's issues where its last pair with the same file, unit
 * and language stands), learnt without holding the keys: a key is kept by a 32-bit hash, and only keys whose hash
 * comes twice (repeated units, or a collision) are kept whole, as the run is read the second time.
 */
export class LastIndex {
  private readonly byHash = new Map<number, number>();
  private readonly repeated = new Set<number>();
  private readonly exact = new Map<string, number>();

  /** First pass: each pair's key, in run order. */
  learn(key: string, index: number): void {
    const h = hash(key);
    if (this.byHash.has(h)) this.repeated.add(h);
    this.byHash.set(h, index);
  }

  /** Second pass: each pair's key again, in run order; true when the key may be another pair's too. */
  check(key: string, index: number): boolean {
    if (!this.repeated.has(hash(key))) return false;
    this.exact.set(key, index);
    return true;
  }

  /** Once the second pass is done (or for a key seen once, during it): the index of the last pair with `key`. */
  last(key: string): number | undefined {
    const h = hash(key);
    return this.repeated.has(h) ? this.exact.get(key) : this.byHash.get(h);
  }

  /** Whether `key` may be another pair's too (then `last` is known only once the second pass is done). */
  shared(key: string): boolean {
    return this.repeated.has(hash(key));
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
