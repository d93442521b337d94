import { textWithoutCodes } from '../text.js';
import type { Finding, PairCheck } from '../types.js';
import { translated } from '../preconditions.js';
import { primarySubtag } from '../../model/language.js';
import { isSpace } from '../../segment/space.js';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LETTERS = /^[\p{L}\p{M}]+$/u;

/**
 * Words a language repeats by its grammar: a relative pronoun before an
 * article ("die die Stadt"), a reflexive pronoun after its subject ("vous vous
 * asseyez"), "had had", "dat dat".
 */
const GRAMMATICAL: Readonly<Record<string, ReadonlySet<string>>> = {
  de: new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'sie']),
  fr: new Set(['nous', 'vous', 'faire']),
  en: new Set(['had', 'that', 'is']),
  nl: new Set(['dat', 'die']),
};

/** An acronym with a doubled letter (CNN, PPE, rRT), which another script spells out letter by letter ("سي إن إن"). */
const DOUBLED_LETTER_ACRONYM = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*\p{Lu})[\p{L}\p{N}-]*(\p{L})\1/iu;
const LATIN = /\p{Script=Latin}/u;

interface Repeat {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Words written twice in a row with only white space between, case aside. */
function repeats(text: string): Repeat[] {
  if (!mayRepeat(text)) return [];
  const out: Repeat[] = [];
  let prev: RegExpExecArray | undefined;
  for (const m of text.matchAll(WORD)) {
    if (prev && m[0].length === prev[0].length && m[0].toLowerCase() === prev[0].toLowerCase() && LETTERS.test(m[0])) {
      const gap = text.slice(prev.index + prev[0].length, m.index);
      if (/^\s+$/u.test(gap)) out.push({ word: prev[0], start: prev.index, end: m.index + m[0].length });
    }
    prev = m as RegExpExecArray;
  }
  return out;
}

const leadingWord = (token: string): string => /^[^\p{L}\p{M}\p{N}]*([\p{L}\p{M}\p{N}]*)/u.exec(token)![1]!;
const trailingWord = (token: string): string => /([\p{L}\p{M}\p{N}]*)[^\p{L}\p{M}\p{N}]*$/u.exec(token)![1]!;

/** ASCII characters that are not letters or digits: a word never ends or starts with one. */
const asciiNonWord = (code: number): boolean =>
  code < 128 && !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122));

/**
 * A quick look for two neighbouring tokens (split at white space) that may be one word twice; most sentences have
 * none. The tokens are read as spans of the lower-cased text, no string made per token.
 */
export function mayRepeat(text: string): boolean {
  const lower = text.toLowerCase();
  const n = lower.length;
  let prevStart = -1;
  let prevEnd = -1;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(lower.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(lower.charCodeAt(i))) i++;
    if (prevStart >= 0 && neighboursMayRepeat(lower, prevStart, prevEnd, start, i)) return true;
    prevStart = start;
    prevEnd = i;
  }
  return false;
}

/** Tokens a = lower[as, ae) and b = lower[bs, be), side by side: the same, or maybe one word inside both. */
function neighboursMayRepeat(lower: string, as: number, ae: number, bs: number, be: number): boolean {
  if (ae - as === be - bs && sameSpans(lower, as, bs, ae - as)) return true;
  const last = lower.charCodeAt(ae - 1);
  const first = lower.charCodeAt(bs);
  if (asciiNonWord(last) || asciiNonWord(first)) return false;
  // The word would start with b's first letter and end with a's last one.
  if (!hasCode(lower, as, ae, first) || !hasCode(lower, bs, be, last)) return false;
  return trailingWord(lower.slice(as, ae)) === leadingWord(lower.slice(bs, be));
}

const sameSpans = (text: string, a: number, b: number, length: number): boolean => {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
};

const hasCode = (text: string, from: number, to: number, code: number): boolean => {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === code) return true;
  return false;
};

/** "Sie sie", "Will will": a capitalised word inside a sentence followed by the lower-case one is two different words. */
function capitalisedThenCommon(text: string, r: Repeat): boolean {
  const second = text.slice(r.end - r.word.length, r.end);
  if (
    r.word === second ||
    r.word.charAt(0) === r.word.charAt(0).toLowerCase() ||
    second.charAt(0) !== second.charAt(0).toLowerCase()
  )
    return false;
  // The character before the pair, white space skipped (no copy of the text before it: a unit may be long).
  let at = r.start - 1;
  while (at >= 0 && /\s/u.test(text.charAt(at))) at--;
  return at >= 0 && !/[.!?¿¡:;"“”«»„‚‘’'()[\]—–-]/u.test(text.charAt(at));
}

export const repeatedWords: PairCheck = {
  id: 'repeated-words',
  severity: 'warning',
  preconditions: [translated],
  description:
    'A word repeated twice in a row in the target ("the the") where the source has no such repetition; grammatical doubles ("die die", "vous vous"), "Sie sie" and acronyms spelled out letter by letter are not.',
  run(pair) {
    const trg = textWithoutCodes(pair.target);
    const found = repeats(trg);
    if (found.length === 0) return [];
    const src = textWithoutCodes(pair.source);
    const inSource = new Set(repeats(src).map((r) => r.word.toLowerCase()));
    const grammatical = GRAMMATICAL[primarySubtag(pair.targetLang)];
    const spelledAcronym = DOUBLED_LETTER_ACRONYM.test(src);
    const findings: Finding[] = [];
    for (const r of found) {
      const word = r.word.toLowerCase();
      if (word.length < 2 || inSource.has(word) || grammatical?.has(word) || capitalisedThenCommon(trg, r)) continue;
      if (spelledAcronym && word.length <= 3 && !LATIN.test(word)) continue;
      findings.push({ message: `"${r.word}" is repeated`, targetSpan: { start: r.start, end: r.end } });
    }
    return findings;
  },
};
