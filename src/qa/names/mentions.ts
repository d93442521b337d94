import { primarySubtag } from '../../model/language.js';
import { pushTo } from '../../lists-by-key.js';
import { fold } from '../text.js';

/**
 * Whether a name was introduced earlier in the text. Translators give a person's full name at its first mention and
 * shorten it afterwards ("Yulia Tymoshenko", later "Tymoshenko"); a target that gives only the surname where the
 * source names the person for the first time lost the first name. A run's units of one file are the text, in order.
 */
export interface MentionUnit {
  readonly source: string;
  readonly file: string;
  readonly targetLang: string;
}

/**
 * For the unit at `index`: undefined when its file has no other unit (a lone string says nothing of a text), else
 * whether an earlier unit of the same file and target language, with another source text (the same sentence again
 * introduces nothing), has `word` capitalised in its source.
 */
export type MentionedBefore = (word: string, index: number) => boolean | undefined;

// Capitalised words as written, the way a name's words are looked up.
const CAPITALISED = /\p{Lu}[\p{L}\p{M}\p{N}]*/gu;

export function mentionsInRun(units: readonly MentionUnit[]): MentionedBefore {
  // Per file and language, then capitalised word: the indexes of the units whose source has it, in run order.
  let byText: Map<string, Map<string, number[]>> | undefined;
  const textOf = (u: MentionUnit): string => `${primarySubtag(u.targetLang)}\u0000${u.file}`;
  // Built on the first question: most runs never shorten a name.
  const index = (): Map<string, Map<string, number[]>> => {
    const all = new Map<string, Map<string, number[]>>();
    units.forEach((u, i) => {
      const key = textOf(u);
      let words = all.get(key);
      if (!words) all.set(key, (words = new Map()));
      for (const w of new Set(u.source.match(CAPITALISED))) pushTo(words, w, i);
    });
    return all;
  };
  const sizes = new Map<string, number>();
  for (const u of units) sizes.set(textOf(u), (sizes.get(textOf(u)) ?? 0) + 1);
  return (word, at) => {
    const unit = units[at];
    if (!unit || (sizes.get(textOf(unit)) ?? 0) < 2) return undefined;
    const earlier = (byText ??= index()).get(textOf(unit))?.get(word) ?? [];
    for (const i of earlier) {
      if (i >= at) break;
      if (units[i]!.source !== unit.source) return true;
    }
    return false;
  };
}

/**
 * For the unit at `index`: the given names its text — every unit of its file and target language, this one included —
 * writes before `word` as a person's name (`Steve` for `Jobs` where the text has "Steve Jobs", `Susan` for `Burke`).
 * Such a word is a person's surname in this text, though it is a common word (`Jobs`, `Burke`, `Sawyer`): kept or
 * transliterated, never translated. Empty for a word the text gives no given name before.
 */
export type GivenNamesOf = (word: string, index: number) => ReadonlySet<string>;

// A capitalised word (a given name if the list has it), then, across initials ("Franklin D. Roosevelt"), another.
const FULL_NAME = /(?<![\p{L}\p{M}\p{N}])(\p{Lu}\p{Ll}+)(?=(?:\s+\p{Lu}\.)*\s+(\p{Lu}\p{Ll}[\p{L}\p{M}]*))/gu;
const NONE: ReadonlySet<string> = new Set();

export function givenNamesInRun(units: readonly MentionUnit[], isGivenName: (word: string) => boolean): GivenNamesOf {
  const textOf = (u: MentionUnit): string => `${primarySubtag(u.targetLang)}\u0000${u.file}`;
  // Per file and language, then surname as written: the folded given names before it. Built on the first question.
  let byText: Map<string, Map<string, Set<string>>> | undefined;
  const index = (): Map<string, Map<string, Set<string>>> => {
    const all = new Map<string, Map<string, Set<string>>>();
    const read = new Set<string>();
    for (const u of units) {
      const key = textOf(u);
      // (the same sentence again says nothing new)
      if (read.has(`${key}\u0000${u.source}`)) continue;
      read.add(`${key}\u0000${u.source}`);
      for (const m of u.source.matchAll(FULL_NAME)) {
        if (!isGivenName(m[1]!)) continue;
        let surnames = all.get(key);
        if (!surnames) all.set(key, (surnames = new Map()));
        let given = surnames.get(m[2]!);
        if (!given) surnames.set(m[2]!, (given = new Set()));
        given.add(fold(m[1]!));
      }
    }
    return all;
  };
  return (word, at) => {
    const unit = units[at];
    if (!unit) return NONE;
    return (byText ??= index()).get(textOf(unit))?.get(word) ?? NONE;
  };
}

/**
 * For the unit at `index`: whether its text — every unit of its file and target language, this one included — writes
 * `word` as a name without `before` right before it ("Pelta said" beside "Miroslav Pelta"): the text itself refers to
 * the name by its last word, so a translation may too. Not so for "Haram" where the text always writes "Boko Haram".
 */
export type NamedAlone = (word: string, before: string, index: number) => boolean;

// A capitalised word, and the word that ends right before a stretch of spaces (read backwards from a capital).
const CAPITAL = /\p{Lu}[\p{L}\p{M}\p{N}]*/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;

/** The word right before `at` across spaces only ("" after punctuation or at the start). */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && SPACE.test(text.charAt(end - 1))) end--;
  if (end === at || end === 0) return '';
  let start = end;
  while (start > 0 && WORD_CHAR.test(text.charAt(start - 1))) start--;
  return text.slice(start, end);
}

export function namedAloneInRun(units: readonly MentionUnit[]): NamedAlone {
  const textOf = (u: MentionUnit): string => `${primarySubtag(u.targetLang)}\u0000${u.file}`;
  // Per text, asked about: its units, then (built on the first question about it) per capitalised word the words met
  // right before it.
  let unitsOf: Map<string, MentionUnit[]> | undefined;
  const byText = new Map<string, Map<string, Set<string>>>();
  const index = (key: string): Map<string, Set<string>> => {
    if (!unitsOf) {
      unitsOf = new Map();
      for (const u of units) pushTo(unitsOf, textOf(u), u);
    }
    const words = new Map<string, Set<string>>();
    const read = new Set<string>();
    for (const u of unitsOf.get(key) ?? []) {
      // (the same sentence again says nothing new)
      if (read.has(u.source)) continue;
      read.add(u.source);
      for (const m of u.source.matchAll(CAPITAL)) {
        let before = words.get(m[0]);
        if (!before) words.set(m[0], (before = new Set()));
        before.add(wordBefore(u.source, m.index));
      }
    }
    byText.set(key, words);
    return words;
  };
  return (word, before, at) => {
    const unit = units[at];
    if (!unit) return false;
    const key = textOf(unit);
    const seen = (byText.get(key) ?? index(key)).get(word);
    return seen !== undefined && [...seen].some((b) => b !== before);
  };
}
