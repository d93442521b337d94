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

/** textHash(normalizeText(text)) in one pass and without allocating, for the common case (ASCII, Latin letters). */
export function normalizedTextHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const n = text.length;
  let i = 0;
  let ch: number;
  // The ASCII white space normalizeText folds (space, tab, line feed, vertical tab, form feed, return) is told by
  // `ch === 32 || (ch >= 9 && ch <= 13)` written out at each place: extract compiles its run without inlining (see
  // compileWithoutInlining), and a call per character was half of this loop's time.
  while (i < n && ((ch = text.charCodeAt(i)) === 32 || (ch >= 9 && ch <= 13))) i++; // leading white space is folded away
  while (i < n) {
    ch = text.charCodeAt(i);
    if (ch === 32 || (ch >= 9 && ch <= 13)) {
      // A run of white space: one space between words, nothing at the end. Hashed before the next character is
      // looked at; if that one takes the general path, what was hashed here is thrown away with the rest.
      do i++;
      while (i < n && ((ch = text.charCodeAt(i)) === 32 || (ch >= 9 && ch <= 13)));
      if (i === n) break;
      h1 = Math.imul(h1 ^ 32, 2654435761);
      h2 = Math.imul(h2 ^ 32, 1597334677);
    }
    // (told from a table for every character: a test made only past ASCII would first run, without feedback, in
    // optimised code at the first such sentence, and that code would be thrown away and made again)
    if (ch >= HASHED_AS_THEY_ARE.length || HASHED_AS_THEY_ARE[ch] === 0) return textHash(normalizeText(text));
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
    i++;
  }
  return finish(h1, h2);
}

/**
 * 1 for the characters hashed here as they are: NFC leaves any text of them as it is and /\s/ matches none (ASCII
 * white space is folded before the table is read): ASCII, Latin-1 and Latin Extended below the combining marks
 * (no-break space aside), the dashes and quotes of General Punctuation. News in Latin scripts is almost all of
 * these; any other character takes the general path (NFC, Unicode white space).
 */
const HASHED_AS_THEY_ARE = new Uint8Array(0x2028).fill(1, 0, 0x300).fill(1, 0x2010, 0x2028);
HASHED_AS_THEY_ARE[0xa0] = 0;

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
