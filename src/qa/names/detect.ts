import { fold } from '../text.js';
import { cldrNameOf, stemOfPlaceOrLanguage, type CldrName } from './cldr.js';
import { calendarName, isCalendarWord as isMonthOrWeekday } from '../../locale/months.js';
import { memoPerLanguage } from '../../model/memo.js';
import { ownString } from '../../model/own-string.js';
import { primarySubtag } from '../../model/language.js';
import { isCommonWord, isGivenName, isLegalForm, isPronounI, isTitle, knowsCommonWords } from './words.js';

/**
 * Proper names in a source sentence, each with the class that decides how a
 * translation may render it:
 * - `coded`: digits or inner capitals (F-35, COVID-19, iPhone) — kept as written;
 * - `acronym`: NATO, FBI — kept, or localised (OTAN, UE, EE. UU.);
 * - `opaque`: a word no dictionary of the language has (Najaf, Papandreou) —
 *   kept, adapted (Náyaf) or transliterated (النجف);
 * - `common`: only common words (White House, Supreme Court) — usually translated;
 * - `unknown`: the source language has no word list here, so the class cannot be told.
 * Not names: sentence-first common words, the pronoun "I", courtesy titles,
 * months and weekdays, nationality, language and group words (American,
 * Spanish, Jews), and the common words of a title-case headline.
 */
export type NameKind = 'coded' | 'acronym' | 'opaque' | 'common' | 'unknown';

export interface FoundName {
  readonly text: string;
  readonly start: number;
  readonly words: readonly string[];
  readonly kind: NameKind;
  /** What CLDR calls the whole name (a country, continent, language or currency), if anything. */
  readonly cldr?: CldrName;
}

