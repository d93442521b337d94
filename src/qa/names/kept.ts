import { primarySubtag } from '../../model/language.js';
import { fold, hasWordAsWritten } from '../text.js';
import { TargetText } from './target.js';
import { pushTo } from '../../lists-by-key.js';
import { capitalisedIn } from './capitals.js';

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
 * How many other source texts of the run have the name as written, and how many of them keep it in a target (a
 * source translated more than once counts once: the same sentence is no further evidence). Where few keep it, the
 * units that adapt it (a word beginning like it: "berlinois") are not counted among those with it.
 */
export interface KeptCount {
  readonly withName: number;
  readonly keeping: number;
}

export interface KeptInRun {
  (name: string, source: string, targetLang: string): KeptCount;
  /**
   * Of the other source texts with the name as written, how many there are and how many keep one word of it as written
   * in a target ("York" of "New York" in "Nueva York").
   */
  word(name: string, word: string, source: string, targetLang: string): KeptCount;
}

// Words with a capital, as written: a name is looked for only in the sources that have its rarest one.
const CAPITALISED = /\p{Lu}[\p{L}\p{M}\p{N}]*/gu;

interface Indexed {
  readonly source: string;
  readonly lang: string;
  /** Its targets, each folded and read when first asked about. */
  readonly targets: string[];
  folded?: string[];
  read?: TargetText[];
  lower?: string;
}

// Units with the name in lower case looked at to tell a word of the target language.
const LOWER_CASE_SAMPLE = 30;

