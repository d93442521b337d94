import { execFile, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onPath } from '../../io/on-path.js';
import { primarySubtag } from '../../model/language.js';
import { opensSentence, textWithoutCodes } from '../text.js';
import type { CollectionCheck, QaPair, SliceFindings } from '../types.js';
import { wholeRun } from '../whole-run.js';
import { translated } from '../preconditions.js';

const DICTIONARY_DIRS = [
  '/usr/share/hunspell',
  '/usr/share/myspell',
  '/usr/share/myspell/dicts',
  '/usr/local/share/hunspell',
];

/** The installed hunspell dictionary for a language: "es-MX" → es_MX, else es_ES, else any es_*. */
/** Debian's hunspell dictionaries that are one per language ("hunspell-es"); see debianDictionary. */
const DEBIAN_HUNSPELL = new Set(
  (
    'af an ar be bg bn bo br bs ca cs da dz el es eu fr gd gl gu gug he hi hr hu id is it kk kmr ko lo lt lv ml ' +
    'mn ne nl no oc pl ro ru si sk sl sr sv sw te th tr uk uz vi'
  ).split(' '),
);
/** Languages whose Debian dictionaries are per region ("hunspell-en-us"), the first region being the usual one. */
const DEBIAN_REGIONS: Readonly<Record<string, readonly string[]>> = {
  en: ['us', 'gb', 'au', 'ca', 'za'],
  de: ['de', 'at', 'ch'],
  pt: ['pt', 'br'],
};

/** What to install for a language's dictionary on Debian or Ubuntu, naming a package that exists. */
export function debianDictionary(lang: string): string {
  const [p = '', ...rest] = lang.toLowerCase().split(/[-_]/u);
  const regions = DEBIAN_REGIONS[p];
  if (regions) {
    const region = rest.find((r) => regions.includes(r)) ?? regions[0]!;
    return `Debian: apt-get install hunspell-${p}-${region}`;
  }
  if (DEBIAN_HUNSPELL.has(p)) return `Debian: apt-get install hunspell-${p}`;
  return `Debian has no hunspell package for "${p}"; a ${p}_XX.dic and .aff in /usr/share/hunspell is used`;
}

export function findDictionary(lang: string): string | null {
  const available = DICTIONARY_DIRS.filter(existsSync).flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.dic'))
      .map((f) => f.slice(0, -4)),
  );
  const tag = lang.replace('-', '_');
  const p = primarySubtag(lang);
  return (
    available.find((d) => d.toLowerCase() === tag.toLowerCase()) ??
    available.find((d) => d.toLowerCase() === `${p}_${p}`) ??
    available.find((d) => d.toLowerCase().startsWith(`${p}_`) || d.toLowerCase() === p) ??
    null
  );
}

// Placeholders, URLs, e-mail addresses and ordinal indicators ("12.º") are not words to spell-check;
// they are blanked out with spaces so offsets stay put.
const NOT_WORDS =
  /\{\{[^{}]*\}\}|\{[^{}\s]*\}|%(?:\d+\$)?[-+0#]*\d*(?:\.\d+)?[a-zA-Z@]|(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|[ºª]/gu;

function maskNonWords(text: string): string {
  return maskIcuSyntax(text).replace(NOT_WORDS, (m) => ' '.repeat(m.length));
}

const ICU_ARGUMENT =
  /\{\s*[\p{L}\p{N}_.]+\s*(?:,\s*(plural|selectordinal|select)\s*,(?:\s*offset:\s*\d+)?|,[^{}]*)?\}?/uy;
const ICU_SELECTOR = /\s*(?:=\d+|[\p{L}\p{N}_]+)\s*\{/uy;

/**
 * An ICU message's syntax blanked out, its text kept: argument names, the keywords plural, select and
 * selectordinal, and the selectors of each option (one, other, male, =0) are no words of the language.
 * A text without a plural or select argument is returned as it is; offsets stay put.
 */
export function maskIcuSyntax(text: string): string {
  if (!/\{\s*[\p{L}\p{N}_.]+\s*,\s*(?:plural|selectordinal|select)\s*,/u.test(text)) return text;
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) out[k] = ' ';
  };
  // What each open brace began: a list of options (selectors come next) or an option's text.
  const frames: Array<'options' | 'text'> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (frames.at(-1) === 'options') {
      ICU_SELECTOR.lastIndex = i;
      const selector = ICU_SELECTOR.exec(text);
      if (selector) {
        blank(i, ICU_SELECTOR.lastIndex);
        frames.push('text');
        i = ICU_SELECTOR.lastIndex;
        continue;
      }
    }
    if (ch === '{') {
      ICU_ARGUMENT.lastIndex = i;
      const argument = ICU_ARGUMENT.exec(text);
      if (argument) {
        blank(i, ICU_ARGUMENT.lastIndex);
        if (argument[1]) frames.push('options');
        i = ICU_ARGUMENT.lastIndex;
        continue;
      }
      frames.push('text');
    } else if (ch === '}') {
      frames.pop();
      out[i] = ' ';
    } else if (ch === '#' && frames.length) out[i] = ' ';
    i++;
  }
  return out.join('');
}

