import { rulesFor, type Abbreviations, type Context, type LanguageRules } from './languages.js';
import { URL } from '../protect/patterns.js';
import { isSpace } from './space.js';

/** A sentence as offsets into the input: `text.slice(start, end)` is the sentence, without surrounding space. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

// Closing brackets and quotation marks right after a terminator belong to the sentence it ends.
const CLOSING = String.raw`\p{Pe}\p{Pf}\p{Pi}"'`;
// Opening punctuation before a word, including the dash that opens dialogue ("—¿Vienes?", "— Да").
const OPENERS = /^[\p{Ps}\p{Pi}\p{Pf}"'¿¡—–-]+/u;
// Full stops of CJK typography, which need no space after them in any language.
const FULL_WIDTH_TERMINAL = /[\u3002\uff61\uff01\uff1f\uff0e\ufe12\ufe52\ufe56\ufe57]/u;
// Letters of scripts written without spaces between words: a line break between two of them is no space.
const SPACELESS_LETTER =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}ー々〆]/u;
// Spans in which a period never ends a sentence.
const SHIELDS = [
  URL,
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, // e-mail addresses
  /\[(?:\.{3}|…)\]/gu, // editorial elision "[...]"
];
// A list item marker: "1.", "2.)", "3)", "a.", "iv)", optionally behind a bullet.
const LIST_MARKER = /(?<=^|\s)(?:([•⁃◦▪‣*-])\s*)?(\d{1,3}|[a-z]|[ivxlc]{1,6})(\.\)|\)|\.)(?=\s)/gu;
const BULLET = /(?<=^|\s)[•⁃◦▪‣](?=\s*\S)/gu;
// Cheap tests before the costly patterns: something that may be a URL, an address or an elision; or a list marker.
const MAY_SHIELD = /:\/\/|www\.|@|\[/iu;
const MAY_LIST = /[)•⁃◦▪‣]|\d\.\s|(?:^|\s)[a-z]\.\s/u;
const MULTI_PERIOD = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u;
// A number, or a Roman numeral, before a unit or an era ("2023 г.", "XX դ.", "5ος αι.").
const NUMBER_WORD = /^(?:\p{Nd}[\p{Nd}.,'’]*\p{L}{0,3}|[IVXLCDM]+)$/u;

export interface SegmentOptions {
  /**
   * What a line break means. "auto" (default): a blank line ends a sentence; inside a block of prose (its last
   * line ends a sentence) a line break is a space when the next line goes on in lower case, after a comma, or
   * between two letters of a script written without spaces, and a boundary otherwise (headlines, list lines).
   * "sentence": every line break ends a sentence. "space": hard-wrapped prose, line breaks are spaces.
   */
  readonly lineBreaks?: 'auto' | 'sentence' | 'space';
}

/** What the segmenter compiles once per language. */
interface Compiled {
  readonly rules: LanguageRules;
  readonly terminal: RegExp;
  readonly closers: RegExp;
  /** Whether a closing mark may follow a terminator after a space (French « … »). */
  readonly spacedClosers: boolean;
  /** Sentence_Terminal characters that do not end a sentence here (the Armenian "․" mijaket). */
  readonly notTerminal: RegExp | null;
}

const compiledCache = new WeakMap<LanguageRules, Compiled>();

function compile(rules: LanguageRules): Compiled {
  let c = compiledCache.get(rules);
  if (!c) {
    const extra = escapeClass(rules.terminators);
    // Spaced ellipses (". . ."), runs of dots, "…", and runs of Unicode sentence terminators (UAX #29 STerm).
    const terminal = new RegExp(String.raw`\.(?:[ \u00a0]\.){2,}|\.{2,}|…+|[\p{Sentence_Terminal}${extra}]+`, 'gu');
    const spaced = rules.spacedClosers ? String.raw`|[ \u00a0\u202f]+[${escapeClass(rules.spacedClosers)}]` : '';
    c = {
      rules,
      terminal,
      closers: new RegExp(String.raw`^(?:[${CLOSING}]${spaced})+`, 'u'),
      spacedClosers: spaced !== '',
      notTerminal: rules.notTerminators ? new RegExp(`[${escapeClass(rules.notTerminators)}]`, 'u') : null,
    };
    compiledCache.set(rules, c);
  }
  return c;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\][^-]/gu, '\\$&');
}