export function keptInRun(units: readonly RunUnit[]): KeptInRun {
  const indexed: Indexed[] = [];
  // Per language, then capitalised word: a name is asked about in its target language only.
  const byWord = new Map<string, Map<string, number[]>>();
  // Each language's entries in run order.
  const byLang = new Map<string, Indexed[]>();
  const capitalised = capitalisedIn(units);
  // Built on the first question: a run whose names are all found never needs it.
  const index = (): void => {
    // Per language, then source text (held while the index is made only).
    const bySource = new Map<string, Map<string, Indexed>>();
    for (const u of units) {
      const lang = primarySubtag(u.targetLang);
      let sources = bySource.get(lang);
      if (!sources) bySource.set(lang, (sources = new Map()));
      const same = sources.get(u.source);
      if (same) {
        same.targets.push(u.target);
        continue;
      }
      const at = indexed.length;
      // (every field there from the start: entries of one shape, whichever were read)
      const entry: Indexed = {
        source: u.source,
        lang,
        targets: [u.target],
        folded: undefined,
        read: undefined,
        lower: undefined,
      };
      indexed.push(entry);
      sources.set(u.source, entry);
      pushTo(byLang, lang, entry);
      let words = byWord.get(lang);
      if (!words) byWord.set(lang, (words = new Map()));
      for (const w of capitalised(u.source)) pushTo(words, w, at);
    }
  };
  const keeps = (u: Indexed, name: string, folded: string): boolean =>
    // The folded text first: most targets lack the name's letters altogether, and reading one costs more.
    (u.folded ??= u.targets.map((t) => fold(t))).some((f, k) => {
      if (!f.includes(folded)) return false;
      const read = (u.read ??= []);
      return (read[k] ??= new TargetText(u.targets[k]!, u.lang)).hasPhrase(name);
    });
  // Per language, its sources in lower case in run order, one text (NUL between them: no name has one) and where each
  // begins, the last start one past the end: a name looked for in lower case is one search, not one per unit.
  const lowerCaseTexts = new Map<string, { entries: readonly Indexed[]; text: string; starts: number[] }>();
  const lowerCaseText = (lang: string): { entries: readonly Indexed[]; text: string; starts: number[] } => {
    let known = lowerCaseTexts.get(lang);
    if (known) return known;
    const entries = byLang.get(lang) ?? [];
    const starts: number[] = [];
    let length = 0;
    for (const u of entries) {
      starts.push(length);
      length += (u.lower ??= u.source.toLowerCase()).length + 1;
    }
    starts.push(length);
    known = { entries, text: entries.map((u) => u.lower!).join('\u0000'), starts };
    lowerCaseTexts.set(lang, known);
    return known;
  };
  // What the run says of a name in a language, whoever asks: each unit asking leaves out its own source text, which
  // is at most one entry (a source text is indexed once per language).
  const evidence = new Map<string, Evidence>();
  const evidenceFor = (name: string, lang: string): Evidence => {
    const key = `${lang}\u0000${name}`;
    let known = evidence.get(key);
    if (known) return known;
    if (indexed.length === 0) index();
    const folded = fold(name);
    const words = byWord.get(lang);
    const postings = (name.match(CAPITALISED) ?? []).map((w) => words?.get(w) ?? []);
    const rarest = postings.length ? postings.reduce((a, b) => (b.length < a.length ? b : a)) : [];
    const withName: Indexed[] = [];
    const keeping = new Set<Indexed>();
    for (const i of rarest) {
      const u = indexed[i]!;
      if (!hasWordAsWritten(u.source, name)) continue;
      withName.push(u);
      if (keeps(u, name, folded)) keeping.add(u);
    }
    // The units with the name in lower case, in run order: one more than the sample, for the asker's own.
    const lowerCase = (): Array<{ unit: Indexed; keeps: boolean }> => {
      const lowerName = name.toLowerCase();
      const sample: Indexed[] = [];
      const { entries, text, starts } = lowerCaseText(lang);
      // One search through the language's sources for each unit with the name's letters, from the unit after.
      for (let k = 0, at = text.indexOf(lowerName); at >= 0 && sample.length <= LOWER_CASE_SAMPLE;) {
        while (starts[k + 1]! <= at) k++;
        const u = entries[k]!;
        if (hasWordAsWritten(u.lower!, lowerName) && !hasWordAsWritten(u.source, name)) sample.push(u);
        at = text.indexOf(lowerName, starts[++k]!);
      }
      return sample.map((unit) => ({ unit, keeps: keeps(unit, name, folded) }));
    };
    let sample: Array<{ unit: Indexed; keeps: boolean }> | undefined;
    // The units that render the name by a word that begins like each of its words (Berlin → berlinois, Paris →
    // parisien): an adaptation, neither kept nor translated, so no evidence either way.
    const stems = folded.match(/[\p{L}\p{M}]{4,}/gu) ?? [];
    const adapts = (u: Indexed): boolean =>
      stems.length > 0 &&
      u.targets.every((t, k) => {
        const read = (u.read ??= []);
        const text = (read[k] ??= new TargetText(t, u.lang));
        return stems.every((w) => text.hasWordStartingLike(w));
      });
    let adapting: Set<Indexed> | undefined;
    known = {
      withName,
      keeping,
      lowerCase: () => (sample ??= lowerCase()),
      adapting: () => (adapting ??= new Set(withName.filter((u) => !keeping.has(u) && adapts(u)))),
    };
    evidence.set(key, known);
    return known;
  };
  // Per source text (the same string each time: its hash is computed once), then per language and name.
  const cache = new Map<string, Map<string, KeptCount>>();
  // Per language, name and word: the units with the name that keep the word (each asker leaves out its own).
  const wordKeeping = new Map<string, { withName: readonly Indexed[]; keeping: ReadonlySet<Indexed> }>();
  const wordKept = (name: string, word: string, source: string, targetLang: string): KeptCount => {
    const lang = primarySubtag(targetLang);
    const key = `${lang}\u0000${name}\u0000${word}`;
    let known = wordKeeping.get(key);
    if (!known) {
      const { withName } = evidenceFor(name, lang);
      const folded = fold(word);
      known = { withName, keeping: new Set(withName.filter((u) => keeps(u, word, folded))) };
      wordKeeping.set(key, known);
    }
    const own = known.withName.find((u) => u.source === source);
    return {
      withName: known.withName.length - (own ? 1 : 0),
      keeping: known.keeping.size - (own && known.keeping.has(own) ? 1 : 0),
    };
  };
  const countFor = (name: string, source: string, targetLang: string): KeptCount => {
    const lang = primarySubtag(targetLang);
    const key = `${lang}\u0000${name}`;
    let forSource = cache.get(source);
    if (!forSource) cache.set(source, (forSource = new Map()));
    const known = forSource.get(key);
    if (known) return known;
    const run = evidenceFor(name, lang);
    const own = run.withName.find((u) => u.source === source);
    let withName = run.withName.length - (own ? 1 : 0);
    const keeping = run.keeping.size - (own && run.keeping.has(own) ? 1 : 0);
    // Where the share kept is short of most, the units that adapt the name are left out of it.
    if (keeping >= 2 && keeping < withName * ADAPTED_ASKED_BELOW) {
      const adapting = run.adapting();
      withName -= adapting.size - (own && adapting.has(own) ? 1 : 0);
    }
    let count: KeptCount = { withName, keeping };
    // A word the target language has too ("President" → "président", "Association"): kept as a word, not a name.
    // Asked only of a name kept elsewhere, of a sample of the units that have it in lower case.
    if (keeping >= 2) {
      const sample = run
        .lowerCase()
        .filter((s) => s.unit.source !== source)
        .slice(0, LOWER_CASE_SAMPLE);
      const kept = sample.filter((s) => s.keeps).length;
      if (kept > 0 && kept * 3 >= sample.length) count = { withName, keeping: 0 };
    }
    forSource.set(key, count);
    return count;
  };
  return Object.assign(countFor, { word: wordKept });
}

