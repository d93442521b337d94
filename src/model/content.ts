/**
 * Content: the text of a unit as an ordered list of text runs and inline codes.
 * Every XLIFF version, MT engine and QA check works on this one shape.
 */

/** standalone: <x/>, <ph/>; open/close: the two halves of a paired code (<g>, <pc>). */
export type CodeKind = 'standalone' | 'open' | 'close';

/** What an inline code stands for; decides how it is written, protected and re-formatted. */
export type CodeType = 'tag' | 'placeholder' | 'date' | 'number' | 'name' | 'url' | 'email' | 'link';
export const CODE_TYPES: readonly CodeType[] = ['tag', 'placeholder', 'date', 'number', 'name', 'url', 'email', 'link'];

/** A code type by name, or undefined when the name is not one. */
export function asCodeType(name: string | undefined): CodeType | undefined {
  return CODE_TYPES.find((c) => c === name);
}

export interface InlineCode {
  readonly code: CodeKind;
  /** Unique within a unit; the open and close halves of a pair share it. */
  readonly id: string;
  readonly type: CodeType;
  /** The original text the code stands for, byte for byte. */
  readonly data: string;
  /** For dates: the ISO value parsed from `data`, so a build can re-format it. */
  readonly value?: string;
}

export type Run = string | InlineCode;
export type Content = readonly Run[];

export function isCode(run: Run): run is InlineCode {
  return typeof run !== 'string';
}

/** The original text: text runs plus each code's data. */
export function toPlainText(content: Content): string {
  let out = '';
  for (const run of content) out += typeof run === 'string' ? run : run.data;
  return out;
}

/** Only the translatable text, codes left out. */
export function textOnly(content: Content): string {
  let out = '';
  for (const run of content) if (typeof run === 'string') out += run;
  return out;
}

export function codesOf(content: Content): InlineCode[] {
  return content.filter(isCode);
}

/** Merge adjacent text runs and drop empty ones, so equal content has one shape. */
export function normalizeContent(content: Content): Run[] {
  const out: Run[] = [];
  for (const run of content) {
    if (typeof run === 'string') {
      if (run === '') continue;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + run;
      else out.push(run);
    } else out.push(run);
  }
  return out;
}

/** A code's identity within a unit: its id and which half it is. */
export function codeKey(code: InlineCode): string {
  return `${code.code}:${code.id}`;
}

/** How many codes of each key a side has, with the first code of that key (to describe it). Linear in the codes. */
export function codeTally(codes: readonly InlineCode[]): Map<string, { count: number; first: InlineCode }> {
  const out = new Map<string, { count: number; first: InlineCode }>();
  for (const c of codes) {
    const key = codeKey(c);
    const seen = out.get(key);
    if (seen) seen.count++;
    else out.set(key, { count: 1, first: c });
  }
  return out;
}

export function contentEquals(a: Content, b: Content): boolean {
  const x = normalizeContent(a);
  const y = normalizeContent(b);
  if (x.length !== y.length) return false;
  return x.every((run, i) => {
    const other = y[i];
    if (typeof run === 'string' || typeof other === 'string') return run === other;
    return codeKey(run) === codeKey(other) && run.data === other.data;
  });
}

/** White space that normalizeText folds: anything but a single inner space. */
const OTHER_SPACE = /[^\S ]| {2}|^ | $/u;

/** Whitespace-folded, NFC text used for ids and matching. */
export function normalizeText(text: string): string {
  // Fast path: most sentences are ASCII, single-spaced and trimmed already; one scan tells.
  let plain = text.length > 0 && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32;
  for (let i = 0; plain && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || c < 32 || (c === 32 && text.charCodeAt(i + 1) === 32)) plain = false;
  }
  if (plain) return text;
  const nfc = text.normalize('NFC');
  // Most non-ASCII sentences have only single spaces too: a test is cheaper than a replace that changes nothing.
  return OTHER_SPACE.test(nfc) ? nfc.replace(/\s+/gu, ' ').trim() : nfc;
}

const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{N}\p{M}'’.,-]$/u;

const START = 1;
const PART = 2;
/** Not in the table: told by the patterns. */
const ASK = 4;
/**
 * What each UTF-16 unit below the line separator is to countWords (START | PART, PART, 0, or ASK): ASCII, Latin and
 * the General Punctuation quotes and dashes read from one table, so the count takes one path for European text; other
 * scripts take the patterns (early in a run that has them, not first after the count's code is optimised).
 */
const WORD_KINDS = new Uint8Array(0x2028).fill(ASK, 0x300, 0x2010);
// Written out as [from, to) pairs rather than found by the patterns at start (≈ 1 ms); tests/count-words.test.ts
// holds them to the patterns for every UTF-16 unit.
// \p{L} and \p{N} below U+0300 (none among the quotes and dashes):
const LETTERS_AND_DIGITS = [
  0x30, 0x3a, 0x41, 0x5b, 0x61, 0x7b, 0xaa, 0xab, 0xb2, 0xb4, 0xb5, 0xb6, 0xb9, 0xbb, 0xbc, 0xbf, 0xc0, 0xd7, 0xd8,
  0xf7, 0xf8, 0x2c2, 0x2c6, 0x2d2, 0x2e0, 0x2e5, 0x2ec, 0x2ed, 0x2ee, 0x2ef,
];
// The rest of a word's part (\p{M}, none below U+0300; ' ’ . , -):
const WORD_PUNCTUATION = [0x27, 0x28, 0x2c, 0x2f, 0x2019, 0x201a];
for (let k = 0; k < LETTERS_AND_DIGITS.length; k += 2)
  WORD_KINDS.fill(START | PART, LETTERS_AND_DIGITS[k], LETTERS_AND_DIGITS[k + 1]);
for (let k = 0; k < WORD_PUNCTUATION.length; k += 2)
  WORD_KINDS.fill(PART, WORD_PUNCTUATION[k], WORD_PUNCTUATION[k + 1]);

/**
 * Count words the way translators are billed: runs of letters or digits, codes excluded — the matches of
 * /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,-]*\/gu, counted in one scan without building them.
 */
export function countWords(content: Content): number {
  const text = textOnly(content);
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind = c < WORD_KINDS.length ? WORD_KINDS[c]! : ASK;
    if (kind === ASK) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      kind = WORD_START.test(ch) ? START | PART : WORD_PART.test(ch) ? PART : 0;
    }
    if (inWord) inWord = (kind & PART) !== 0;
    else if ((kind & START) !== 0) {
      words++;
      inWord = true;
    }
  }
  return words;
}
