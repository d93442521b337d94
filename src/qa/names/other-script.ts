import { opensSentence } from '../text.js';
import { cldrNameOf } from './cldr.js';
import { isGroupWord, type FoundName } from './detect.js';
import type { KeptCount } from './kept.js';
import { isCommonWord, isGivenName } from './words.js';

/**
 * A name in a target of another script (Arabic, Russian, Greek) is kept in Latin letters, transliterated or, for some,
 * translated. What can be translated is told by the name's words and by the run: a word no dictionary has (Medicago,
 * Teijin) or a name with inner capitals (CureVac, PubMed) is kept or transliterated, unless the run's other units with
 * it show it rendered some other way (CoVs → "فيروسات كورونا", Beijing → "بكين" throughout). Such a name found neither
 * kept nor transliterated was lost.
 */

/** Whether another unit of the run with the name renders it some way other than as written. */
export const renderedOtherwise = ({ withName, keeping }: KeptCount): boolean => withName > keeping;

/** How the run's other units with a name (or word) render it. */
export type KeptInOthers = (name: string) => KeptCount;

// Shorter words are abbreviations and particles ("Ang", "Arg", "El"), which a translation writes out or drops.
const MIN_LETTERS = 4;
// A dictionary word this long ending a word makes it a compound a translation renders by its parts ("Biosafety",
// "Sarbecovirus").
const MIN_COMPOUND_END = 5;

/**
 * Whether a word may be a common one the dictionary lists otherwise: a plural in -ies, a doctrine in -ism, a compound
 * ending in one. A compound beside a word of the name the target keeps is a word of that name, kept with it ("Themis
 * Bioscience" → "Themis"), not a common word translated by its parts ("Biosafety" → "السلامة الحيوية").
 */
function commonAfterAll(word: string, lang: string, partlyFound: boolean): boolean {
  if (word.endsWith('ies') && isCommonWord(`${word.slice(0, -3)}y`, lang)) return true;
  // (a doctrine or a movement, "Buddhism", "Sikhism": a common noun a translation renders by its meaning)
  if (lang === 'en' && /.{3}isms?$/u.test(word)) return true;
  if (partlyFound) return false;
  for (let k = 2; k <= word.length - MIN_COMPOUND_END; k++) if (isCommonWord(word.slice(k), lang)) return true;
  return false;
}

/**
 * The words of a name that a target in another script lost, where it lost the name: of `lacking` (its words no
 * dictionary has that the target neither keeps nor transliterates, as written in the name), those only a name has —
 * not a nationality or a country CLDR names, whose renderings no list holds all of ("Chinese", "India"), not a word
 * the dictionary lists otherwise, not a given name where the rest of the name stands (a person may be named by their
 * surname), and none the run's other units render otherwise. None at all for a country or language, a sentence's
 * first word (which may be a common word the dictionary lacks: "Comorbidities and complications:"), and a name the run
 * renders otherwise.
 */
export function lostFromOtherScript(
  name: FoundName,
  sourceText: string,
  sourceLang: string,
  lacking: readonly string[],
  partlyFound: boolean,
  kept: KeptInOthers,
): string[] {
  if (name.cldr !== undefined || opensSentence(sourceText, name.start) || renderedOtherwise(kept(name.text))) return [];
  return lacking.filter(
    (w) =>
      [...w].length >= MIN_LETTERS &&
      !isGroupWord(w, sourceLang) &&
      cldrNameOf(w, sourceLang) === undefined &&
      !commonAfterAll(w.toLowerCase(), sourceLang, partlyFound) &&
      !(partlyFound && isGivenName(w)) &&
      !renderedOtherwise(kept(w)),
  );
}

/** A word with inner capitals as some write it, with its first capital only ("CureVac" → "Curevac", "BioNTech" → "Biontech"). */
export const firstCapitalOnly = (word: string): string => word.charAt(0) + word.slice(1).toLowerCase();

/** A word with inner capitals cut where a lower-case letter meets a capital ("AndroidGoogle" → "Android", "Google"). */
export const capitalPieces = (word: string): string[] => word.split(/(?<=\p{Ll})(?=\p{Lu})/u);

/**
 * Whether a target keeps a name at each of its mentions, where it keeps it at one: a name with inner capitals or a word
 * no dictionary has, kept in Latin letters in a target of another script (a pronoun there is written onto a word, and
 * a translator who keeps "Gilead Sciences" in Latin letters once does not drop it the second time).
 */
export const keptAtEachMention = (name: FoundName, nonLatin: boolean): boolean =>
  nonLatin && (name.kind === 'coded' || name.kind === 'opaque');

/**
 * The words of a name, lost from a target in another script, that the run's other units keep in Latin letters: each a
 * word no dictionary has (`lacking`, as written in the name), met in one other unit at least, every one of which keeps it
 * so (`Janssen` there, `شركات الصيدلانية` here). A translator who keeps a name in Latin letters elsewhere in the text
 * keeps it here too, though this unit keeps no other Latin word. Not a country or a nationality, whose renderings no
 * list holds all of, nor a word of fewer than four letters (an abbreviation a translation may write out).
 */
export function keptElsewhereInLatin(
  name: FoundName,
  sourceLang: string,
  lacking: readonly string[],
  kept: KeptInOthers,
): string[] {
  if (name.cldr !== undefined) return [];
  return lacking.filter((w) => {
    if ([...w].length < MIN_LETTERS || isGroupWord(w, sourceLang) || cldrNameOf(w, sourceLang) !== undefined)
      return false;
    const { withName, keeping } = kept(w);
    return keeping >= 1 && keeping === withName;
  });
}
