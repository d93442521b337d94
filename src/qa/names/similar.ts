import { memo } from '../../model/memo.js';

/**
 * How alike two folded words are, the way names change between languages:
 * exonyms and adapted spellings (Baghdad → Bagdad, Tehran → Teherán,
 * Papandreou → Papandreu, Congress → Congreso) are near; a transposition of
 * two letters (Tymoshenko → Tymoshneko) is a typing slip, not an adaptation.
 */

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  // Three rows of the table, reused from call to call (a run compares hundreds of thousands of word pairs).
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(3 * (n + 1) * 2);
  let prev2 = 0;
  let prev = n + 1;
  let cur = 2 * (n + 1);
  for (let j = 0; j <= n; j++) {
    rows[prev2 + j] = 0;
    rows[prev + j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        v = Math.min(v, rows[prev2 + j - 2]! + 1);
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const oldPrev2 = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldPrev2;
  }
  return rows[prev + n]!;
}

let rows = new Int32Array(3 * 64);

/** Whether `b` is `a` with two adjacent, different letters swapped. */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Spelling conventions that differ between languages, folded away before comparing. */
export function spelling(word: string): string {
  return (
    word
      .replace(/ph/gu, 'f')
      .replace(/th/gu, 't')
      // The "ch" of Czech, Tschechien and Chechnya: one sound, however each language writes it.
      .replace(/tsch|tch|cz/gu, 'ch')
      .replace(/[ck]h/gu, 'k')
      .replace(/sch|sh/gu, 'ch')
      .replace(/ck|q|c(?=[aou])/gu, 'k')
      .replace(/[yj]/gu, 'i')
      .replace(/w/gu, 'v')
      .replace(/z/gu, 's')
      .replace(/(.)\1+/gu, '$1')
  );
}

const spellingOf = memo(spelling);

/**
 * The letters a word written with a first letter can begin with once `spelling` has folded it: "f" from "f" and "ph",
 * "k" from "k", "c" (ch, ck, cz, ca), "q" and "t" (tsch), "c" from "c" and "s" (sch, sh), "s" from "s" and "z", "i"
 * from "i", "y" and "j", "v" from "v" and "w"; any other from itself. A spelling's first letter is made from the word's
 * first letters only, by these rules.
 */
export function writtenFirst(spelt: string): string {
  return WRITTEN_FIRST[spelt] ?? spelt;
}
const WRITTEN_FIRST: Readonly<Record<string, string>> = {
  f: 'fp',
  k: 'kcqt',
  c: 'cs',
  s: 'sz',
  i: 'iyj',
  v: 'vw',
  t: 't',
  p: 'p',
};
let lastSource = '';
let lastSpelling = '';
let lastFirsts = '';

/** How a target word renders a source word: by a shared stem or compound part, or only respelled (Tehran → teheran). */
export type Likeness = 'stem' | 'respelled';

/**
 * Whether a target word can be a rendering of a source word: the same stem
 * (federalist → federalista, society → sociedad), part of a compound
 * (Europe → Centroeuropa) or the same word respelled (Tehran → teheran,
 * Najaf → nayaf, Moscow → moskau).
 */
export function isCognate(source: string, target: string): boolean {
  return likeness(source, target) !== undefined;
}

/** Whether and how a target word is like a source word (see isCognate). */
export function likeness(source: string, target: string): Likeness | undefined {
  if (source === target) return 'stem';
  if (source.length < 3 || target.length < 3) return undefined;
  if (compoundHolds(source, target)) return 'stem';
  // (a word is compared with every word of a target in turn: its own spelling is remembered from the call before)
  if (source !== lastSource) {
    lastSource = source;
    lastSpelling = spellingOf(source);
    lastFirsts = writtenFirst(lastSpelling.charAt(0));
  }
  // (the target's spelling made only where its first letter may spell as the source's does: see writtenFirst)
  if (!lastFirsts.includes(target.charAt(0)) && !(source.length > 5 && sameInnerLetters(source, target)))
    return undefined;
  return spelledAlike(source, lastSpelling, target, spellingOf(target));
}

