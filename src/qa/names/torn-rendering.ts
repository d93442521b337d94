import { cldrRenderings } from './cldr.js';
import type { FoundName } from './detect.js';
import type { TargetText, TargetWord } from './target.js';
import { fold } from '../text.js';
import { primarySubtag } from '../../model/language.js';

/**
 * The word left of a country's CLDR rendering of several words whose other words are gone, where the target shows it
 * torn from them: "European Union" → "die Europäische ihre Sanktionen", "la Europea ha", "de l'européenne". An adjective
 * a translation gives a country instead of its name is written in lower case in German, Spanish, Italian and
 * Portuguese ("die europäischen Regeln", "las normas europeas"), and beside a noun in French ("les règles
 * européennes"); one written with a capital, no capitalised word beside it, or in French right after an article or a
 * preposition, stood in the name; its head noun alone is a short form ("die Union", "l'Union"). Undefined where no
 * rendering is torn so.
 */
export function tornRendering(name: FoundName, target: TargetText, targetLang: string): string | undefined {
  if (name.cldr?.kind !== 'region' || target.nonLatin) return undefined;
  const lang = primarySubtag(targetLang);
  if (!TORN_SHOWS.has(lang)) return undefined;
  for (const rendering of cldrRenderings(name.cldr, targetLang)) {
    // (not a name of two joined by a conjunction or a preposition, "Bosnien und Herzegowina": each part is one)
    if (/(?<![\p{L}\p{M}])\p{Ll}{1,3}(?![\p{L}\p{M}])/u.test(rendering)) continue;
    const words = fold(rendering).match(WORDS) ?? [];
    if (words.length < 2 || words.some((w) => w.length < 3) || target.hasPhrase(rendering)) continue;
    const at = words.map((w) => target.words.findIndex((t) => inflectionOf(t.folded, w)));
    const kept = at.filter((i) => i >= 0);
    // (the head noun alone is a short form a translation uses: "die Union", "l'Union", "die Staaten")
    const head = lang === 'de' ? words.length - 1 : 0;
    if (kept.length !== 1 || at[head]! >= 0) continue;
    const i = kept[0]!;
    const word = target.words[i]!;
    const before = target.words[i - 1];
    const after = target.words[i + 1];
    const torn =
      lang === 'fr'
        ? before !== undefined &&
          FRENCH_BEFORE.has(before.folded) &&
          /^\s*['’]?\s*$/u.test(target.text.slice(before.end, word.start)) &&
          !word.initialCapital
        : word.capitalised && !neighbourCapitalised(before) && !neighbourCapitalised(after);
    if (torn) return target.text.slice(word.start, word.end);
  }
  return undefined;
}

// Languages whose adjectives are written in lower case but inside a name, or (French) stand beside a noun.
const TORN_SHOWS = new Set(['de', 'es', 'fr', 'it', 'pt']);
// French articles and prepositions a noun follows, never an adjective alone.
const FRENCH_BEFORE = new Set(['l', 'la', 'le', 'les', 'en', 'de', 'du', 'des', 'd', 'au', 'aux']);
const WORDS = /[\p{L}\p{M}]+/gu;

/** A word capitalised where it is not a sentence's first: part of a name. */
const neighbourCapitalised = (w: TargetWord | undefined): boolean => w !== undefined && w.capitalised;

/** Whether a target word is the word or an inflection of it (German "Europäischen" of "Europäische", "Unión"). */
function inflectionOf(word: string, of: string): boolean {
  return word.startsWith(of.slice(0, -1)) && word.length <= of.length + 2;
}
