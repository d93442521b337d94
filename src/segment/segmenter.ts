import { rulesFor, type LanguageRules } from './languages.js';
import { URL } from '../protect/patterns.js';

/** A sentence as offsets into the input: `text.slice(start, end)` is the sentence, without surrounding space. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

// Sentence-final punctuation: spaced ellipses (". . ."), runs of dots, "…", and ! ? in their script variants.
const TERMINAL = /\.(?:[ \u00a0]\.){2,}|\.{2,}|…+|[.!?‼⁇⁈⁉؟۔。！？]+/gu;
const CLOSERS = /^["'”’»)\]」』›]+/u;
const OPENERS = /^["'“‘«([「『‹¿¡]+/u;
// Spans in which a period never ends a sentence.
const SHIELDS = [
  URL,
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, // e-mail addresses
  /\[(?:\.{3}|…)\]/gu, // editorial elision "[...]"
];
// A list item marker: "1.", "2.)", "3)", "a.", "iv)", optionally behind a bullet.
const LIST_MARKER = /(?<=^|\s)(?:([•⁃◦▪‣*-])\s*)?(\d{1,3}|[a-z]|[ivxlc]{1,6})(\.\)|\)|\.)(?=\s)/gu;
const BULLET = /(?<=^|\s)[•⁃◦▪‣](?=\s*\S)/gu;

export interface SegmentOptions {
  /** "sentence" (default): a line break ends a sentence, as in lists and captions; "space": hard-wrapped prose. */
  readonly lineBreaks?: 'sentence' | 'space';
}

/** Splits text into sentences and returns their exact spans. */
export function segmentSpans(text: string, lang = 'en', options: SegmentOptions = {}): Span[] {
  const rules = rulesFor(lang);
  const shielded = shieldedRanges(text);
  const markers = listMarkers(text);
  const breaks = new Set<number>();

  for (const start of markers.starts) if (start > 0) breaks.add(start);
  if (options.lineBreaks !== 'space') for (const m of text.matchAll(/\r?\n/gu)) breaks.add(m.index);

  for (const m of text.matchAll(TERMINAL)) {
    const at = m.index;
    if (isShielded(shielded, at) || markers.inside.has(at)) continue;
    const cluster = m[0];
    let end = at + cluster.length;
    end += CLOSERS.exec(text.slice(end, end + 8))?.[0].length ?? 0;
    const decision = decide(text, at, cluster, end, rules);
    if (decision !== null) breaks.add(decision);
  }
  return spansFromBreaks(
    text,
    [...breaks].sort((a, b) => a - b),
  );
}

/** Convenience: the sentences themselves. */
export function segment(text: string, lang = 'en', options: SegmentOptions = {}): string[] {
  return segmentSpans(text, lang, options).map((s) => text.slice(s.start, s.end));
}

