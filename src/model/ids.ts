import { normalizeText } from './content.js';

/**
 * Stable unit ids: a 52-bit hash of the whitespace-folded source text, plus an
 * occurrence counter for repeats, so editing one sentence changes only its id.
 * The hash need not be cryptographic, only stable and well spread; this one
 * (cyrb53) is fast enough for corpora of millions of words.
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

/** textHash(normalizeText(text)) in one pass and without allocating, for the common ASCII case. */
export function normalizedTextHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch > 0x7e) return textHash(normalizeText(text)); // may need NFC or Unicode spaces: take the general path
    if (ch === 32 || (ch >= 9 && ch <= 13)) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) {
      h1 = Math.imul(h1 ^ 32, 2654435761);
      h2 = Math.imul(h2 ^ 32, 1597334677);
      pendingSpace = false;
    }
    started = true;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

/** The character codes of the hex digits 0–f. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

function finish(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // The 53-bit value 2^32·(h2 & 0x1fffff) + h1 in hex: 6 digits of the high part, 8 of the low, written digit by
  // digit into one string (Number#toString of a value above 2^31 goes through a double's digits: slow per unit).
  const high = h2 & 0x1fffff;
  return String.fromCharCode(
    HEX[high >>> 20]!,
    HEX[(high >>> 16) & 15]!,
    HEX[(high >>> 12) & 15]!,
    HEX[(high >>> 8) & 15]!,
    HEX[(high >>> 4) & 15]!,
    HEX[high & 15]!,
    HEX[h1 >>> 28]!,
    HEX[(h1 >>> 24) & 15]!,
    HEX[(h1 >>> 20) & 15]!,
    HEX[(h1 >>> 16) & 15]!,
    HEX[(h1 >>> 12) & 15]!,
    HEX[(h1 >>> 8) & 15]!,
    HEX[(h1 >>> 4) & 15]!,
    HEX[h1 & 15]!,
  );
}

export class UnitIdAllocator {
  private readonly seen = new Map<string, number>();

  next(sourceText: string): string {
    const base = 'u' + normalizedTextHash(sourceText);
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}
