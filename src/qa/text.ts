import { memo } from '../model/memo.js';
import type { Content } from '../model/content.js';

/** Helpers the checks share for looking at a unit's text. */

/** The text of a unit with codes replaced by U+FFFC, so offsets and word boundaries stay meaningful. */
export function textWithoutCodes(content: Content): string {
  let out = '';
  for (const run of content) out += typeof run === 'string' ? run : '\uFFFC';
  return out;
}

const SENTENCE_END = /[.!?¿¡:;"“”«»(\n]\s*$/u;

/**
 * Whether the word at `at` opens a sentence (the text's start, or after a full
 * stop, question or exclamation mark, colon, semicolon, quote or bracket): its
 * capital says nothing there, while inside a sentence a capital marks a name.
 */
export function opensSentence(text: string, at: number): boolean {
  return at === 0 || SENTENCE_END.test(text.slice(Math.max(0, at - 4), at));
}

/** Whether every character is ASCII (a loop: twice as fast as /^[\x00-\x7f]*$/u on the words and sentences checked). */
export function isAscii(text: string): boolean {
  return allBelow(text, 0x80);
}

/** Whether every UTF-16 unit of a text is below `limit` (a loop: no pattern run along it). */
export function allBelow(text: string, limit: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= limit) return false;
  return true;
}

function foldText(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  if (LATIN_TEXT.test(text)) return foldLatin(text);
  return foldAny(text);
}

const foldAny = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Characters below the combining marks (U+0300): ASCII, Latin-1, Latin Extended, IPA, spacing modifiers. */
const LATIN_TEXT = /^[\x00-\u02ff]*$/u;

/**
 * Each character below U+0300 folded alone (made on first use): none of them is a mark or lower-cased by its
 * context, so a text of them folds character by character, faster than normalising it. A character that folds into
 * more than one (none does in Node 20's ICU) sends its text the long way.
 */
const UNKNOWN = -2;
const SEVERAL = -3;
const LATIN_FOLDS = new Int32Array(0x300).fill(UNKNOWN);

function latinFold(c: number): number {
  let f = LATIN_FOLDS[c]!;
  if (f === UNKNOWN) {
    const folded = foldAny(String.fromCharCode(c));
    LATIN_FOLDS[c] = f = folded === '' ? -1 : folded.length === 1 ? folded.charCodeAt(0) : SEVERAL;
  }
  return f;
}

let folding = new Uint16Array(256);

function foldLatin(text: string): string {
  if (folding.length < text.length) folding = new Uint16Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = latinFold(text.charCodeAt(i));
    if (c >= 0) folding[n++] = c;
    else if (c === SEVERAL) return foldAny(text);
  }
  let out = '';
  // (in pieces: a call takes only so many arguments; given by apply, not spread, which would step an iterator through
  // the array and make an object per character: four times the time)
  for (let from = 0; from < n; from += 4096)
    out += String.fromCharCode.apply(null, folding.subarray(from, Math.min(n, from + 4096)) as unknown as number[]);
  return out;
}

// The same names and words are folded again and again across checks and glossary entries: remembered.
const foldWord = memo(foldText);

/** Past this length a text is a sentence, folded by few callers: kept in no memory (it would outlive its unit). */
const LONGEST_REMEMBERED = 64;

/** Letters without diacritics, lower case: "Hamás" ≈ "Hamas". */
export function fold(text: string): string {
  // (plain ASCII folds to its lower case, which costs less to make again than to look up)
  if (isAscii(text)) return text.toLowerCase();
  return text.length > LONGEST_REMEMBERED ? foldText(text) : foldWord(text);
}

/** Whether `needle` occurs in `haystack` as whole words, ignoring case and diacritics. */
export function containsWords(haystack: string, needle: string): boolean {
  const h = fold(haystack);
  const n = fold(needle).trim();
  if (n === '') return false;
  let at = h.indexOf(n);
  while (at >= 0) {
    const before = h.charAt(at - 1);
    const after = h.charAt(at + n.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = h.indexOf(n, at + 1);
  }
  return false;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Whether the code point at `at` (a whole surrogate pair) is a letter or a number; none outside the text. */
function letterOrNumberAt(text: string, at: number): boolean {
  // (a read outside the text is answered before it is made: optimised code that reads past the end is thrown away)
  if (at < 0 || at >= text.length) return false;
  const c = text.codePointAt(at)!;
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(c));
}

/**
 * Whether `word` occurs in `text` exactly as written, with no letter or number right before or after it — what
 * /(?<![\p{L}\p{N}])word(?![\p{L}\p{N}])/u tells, without compiling a pattern per word (each costs far more than
 * the search).
 */
export function hasWordAsWritten(text: string, word: string): boolean {
  if (word === '') return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    // A match never splits a surrogate pair; the code point before is a whole pair where there is one.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end)))
      continue;
    if (at > 0 && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) continue;
    const before =
      at >= 2 && isLowSurrogate(text.charCodeAt(at - 1)) && isHighSurrogate(text.charCodeAt(at - 2)) ? 2 : 1;
    if ((at === 0 || !letterOrNumberAt(text, at - before)) && !letterOrNumberAt(text, end)) return true;
  }
  return false;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

export function offsetOf(haystack: string, needle: string): { start: number; end: number } | undefined {
  const at = haystack.indexOf(needle);
  return at >= 0 ? { start: at, end: at + needle.length } : undefined;
}
