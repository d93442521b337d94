import { createHash } from 'node:crypto';
import { normalizeText } from './content.js';

/**
 * Stable unit ids: a hash of the whitespace-folded source text, plus an
 * occurrence counter for repeats, so editing one sentence changes only its id.
 */
export class UnitIdAllocator {
  private readonly seen = new Map<string, number>();

  next(sourceText: string): string {
    const base = 'u' + createHash('sha1').update(normalizeText(sourceText)).digest('hex').slice(0, 12);
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}