/**
 * Words a dictionary cannot judge: a single letter, an acronym, or a
 * capitalised word inside a sentence — a name (Viena, Chequia, EE. UU.), and
 * dictionaries list few names. The names check looks after those.
 */
function isNameOrLetter(text: string, word: string, at: number): boolean {
  if ([...word].length === 1 || !/^\p{Lu}/u.test(word)) return [...word].length === 1;
  if (word === word.toUpperCase()) return true;
  return !opensSentence(text, at);
}

/**
 * Whether hunspell is installed: an executable file of that name in a folder of the PATH, looked up as the shell
 * does. Starting `hunspell -v` to ask cost about 20 ms of every check, a tenth of a check of one pair; where no
 * PATH lookup applies (Windows: extensions, the current folder) it is still asked.
 */
function hunspellAvailable(): boolean {
  if (process.platform === 'win32') return spawnSync('hunspell', ['-v'], { encoding: 'utf8' }).status === 0;
  return onPath('hunspell') !== undefined;
}

/** A language's share of a run: its targets, written for hunspell as they are learnt, and its sources' names. */
interface LangRun {
  readonly dictionary: string | null;
  readonly personal: Set<string>;
  dir?: string;
  input?: number;
  buffered: string[];
  size: number;
  misspelled?: ReadonlySet<string>;
}

/**
 * Spelling through hunspell's pipe mode, one run per language. Names found in
 * the source and glossary renderings form a personal word list, so "Kirkuk" is
 * no misspelling. Without hunspell or a dictionary the check says so once.
 */
