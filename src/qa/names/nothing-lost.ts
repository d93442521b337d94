import { URL_HINT } from '../../protect/patterns.js';
import { fold } from '../text.js';
import { findNames, type FoundName } from './detect.js';
import { wholeMentions } from './mentions.js';
import { MAX_WORDS_FOR_RESPELLINGS, TargetText } from './target.js';

/**
 * Whether the names check can have nothing to say on a unit, told cheaply: the source has no name, or every name of it
 * stands in the target as written (as `TargetText#hasPhrase` finds it) as many times as the source writes it, and no
 * target word is a word of a name with two letters swapped. Such a unit's names are all found by the check's first
 * test (a name kept as written; `lookForAs` in checks/names.ts), where only a typing slip or a mention lost could make
 * a finding: neither is there, so the check's readings of the target (gaps, respellings, the run's other units) are
 * not needed. Asked before those readings; a unit it is unsure of (a glossary name, a web address, a name not written
 * exactly so in the target, a text long enough to skip respellings) is checked in full. What the run's other units
 * tell of a name is learnt from every unit whatever this says (the check's learn pass).
 */
export function nothingLost(
  source: string,
  target: string,
  sourceLang: string,
  targetLang: string,
  glossaryNames: boolean,
): boolean {
  // (a glossary name is looked for in its approved renderings; names in a web address are not looked for, and one
  // written in the target's address is not there)
  if (glossaryNames || URL_HINT.test(source) || URL_HINT.test(target)) return false;
  const names = findNames(source, sourceLang);
  // A text of more than MAX_WORDS_FOR_RESPELLINGS distinct words makes the check say so; one this short cannot have
  // them (a word and what ends it: two characters at least).
  if (names.length === 0) return target.length <= 2 * MAX_WORDS_FOR_RESPELLINGS;
  // Every name written exactly so in the target first (no text read): most units with a name lost or translated stop here.
  for (const name of names) if (!target.includes(name.text)) return false;
  const read = new TargetText(target, targetLang);
  if (read.respellingsSkipped) return false;
  for (const name of names) if (!keptWhole(name, source, read)) return false;
  return true;
}

/** A name as written in the target at each of its mentions in the source, no word of it misspelt by a swap there. */
function keptWhole(name: FoundName, source: string, target: TargetText): boolean {
  // (as many mentions in the target as the whole source has, counted as the check counts them: an earlier one may
  // stand inside a longer name, "Odile Varnier … Varnier")
  const mentions = Math.max(1, wholeMentions(source, name.text).length);
  if (target.phraseCount(name.text, mentions) < mentions) return false;
  for (const word of name.words) {
    const folded = fold(word);
    if (slipped(folded, target)) return false;
    // (the parts of a word with a hyphen or a digit: "sars-cov-2", "tymoshenko-led")
    if (PART_BREAK.test(folded)) for (const part of folded.split(PART_BREAK)) if (slipped(part, target)) return false;
  }
  return true;
}

/** Whether the target has a word that is this folded one, five letters or more, with two neighbours swapped. */
const slipped = (word: string, target: TargetText): boolean =>
  word.length >= 5 && target.transposed(word) !== undefined;

// Where a word's parts meet: a hyphen, or letters and digits side by side.
const PART_BREAK = /[-‐]|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
