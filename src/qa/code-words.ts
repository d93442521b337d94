import { toLatinDigits } from '../locale/numbers.js';
import { latinSkeleton, sameSkeleton, targetSkeletons } from './names/romanize.js';
import { isCognate } from './names/similar.js';

/**
 * Codes made of a word and a number ("COVID-19", "SARS-CoV-2", "Apollo 11"), as a translation may
 * write them in its own script ("كوفيد-19", "سارس-كوف-2"). When the numbers of two such codes trade
 * places, every number is still there: only the word each number is bound to tells the change.
 */
export interface CodeWord {
  /** The letters right before the number ("CoV" in "SARS-CoV-2"). */
  readonly word: string;
  readonly number: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// A word of two letters or more, a hyphen, then a whole number (not a range "2019-2020", not a decimal).
const CODE_WORD = /(?<![\p{L}\p{M}])([\p{L}\p{M}]{2,})[-‐](\d{1,4})(?![\d\p{L}]|[.,]\d)/gu;

const HYPHEN_DIGIT = /[-‐][\d\u0660-\u0669\u06F0-\u06F9]/u;

export function codeWords(text: string): CodeWord[] {
  const out: CodeWord[] = [];
  if (!HYPHEN_DIGIT.test(text)) return out;
  for (const m of toLatinDigits(text).matchAll(CODE_WORD)) {
    // The whole code for messages: "SARS-CoV-2", not only its last part.
    const start = chainStart(text, m.index);
    const end = m.index + m[0].length;
    out.push({ word: m[1]!, number: m[2]!, text: text.slice(start, end), start, end });
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{M}\d]/u;
const isHyphen = (ch: string): boolean => ch === '-' || ch === '‐';

/**
 * Where the hyphenated parts before `at` begin ("SARS-" before "CoV-2"): words of letters, marks and digits, each
 * followed by a hyphen, read backwards from `at` (linear, where a pattern anchored at the end retried every start).
 */
function chainStart(text: string, at: number): number {
  let start = at;
  let i = at;
  while (i > 0 && isHyphen(text.charAt(i - 1))) {
    let j = i - 1;
    while (j > 0) {
      // (a letter beyond the first plane is two code units)
      const low = text.charCodeAt(j - 1);
      const w = low >= 0xdc00 && low <= 0xdfff && j > 1 ? 2 : 1;
      if (!WORD_CHAR.test(text.slice(j - w, j))) break;
      j -= w;
    }
    if (j === i - 1) break;
    start = j;
    i = j;
  }
  return start;
}

const fold = (w: string): string =>
  w
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');

const LATIN = /^[\p{Script=Latin}\p{M}]+$/u;

/** Whether a target word can be the source code's word, kept, respelled or transliterated. */
function sameWord(source: string, target: string): boolean {
  if (LATIN.test(target)) return fold(source) === fold(target) || isCognate(fold(source), fold(target));
  const latin = latinSkeleton(source);
  return targetSkeletons(target).some((sk) => sameSkeleton(latin, sk));
}

/**
 * Target codes whose word is a source code's word but whose number is one the source writes elsewhere:
 * "COVID-19 … SARS-CoV-2" → "كوفيد-2 … سارس-كوف-19". Each finding names the source and target code.
 */
export function rebound(source: string, target: string): { source: CodeWord; target: CodeWord }[] {
  const inSource = codeWords(source);
  if (inSource.length === 0) return [];
  const sourceDigits = toLatinDigits(source);
  const out: { source: CodeWord; target: CodeWord }[] = [];
  for (const t of codeWords(target)) {
    const sameWords = inSource.filter((s) => sameWord(s.word, t.word));
    if (sameWords.length === 0 || sameWords.some((s) => s.number === t.number)) continue;
    // The number must be one the source writes elsewhere: a number changed outright is the value comparison's finding.
    if (!new RegExp(`(?<!\\d)${t.number}(?!\\d)`, 'u').test(sourceDigits)) continue;
    out.push({ source: sameWords[0]!, target: t });
  }
  return out;
}

/** Numbers that stay bound to the same code word in the target ("Apollo-11" → "أبولو-11"), whatever their order. */
export function keptBindings(source: string, target: string): Set<string> {
  const kept = new Set<string>();
  const inSource = codeWords(source);
  if (inSource.length === 0) return kept;
  for (const t of codeWords(target))
    if (inSource.some((s) => s.number === t.number && sameWord(s.word, t.word))) kept.add(t.number);
  return kept;
}