/** Splits text into sentences and returns their exact spans. */
export function segmentSpans(text: string, lang = 'en', options: SegmentOptions = {}): Span[] {
  const c = compile(rulesFor(lang));
  const { rules } = c;
  const shielded = shieldedRanges(text);
  const markers = listMarkers(text, rules.ordinalPeriod);
  const held = heldRanges(text, rules.heldPairs);
  // Where sentences end, in any order and possibly twice: sorted at the end if they came out of order, and a
  // repeat is skipped by spansFromBreaks (an array, not a Set: most paragraphs have a few breaks, found in order).
  const breaks: number[] = [];

  for (const start of markers.starts) if (start > 0) breaks.push(start);
  const mode = options.lineBreaks ?? 'auto';
  if (mode === 'sentence') for (const m of text.matchAll(/\r?\n/gu)) breaks.push(m.index);
  else if (mode === 'auto') for (const at of hardLineBreaks(text, rules)) breaks.push(at);

  // exec on the run's own pattern, not matchAll, which copies the pattern for every paragraph.
  const terminal = c.terminal;
  terminal.lastIndex = 0;
  for (let m = terminal.exec(text); m !== null; m = terminal.exec(text)) {
    const at = m.index;
    if (isShielded(shielded, at) || markers.inside.has(at)) continue;
    const cluster = m[0];
    if (cluster !== '.' && c.notTerminal?.test(cluster)) continue;
    let end = at + cluster.length;
    // Closing marks start with none of the characters up to a space (a space only where closers may be spaced).
    const after = end < text.length ? text.charCodeAt(end) : 0;
    if (after > 32 || (after === 32 && c.spacedClosers))
      end += c.closers.exec(text.slice(end, end + 8))?.[0].length ?? 0;
    if (held.length > 0 && isHeld(held, end)) continue;
    const decision = decide(text, at, cluster, end, rules);
    if (decision !== null) breaks.push(decision);
  }
  if (!ascending(breaks)) breaks.sort((a, b) => a - b);
  return spansFromBreaks(text, breaks);
}

function ascending(numbers: readonly number[]): boolean {
  for (let i = 1; i < numbers.length; i++) if (numbers[i]! < numbers[i - 1]!) return false;
  return true;
}

/** Convenience: the sentences themselves. */
export function segment(text: string, lang = 'en', options: SegmentOptions = {}): string[] {
  return segmentSpans(text, lang, options).map((s) => text.slice(s.start, s.end));
}

/** A sentence on one line: a line break inside it becomes a space, or nothing between letters of a spaceless script. */
export function joinLines(sentence: string): string {
  return sentence.replace(/\s*\n\s*/gu, (gap, at: number) => {
    const before = sentence.charAt(at - 1);
    const after = sentence.charAt(at + gap.length);
    return SPACELESS_LETTER.test(before) && SPACELESS_LETTER.test(after) ? '' : ' ';
  });
}