/** Lower-case words that may join the words of one name ("Bank of England", "Osama bin Laden"). */
export const CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'la',
  'al',
  'el',
  'bin',
  'ibn',
  'van',
  'von',
  'der',
  'da',
  'do',
  'dos',
  'du',
  'le',
]);
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*(?:[-‐][\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*)*/gu;

/** Month and weekday names, and the a.m./p.m. of "2:15 PM": capitalised in English but not names; dates are the numbers check's business. */
function isCalendarWord(word: string, lang: string): boolean {
  return /^[ap]m$/iu.test(word) || isMonthOrWeekday(word, primarySubtag(lang));
}

const weekdayNames = new Map<string, ReadonlySet<string>>();

/** Whether a word is a weekday's full name in `lang` ("Monday"). */
function isWeekday(word: string, lang: string): boolean {
  const base = primarySubtag(lang);
  let names = weekdayNames.get(base);
  if (!names) {
    names = new Set(Array.from({ length: 7 }, (_, d) => calendarName('weekday', d, base).toLowerCase()));
    weekdayNames.set(base, names);
  }
  return names.has(word.toLowerCase());
}

// Adherents of religions and movements: group words like nationalities, written lower case in many languages.
const GROUP_STEMS =
  /^(?:jew|muslim|moslem|islam|christian|catholic|protestant|evangelical|orthodox|anglican|methodist|baptist|mormon|shiite|shia|shi'ite|sunni|hindu|buddhist|sikh|alawite|druze|copt|zionist|jihadi|salafi|wahhabi|maronite|yazidi|kurd|arab|latino|hispanic|bedouin|pashtun|uighur|uyghur|rohingya|tamil|roma|anglo|saxon|hellen|celt|slav|viking|moor)/u;
const DEMONYM_ENDING = /(?:ians?|eans?|ans?|ese|ish|is?|ics?|ites?|ers?|m[ae]n|wom[ae]n|s)$/u;

const groupWord = memoPerLanguage((f: string, lang: string): boolean => {
  const cldr = cldrNameOf(f, lang);
  if (cldr?.kind === 'language' || GROUP_STEMS.test(f)) return true;
  if (cldr !== undefined || !DEMONYM_ENDING.test(f)) return false;
  // "Iraqi" ← Iraq, "Iranian" ← Iran, "Europeans" ← Europe, "Kurdish" ← Kurdish (language).
  // A bare -i is a demonym only on a whole place name (Iraq-i, Somali-a): "Monti", "Jordi" are people.
  if (/[^a]is?$/u.test(f)) {
    const place = f.replace(/is?$/u, '');
    return [place, `${place}a`, `${place}ia`].some((p) => cldrNameOf(p, lang) !== undefined);
  }
  const stem = f.replace(DEMONYM_ENDING, '');
  for (let k = Math.max(4, stem.length - 1); k <= f.length - 1; k++)
    if (stemOfPlaceOrLanguage(f.slice(0, k), lang)) return true;
  return false;
});

/** Nationality, language and group words ("Iraqi", "Spanish", "Palestinians", "Jews"): not names to look for. */
export function isGroupWord(word: string, lang: string): boolean {
  return groupWord(fold(word).replace(/['’]s?$/u, ''), lang);
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly sentenceStart: boolean;
  readonly capital: boolean;
}

// What ends a sentence or a clause between two words.
const BREAK = /[.!?:;"“”«»()[\]\n]|\s[-–—]\s/u;

// Whether each UTF-16 unit is an upper-case letter (filled as met): a word's capital is read without a pattern.
const UPPER = 1;
const NOT_UPPER = 2;
const upperUnits = new Uint8Array(0x10000);

/** Whether a word begins with an upper-case letter, as /^\p{Lu}/u tells. */
export function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  // (a letter outside the Basic Multilingual Plane is a surrogate pair: asked of the pattern)
  if (c >= 0xd800 && c <= 0xdbff) return /^\p{Lu}/u.test(word);
  let k = upperUnits[c]!;
  if (k === 0) upperUnits[c] = k = /\p{Lu}/u.test(String.fromCharCode(c)) ? UPPER : NOT_UPPER;
  return k === UPPER;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  // (one pattern run along the text: matchAll would copy it for every text)
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const at = m.index;
    const previous = out[out.length - 1];
    // (a single space, what stands between most words, ends nothing)
    if (previous && !(at - last === 1 && text.charCodeAt(last) === 32)) {
      const between = text.slice(last, at);
      if (BREAK.test(between)) {
        // A period after a title or an initial ("Mr. Smith", "J. Smith") does not end the sentence.
        const abbreviation = /^\.\s*$/u.test(between) && (isTitle(previous.text) || /^\p{Lu}$/u.test(previous.text));
        sentenceStart = !abbreviation && /[.!?:"“”«»\n]/u.test(between);
      }
    }
    // (only a word with an apostrophe has a possessive to drop)
    let word = m[0];
    if (word.includes("'") || word.includes('’')) word = word.replace(/['’]s?$/u, '') || m[0];
    out.push({
      text: word,
      start: at,
      sentenceStart: out.length === 0 || sentenceStart,
      capital: startsUpper(word),
    });
    sentenceStart = false;
    last = at + m[0].length;
  }
  return out;
}

/** Title-case text ("Air Strike Kills Five In Northern Iraq"): most longer words capitalised. */
function isTitleCase(toks: readonly Token[]): boolean {
  const long = toks.filter((t) => t.text.length > 3 && /^\p{L}/u.test(t.text));
  return long.length >= 3 && long.filter((t) => t.capital).length >= 0.75 * long.length;
}

/**
 * An interface label ("Create Account", "Set Homepage", "OK"): a text of at most four words, no sentence
 * punctuation, every word capitalised. Its capitals are style: only a word no dictionary has is a name there.
 */
function isLabel(toks: readonly Token[], text: string): boolean {
  return (
    toks.length > 0 &&
    toks.length <= 4 &&
    !/[.!?;:,]/u.test(text) &&
    toks.every((t) => t.capital || /^\p{N}/u.test(t.text) || CONNECTORS.has(t.text))
  );
}

const isAcronym = (w: string): boolean => /^\p{Lu}{2,}s?$/u.test(w);
const isCoded = (w: string): boolean => /\p{N}/u.test(w) || /\p{Ll}\p{Lu}/u.test(w);

/** Splits hyphenated words into names ("Israel-Gaza" → Israel, Gaza) unless they form a code ("F-35", "COVID-19"). */
function splitHyphens(toks: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of toks) {
    // (most words have no hyphen: nothing to split)
    if (!t.text.includes('-') && !t.text.includes('‐')) {
      out.push(t);
      continue;
    }
    const parts = t.text.split(/[-‐]/u);
    if (parts.length === 1 || parts.some((p) => /\p{N}/u.test(p) || p.length === 1)) {
      out.push(t);
      continue;
    }
    let at = t.start;
    parts.forEach((p, i) => {
      out.push({ text: p, start: at, sentenceStart: t.sentenceStart && i === 0, capital: /^\p{Lu}/u.test(p) });
      at += p.length + 1;
    });
  }
  return out;
}

// A source checked against several languages is read once. Each text is remembered as a string of its own (its names
// cut from that copy): a sentence cut from its article would otherwise keep the whole article for the rest of the run.
/** The names of a source text. */
export const findNames: (text: string, lang: string) => readonly FoundName[] = memoPerLanguage(
  detect,
  20_000,
  ownString,
);

function detect(text: string, lang: string): FoundName[] {
  const toks = splitHyphens(tokens(text));
  const names: FoundName[] = [];
  for (const whole of nameRuns(toks, text, lang)) {
    for (const run of personOf(whole, lang)) {
      const name = nameOfRun(run, text, lang);
      if (name !== undefined) names.push(name);
    }
  }
  return names;
}

/**
 * A person's name before "of" and what the person speaks for ("Anna Kowalski of Nordbank Capital", news style) are two
 * names, each kept or lost on its own: the person's name a given name and one or two words no dictionary has. Not a
 * name whose words before "of" are common ones ("Mary Queen of Scots", "Bank of England") or one word ("Catherine of
 * Aragon").
 */
function personOf(run: Token[], lang: string): Token[][] {
  const of = run.findIndex((t) => t.text === 'of');
  if (of < 2 || of > 3 || of === run.length - 1 || !knowsCommonWords(lang)) return [run];
  const person = run.slice(0, of);
  if (
    !isGivenName(person[0]!.text) ||
    !person.slice(1).every((t) => t.capital && !isCommonWord(t.text, lang) && !isAcronym(t.text) && !isCoded(t.text))
  )
    return [run];
  return [person, run.slice(of + 1)];
}

// (each step a function of its own: the engine optimises each alone, and a change of types in one step throws away
// and compiles again only that step)

/** How a source text's capitals read: as a label's or a title-case headline's, or as a sentence's. */
interface Capitals {
  readonly label: boolean;
  readonly headline: boolean;
}

/** Whether a capitalised token can start a name at all. */
function candidate(t: Token, lang: string, { label, headline }: Capitals): boolean {
  if (!t.capital || isPronounI(t.text)) return false;
  if (isCoded(t.text)) return true;
  // An acronym is a name, except on a label: a common word in capitals, or two letters (OK, TV, PC), is
  // an abbreviation the translation writes its own way.
  // (the abbreviation test is made for every acronym, a label's or not: optimised code meeting a label's acronym late
  // would otherwise be thrown away)
  if (isAcronym(t.text)) {
    const abbreviation = t.text.length <= 2 || isCommonWord(t.text, lang);
    return !(label && abbreviation);
  }
  // A common word is a name's word only inside a run; sentence-first and headline words are just capitals.
  if ((t.sentenceStart || headline) && isCommonWord(t.text, lang)) return false;
  return true;
}

/** Whether token i continues the run of capitalised tokens before it. */
function continuesRun(
  toks: readonly Token[],
  i: number,
  run: readonly Token[],
  text: string,
  lang: string,
  headline: boolean,
): boolean {
  if (run.length === 0) return false;
  const t = toks[i]!;
  const previous = toks[i - 1];
  const gap = previous ? text.slice(previous.start + previous.text.length, t.start) : '';
  // Names run across single spaces only: "Israel-Gaza" is two names, written "Israel y Gaza" in Spanish.
  if (!(/^(?:['’]s?)?\s$/u.test(gap.replace(/\s+/gu, ' ')) && !/['’]/u.test(gap))) return false;
  // An acronym stands on its own ("EU Ambassador Vicenová", "US Central Command"): it is localised on its own.
  const alone = isAcronym(t.text) || (run.length === 1 && isAcronym(run[0]!.text));
  if (
    t.capital &&
    !alone &&
    !isPronounI(t.text) &&
    !(headline && isCommonWord(t.text, lang) && !isCoded(t.text) && !isAcronym(t.text))
  )
    return true;
  return CONNECTORS.has(t.text) && i + 1 < toks.length && toks[i + 1]!.capital;
}

/** The runs of tokens that may be names: capitalised words with single spaces and connectors between them. */
function nameRuns(toks: readonly Token[], text: string, lang: string): Token[][] {
  const label = knowsCommonWords(lang) && isLabel(toks, text);
  const capitals: Capitals = { label, headline: label || (knowsCommonWords(lang) && isTitleCase(toks)) };
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (continuesRun(toks, i, run, text, lang, capitals.headline)) {
      run.push(t);
      continue;
    }
    while (run.length && !run[run.length - 1]!.capital) run.pop();
    // (a run kept is let go; an empty one is used again: most tokens start none)
    if (run.length) {
      runs.push(run);
      run = [];
    }
    if (candidate(t, lang, capitals)) run.push(t);
  }
  while (run.length && !run[run.length - 1]!.capital) run.pop();
  if (run.length) runs.push(run);
  return runs;
}

/** The words of a run that belong to the name, if any do. */
function nameWords(r: readonly Token[], lang: string): Token[] {
  // News style dates a statement by its weekday right after a name ("told Congress Monday"): the day is no part of it.
  let words: Token[] = [];
  for (let i = 0; i < r.length; i++) {
    const w = r[i]!;
    if (isCalendarWord(w.text, lang) && (r.length === 1 || i === 0)) continue;
    if (i === r.length - 1 && isWeekday(w.text, lang)) continue;
    words.push(w);
  }
  // Titles before a name ("Mr", "Dr.") and a sentence-first common word before one ("With Bitcoin") are not part of it.
  while (
    words.length > 1 &&
    (isTitle(words[0]!.text) ||
      (words[0]!.sentenceStart && isCommonWord(words[0]!.text, lang) && !isAcronym(words[0]!.text)))
  )
    words = words.slice(1);
  while (words.length && CONNECTORS.has(words[0]!.text)) words = words.slice(1);
  // "The Netherlands", "The Hague": the article is not what a translation keeps.
  if (words.length > 1 && words[0]!.text === 'The') words = words.slice(1);
  // A nationality before a name describes it ("Czech Montreal", "Nigerian Boko Haram"): the name is what follows.
  while (words.length > 1 && isGroupWord(words[0]!.text, lang) && !isCommonWord(words[1]!.text, lang))
    words = words.slice(1);
  while (words.length > 1 && isLegalForm(words[words.length - 1]!.text)) words = words.slice(0, -1);
  return words;
}

const ROMAN_NUMERAL = /^(?=[IVX]{2}|[IVX]+(?:th|st|nd|rd))X{0,3}(?:IX|IV|V?I{0,3})(?:th|st|nd|rd)?$/u;

/** The name a run of tokens gives, if it is one. */
function nameOfRun(r: readonly Token[], text: string, lang: string): FoundName | undefined {
  const words = nameWords(r, lang);
  // A Roman numeral, even as an ordinal ("XXth century"), is the numbers check's business.
  if (words.length === 1 && ROMAN_NUMERAL.test(words[0]!.text)) return undefined;
  if (words.length === 0 || (words.length === 1 && (isTitle(words[0]!.text) || words[0]!.text.length === 1)))
    return undefined;
  const texts: string[] = [];
  for (const w of words) texts.push(w.text);
  if (texts.length === 1 && !isAcronym(texts[0]!) && !isCoded(texts[0]!) && isGroupWord(texts[0]!, lang))
    return undefined;
  // A nationality of several words is one too ("Costa Rican", "South Africans", "New Zealanders").
  if (texts.length <= 3 && !texts.some((w) => isAcronym(w) || isCoded(w)) && isGroupWord(texts.join(' '), lang))
    return undefined;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const whole = text.slice(first.start, last.start + last.text.length);
  // (every field, cldr too: names of one shape)
  return { text: whole, start: first.start, words: texts, kind: kindOf(texts, lang), cldr: cldrNameOf(whole, lang) };
}

function kindOf(words: readonly string[], lang: string): NameKind {
  if (words.some(isCoded)) return 'coded';
  if (words.length === 1 && isAcronym(words[0]!)) return 'acronym';
  if (!knowsCommonWords(lang)) return 'unknown';
  // Hyphenated words count by their parts ("T-shirt", "Anglo-Saxon").
  const content = words.filter((w) => !CONNECTORS.has(w)).flatMap((w) => w.split(/[-‐]/u).filter((p) => p.length > 1));
  return content.every((w) => isAcronym(w) || isCommonWord(w, lang) || isGroupWord(w, lang) || isTitle(w))
    ? 'common'
    : 'opaque';
}
