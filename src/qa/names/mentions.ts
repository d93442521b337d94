import { primarySubtag } from '../../model/language.js';
import { literalPattern } from '../../model/literal-pattern.js';
import { pushTo } from '../../lists-by-key.js';
import { fold } from '../text.js';
import { capitalisedIn } from './capitals.js';

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Where a name stands in a text as whole words (not inside another word: "Ford" in "Stratford"), in order. */
export function wholeMentions(text: string, name: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1))
    if (!LETTER_OR_NUMBER.test(text.charAt(i - 1)) && !LETTER_OR_NUMBER.test(text.charAt(i + name.length))) at.push(i);
  return at;
}

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
 * introduces nothing), has `word` capitalised in its source; words with spaces between them ("Radka Slezáková"),
 * written together there, the first capitalised.
 */
export type MentionedBefore = (word: string, index: number) => boolean | undefined;

/** The texts of a run: each unit's text (file and target language) as a number, and how many units each has. */
interface Texts {
  readonly ofUnit: readonly number[];
  readonly sizes: readonly number[];
}

// The three questions below ask of the same units: their texts are told apart once (no key string per unit or question).
const textsOfRun = new WeakMap<readonly MentionUnit[], Texts>();

function textsOf(units: readonly MentionUnit[]): Texts {
  let texts = textsOfRun.get(units);
  if (texts && texts.ofUnit.length === units.length) return texts;
  const ids = new Map<string, Map<string, number>>();
  const ofUnit: number[] = [];
  const sizes: number[] = [];
  for (const u of units) {
    const lang = primarySubtag(u.targetLang);
    let inLang = ids.get(lang);
    if (!inLang) ids.set(lang, (inLang = new Map()));
    let id = inLang.get(u.file);
    if (id === undefined) {
      inLang.set(u.file, (id = sizes.length));
      sizes.push(0);
    }
    ofUnit.push(id);
    sizes[id]!++;
  }
  texts = { ofUnit, sizes };
  textsOfRun.set(units, texts);
  return texts;
}

export function mentionsInRun(units: readonly MentionUnit[]): MentionedBefore {
  const { ofUnit, sizes } = textsOf(units);
  const capitalised = capitalisedIn(units);
  // Per text, then capitalised word: the indexes of the units whose source has it, in run order.
  let byText: Array<Map<string, number[]>> | undefined;
  // Built on the first question: most runs never shorten a name.
  const index = (): Array<Map<string, number[]>> => {
    const all = sizes.map(() => new Map<string, number[]>());
    units.forEach((u, i) => {
      const words = all[ofUnit[i]!]!;
      for (const w of capitalised(u.source)) pushTo(words, w, i);
    });
    return all;
  };
  return (word, at) => {
    const unit = units[at];
    if (!unit || sizes[ofUnit[at]!]! < 2) return undefined;
    // (words: written together, in an earlier unit that has the first of them capitalised)
    const space = word.indexOf(' ');
    const phrase =
      space < 0
        ? undefined
        : new RegExp(
            `(?<![\\p{L}\\p{M}\\p{N}])${literalPattern(word).replace(/ /gu, '\\s+')}(?![\\p{L}\\p{M}\\p{N}])`,
            'u',
          );
    const earlier = (byText ??= index())[ofUnit[at]!]!.get(space < 0 ? word : word.slice(0, space)) ?? [];
    for (const i of earlier) {
      if (i >= at) break;
      if (units[i]!.source !== unit.source && (phrase === undefined || phrase.test(units[i]!.source))) return true;
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
  const { ofUnit, sizes } = textsOf(units);
  // Per text, then surname as written: the folded given names before it. Built on the first question.
  let byText: Array<Map<string, Set<string>> | undefined> | undefined;
  const index = (): Array<Map<string, Set<string>> | undefined> => {
    const all: Array<Map<string, Set<string>> | undefined> = sizes.map(() => undefined);
    // Per text, the source texts read.
    const read = sizes.map(() => new Set<string>());
    units.forEach((u, i) => {
      const key = ofUnit[i]!;
      // (the same sentence again says nothing new)
      if (read[key]!.has(u.source)) return;
      read[key]!.add(u.source);
      for (const m of u.source.matchAll(FULL_NAME)) {
        if (!isGivenName(m[1]!)) continue;
        const surnames = (all[key] ??= new Map());
        let given = surnames.get(m[2]!);
        if (!given) surnames.set(m[2]!, (given = new Set()));
        given.add(fold(m[1]!));
      }
    });
    return all;
  };
  return (word, at) => {
    const unit = units[at];
    if (!unit) return NONE;
    return (byText ??= index())[ofUnit[at]!]?.get(word) ?? NONE;
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

// What WORD_CHAR and SPACE say of each UTF-16 unit, filled as met (wordBefore reads one unit at a time).
const IS_SPACE = 1;
const IS_WORD_CHAR = 2;
const KNOWN = 4;
const unitClasses = new Uint8Array(0x10000);

function classOfUnit(code: number): number {
  let c = unitClasses[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = KNOWN | (SPACE.test(ch) ? IS_SPACE : 0) | (WORD_CHAR.test(ch) ? IS_WORD_CHAR : 0);
    unitClasses[code] = c;
  }
  return c;
}

/** The word right before `at` across spaces only ("" after punctuation or at the start). */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && classOfUnit(text.charCodeAt(end - 1)) & IS_SPACE) end--;
  if (end === at || end === 0) return '';
  let start = end;
  while (start > 0 && classOfUnit(text.charCodeAt(start - 1)) & IS_WORD_CHAR) start--;
  return text.slice(start, end);
}

export function namedAloneInRun(units: readonly MentionUnit[]): NamedAlone {
  const { ofUnit, sizes } = textsOf(units);
  // Per text, asked about: its units, then (built on the first question about it) per capitalised word the words met
  // right before it.
  let unitsOf: MentionUnit[][] | undefined;
  const byText: Array<Map<string, Set<string>> | undefined> = sizes.map(() => undefined);
  const index = (key: number): Map<string, Set<string>> => {
    if (!unitsOf) {
      const all: MentionUnit[][] = sizes.map(() => []);
      units.forEach((u, i) => all[ofUnit[i]!]!.push(u));
      unitsOf = all;
    }
    const words = new Map<string, Set<string>>();
    const read = new Set<string>();
    for (const u of unitsOf[key]!) {
      // (the same sentence again says nothing new)
      if (read.has(u.source)) continue;
      read.add(u.source);
      for (const m of u.source.matchAll(CAPITAL)) {
        let before = words.get(m[0]);
        if (!before) words.set(m[0], (before = new Set()));
        before.add(wordBefore(u.source, m.index));
      }
    }
    byText[key] = words;
    return words;
  };
  return (word, before, at) => {
    const unit = units[at];
    if (!unit) return false;
    const key = ofUnit[at]!;
    const seen = (byText[key] ?? index(key)).get(word);
    return seen !== undefined && [...seen].some((b) => b !== before);
  };
}
