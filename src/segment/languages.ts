/**
 * Per-language segmentation rules, read from data (data/languages.json and the CLDR suppressions in
 * data/cldr-sentence-breaks.json): abbreviation classes, the punctuation that ends a sentence, and how
 * the script spaces its sentences. A language takes its script's defaults for what it does not set.
 */
import cldr from './data/cldr-sentence-breaks.json' with { type: 'json' };
import data from './data/languages.json' with { type: 'json' };
import { primarySubtag } from '../model/language.js';

/** The words around the word before a period: nearest last before it, nearest first after it. */
export interface Context {
  readonly before: () => readonly string[];
  readonly after: () => readonly string[];
}

interface Entry {
  /** The words as written, each with its periods ("z.", "B."). */
  readonly words: readonly string[];
  /** Matched as written when it has a capital after its first letter ("π.Χ." is not "π.χ."). */
  readonly exact: boolean;
}

/** Abbreviations as written ("Dr.", "z. B.", "и т. д."): one word, or several words with a period each. */
export class Abbreviations {
  private readonly byWord = new Map<string, Array<{ entry: Entry; at: number }>>();

  constructor(entries: readonly string[], caseSensitive: boolean) {
    for (const written of entries) {
      const words = written.split(/\s+/u).filter(Boolean);
      const entry = { words, exact: caseSensitive || /\p{Lu}/u.test(written.slice(1)) };
      words.forEach((word, at) => {
        const key = word.toLowerCase();
        this.byWord.set(key, [...(this.byWord.get(key) ?? []), { entry, at }]);
      });
    }
  }

  get size(): number {
    return this.byWord.size;
  }

  /** Every word of every entry in lower case, without a final period: a quick test before `match`. */
  words(): string[] {
    return [...this.byWord.keys()].map((w) => w.replace(/\.$/u, ''));
  }

  /**
   * How `token` (the word before a period) stands in these abbreviations: the number of words of the longest one
   * it ends (0 for none), and whether it is inside a longer one ("EE." in "EE. UU.").
   */
  match(token: string, context: Context): { ends: number; inside: boolean } {
    let ends = 0;
    let inside = false;
    const found = this.byWord.get(`${token}.`.toLowerCase());
    if (!found) return { ends, inside };
    for (const { entry, at } of found) {
      const same = (word: string | undefined, i: number): boolean => {
        const want = entry.words[i]!;
        if (word === undefined) return false;
        return entry.exact ? word === want : word.toLowerCase() === want.toLowerCase() && !isMixedCase(word);
      };
      if (!same(`${token}.`, at)) continue;
      const before = at > 0 ? context.before() : [];
      if (!entry.words.slice(0, at).every((w, i) => same(before[before.length - at + i], i))) continue;
      const rest = entry.words.length - at - 1;
      const after = rest > 0 ? context.after() : [];
      if (!entry.words.slice(at + 1).every((w, i) => same(after[i], at + 1 + i))) continue;
      if (rest > 0) inside = true;
      else ends = Math.max(ends, entry.words.length);
    }
    return { ends, inside };
  }
}

/** "π.Χ." or "eE.": neither lower case, Capitalised nor all capitals, so written that way on purpose. */
function isMixedCase(word: string): boolean {
  const lower = word.toLowerCase();
  return word !== lower && word !== word.toUpperCase() && word !== lower.charAt(0).toUpperCase() + lower.slice(1);
}

export interface LanguageRules {
  /** Titles written before a name ("Dr.", "M."), and abbreviations that never end a sentence ("z. B."). */
  readonly titles: Abbreviations;
  /** CLDR's sentence-break suppressions for the language, matched in their own letter case. */
  readonly suppressions: Abbreviations;
  /** Abbreviations that refer to a following number ("p. 55", "Nr. 7"). */
  readonly beforeNumber: Abbreviations;
  /** Units and eras written after a number, which may end a sentence ("2023 г.", "5 Mio."). */
  readonly afterNumber: Abbreviations;
  /** Abbreviations that can end a sentence: a break only when a new sentence visibly starts ("etc.", "usw."). */
  readonly mayEnd: Abbreviations;
  /** Multi-period abbreviations for times of day ("a.m."), which usually close a clause. */
  readonly timeOfDay: Abbreviations;
  /** Every word of the abbreviation lists above, in lower case without its final period. */
  readonly listed: ReadonlySet<string>;
  /** Words that begin a sentence often enough to confirm a break after "U.S." or "usw.". */
  readonly starters: ReadonlySet<string>;
  /** Numbers followed by a period are ordinals or dates ("5. Dezember", "1. 12. 2023"). */
  readonly ordinalPeriod: boolean;
  /** Nouns are capitalised, so a capital after an abbreviation does not show a new sentence. */
  readonly nounsCapitalised: boolean;
  /** Whether "." ends sentences (false where the script has its own full stop and "." abbreviates). */
  readonly periodEnds: boolean;
  /** One-letter words that are not initials ("I"). */
  readonly pronounLetters: string;
  /** Characters that end a sentence besides Unicode's Sentence_Terminal, and ones that do not. */
  readonly terminators: string;
  readonly notTerminators: string;
  /** Sentences follow each other without a space (Chinese, Japanese, Thai). */
  readonly spaceless: boolean;
  /** Opening and closing characters, pair by pair, inside which no sentence ends. */
  readonly heldPairs: string;
  /** Words that continue a sentence right after a terminator or closing quote (Japanese "と"). */
  readonly continuers: readonly string[];
  /** Closing quotation marks written after a space ("… ! »"). */
  readonly spacedClosers: string;
}

