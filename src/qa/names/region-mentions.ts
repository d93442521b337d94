import { cldrAdjectives, cldrLikelyLanguageName, cldrRenderings } from './cldr.js';
import type { FoundName } from './detect.js';
import type { TargetText } from './target.js';
import { fold } from '../text.js';
import { primarySubtag } from '../../model/language.js';

/** How often a country is named on each side, by its name or a word made from it, where the target names it less. */
export interface RegionMentions {
  readonly inSource: number;
  readonly inTarget: number;
}

/**
 * A country or continent the source names more often than the target does, counting on each side its name and the
 * words made from it: "China … the Chinese threat" is two mentions, and so are "China … la menace chinoise"; a target
 * with only "la menace chinoise" lost one. A translator renders a country by its adjective and the other way round, and
 * may drop an adjective ("the Italian prime minister" → "le premier ministre"), so the target is short only where it
 * has fewer than the source's mentions of the name itself, or has none of the name's renderings but only words made
 * from it. Not in another script (clitics join the words), nor for the groupings CLDR names beside territories (EU,
 * the Eurozone, the UN), whose words make compounds of every kind ("Eurogipfel"); nor for acronyms or names shorter than
 * four letters, whose derived words are no prefix of them.
 */
export function fewerRegionMentions(
  name: FoundName,
  source: string,
  target: TargetText,
  targetLang: string,
): RegionMentions | undefined {
  const cldr = name.cldr;
  if (cldr?.kind !== 'region' || GROUPINGS.has(cldr.code) || name.kind === 'acronym' || name.text.length < 4)
    return undefined;
  if (target.nonLatin) return undefined;
  // (most names are written once, and nothing made from them beside: one look at the text tells)
  const stem = name.text.slice(0, Math.max(4, name.text.length - 1));
  if (source.indexOf(stem, source.indexOf(stem) + 1) < 0) return undefined;
  const { named, derived } = sourceMentions(name.text, stem, source);
  if (named + derived < 2) return undefined;
  const renderings = cldrRenderings(cldr, targetLang);
  const stems = new Set<string>();
  for (const form of [
    name.text,
    ...renderings,
    ...cldrAdjectives(cldr, targetLang),
    cldrLikelyLanguageName(cldr, targetLang) ?? '',
  ])
    for (const w of fold(form).match(WORDS) ?? []) if (w.length >= 4) stems.add(stemOf(w));
  // German joins a country's name or adjective to other words ("Osteuropäer", "Europa-Antrag").
  const inWord = primarySubtag(targetLang) === 'de';
  let inTarget = 0;
  for (const w of target.words)
    for (const s of stems)
      if (inWord ? w.folded.includes(s) : w.folded.startsWith(s)) {
        inTarget++;
        break;
      }
  if (inTarget === 0 || inTarget >= named + derived) return undefined;
  const byName = [name.text, ...renderings].some((r) => target.hasPhrase(r));
  return inTarget < named || !byName ? { inSource: named + derived, inTarget } : undefined;
}

// CLDR's codes of groupings that are no territory: the European Union, the Eurozone, the United Nations.
const GROUPINGS = new Set(['EU', 'EZ', 'UN', 'QO']);

// A word made from a name shares its first five letters ("Europe" → "européens", "Canada" → "canadiens"), or all but
// the last of a shorter name's ("China" → "chinesischen"), four at least ("Iran" → "iranienne").
const stemOf = (word: string): string => word.slice(0, Math.max(4, Math.min(5, word.length - 1)));
const WORDS = /[\p{L}\p{M}]+/gu;

/**
 * The source's mentions of a name: the name as whole words, and capitalised words made from a one-word name, the name
 * but its last letter leading them ("Chinese" of "China", "Europeans" of "Europe", "Franco-German" of "France").
 */
function sourceMentions(name: string, stem: string, source: string): { named: number; derived: number } {
  const oneWord = !name.includes(' ');
  let named = 0;
  let derived = 0;
  for (const m of source.matchAll(CAPITALISED)) {
    if (source.startsWith(name, m.index) && !/[\p{L}\p{M}]/u.test(source.charAt(m.index + name.length))) named++;
    else if (oneWord && m[0].length > stem.length && m[0].startsWith(stem)) derived++;
  }
  return { named, derived };
}
const CAPITALISED = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*/gu;
