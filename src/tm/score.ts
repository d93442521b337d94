import { MARKER } from '../store/codes.js';

/**
 * Fuzzy match score between two source texts (inline codes as {{x1}}-style markers):
 *
 *   tokens  = words, punctuation marks and inline codes; every number becomes the token "#"
 *   d       = edit distance between the token lists (insert, delete, substitute: 1 each;
 *             two words that differ only in case: 0.5)
 *   score   = 100 × (1 − d / max(|a|, |b|)) − (number of numbers that differ), at most 99
 *
 * Identical texts score 100. Numbers as placeholders make "62 injured" and "63 injured" a
 * 99 % match: the sentence is the same, only a value changed, which a translator fixes at once.
 */
const TOKEN = new RegExp(
  `${MARKER.source}|\\p{N}+(?:[.,\\u00a0\\u202f]\\p{N}+)*|[\\p{L}\\p{M}]+(?:['’][\\p{L}]+)?|[^\\s\\p{L}\\p{N}]`,
  'gu',
);

export interface Tokens {
  readonly shapes: readonly string[];
  readonly lower: readonly string[];
  readonly numbers: readonly string[];
}

export function tokenize(text: string): Tokens {
  const shapes: string[] = [];
  const numbers: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (/^\p{N}/u.test(m[0])) {
      shapes.push('#');
      numbers.push(m[0]);
    } else shapes.push(m[0]);
  }
  return { shapes, lower: shapes.map((s) => s.toLowerCase()), numbers };
}

export function fuzzyScore(a: Tokens | string, b: Tokens | string, aText?: string, bText?: string): number {
  const ta = typeof a === 'string' ? tokenize(a) : a;
  const tb = typeof b === 'string' ? tokenize(b) : b;
  if (aText !== undefined && aText === bText) return 100;
  const n = ta.shapes.length;
  const m = tb.shapes.length;
  if (n === 0 && m === 0) return 100;
  // Two-row dynamic programme over tokens.
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const same = ta.shapes[i - 1] === tb.shapes[j - 1] ? 0 : ta.lower[i - 1] === tb.lower[j - 1] ? 0.5 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + same);
    }
    [prev, cur] = [cur, prev];
  }
  const distance = prev[m]!;
  let score = 100 * (1 - distance / Math.max(n, m));
  const differing = countDiffering(ta.numbers, tb.numbers);
  score -= differing;
  if (distance > 0 || differing > 0 || aText !== bText) score = Math.min(score, 99);
  return Math.max(0, Math.round(score * 100) / 100);
}

/** Numbers in one text that have no equal in the other: max(|a|, |b|) − |a ∩ b| (as multisets). */
function countDiffering(a: readonly string[], b: readonly string[]): number {
  const rest = [...b];
  let common = 0;
  for (const x of a) {
    const i = rest.indexOf(x);
    if (i >= 0) {
      rest.splice(i, 1);
      common++;
    }
  }
  return Math.max(a.length, b.length) - common;
}
