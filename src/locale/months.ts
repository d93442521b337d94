/**
 * Month and weekday words found anywhere in a text, with every variant CLDR has for the
 * language (format and stand-alone, long and abbreviated, via Intl), plus the Levantine
 * Arabic month names beside the MSA ones. English words that double as common words
 * ("May I…", "to march", "Sun") are read as months or days only where the context says so.
 */
import { literalPattern } from '../model/literal-pattern.js';
import { memoPerLanguage } from '../model/memo.js';
import { calendarNames } from './calendar-names.js';
import { CALENDAR_TABLE } from './calendar-table.js';
import { foldArabic } from './number-words.js';

export interface CalendarWord {
  readonly kind: 'month' | 'weekday';
  /** 1..12 for months; 0 (Sunday)..6 for weekdays. */
  readonly value: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Table {
  /** Folded word → (kind, value, abbreviated). */
  readonly words: ReadonlyMap<string, { kind: 'month' | 'weekday'; value: number; short: boolean }>;
  /** Multi-word names (Levantine "كانون الثاني"), folded, longest first. */
  readonly phrases: ReadonlyArray<readonly [string, number]>;
}

const LEVANTINE: ReadonlyArray<readonly [string, number]> = [
  ['كانون الثاني', 1],
  ['شباط', 2],
  ['آذار', 3],
  ['نيسان', 4],
  ['أيار', 5],
  ['حزيران', 6],
  ['تموز', 7],
  ['آب', 8],
  ['أيلول', 9],
  ['تشرين الأول', 10],
  ['تشرين الثاني', 11],
  ['كانون الأول', 12],
];

const ASCII = /^[\x00-\x7f]*$/u;
/** Locale-aware lowercasing only where it differs from the default (Turkish, Azeri, Lithuanian dotted i). */
const lowerOf = (w: string, lang: string): string =>
  lang === 'tr' || lang === 'az' || lang === 'lt' ? w.toLocaleLowerCase(lang) : w.toLowerCase();

const foldUncached = (w: string, lang: string): string => {
  const lower = lowerOf(w, lang).replace(/\.$/u, '');
  return lang === 'ar' ? foldArabic(lower) : lower.normalize('NFD').replace(/\p{M}/gu, '');
};
const foldMemo = memoPerLanguage(foldUncached);

const foldWord = (w: string, lang: string): string =>
  // Plain ASCII words need no memory: lowercasing is all their folding.
  lang !== 'ar' && ASCII.test(w) ? w.toLowerCase().replace(/\.$/u, '') : foldMemo(w, lang);

const tables = new Map<string, Table>();

function tableFor(lang: string): Table {
  let t = tables.get(lang);
  if (t) return t;
  const words = new Map<string, { kind: 'month' | 'weekday'; value: number; short: boolean }>();
  const put = (name: string, kind: 'month' | 'weekday', value: number, short: boolean): void => {
    for (const piece of [name, name.replace(/\.$/u, '')]) {
      const key = foldWord(piece, lang);
      if (!key || /\d/u.test(key) || key.includes(' ')) continue;
      const old = words.get(key);
      if (!old || (old.short && !short)) words.set(key, { kind, value, short });
    }
  };
  // Every form CLDR has (locale/calendar-names.ts: written out for the common languages).
  for (const { name, kind, value, short } of calendarNames(lang)) put(name, kind, value, short);
  if (lang === 'en') put('Sept', 'month', 9, true);
  // Regional spellings CLDR leaves out: Latin American "setiembre", Austrian "Jänner"/"Feber".
  if (lang === 'es') put('setiembre', 'month', 9, false);
  if (lang === 'de') {
    put('Jänner', 'month', 1, false);
    put('Feber', 'month', 2, false);
  }
  const phrases: Array<readonly [string, number]> = [];
  if (lang === 'ar') {
    for (const [name, m] of LEVANTINE) {
      if (name.includes(' ')) phrases.push([foldArabic(name), m]);
      else put(name, 'month', m, false);
    }
  }
  t = { words, phrases };
  tables.set(lang, t);
  return t;
}

/** Words before an English "May"/"March" that make it a month. */
const EN_MONTH_CUE = new Set([
  'in',
  'of',
  'since',
  'until',
  'till',
  'by',
  'early',
  'late',
  'mid',
  'last',
  'next',
  'this',
  'from',
  'to',
  'through',
  'between',
  'before',
  'after',
  'during',
  'on',
  'end',
  'beginning',
  'and',
  'or',
  'until',
  'the',
]);

const phraseRegexes = new WeakMap<Table, RegExp>();

/** Levantine two-word month names, allowing alef and yeh spellings and a proclitic. */
function phraseRegex(table: Table): RegExp {
  let re = phraseRegexes.get(table);
  if (!re) {
    const alt = table.phrases.map(([p]) => p.replace(/ا/gu, '[اأإآ]').replace(/ي/gu, '[يى]')).join('|');
    phraseRegexes.set(table, (re = new RegExp(`(?<!\\p{L})[وبلف]?(${alt})(?!\\p{L})`, 'gu')));
  }
  return re;
}

const WORD = /[\p{L}\p{M}]+(?:\.(?=\s|$))?/gu;

/**
 * Months and weekdays in a text. For English (and any source where `strict` is set), a month or
 * day word counts only when capitalised; abbreviations ("Sun", "Mar") only next to a number;
 * "May" and "March" only next to a number or after a word such as "in", "since", "early".
 */
const quickTests = new Map<string, RegExp | null>();

const capitalisedTests = new WeakMap<Table, RegExp>();
/** The names with a capital first letter, the rest in any case ("May", "MAY"), as whole words: no text to fold. */
function capitalisedTest(table: Table): RegExp {
  let re = capitalisedTests.get(table);
  if (!re) {
    const anyCase = (c: string): string =>
      c.toLowerCase() === c.toUpperCase() ? literalPattern(c) : `[${c.toLowerCase()}${c.toUpperCase()}]`;
    const names = [...table.words.keys()]
      .sort((a, b) => b.length - a.length)
      .map((w) => `${w[0]!.toUpperCase()}${[...w.slice(1)].map(anyCase).join('')}`);
    re = new RegExp(`(?<![\\p{L}\\p{M}])(?:${names.join('|')})(?![\\p{L}\\p{M}])`, 'u');
    capitalisedTests.set(table, re);
  }
  return re;
}

/** A fast pre-test on the folded text: no month or weekday name anywhere (compounds such as "Dienstagabend" included), nothing to tokenise (Arabic, with its proclitics, is always read). */
function mayNameCalendar(text: string, lang: string, table: Table): boolean {
  // English counts capitalised names only: a plain-ASCII text is tested as it is, the first letter as written.
  if (lang === 'en' && ASCII.test(text)) return capitalisedTest(table).test(text);
  let re = quickTests.get(lang);
  if (re === undefined) {
    re =
      lang === 'ar'
        ? null
        : new RegExp(
            `(?<![\\p{L}\\p{M}])(?:${[...table.words.keys()]
              .sort((a, b) => b.length - a.length)
              .map(literalPattern)
              .join('|')})${lang === 'en' ? '(?![\\p{L}\\p{M}])' : ''}`,
            'u',
          );
    quickTests.set(lang, re);
  }
  if (re === null) return true;
  const folded = ASCII.test(text) ? text.toLowerCase() : lowerOf(text, lang).normalize('NFD').replace(/\p{M}/gu, '');
  return re.test(folded);
}

export function findCalendarWords(text: string, lang: string): CalendarWord[] {
  const table = tableFor(lang);
  if (!mayNameCalendar(text, lang, table)) return [];
  // Each step a function of its own: the engine optimises (and, when a language takes a new path, optimises again)
  // each small one alone, not one large function.
  const out = table.phrases.length ? phrasesIn(text, table) : [];
  const phraseCount = out.length;
  const tokens = wordsOf(text);
  for (let i = 0; i < tokens.length; i++) {
    const m = tokens[i]!;
    if (phraseCount > 0 && insidePhrase(out, phraseCount, m.index)) continue;
    const found = calendarWordAt(text, tokens, i, lang, table);
    if (found) out.push(found);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The words of a text, in order (one pattern run through the text; no iterator to spread). */
function wordsOf(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) out.push(m);
  return out;
}

/** The Levantine two-word month names of a text. */
function phrasesIn(text: string, table: Table): CalendarWord[] {
  const out: CalendarWord[] = [];
  for (const p of text.matchAll(phraseRegex(table))) {
    const name = p[1]!;
    const at = p.index + p[0].length - name.length;
    out.push({
      kind: 'month',
      value: table.phrases.find(([f]) => f === foldArabic(name))?.[1] ?? 0,
      text: name,
      start: at,
      end: at + name.length,
    });
  }
  return out;
}

/** Whether a word starting at `at` lies inside one of the first `count` words found (the phrases). */
function insidePhrase(found: readonly CalendarWord[], count: number, at: number): boolean {
  for (let k = 0; k < count; k++) if (at >= found[k]!.start && at < found[k]!.end) return true;
  return false;
}

type Entry = Table['words'] extends ReadonlyMap<string, infer E> ? E : never;

/** The month or weekday word i of the text is, where its context lets it be one. */
function calendarWordAt(
  text: string,
  tokens: readonly RegExpExecArray[],
  i: number,
  lang: string,
  table: Table,
): CalendarWord | undefined {
  const m = tokens[i]!;
  let raw = m[0];
  let start = m.index;
  let hit = table.words.get(foldWord(raw, lang));
  // Arabic proclitics glued to the month: "وفبراير", "بنيسان", "وبنيسان".
  for (let k = 1; !hit && lang === 'ar' && k <= 2 && /^[وبلف]/u.test(raw); k++) {
    raw = raw.slice(1);
    start += 1;
    hit = table.words.get(foldWord(raw, lang));
  }
  // German compounds: "Montagabend", "samstags", "Septembertagung".
  if (!hit && lang === 'de' && raw.length > 6) hit = compoundHead(foldWord(raw, lang), table);
  if (!hit || !inContext(text, tokens, i, raw, start, hit, lang)) return undefined;
  return { kind: hit.kind, value: hit.value, text: raw, start, end: start + raw.length };
}

/** The full month or weekday name a German compound starts with. */
function compoundHead(folded: string, table: Table): Entry | undefined {
  const heads = compoundHeads(table).get(folded.charCodeAt(0));
  if (heads === undefined) return undefined;
  for (let k = 0; k < heads.length; k++) {
    const name = heads[k]!;
    if (folded.startsWith(name) && folded.length >= name.length + 1) return table.words.get(name);
  }
  return undefined;
}

/**
 * A table's full names of five letters or more (the heads a compound can start with) by their first code unit, in
 * the table's order: a long word is compared with the few names of its first letter, not every word of the table.
 */
const headsByTable = new WeakMap<Table, ReadonlyMap<number, readonly string[]>>();
function compoundHeads(table: Table): ReadonlyMap<number, readonly string[]> {
  let heads = headsByTable.get(table);
  if (heads === undefined) {
    const byFirst = new Map<number, string[]>();
    for (const [name, entry] of table.words)
      if (!entry.short && name.length >= 5) {
        const list = byFirst.get(name.charCodeAt(0));
        if (list) list.push(name);
        else byFirst.set(name.charCodeAt(0), [name]);
      }
    headsByTable.set(table, (heads = byFirst));
  }
  return heads;
}

/**
 * Whether a month or weekday word stands as one: an abbreviation next to a number; in English a capital, and
 * "May" and "March" next to a number or after a word such as "in", "since", "early".
 */
function inContext(
  text: string,
  tokens: readonly RegExpExecArray[],
  i: number,
  raw: string,
  start: number,
  hit: Entry,
  lang: string,
): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(start + raw.length, start + raw.length + 12);
  const nearNumber =
    /\d[\p{L}.,]*\s*(?:de\s+|of\s+|du\s+)?$/u.test(before) || /^\.?,?\s*(?:de\s+|del\s+)?\d/u.test(after);
  if (lang !== 'en') return !(hit.short && !nearNumber);
  if (!/^\p{Lu}/u.test(raw)) return false;
  if (hit.short && !nearNumber && raw.replace(/\.$/u, '').length < 5) return false;
  if (hit.kind === 'month' && (hit.value === 5 || hit.value === 3) && !nearNumber) {
    const prev = tokens[i - 1]?.[0].toLowerCase();
    if (prev === undefined || !EN_MONTH_CUE.has(prev)) return false;
  }
  return true;
}

/** The name of a month (1..12) or weekday (0..6) in a language, for messages. */
/** Whether one word is a month or weekday name of the language (any CLDR form), whatever its context. */
export function isCalendarWord(word: string, lang: string): boolean {
  return tableFor(lang).words.has(foldWord(word, lang));
}

export function calendarName(kind: 'month' | 'weekday', value: number, lang: string): string {
  // The written-out table holds these very names (Intl's, alone, long): no date format to build for its languages.
  const table = Object.hasOwn(CALENDAR_TABLE, lang) ? CALENDAR_TABLE[lang] : undefined;
  if (table) return table[kind === 'month' ? (value - 1) * 2 : 24 + value * 2]!;
  return nameFormat(kind, lang).format(kind === 'month' ? Date.UTC(2001, value - 1, 15) : Date.UTC(2001, 0, 7 + value));
}

/** Intl's format of a month or weekday name alone, one per language and kind (each costs milliseconds to build). */
const nameFormats = new Map<string, Intl.DateTimeFormat>();
function nameFormat(kind: 'month' | 'weekday', lang: string): Intl.DateTimeFormat {
  const key = `${kind}:${lang}`;
  let fmt = nameFormats.get(key);
  if (!fmt)
    nameFormats.set(
      key,
      (fmt = new Intl.DateTimeFormat(
        lang,
        kind === 'month' ? { month: 'long', timeZone: 'UTC' } : { weekday: 'long', timeZone: 'UTC' },
      )),
    );
  return fmt;
}