interface RuleData {
  titles?: string[];
  keep?: string[];
  beforeNumber?: string[];
  afterNumber?: string[];
  mayEnd?: string[];
  timeOfDay?: string[];
  starters?: string[];
  cldrExcept?: string[];
  terminators?: string;
  notTerminators?: string;
  periodEnds?: boolean;
  ordinalPeriod?: boolean;
  nounsCapitalised?: boolean;
  pronounLetters?: string;
  spaceless?: boolean;
  heldPairs?: string;
  continuers?: string[];
  spacedClosers?: string;
}

interface CldrData {
  suppressions?: string[];
  terminators?: string;
}

const LANGUAGES: Readonly<Record<string, RuleData>> = data.languages;
const SCRIPTS: Readonly<Record<string, RuleData>> = data.scripts;
const COMMON: RuleData = data.common;
const CLDR: Readonly<Record<string, CldrData>> = cldr.languages;

/** The script a language is usually written in ("hi" → "Deva"), from the tag or CLDR's likely subtags. */
function scriptOf(tag: string): string {
  try {
    return new Intl.Locale(tag).maximize().script ?? 'Latn';
  } catch {
    return 'Latn';
  }
}

/** CLDR lists lower-case entries as written mid-sentence; a sentence may start with them capitalised. */
function withCapitals(entries: readonly string[]): string[] {
  return entries.flatMap((e) => (/^\p{Ll}/u.test(e) ? [e, e.charAt(0).toUpperCase() + e.slice(1)] : [e]));
}

function build(primary: string, script: string): LanguageRules {
  const own = LANGUAGES[primary] ?? {};
  const base = SCRIPTS[script] ?? {};
  const pick = <K extends keyof RuleData>(key: K): RuleData[K] => own[key] ?? base[key] ?? COMMON[key];
  const found = CLDR[primary] ?? {};
  const dropped = new Set([...(own.cldrExcept ?? []), ...(own.mayEnd ?? []), ...(own.afterNumber ?? [])]);
  const suppressions = (found.suppressions ?? []).filter((s) => !dropped.has(s));
  const lists = {
    titles: new Abbreviations([...(pick('titles') ?? []), ...(own.keep ?? []), ...(COMMON.titles ?? [])], false),
    suppressions: new Abbreviations(withCapitals(suppressions), true),
    beforeNumber: new Abbreviations([...(pick('beforeNumber') ?? []), ...(COMMON.beforeNumber ?? [])], false),
    afterNumber: new Abbreviations(own.afterNumber ?? [], false),
    mayEnd: new Abbreviations([...(pick('mayEnd') ?? []), ...(COMMON.mayEnd ?? [])], false),
    timeOfDay: new Abbreviations(own.timeOfDay ?? [], false),
  };
  return {
    ...lists,
    listed: new Set(Object.values(lists).flatMap((list) => list.words())),
    starters: new Set((own.starters ?? []).map((w) => w.toLowerCase())),
    ordinalPeriod: pick('ordinalPeriod') ?? false,
    nounsCapitalised: pick('nounsCapitalised') ?? false,
    periodEnds: pick('periodEnds') ?? true,
    pronounLetters: pick('pronounLetters') ?? '',
    terminators: (pick('terminators') ?? '') + (found.terminators ?? ''),
    notTerminators: pick('notTerminators') ?? '',
    spaceless: pick('spaceless') ?? false,
    heldPairs: pick('heldPairs') ?? '',
    continuers: pick('continuers') ?? [],
    spacedClosers: pick('spacedClosers') ?? '',
  };
}

const cache = new Map<string, LanguageRules>();

/** The rules for a BCP 47 tag: its primary language's, over the defaults of the script it is written in. */
export function rulesFor(lang: string): LanguageRules {
  let rules = cache.get(lang);
  if (!rules) {
    rules = build(primarySubtag(lang) || 'en', scriptOf(lang.replace(/_/gu, '-')));
    cache.set(lang, rules);
  }
  return rules;
}

/** Languages with rules of their own (others segment by their script's defaults). */
export const SEGMENTER_LANGUAGES = Object.keys(LANGUAGES);