/** Where to break after a terminal cluster at `at`, or null for no break. */
function decide(text: string, at: number, cluster: string, end: number, rules: LanguageRules): number | null {
  const last = cluster.charAt(cluster.length - 1);
  if (
    (last.charCodeAt(0) >= 0x3002 && FULL_WIDTH_TERMINAL.test(last)) ||
    (rules.spaceless && (last !== '.' || SPACELESS_LETTER.test(text.charAt(at - 1))))
  ) {
    // Spaceless writing: the sentence ends here unless a number goes on ("３．５") or a particle continues it.
    if ((last === '．' || last === '.') && /\p{Nd}/u.test(text.charAt(end))) return null;
    return rules.continuers.some((w) => text.startsWith(w, end)) ? null : end;
  }
  if (cluster === '.' && !rules.periodEnds) return null; // the script has its own full stop; "." abbreviates
  let nextAt = end;
  while (nextAt < text.length && isSpace(text.charCodeAt(nextAt))) nextAt++;
  if (nextAt >= text.length) return null; // end of text: nothing to split
  if (nextAt === end) {
    // "world.Today", "1,000.That": a missing space after a full stop; "U.S.A", "3.14", "Jr.'s", "...see" stay whole.
    const glued =
      cluster === '.' && /[\p{Ll}\p{Nd}]/u.test(text.charAt(at - 1)) && /^\p{Lu}\p{Ll}/u.test(text.slice(end, end + 2));
    return glued && !/[.@/]/u.test(wordBefore(text, at)) ? end : null;
  }
  let next = nextWord(text, nextAt);
  if ('—–-'.includes(next.charAt(0)) && /^[—–-]+$/u.test(next)) {
    // A dash opening dialogue or a reporting clause: the word after it tells how the text goes on.
    let after = nextAt + next.length;
    while (after < text.length && isSpace(text.charCodeAt(after))) after++;
    next = next + nextWord(text, after);
  }
  const nextFirst = next.replace(OPENERS, '').charAt(0);
  // A sentence does not start in lower case, nor with a comma (a stray spaced quote: '(...) ", he said').
  if (isLower(nextFirst) || (nextFirst !== '' && ',;:،、，'.includes(nextFirst))) return null;
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
  const written = wordBefore(text, at);
  // After an elision the abbreviation is the word's own ("L'Avv.", "dell'art.").
  const token = /['’]/u.test(written) ? written.replace(/^\p{L}{1,4}['’](?=\p{L})/u, '') : written;
  const nextIsDigit = /\p{Nd}/u.test(nextFirst);

  // The longest abbreviation the period closes decides; a period inside one ("EE." of "EE. UU.") never ends.
  const glued = rules.afterNumber.size > 0 ? /^\p{Nd}[\p{Nd}.,]*(\P{Nd}+)$/u.exec(token)?.[1] : undefined;
  if (rules.listed.has(token.toLowerCase()) || (glued !== undefined && rules.listed.has(glued.toLowerCase()))) {
    const context = contextOf(text, at - written.length, end);
    // An abbreviation that may end a sentence ends it when what follows visibly starts one.
    const mayEnd = (): number | null =>
      nextIsDigit || (rules.nounsCapitalised && !isSentenceStarter(next, rules)) ? null : end;
    const afterNumber =
      rules.afterNumber.size > 0 && (glued !== undefined || NUMBER_WORD.test(context.before().at(-1) ?? ''));
    const classes: Array<[Abbreviations, () => number | null]> = [
      [rules.afterNumber, mayEnd],
      [rules.titles, () => null],
      [rules.suppressions, () => null],
      [rules.beforeNumber, () => null],
      [rules.mayEnd, mayEnd],
      [rules.timeOfDay, () => end],
    ];
    let best: (() => number | null) | null = null;
    let longest = 0;
    for (const [list, decision] of classes) {
      const found = list.match(list === rules.afterNumber && glued !== undefined ? glued : token, context);
      if (found.inside) return null;
      if (list === rules.afterNumber && !afterNumber) continue;
      if (list === rules.beforeNumber && !nextIsDigit) continue;
      if (list === rules.timeOfDay) continue; // decided below with the sentence around it
      if (found.ends > longest) [best, longest] = [decision, found.ends];
    }
    if (best) return best();
  }
  if (rules.ordinalPeriod && /^\d{1,3}$/u.test(token) && !isSentenceStarter(next, rules)) return null;

  if (MULTI_PERIOD.test(token)) {
    // Multi-period abbreviations: "U.S.", "a.m.", "e.g.".
    if (rules.timeOfDay.match(token, contextOf(text, at - written.length, end)).ends > 0)
      return isIntroductoryFragment(text, at, token) ? null : end;
    return isSentenceStarter(next, rules) ? end : null;
  }
  if (/^\p{Lu}$/u.test(token)) {
    if (rules.pronounLetters !== '') {
      // An initial ("Jonas E. Smith") unless a lower-case word precedes it ("you and I. Did…").
      const previous = wordBefore(text, at - token.length - 1);
      return previous !== '' && isLower(previous.charAt(0)) ? end : null;
    }
    // An initial ("А. С. Пушкин", "J. M. G. Le Clézio"), unless a word that opens sentences follows it alone.
    if (isInitial(wordsBefore(text, at - written.length, 1).at(-1) ?? '') || isInitial(next)) return null;
    return isSentenceStarter(next, rules) ? end : null;
  }
  if (/^\p{L}\p{M}*$/u.test(token) && isCaseless(token)) {
    // Initials in a script without capitals ("ए. पी. जे. अब्दुल कलाम"): one letter, next to another initial.
    if (isInitial(wordsBefore(text, at - written.length, 1).at(-1) ?? '') || isInitial(next)) return null;
  }
  return end;
}