export const spelling: CollectionCheck = {
  id: 'spelling',
  severity: 'warning',
  preconditions: [translated],
  description: 'Misspelled words in the target, with hunspell where a dictionary for the target language is installed.',
  runAll(pairs, context) {
    return wholeRun(spelling.start!(context), pairs);
  },
  // Each target is written to its language's input file as it is learnt; hunspell reads the files once all are.
  start(context) {
    const langs = new Map<string, LangRun>();
    let available: boolean | undefined;
    let ready: Promise<void> | undefined;
    const flush = (l: LangRun): void => {
      if (!l.buffered.length) return;
      if (l.input === undefined) {
        l.dir = mkdtempSync(join(tmpdir(), 'locflow-spell-'));
        l.input = openSync(join(l.dir, 'targets.txt'), 'w');
      }
      writeSync(l.input, l.buffered.join(''));
      l.buffered = [];
      l.size = 0;
    };
    const cleanUp = (): void => {
      for (const l of langs.values()) {
        if (l.input !== undefined) closeSync(l.input);
        l.input = undefined;
        if (l.dir) rmSync(l.dir, { recursive: true, force: true });
        l.dir = undefined;
      }
    };
    // What runAll did with every pair at hand: said what cannot be checked, and ran hunspell language by language.
    const spell = async (): Promise<void> => {
      try {
        for (const [lang, l] of langs) {
          if (!l.dictionary) {
            context.notice(
              `spelling: no hunspell dictionary for "${lang}" is installed, so its spelling was not checked (${debianDictionary(lang)})`,
            );
            continue;
          }
          for (const e of context.glossary.entries)
            for (const t of [e.source, ...Object.values(e.targets).flat()])
              for (const w of t.split(/[\s.]+/u)) if (w) l.personal.add(w);
          flush(l);
          if (l.input === undefined) {
            l.dir = mkdtempSync(join(tmpdir(), 'locflow-spell-'));
            l.input = openSync(join(l.dir, 'targets.txt'), 'w');
          }
          closeSync(l.input);
          l.input = undefined;
          const words = join(l.dir!, 'names.dic');
          writeFileSync(words, [...l.personal].join('\n') + '\n');
          // "-l" lists the misspelled words without computing suggestions, which is what makes hunspell slow;
          // each word is then found again in the targets that contain it. Input goes through a file, so
          // hunspell runs on the other core without waiting for this process to feed it.
          let stdout: string;
          try {
            stdout = await new Promise<string>((resolve, reject) =>
              execFile(
                'hunspell',
                ['-l', '-d', l.dictionary!, '-p', words, '-i', 'utf-8', join(l.dir!, 'targets.txt')],
                { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
                (err, out) => (err ? reject(err) : resolve(out)),
              ),
            );
          } catch (err) {
            context.notice(`spelling: hunspell failed for "${lang}": ${(err as Error).message.trim()}`);
            continue;
          } finally {
            rmSync(l.dir!, { recursive: true, force: true });
            l.dir = undefined;
          }
          l.misspelled = new Set(stdout.split('\n').filter(Boolean));
        }
      } finally {
        cleanUp();
      }
    };
    const findings = (pair: QaPair): SliceFindings => {
      const misspelled = langs.get(pair.targetLang)?.misspelled;
      if (!misspelled?.size) return [];
      const out: SliceFindings = [];
      const text = maskNonWords(textWithoutCodes(pair.target));
      for (const m of text.matchAll(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu)) {
        if (isNameOrLetter(text, m[0], m.index)) continue;
        // hunspell may report a whole hyphenated word or only one of its parts.
        const parts = misspelled.has(m[0])
          ? [{ word: m[0], at: 0 }]
          : [...m[0].matchAll(/[\p{L}\p{M}]+/gu)]
              .filter((p) => misspelled.has(p[0]))
              .map((p) => ({ word: p[0], at: p.index }));
        for (const { word, at } of parts)
          out.push({
            pair,
            finding: {
              message: `"${word}" may be misspelled`,
              targetSpan: { start: m.index + at, end: m.index + at + word.length },
            },
          });
      }
      return out;
    };
    return {
      learn(pair, texts) {
        let l = langs.get(pair.targetLang);
        if (!l) {
          available ??= hunspellAvailable();
          l = {
            dictionary: available ? findDictionary(pair.targetLang) : null,
            personal: new Set(),
            buffered: [],
            size: 0,
          };
          langs.set(pair.targetLang, l);
        }
        if (!available || !l.dictionary) return;
        for (const w of texts.source.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []) l.personal.add(w.replace(/['’]s$/u, ''));
        const line = `${maskNonWords(texts.target)}\n`;
        l.buffered.push(line);
        l.size += line.length;
        if (l.size >= 1 << 16) flush(l);
      },
      check(slice) {
        if (!ready) {
          if (langs.size === 0) ready = Promise.resolve();
          else if (!available) {
            context.notice(
              'spelling: hunspell is not installed, so spelling was not checked (Debian: apt-get install hunspell hunspell-es …)',
            );
            cleanUp();
            ready = Promise.resolve();
          } else ready = spell();
          return ready.then(() => slice.flatMap(findings));
        }
        return slice.flatMap(findings);
      },
      stop: cleanUp,
    };
  },
};
