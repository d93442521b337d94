import { primarySubtag } from '../../model/language.js';
import { fold } from '../text.js';
import { TargetText } from './target.js';

/**
 * Names the other units of a run keep as written. Translators render a name the
 * same way throughout a text: when the other units whose source has a name keep
 * it verbatim in their targets ("Jobs", "Deutsche Bank", "IBM"), a unit that has
 * it nowhere lost it, though its words are common ones or its target has other
 * capitalised words a translation could be.
 */
export interface RunUnit {
  readonly source: string;
  readonly target: string;
  readonly targetLang: string;
}

/**
 * How many other source texts of the run have the name, and how many of them keep it in a target (a source
 * translated more than once counts once: the same sentence is no further evidence).
 */
export interface KeptCount {
  readonly withName: number;
  readonly keeping: number;
}

export type KeptInRun = (name: string, source: string, targetLang: string) => KeptCount;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

interface Indexed {
  readonly source: string;
  /** The source's words, space-joined with a space at each end, for whole-word phrase tests. */
  readonly words: string;
  readonly lang: string;
  /** Its targets, each read when first asked about. */
  readonly targets: string[];
  read?: TargetText[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const wordsOf = (text: string): string[] => fold(text).match(WORD) ?? [];

export function keptInRun(units: readonly RunUnit[]): KeptInRun {
  const indexed: Indexed[] = [];
  const bySource = new Map<string, Indexed>();
  // Each word's source texts, so that a name is looked for only where its rarest word is.
  const byWord = new Map<string, number[]>();
  for (const u of units) {
    const lang = primarySubtag(u.targetLang);
    const same = bySource.get(`${lang}\u0000${u.source}`);
    if (same) {
      same.targets.push(u.target);
      continue;
    }
    const words = wordsOf(u.source);
    const at = indexed.length;
    const entry: Indexed = { source: u.source, words: ` ${words.join(' ')} `, lang, targets: [u.target] };
    indexed.push(entry);
    bySource.set(`${lang}\u0000${u.source}`, entry);
    for (const w of new Set(words)) {
      let list = byWord.get(w);
      if (!list) byWord.set(w, (list = []));
      list.push(at);
    }
  }
  // Per source text (the same string each time: its hash is computed once), then per language and name.
  const cache = new Map<string, Map<string, KeptCount>>();
  return (name, source, targetLang) => {
    const lang = primarySubtag(targetLang);
    const key = `${lang}\u0000${name}`;
    let forSource = cache.get(source);
    if (!forSource) cache.set(source, (forSource = new Map()));
    const known = forSource.get(key);
    if (known) return known;
    const words = wordsOf(name);
    const phrase = ` ${words.join(' ')} `;
    const postings = words.map((w) => byWord.get(w) ?? []);
    const rarest = postings.reduce((a, b) => (b.length < a.length ? b : a), postings[0] ?? []);
    let withName = 0;
    let keeping = 0;
    const asWritten = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'u');
    let lowerCase = 0;
    let lowerKept = 0;
    for (const i of rarest) {
      const u = indexed[i]!;
      if (u.lang !== lang || u.source === source || !u.words.includes(phrase)) continue;
      const keeps = (u.read ??= u.targets.map((t) => new TargetText(t, lang))).some((t) => t.hasPhrase(name));
      if (asWritten.test(u.source)) {
        withName++;
        if (keeps) keeping++;
      } else {
        lowerCase++;
        if (keeps) lowerKept++;
      }
    }
    // A word the target language has too ("President" → "président", "Association"): kept as a word, not a name.
    const count = lowerKept * 3 >= lowerCase && lowerKept > 0 ? { withName, keeping: 0 } : { withName, keeping };
    forSource.set(key, count);
    return count;
  };
}
