import { primarySubtag } from '../../model/language.js';
import type { TargetText } from './target.js';

/**
 * A name of common words is translated word by word ("European Central Bank" → "Banco Central Europeo", "Federal
 * Housing Finance Agency" → "Agencia Federal de Financiamiento de Vivienda"): its rendering is one run of the target
 * that holds a word for each of the name's words, those kept or respelled and those translated. Where the run that
 * holds the name's kept words has fewer words of its own than the name has words it does not keep ("Banco Europeo"),
 * a word of the name was lost, not translated. Romance targets only: they render each word by a word (German makes one
 * compound of several: "Zentralbank"), capitalise the words of a name (Spanish, Italian, Portuguese) or write its
 * adjectives right after its noun (French "Banque centrale européenne").
 * `inTarget` tells whether the target has a word of the name anywhere. Returns the name's words the run lacks and the
 * run as written, or undefined.
 */
export function shortRendering(
  parts: readonly string[],
  inTarget: (part: string) => boolean,
  target: TargetText,
  targetLang: string,
): { lacking: string[]; run: string } | undefined {
  const lang = primarySubtag(targetLang);
  if (parts.length < 2 || target.nonLatin || !ROMANCE.has(lang) || PLACE_HEADS.has(parts[parts.length - 1]!))
    return undefined;
  const words = target.words;
  // Where each of the name's words stands in the target, kept or respelled.
  const at = new Map<number, string>();
  // (only words the target has somewhere, as `inTarget` tells, can stand in the run: two at least)
  const present = parts.filter((p) => p.length >= 3 && inTarget(p));
  if (new Set(present).size < 2) return undefined;
  for (const part of present) {
    const like = target.wordsLike(part);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!.folded;
      if (!at.has(i) && (like.has(word) || (word.startsWith(part) && word.length <= part.length + 2))) at.set(i, part);
    }
  }
  if (at.size < 2) return undefined;
  // The run around each kept word, the one that holds the most of the name's words.
  let best: Run | undefined;
  for (const i of at.keys()) {
    const run = runAround(target, i, at, lang);
    if (!best || run.held.size > best.held.size) best = run;
  }
  const { from, to, held, own } = best!;
  // Two of the name's words at least: one alone may be a word of another phrase ("la calle Pine", "le pont de Manhattan").
  if (held.size < 2) return undefined;
  const lacking = [...new Set(parts.filter((p) => p.length >= 3 && !held.has(p)))];
  // A lacking word may stand inside a kept one (a compound, an abbreviation written out): it is there.
  const lost = lacking.filter((p) => !(p.length >= 4 && words.slice(from, to + 1).some((t) => t.folded.includes(p))));
  if (lost.length === 0 || own >= lost.length) return undefined;
  return { lacking: lost, run: target.text.slice(words[from]!.start, words[to]!.end) };
}

interface Run {
  readonly from: number;
  readonly to: number;
  /** The name's words the run holds. */
  readonly held: Set<string>;
  /** How many words of its own (none of the name's, no joining word) the run has. */
  readonly own: number;
}

/**
 * The run of a translated name around a target word that renders one of its words: words with only spaces or
 * apostrophes between, each rendering a word of the name, joining them, or capitalised; a word in lower case where the
 * translation writes the name so (one of its words it renders is in lower case: "Operaciones de contingencia en
 * ultramar"), and, in French, an adjective right after a word of it ("Forum économique mondial").
 */
function runAround(target: TargetText, seed: number, at: ReadonlyMap<number, string>, lang: string): Run {
  const grow = (lowerCase: boolean): Run => {
    const words = target.words;
    const fits = (i: number, from: number): boolean => {
      const w = words[i]!;
      if (at.has(i) || JOINING.has(w.folded) || w.capitalised) return true;
      if (w.initialCapital) return false;
      return lowerCase || (lang === 'fr' && i === from + 1 && !JOINING.has(words[from]!.folded));
    };
    let from = seed;
    while (
      from > 0 &&
      close(target, from - 1, from) &&
      (at.has(from - 1) ||
        JOINING.has(words[from - 1]!.folded) ||
        words[from - 1]!.capitalised ||
        (lowerCase && !words[from - 1]!.initialCapital))
    )
      from--;
    let to = seed;
    while (to + 1 < words.length && close(target, to, to + 1) && fits(to + 1, to)) to++;
    // (a run neither begins nor ends with a joining word)
    while (from < seed && JOINING.has(words[from]!.folded)) from++;
    while (to > seed && JOINING.has(words[to]!.folded)) to--;
    const held = new Set<string>();
    let own = 0;
    for (let i = from; i <= to; i++) {
      const part = at.get(i);
      if (part !== undefined) held.add(part);
      else if (!JOINING.has(words[i]!.folded)) own++;
    }
    return { from, to, held, own };
  };
  const run = grow(false);
  for (let i = run.from; i <= run.to; i++) if (at.has(i) && !target.words[i]!.initialCapital) return grow(true);
  return run;
}

/** Whether only spaces, hyphens or apostrophes stand between two neighbouring words of the target. */
const close = (target: TargetText, a: number, b: number): boolean =>
  CLOSE.test(target.text.slice(target.words[a]!.end, target.words[b]!.start));
const CLOSE = /^[\s'’-]*$/u;

const ROMANCE = new Set(['es', 'fr', 'it', 'pt', 'ca']);

// The kind of place an English name ends with, which translations move before it in lower case ("la calle Pine",
// "le pont de Manhattan"), or drop where the rest is the place's name ("New York City" → "Nueva York").
const PLACE_HEADS = new Set(
  'city town village county state province district street streets avenue road square park bridge river lake island islands bay beach hill hills mountain mountains valley station airport port stadium tunnel'.split(
    ' ',
  ),
);

// Articles, prepositions and conjunctions inside a translated name ("Agencia Federal de Financiamiento de Vivienda").
const JOINING = new Set(
  'de del la las los el y e o d l le les des du et a au aux en pour sur di della delle dei degli dello il lo da do dos das na no para por al per con'.split(
    ' ',
  ),
);