/** Where to break after a terminal cluster at `at`, or null for no break. */
function decide(text: string, at: number, cluster: string, end: number, rules: LanguageRules): number | null {
  if (rules.spacelessTerminators.includes(cluster[cluster.length - 1] ?? '')) return end;
  let nextAt = end;
  while (nextAt < text.length && isSpace(text.charCodeAt(nextAt))) nextAt++;
  const gap = text.slice(end, nextAt);
  if (nextAt >= text.length) return null; // end of text: nothing to split
  if (gap === '') {
    // "world.Today", "1,000.That": a missing space after a full stop; "U.S.A", "3.14", "Jr.'s", "...see" stay whole.
    const glued =
      cluster === '.' && /[\p{Ll}\p{Nd}]/u.test(text.charAt(at - 1)) && /^\p{Lu}\p{Ll}/u.test(text.slice(end, end + 2));
    return glued && !/[.@/]/u.test(wordBefore(text, at)) ? end : null;
  }
  const next = nextWord(text, nextAt);
  const nextFirst = next.replace(OPENERS, '').charAt(0);
  if (isLower(nextFirst)) return null; // a sentence does not start in lower case
  if (
    next.startsWith('(') &&
    /^\(\p{Lu}\p{L}*\s+\d/u.test(next + text.slice(nextAt + next.length, nextAt + next.length + 8))
  ) {
    return null; // a citation after a quotation: "[...]" (Smith 55).
  }

  if (cluster === '.' && end === at + 1) return decidePeriod(text, at, end, next, nextFirst, rules);
  if (/^\.(?:[ \u00a0]\.){2,}$/u.test(cluster) && /[\p{L}\p{N}]/u.test(text.charAt(at - 1)) && at + 1 < end) {
    // "compounds. . . . The": the first dot ends the sentence, the spaced ellipsis opens the next one.
    return at + 1;
  }
  if (/^\.(?:[ \u00a0]\.){2}$/u.test(cluster) && /\s/u.test(text.charAt(at - 1))) {
    // Three spaced dots standing alone mark an omission inside a sentence; a fourth dot would end it.
    return null;
  }
  return end;
}

function decidePeriod(
  text: string,
  at: number,
  end: number,
  next: string,
  nextFirst: string,
  rules: LanguageRules,
): number | null {
  const token = wordBefore(text, at);
  const key = token.toLowerCase();
  const nextIsDigit = /\p{Nd}/u.test(nextFirst);

  if (rules.prepositive.has(key)) return null;
  if (rules.numeric.has(key) && nextIsDigit) return null;
  if (rules.ordinalPeriod && /^\d{1,3}$/u.test(token) && !isSentenceStarter(next, rules)) return null;

  if (/^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(token)) {
    // Multi-period abbreviations: "U.S.", "a.m.", "e.g.".
    if (rules.timeOfDay.has(key)) return isIntroductoryFragment(text, at, token) ? null : end;
    return isSentenceStarter(next, rules) ? end : null;
  }
  if (rules.abbreviations.has(key)) return nextIsDigit ? null : end;
  if (/^\p{Lu}$/u.test(token)) {
    // An initial ("Jonas E. Smith") unless a lower-case word precedes it ("you and I. Did…").
    const before = wordBefore(text, at - token.length - 1);
    return before !== '' && isLower(before.charAt(0)) ? end : null;
  }
  return end;
}

/** "At 5 a.m." opening a sentence is an adverbial, not a sentence of its own. */
function isIntroductoryFragment(text: string, at: number, token: string): boolean {
  const sentenceStart = Math.max(text.lastIndexOf('. ', at - token.length - 1), text.lastIndexOf('\n', at), -1) + 1;
  const words = text
    .slice(sentenceStart, at - token.length)
    .trim()
    .split(/\s+/u)
    .filter(Boolean);
  return words.length <= 2;
}

function isSentenceStarter(word: string, rules: LanguageRules): boolean {
  const bare = word
    .replace(OPENERS, '')
    .replace(/[^\p{L}'’]+$/u, '')
    .toLowerCase();
  return rules.starters.has(bare);
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  const word = text.slice(i, at).replace(OPENERS, '');
  // After a glued sentence end ("Tuesday.Mr"), the word is what follows the period.
  return /\.(\p{Lu}\p{Ll}+)$/u.exec(word)?.[1] ?? word;
}

function nextWord(text: string, at: number): string {
  let end = at;
  while (end < text.length && end - at < 64 && !isSpace(text.charCodeAt(end))) end++;
  return text.slice(at, end);
}

function isLower(ch: string): boolean {
  return ch !== '' && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function shieldedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!/:\/\/|www\.|@|\[/iu.test(text)) return ranges; // nothing to shield: skip the costly patterns
  for (const re of SHIELDS) for (const m of text.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function isShielded(ranges: ReadonlyArray<[number, number]>, at: number): boolean {
  return ranges.some(([s, e]) => at >= s && at < e);
}

/**
 * List markers count only when they form a sequence ("1." then "2.", "a." then "b."),
 * or when bullets repeat, so a lone "5." in prose stays a number.
 */
function listMarkers(text: string): { starts: number[]; inside: Set<number> } {
  const found: Array<{ start: number; periodAt: number; ordinal: number }> = [];
  const starts: number[] = [];
  const inside = new Set<number>();
  // Most prose has no list: skip the costly pattern unless something like a marker is there.
  if (!/[)•⁃◦▪‣]|\d\.\s|(?:^|\s)[a-z]\.\s/u.test(text)) return { starts, inside };
  for (const m of text.matchAll(LIST_MARKER)) {
    const label = m[2] ?? '';
    const ordinal = /^\d+$/u.test(label) ? Number(label) : label.length === 1 ? label.charCodeAt(0) - 96 : NaN;
    if (Number.isNaN(ordinal)) continue;
    found.push({ start: m.index, periodAt: m.index + m[0].length - (m[3] ?? '').length, ordinal });
  }
  for (let i = 0; i < found.length; i++) {
    const cur = found[i]!;
    const prev = found[i - 1];
    const nxt = found[i + 1];
    const inSequence =
      (prev !== undefined && prev.ordinal + 1 === cur.ordinal) ||
      (nxt !== undefined && cur.ordinal + 1 === nxt.ordinal);
    if (!inSequence) continue;
    starts.push(cur.start);
    inside.add(cur.periodAt);
  }
  const bullets = [...text.matchAll(BULLET)].map((m) => m.index);
  if (bullets.length >= 2) starts.push(...bullets);
  return { starts, inside };
}

function spansFromBreaks(text: string, breaks: number[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const b of [...breaks, text.length]) {
    if (b <= from) continue;
    const span = trimSpan(text, from, b);
    if (span) spans.push(span);
    from = b;
  }
  return spans;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}