/** The run's units with a name as written (those keeping it among them), and those with it in lower case. */
interface Evidence {
  readonly withName: readonly Indexed[];
  readonly keeping: ReadonlySet<Indexed>;
  lowerCase(): ReadonlyArray<{ readonly unit: Indexed; readonly keeps: boolean }>;
  /** The units with the name that do not keep it but have a word beginning like each of its words. */
  adapting(): ReadonlySet<Indexed>;
}

// The share of units keeping a name below which those adapting it are counted out (the names check asks for 80 %).
const ADAPTED_ASKED_BELOW = 0.8;

// Fewer distinct lower-case words than this tell too little of a language's common words.
const MIN_LOWER_CASE_WORDS = 500;

// Classes of characters (the Basic Multilingual Plane's filled as met, others computed each time).
const LETTER_OR_MARK = 1;
const DIGIT = 2;
const LOWER_CASE_LETTER = 4;
const CLASSIFIED = 8;
const classes = new Uint8Array(0x10000);

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (
    CLASSIFIED |
    (/[\p{L}\p{M}]/u.test(ch) ? LETTER_OR_MARK : 0) |
    (/\p{N}/u.test(ch) ? DIGIT : 0) |
    (/\p{Ll}/u.test(ch) ? LOWER_CASE_LETTER : 0)
  );
}

function classOf(cp: number): number {
  if (cp > 0xffff) return classify(cp);
  let c = classes[cp]!;
  if (c === 0) classes[cp] = c = classify(cp);
  return c;
}

/**
 * Each word of the text that starts with a lower-case letter, as `(?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{L}\p{M}]*` matches
 * them, read through a table of character classes: a run's targets hold hundreds of thousands of words, and a match
 * object per word was most of the time taken.
 */
export function forEachLowerCaseWord(text: string, visit: (word: string) => void): void {
  const n = text.length;
  // Whether the code point before i is a letter, mark or digit.
  let afterWord = false;
  for (let i = 0; i < n;) {
    const cp = text.codePointAt(i)!;
    const c = classOf(cp);
    if (c & LOWER_CASE_LETTER && !afterWord) {
      const start = i;
      i += cp > 0xffff ? 2 : 1;
      while (i < n) {
        const next = text.codePointAt(i)!;
        if (!(classOf(next) & LETTER_OR_MARK)) break;
        i += next > 0xffff ? 2 : 1;
      }
      visit(text.slice(start, i));
      afterWord = true;
      continue;
    }
    afterWord = (c & (LETTER_OR_MARK | DIGIT)) !== 0;
    i += cp > 0xffff ? 2 : 1;
  }
}

/**
 * The words a run's targets write in lower case, per language (read on the first question for it): a language's
 * common words, so that a capitalised word first in a sentence and never written in lower case may be a name.
 * Undefined where the run is too small to know them. The run's own units are read through `text` and `langOf`
 * rather than copied into a list of texts: such a list, held as long as the run, cost an object per unit.
 */
export function lowerCaseWords<U>(
  units: readonly U[],
  text: (unit: U) => string,
  langOf: (unit: U) => string,
): (lang: string) => ReadonlySet<string> | undefined {
  const byLang = new Map<string, ReadonlySet<string> | undefined>();
  return (targetLang) => {
    const lang = primarySubtag(targetLang);
    if (byLang.has(lang)) return byLang.get(lang);
    // Each word as written once, then folded once.
    const written = new Set<string>();
    const add = (w: string): void => void written.add(w);
    // (a text met again, as a source translated into several languages is, has no word the first did not have)
    const read = new Set<string>();
    for (const u of units) {
      if (primarySubtag(langOf(u)) !== lang) continue;
      const t = text(u);
      if (read.has(t)) continue;
      read.add(t);
      forEachLowerCaseWord(t, add);
    }
    const words = new Set<string>();
    for (const w of written) words.add(fold(w));
    const known = words.size >= MIN_LOWER_CASE_WORDS ? words : undefined;
    byLang.set(lang, known);
    return known;
  };
}