/** The words around a period, read only when an abbreviation list asks for them. */
function contextOf(text: string, wordStart: number, end: number): Context {
  let earlier: string[] | undefined;
  let later: string[] | undefined;
  return {
    before: () => (earlier ??= wordsBefore(text, wordStart, 3)),
    after: () => (later ??= wordsAfter(text, end, 3)),
  };
}

/** One letter with its period: "A.", "ए.". */
function isInitial(word: string): boolean {
  return /^\p{L}\p{M}*\.$/u.test(word);
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

function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  const word = text.slice(i, at).replace(OPENERS, '');
  // After a glued sentence end ("Tuesday.Mr"), the word is what follows the period.
  return /\.(\p{Lu}\p{Ll}+)$/u.exec(word)?.[1] ?? word;
}

/** Up to `n` words before `at` (the start of a word), nearest last. */
function wordsBefore(text: string, at: number, n: number): string[] {
  const words: string[] = [];
  let i = at;
  while (words.length < n) {
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    const stop = i;
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
    if (i === stop) break;
    words.unshift(text.slice(i, stop).replace(OPENERS, ''));
  }
  return words;
}

/** Up to `n` words from `at`, without the punctuation that closes a clause after them. */
function wordsAfter(text: string, at: number, n: number): string[] {
  const words: string[] = [];
  let i = at;
  while (words.length < n && i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const word = nextWord(text, i);
    if (word === '') break;
    words.push(word.replace(/[,;:!?)\]»”"']+$/u, ''));
    i += word.length;
  }
  return words;
}

function nextWord(text: string, at: number): string {
  let end = at;
  while (end < text.length && end - at < 64 && !isSpace(text.charCodeAt(end))) end++;
  return text.slice(at, end);
}

function isLower(ch: string): boolean {
  return ch !== '' && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** A letter or vowel sign of a script without capitals (Arabic, Devanagari, Han). */
function isCaselessLetter(ch: string): boolean {
  return /[\p{L}\p{M}]/u.test(ch) && isCaseless(ch);
}

function isCaseless(word: string): boolean {
  return word.toUpperCase() === word.toLowerCase();
}

/**
 * Ranges [opening, closing] of the language's held pairs ("「…」", "《…》"), matched as nested pairs;
 * a mark without its partner holds nothing.
 */
function heldRanges(text: string, pairs: string): ReadonlyArray<[number, number]> {
  if (pairs === '') return NO_RANGES;
  const ranges: Array<[number, number]> = [];
  const stack: Array<{ at: number; close: string }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const k = pairs.indexOf(ch);
    if (k < 0) continue;
    if (k % 2 === 0 && pairs.charAt(k + 1) !== ch) {
      stack.push({ at: i, close: pairs.charAt(k + 1) });
      continue;
    }
    const open = stack.findLastIndex((o) => o.close === ch);
    if (open < 0) continue;
    ranges.push([stack[open]!.at, i]);
    stack.length = open;
  }
  return ranges;
}

/** Whether a break at `at` would fall inside a held pair (after its opening, up to its closing mark). */
function isHeld(ranges: ReadonlyArray<[number, number]>, at: number): boolean {
  return ranges.some(([open, close]) => at > open && at <= close);
}

/** The line breaks that end a sentence in "auto" mode (see SegmentOptions). */
function hardLineBreaks(text: string, rules: LanguageRules): number[] {
  const hard: number[] = [];
  if (!text.includes('\n')) return hard;
  let blockEnd = -1;
  let prose = false;
  for (const m of text.matchAll(/\r?\n/gu)) {
    const at = m.index;
    const lineEnd = lastVisible(text, at);
    const nextStart = firstVisible(text, at + m[0].length);
    const blank = lineEnd < 0 || text.charAt(lineEnd) === '\n' || nextStart < 0 || text.charAt(nextStart) === '\n';
    if (blank) {
      hard.push(at);
      continue;
    }
    if (at > blockEnd) {
      const gap = /\n[ \t\u00a0\r]*\n/gu;
      gap.lastIndex = at + 1;
      const found = gap.exec(text);
      blockEnd = found ? found.index : text.length;
      const closing = lastVisible(text, blockEnd);
      const lastChars = text.slice(Math.max(0, closing - 3), closing + 1).replace(/[\p{Pe}\p{Pf}\p{Pi}"']+$/u, '');
      prose = /[\p{Sentence_Terminal}…;:]$/u.test(lastChars);
    }
    const before = text.charAt(lineEnd);
    const nextLine = nextWord(text, nextStart);
    const after = nextLine.replace(OPENERS, '').charAt(0);
    // Within prose, a line goes on after a comma, in lower case, in a script without capitals, or (where nouns
    // are capitalised) with a word that does not usually open a sentence.
    const soft =
      prose &&
      (/[\p{Sentence_Terminal}…,،、，;\-–—]/u.test(before) ||
        isLower(after) ||
        (isCaselessLetter(before) && isCaselessLetter(after)) ||
        (rules.nounsCapitalised && !isSentenceStarter(nextLine, rules)));
    if (!soft) hard.push(at);
  }
  return hard;
}

/** Index of the last non-space character before `at` on its line (or the line break itself, or -1). */
function lastVisible(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && text.charAt(i) !== '\n' && isSpace(text.charCodeAt(i))) i--;
  return i;
}

/** Index of the first non-space character from `at` on its line (or the line break itself, or -1). */
function firstVisible(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charAt(i) !== '\n' && isSpace(text.charCodeAt(i))) i++;
  return i < text.length ? i : -1;
}

/** No ranges: one array for every text without any (nothing is ever added to it). */
const NO_RANGES: ReadonlyArray<[number, number]> = [];

function shieldedRanges(text: string): ReadonlyArray<[number, number]> {
  if (!MAY_SHIELD.test(text)) return NO_RANGES; // nothing to shield: skip the costly patterns
  const ranges: Array<[number, number]> = [];
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
interface ListMarkers {
  readonly starts: readonly number[];
  readonly inside: ReadonlySet<number>;
}

/** No list markers: one answer for every text without any (nothing is ever added to it). */
const NO_MARKERS: ListMarkers = { starts: [], inside: new Set<number>() };

function listMarkers(text: string, ordinals: boolean): ListMarkers {
  // Most prose has no list: skip the costly pattern unless something like a marker is there.
  if (!MAY_LIST.test(text)) return NO_MARKERS;
  const found: Array<{ start: number; periodAt: number; ordinal: number }> = [];
  const starts: number[] = [];
  const inside = new Set<number>();
  for (const m of matches(LIST_MARKER, text)) {
    const label = m[2] ?? '';
    const ordinal = /^\d+$/u.test(label) ? Number(label) : label.length === 1 ? label.charCodeAt(0) - 96 : NaN;
    if (Number.isNaN(ordinal)) continue;
    // Where "7." is an ordinal ("am 7. und 8. November"), a numbered item starts a line or follows a sentence.
    if (ordinals && m[3] === '.' && m[1] === undefined && !/^$|[\n.!?:]/u.test(text.charAt(lastVisible(text, m.index))))
      continue;
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
  // A loop, not map and spread: an empty map result has another array map, and the compiled code would be thrown away.
  const bullets = matches(BULLET, text);
  if (bullets.length >= 2) for (const m of bullets) starts.push(m.index);
  return { starts, inside };
}

/**
 * The matches of one of this module's global patterns, as matchAll finds them, without the copy of the pattern
 * matchAll makes on every call. The pattern is left as found (lastIndex 0) for its next use.
 */
function matches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    if (m[0] === '') re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  re.lastIndex = 0;
  return found;
}

/** The spans between ascending breaks (a break at or before the last one is no break) and the text's end. */
function spansFromBreaks(text: string, breaks: readonly number[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (let i = 0; i <= breaks.length; i++) {
    const b = i < breaks.length ? breaks[i]! : text.length;
    if (b <= from) continue;
    const span = trimSpan(text, from, b);
    const last = spans[spans.length - 1];
    if (span && last && span.end - span.start <= 4 && isStrayCloser(text, last, span))
      spans[spans.length - 1] = { start: last.start, end: span.end };
    else if (span) spans.push(span);
    from = b;
  }
  return spans;
}

/** A closing quotation mark written after a space ('partout ersatz. "') belongs to the sentence before it. */
function isStrayCloser(text: string, previous: Span, span: Span): boolean {
  return (
    /^[\p{Pe}\p{Pf}\p{Pi}"']+$/u.test(text.slice(span.start, span.end)) &&
    !text.slice(previous.end, span.start).includes('\n')
  );
}

function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}
