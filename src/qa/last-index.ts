/**
 * The last pair of a run with each key (a report lists a unit's issues where its last pair with the same file, unit
 * and language stands), learnt without holding the keys: a key is kept by a 32-bit hash, and only keys whose hash
 * comes twice (repeated units, or a collision) are kept whole, as the run is read the second time.
 */
export class LastIndex {
  private readonly byHash = new HashTable();
  private readonly repeated = new Set<number>();
  private readonly exact = new Map<string, number>();

  /** First pass: each pair's key, in run order. */
  learn(key: string, index: number): void {
    const h = hash(key);
    if (this.byHash.set(h, index)) this.repeated.add(h);
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

/**
 * Hash → index, in two typed arrays (open addressing, linear probing): 8 bytes a slot, never more than twice the
 * entries, where a Map costs an entry and a heap number per 32-bit key — a run of 600,000 pairs in 8 MB, not 50.
 */
export class HashTable {
  private keys = new Uint32Array(1024);
  /** The index stored with each key, -1 where the slot is free. */
  private values = new Int32Array(1024).fill(-1);
  private count = 0;

  /** Sets the key's index; true when the key was there already. */
  set(key: number, index: number): boolean {
    if ((this.count + 1) * 4 > this.keys.length * 3) this.grow();
    const at = this.slot(key);
    const known = this.values[at]! >= 0;
    if (!known) this.count++;
    this.keys[at] = key;
    this.values[at] = index;
    return known;
  }

  get(key: number): number | undefined {
    const value = this.values[this.slot(key)]!;
    return value >= 0 ? value : undefined;
  }

  /** The key's slot, or the free one where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let at = Math.imul(key, 0x9e3779b1) & mask;
    while (this.values[at]! >= 0 && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      if (values[i]! < 0) continue;
      const at = this.slot(keys[i]!);
      this.keys[at] = keys[i]!;
      this.values[at] = values[i]!;
    }
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
