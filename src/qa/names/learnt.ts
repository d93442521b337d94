import { fold } from '../text.js';
import { primarySubtag } from '../../model/language.js';

/**
 * Renderings of names learnt from approved translations (the translation
 * memory): when the pairs whose source holds a name, and whose target does not
 * keep it, share a phrase that the other targets rarely have, that phrase is
 * how this team renders the name ("White House" → "Casa Blanca").
 */
export interface ApprovedPair {
  readonly source: string;
  readonly target: string;
  readonly targetLang: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// A phrase is learnt when it is in most of the name's pairs and mostly in those.
const MIN_PAIRS = 2;
const SHARE_OF_NAME_PAIRS = 0.6;
const SHARE_OF_ALL_PAIRS = 0.5;

interface Indexed {
  readonly source: string;
  readonly words: readonly string[];
}

export type Learnt = (name: string, targetLang: string) => readonly string[];

export function learnRenderings(pairs: readonly ApprovedPair[]): Learnt {
  const byLang = new Map<string, Indexed[]>();
  for (const p of pairs) {
    const lang = primarySubtag(p.targetLang);
    let list = byLang.get(lang);
    if (!list) byLang.set(lang, (list = []));
    list.push({ source: ` ${wordsOf(p.source).join(' ')} `, words: wordsOf(p.target) });
  }
  const cache = new Map<string, readonly string[]>();
  return (name, targetLang) => {
    const lang = primarySubtag(targetLang);
    const key = `${lang}\u0000${name}`;
    let found = cache.get(key);
    if (!found) {
      found = learn(` ${wordsOf(name).join(' ')} `, byLang.get(lang) ?? []);
      cache.set(key, found);
    }
    return found;
  };
}

function wordsOf(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

function phrases(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      const gram = words.slice(i, i + n);
      // A phrase of particles alone ("de la") names nothing.
      if (gram.some((w) => w.length > 3)) out.add(gram.join(' '));
    }
  }
  return out;
}

function learn(name: string, pairs: readonly Indexed[]): readonly string[] {
  const keeping = name.trim();
  const withName = pairs.filter((p) => p.source.includes(name) && !` ${p.words.join(' ')} `.includes(` ${keeping} `));
  if (withName.length < MIN_PAIRS) return [];
  const counts = new Map<string, number>();
  for (const p of withName) for (const g of phrases(p.words)) counts.set(g, (counts.get(g) ?? 0) + 1);
  const candidates = [...counts].filter(([, n]) => n >= MIN_PAIRS && n >= SHARE_OF_NAME_PAIRS * withName.length);
  if (candidates.length === 0) return [];
  const overall = new Map<string, number>(candidates.map(([g]) => [g, 0]));
  for (const p of pairs) {
    const text = ` ${p.words.join(' ')} `;
    for (const g of overall.keys()) if (text.includes(` ${g} `)) overall.set(g, overall.get(g)! + 1);
  }
  const specific = candidates.filter(([g, n]) => n >= SHARE_OF_ALL_PAIRS * overall.get(g)!);
  // The longest specific phrases first: "casa blanca" rather than "blanca".
  return specific
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
    .map(([g]) => g)
    .filter((g, _, all) => !all.some((o) => o !== g && o.includes(g)));
}