/** Part of a compound (Centroeuropa, Karlsuniversität): the name's stem inside a longer word. */
function compoundHolds(source: string, target: string): boolean {
  return source.length >= 5 && target.length > source.length + 2 && target.includes(compoundStem(source));
}

const compoundStem = (source: string): string => source.slice(0, Math.max(5, source.length - 2));

// (the second and third letters: a respelling may change the first, Gaddafi → Kadhafi)
const sameInnerLetters = (a: string, b: string): boolean =>
  a.charCodeAt(1) === b.charCodeAt(1) && a.charCodeAt(2) === b.charCodeAt(2);

/**
 * The rest of `likeness`, for two words of three letters or more that are not equal and not a compound and its part,
 * with their spellings `a` and `b`.
 */
function spelledAlike(source: string, a: string, target: string, b: string): Likeness | undefined {
  if (a[0] !== b[0] && !(source.length > 5 && sameInnerLetters(source, target))) return undefined;
  let prefix = 0;
  while (prefix < source.length && prefix < target.length && source.charCodeAt(prefix) === target.charCodeAt(prefix))
    prefix++;
  // A shared stem: at least four letters and most of the shorter word, as written or once spelling conventions are
  // folded away (Westphalian → westfälisch, Czechoslovak → tschechoslowakisch).
  if (prefix >= 4 && prefix >= 0.6 * Math.min(source.length, target.length)) return 'stem';
  let folded = 0;
  while (folded < a.length && folded < b.length && a.charCodeAt(folded) === b.charCodeAt(folded)) folded++;
  if (folded >= 5 && folded >= 0.6 * Math.min(a.length, b.length)) return 'stem';
  const longest = Math.max(a.length, b.length);
  const allowed = longest <= 4 ? 1 : longest <= 8 ? 2 : 3;
  if (Math.abs(a.length - b.length) > allowed) return undefined;
  return editDistance(a, b, allowed) <= allowed && editDistance(source, target, allowed + 1) <= allowed + 1
    ? 'respelled'
    : undefined;
}

/**
 * A text's distinct words with their spellings, made once for the text (each of its source's words is compared with
 * each of them): `likeness` with the spellings at hand, and the dear part of it only for the words whose spelling
 * begins as the source word's does or that share its second and third letters.
 */
export class LikenessIndex {
  private readonly words: string[] = [];
  // Each word's spelling, made when first compared: most words' first letters tell they cannot be alike.
  private readonly spellings: Array<string | undefined> = [];

  constructor(words: Iterable<string>) {
    for (const word of words) {
      this.words.push(word);
      this.spellings.push(undefined);
    }
  }

  /** Whether `accept` takes some word of the text with its likeness to `source` (see likeness). */
  some(source: string, accept: (target: string, like: Likeness) => boolean): boolean {
    const short = source.length < 3;
    const a = short ? '' : spellingOf(source);
    const firsts = short ? '' : writtenFirst(a.charAt(0));
    const inner = source.length > 5;
    for (let i = 0; i < this.words.length; i++) {
      const target = this.words[i]!;
      let like: Likeness | undefined;
      if (source === target) like = 'stem';
      // (shorter words are like only themselves)
      else if (short || target.length < 3) continue;
      else if (compoundHolds(source, target)) like = 'stem';
      else {
        const near = inner && sameInnerLetters(source, target);
        // (a word whose written first letter no spelling of `a`'s first comes from is not spelt alike)
        if (!near && !firsts.includes(target.charAt(0))) continue;
        const b = (this.spellings[i] ??= spellingOf(target));
        if (a.charCodeAt(0) !== b.charCodeAt(0) && !near) continue;
        like = spelledAlike(source, a, target, b);
      }
      if (like !== undefined && accept(target, like)) return true;
    }
    return false;
  }
}
