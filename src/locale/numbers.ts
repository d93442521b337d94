import {
  foldArabic,
  numberWords,
  splitGermanNumber,
  combineWords,
  GERMAN_PARTS,
  type WordRole,
} from './number-words.js';
import { gluedMagnitude, magnitudeWords, type Magnitude } from './magnitudes.js';
import { romanValue, standaloneRoman } from './roman.js';
import { unitClass } from './units.js';
import { literalPattern } from '../model/literal-pattern.js';
import { memo, memoPerLanguage } from '../model/memo.js';
import { primarySubtag } from '../model/language.js';

/**
 * Locale-aware number reading for QA: "1,200" (en) = "1.200" (de) = "1 200" (fr)
 * = "١٬٢٠٠" (ar-EG); "2:15 PM" = "14:15". Separators come from Intl for each locale.
 */

export interface NumberConventions {
  readonly group: string;
  readonly decimal: string;
}

export interface FoundNumber {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The value; times of day are minutes since midnight, tagged by `kind`. */
  readonly value: number;
  readonly kind: 'number' | 'time';
  /** Other readings of the same text under other conventions (e.g. the source locale's). */
}

const conventionCache = new Map<string, NumberConventions>();

const ANGLO_SEPARATORS: NumberConventions = { group: ',', decimal: '.' };
const CONTINENTAL_SEPARATORS: NumberConventions = { group: '.', decimal: ',' };
const NBSP_SEPARATORS: NumberConventions = { group: '\u00A0', decimal: ',' };

/**
 * The separators Intl gives the common languages, written out: the first Intl number format of a process costs
 * milliseconds, a share of a small check's time (tests/number-separators.test.ts compares them with Intl).
 */
export const SEPARATORS: Readonly<Record<string, NumberConventions>> = {
  ar: ANGLO_SEPARATORS,
  de: CONTINENTAL_SEPARATORS,
  el: CONTINENTAL_SEPARATORS,
  en: ANGLO_SEPARATORS,
  es: CONTINENTAL_SEPARATORS,
  fr: { group: '\u202F', decimal: ',' },
  it: CONTINENTAL_SEPARATORS,
  ja: ANGLO_SEPARATORS,
  nl: CONTINENTAL_SEPARATORS,
  pl: NBSP_SEPARATORS,
  pt: CONTINENTAL_SEPARATORS,
  ru: NBSP_SEPARATORS,
  tr: CONTINENTAL_SEPARATORS,
  uk: NBSP_SEPARATORS,
  zh: ANGLO_SEPARATORS,
};

/** A locale's group and decimal separators, as Intl formats numbers in it. */
export function conventionsOf(locale: string): NumberConventions {
  if (Object.hasOwn(SEPARATORS, locale)) return SEPARATORS[locale]!;
  let c = conventionCache.get(locale);
  if (!c) {
    c = intlConventions(locale);
    conventionCache.set(locale, c);
  }
  return c;
}

/** A locale's separators from Intl itself. */
export function intlConventions(locale: string): NumberConventions {
  const parts = new Intl.NumberFormat(locale, { useGrouping: 'always' } as Intl.NumberFormatOptions).formatToParts(
    1234567.5,
  );
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** Arabic-Indic and Persian digits and separators to ASCII digits (separators kept as their Latin look-alikes). */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]/gu, (ch) => {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x066b) return '\u066B';
    if (cp === 0x066c) return '\u066C';
    return String(cp >= 0x06f0 ? cp - 0x06f0 : cp - 0x0660);
  });
}

const SPACE_GROUPS = '\u0020\u00A0\u202F\u2009';
// Digits with any separators between digit groups; a clock time with an optional meridiem.
const TIME =
  /(?<![\d.,])(\d{1,2})[:.h](\d{2})(?!\d)(?:\s?(?:([AaPp])\.?\s?[Mm](?:\.(?=[\p{L}\d]))?|([صم]))(?![\p{L}]))?/gu;
// Latin, Greek and Cyrillic letters glued to digits make a code ("F16", "G7"); Arabic "و٣" is "and 3".
const NUMBER =
  /(?<![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\d])\d+(?:(?:[.,'’\u066B\u066C]|[\u00A0\u202F\u2009 ](?=\d{3}(?!\d)))\d+)*/gu;

function isSpaceLike(ch: string): boolean {
  return SPACE_GROUPS.includes(ch);
}

/** Whether every character of `text` is an ASCII digit (a loop: no pattern to run, nothing made). */
function isAsciiDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Reads one digit token under a locale's conventions; null when its separators do not fit them. */
export function readNumberToken(token: string, conv: NumberConventions): number | null {
  // (digits alone, most tokens, are their own value: read without the separators' replacing, splitting and joining)
  if (conv.decimal !== '' && isAsciiDigits(token) && !token.includes(conv.decimal)) return Number(token);
  const t = token.replace(/\u066C/gu, conv.group).replace(/\u066B/gu, conv.decimal);
  const decimalAt = t.lastIndexOf(conv.decimal);
  const intPart = decimalAt >= 0 ? t.slice(0, decimalAt) : t;
  const fracPart = decimalAt >= 0 ? t.slice(decimalAt + 1) : '';
  if (decimalAt >= 0 && !/^\d+$/u.test(fracPart)) return null;
  const groups = intPart.split(/[.,'’\u00A0\u202F\u2009 \u066C]/u);
  const seps = intPart.match(/[.,'’\u00A0\u202F\u2009 \u066C]/gu) ?? [];
  const groupOk = seps.every(
    (s) => s === conv.group || (isSpaceLike(s) && isSpaceLike(conv.group)) || (s === '’' && conv.group === "'"),
  );
  if (!groupOk) return null;
  if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || groups[0]!.length > 3 || groups[0] === ''))
    return null;
  return Number(`${groups.join('')}${fracPart ? `.${fracPart}` : ''}`);
}

/** All numbers and clock times in a text, read with `locale`'s conventions (falling back to plain digit runs). */
export function findNumbers(text: string, locale: string): FoundNumber[] {
  const latin = toLatinDigits(text);
  const conv = conventionsOf(locale);
  const found: FoundNumber[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of latin.matchAll(TIME)) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    // Latin a.m./p.m., or Arabic ص (morning) / م (evening) as CLDR writes them.
    const meridiem = m[3]?.toLowerCase() ?? (m[4] === 'ص' ? 'a' : m[4] === 'م' ? 'p' : undefined);
    if (
      min > 59 ||
      h > 23 ||
      (m[0].includes('.') &&
        !meridiem &&
        !/\b(?:h|uhr|horas?|heures?)\b/iu.test(latin.slice(m.index + m[0].length, m.index + m[0].length + 8)))
    )
      continue;
    let hours = h;
    if (meridiem === 'p' && h < 12) hours += 12;
    if (meridiem === 'a' && h === 12) hours = 0;
    found.push({
      text: text.slice(m.index, m.index + m[0].length),
      start: m.index,
      end: m.index + m[0].length,
      value: hours * 60 + min,
      kind: 'time',
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of latin.matchAll(NUMBER)) {
    const start = m.index;
    if (taken.some(([s, e]) => start >= s && start < e)) continue;
    let token = m[0];
    // A trailing separator is punctuation, not part of the number ("in 2023.").
    token = token.replace(/[.,'’ ]+$/u, '');
    const value = readNumberToken(token, conv);
    if (value !== null) {
      found.push({
        text: text.slice(start, start + token.length),
        start,
        end: start + token.length,
        value,
        kind: 'number',
      });
      continue;
    }
    // Separators that fit no convention ("1,2,3", "10.5.2023"): each digit run counts on its own.
    for (const part of token.matchAll(/\d+/gu)) {
      found.push({
        text: part[0],
        start: start + part.index,
        end: start + part.index + part[0].length,
        value: Number(part[0]),
        kind: 'number',
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Values of small numbers spelled out in the text ("five" → 5); articles (un/une/ein) are not counted. */
export function spelledNumbers(text: string, locale: string): number[] {
  return findQuantities(text, locale)
    .filter((q) => q.origin === 'words')
    .map((q) => q.value);
}

// ---------------------------------------------------------------------------------------------
// Quantities: every number a text states, however it is written, normalised to a value.

export type QuantityOrigin =
  | 'digits' // 1,200 / 15th / 2.8bn / 1990s
  | 'words' // twenty-five, veinticinco, mil millones
  | 'ordinal-word' // third, tercera, dritte
  | 'article' // un / une / ein: 1 only where the other side spelled "one"
  | 'roman'; // XV, II

export interface Quantity {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'number' | 'time' | 'code';
  /** Preferred reading: the value (times: minutes since midnight; codes: 0). */
  readonly value: number;
  /**
   * Every key this quantity may match: "n:1200", "t:900" (a time), "c:F35" (a code). The first
   * keys are the preferred readings; `foreignFrom` is the index of the first reading made with the
   * other separator convention than the text's locale ("1,200" read as 1200 in a Spanish text).
   */
  readonly keys: readonly string[];
  readonly foreignFrom: number;
  readonly origin: QuantityOrigin;
  /** Multiplier of a magnitude word or abbreviation attached ("million" = 1e6); 1 when none. */
  readonly magnitude: number;
  /** The value before the magnitude ("2.8" in "2.8bn"). */
  readonly mantissa: number;
  /** Unit or currency class next to the number (see units.ts). */
  unit?: string;
  readonly decade?: boolean;
  readonly ordinal?: boolean;
  /** A magnitude word with no number ("millions", "des milliards"): keyed "m:1e6". */
  readonly bare?: boolean;
}

interface Token {
  readonly type: 'digits' | 'word' | 'sym';
  /** A word in Latin or Greek letters (the letter part of a code such as "F35", "p109"). */
  readonly latin: boolean;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// Words split where the script changes: an Arabic proclitic glued to a Latin code ("وS487T") is not part of it.
// A token is: digits with separators between digit groups; a Latin or Greek word (its letters with their combining
// marks); a word in another script (letters and marks); one symbol. Spaces separate. The text is read character by
// character through a table of classes: one pass, no pattern per token.
const DIGIT = 1;
const LATIN = 2;
const LETTER = 4;
const MARK_CLASS = 8;
const SPACE_CLASS = 16;
const classTable = new Uint8Array(0x10000);
const KNOWN = 128;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (
    (/\d/u.test(ch) ? DIGIT : 0) |
    (/[\p{Script=Latin}\p{Script=Greek}]/u.test(ch) ? LATIN : 0) |
    (/\p{L}/u.test(ch) ? LETTER : 0) |
    (/\p{M}/u.test(ch) ? MARK_CLASS : 0) |
    (/\s/u.test(ch) ? SPACE_CLASS : 0)
  );
}

function classOf(cp: number): number {
  if (cp >= 0x10000) return classify(cp);
  let c = classTable[cp]!;
  if (c === 0) classTable[cp] = c = classify(cp) | KNOWN;
  return c;
}

// (reads outside the text are answered before they are made: optimised code that reads past the end is thrown away)
const isDigitAt = (text: string, i: number): boolean => {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};
/** Separators inside a number ("1,200", "1.200", "1'200", Arabic ٫ ٬) and the spaces that group thousands. */
const NUMBER_SEPARATORS = ".,'’\u066B\u066C";
const GROUP_SPACES = '\u0020\u00A0\u202F\u2009';
const SPACE_GROUPED = /^\d{1,3}(?:[\u0020\u00A0\u202F\u2009]\d{3})+(?:[.,\u066B]\d+)?$/u;

/** The end of a number starting at `i`: digit runs joined by one separator, or by a space before exactly three digits. */
function numberEnd(text: string, i: number): number {
  while (isDigitAt(text, i)) i++;
  for (;;) {
    const ch = i < text.length ? text.charAt(i) : '';
    if (ch !== '' && NUMBER_SEPARATORS.includes(ch) && isDigitAt(text, i + 1)) {
      i += 1;
      while (isDigitAt(text, i)) i++;
    } else if (
      ch !== '' &&
      GROUP_SPACES.includes(ch) &&
      isDigitAt(text, i + 1) &&
      isDigitAt(text, i + 2) &&
      isDigitAt(text, i + 3) &&
      !isDigitAt(text, i + 4)
    )
      i += 4;
    else return i;
  }
}

function tokenize(latin: string): Token[] {
  const out: Token[] = [];
  const n = latin.length;
  let i = 0;
  // The loop only classes characters; each kind of token is read by a function of its own, so a rare path met late
  // (a space-grouped number, a combining mark, another script) makes the engine optimise a small function again.
  while (i < n) {
    const cp = latin.codePointAt(i)!;
    const c = classOf(cp);
    if (c & DIGIT) i = pushDigits(out, latin, i);
    else if (c & (LATIN | LETTER | MARK_CLASS)) i = pushWord(out, latin, i, c);
    else {
      const start = i;
      i += cp > 0xffff ? 2 : 1;
      if (!(c & SPACE_CLASS)) out.push({ type: 'sym', latin: false, text: latin.slice(start, i), start, end: i });
    }
  }
  return out;
}

/** The number starting at `start`, as one token or (two numbers side by side) two; the index after it. */
function pushDigits(out: Token[], latin: string, start: number): number {
  const end = numberEnd(latin, start);
  const text = latin.slice(start, end);
  if (end - start > 3 && /[\u0020\u00A0\u202F\u2009]/u.test(text) && !SPACE_GROUPED.test(text)) {
    // "2015 175 millions": two numbers side by side, not one space-grouped number
    for (const part of text.matchAll(/[^\u0020\u00A0\u202F\u2009]+/gu))
      out.push({
        type: 'digits',
        latin: false,
        text: part[0],
        start: start + part.index,
        end: start + part.index + part[0].length,
      });
  } else out.push({ type: 'digits', latin: false, text, start, end });
  return end;
}

/** The word starting at `start`, whose first character is of class `c`; the index after it. */
function pushWord(out: Token[], latin: string, start: number, c: number): number {
  const n = latin.length;
  const latinWord = (c & LATIN) !== 0;
  // (a word with combining marks is not a code's letter part)
  let marked = (c & MARK_CLASS) !== 0;
  let i = start + (latin.codePointAt(start)! > 0xffff ? 2 : 1);
  while (i < n) {
    const next = latin.codePointAt(i)!;
    const k = classOf(next);
    const inWord = latinWord ? k & (LATIN | MARK_CLASS) : k & MARK_CLASS || (k & LETTER && !(k & LATIN));
    if (!inWord) break;
    if (k & MARK_CLASS) marked = true;
    i += next > 0xffff ? 2 : 1;
  }
  out.push({ type: 'word', latin: latinWord && !marked, text: latin.slice(start, i), start, end: i });
  return i;
}

// (whole numbers below 10¹² are already what 12 significant digits make of them: no string round trip)
const round = (v: number): number => (Number.isInteger(v) && Math.abs(v) < 1e12 ? v : Number(v.toPrecision(12)));
const nkey = (v: number): string => `n:${round(v)}`;

/** A plain number in text[start, end) (words, letters or a digit run): keyed by its value, no magnitude unless `more` says. */
function plainNumber(
  text: string,
  start: number,
  end: number,
  value: number,
  origin: QuantityOrigin,
  more: Partial<Pick<Quantity, 'keys' | 'foreignFrom' | 'magnitude' | 'mantissa' | 'decade' | 'ordinal' | 'bare'>> = {},
): Quantity {
  return {
    text: text.slice(start, end),
    start,
    end,
    kind: 'number',
    value,
    keys: more.keys ?? [nkey(value)],
    foreignFrom: more.foreignFrom ?? 1,
    origin,
    magnitude: more.magnitude ?? 1,
    mantissa: more.mantissa ?? value,
    unit: undefined,
    decade: more.decade,
    ordinal: more.ordinal,
    bare: more.bare,
  };
}

/**
 * A quantity with every field, in the one order every reading writes them in (unit, decade, ordinal and bare
 * included, undefined where they do not apply): the checks that compare quantities then see objects of one shape
 * (optimised code that meets another shape is thrown away and compiled again).
 */
export function quantity(q: Quantity): Quantity {
  return {
    text: q.text,
    start: q.start,
    end: q.end,
    kind: q.kind,
    value: q.value,
    keys: q.keys,
    foreignFrom: q.foreignFrom,
    origin: q.origin,
    magnitude: q.magnitude,
    mantissa: q.mantissa,
    unit: q.unit,
    decade: q.decade,
    ordinal: q.ordinal,
    bare: q.bare,
  };
}

const SPACE = /^[\u0020\u00A0\u202F\u2009]$/u;

/** Readings of one digit token: [values under the locale's convention..., values under the other one...]. */
function readings(token: string, conv: NumberConventions): { values: number[]; foreignFrom: number } {
  const values: number[] = [];
  const push = (v: number | null): void => {
    if (v !== null && !Number.isNaN(v) && !values.includes(round(v))) values.push(round(v));
  };
  // Space-grouped thousands are read in every locale ("17 500", "1 000 000").
  const spaced = token.replace(/[\u0020\u00A0\u202F\u2009]/gu, (ch) => (SPACE.test(ch) ? '' : ch));
  const local = spaced === token ? token : spaced;
  push(readNumberToken(local, conv));
  // Swiss apostrophe grouping ("1'000") in any locale.
  if (/^\d{1,3}(?:['’]\d{3})+$/u.test(token)) push(Number(token.replace(/['’]/gu, '')));
  const foreignFrom = values.length;
  // The other conventions: "1,200.5" and "1.200,5" (a number written in the source's or another locale's format).
  // …except a decimal reading of "8.000" / "300,000" (three zeros after the separator): nobody writes 8 so.
  const zeroFraction = /^\d+[.,]000$/u.test(local);
  if (!(zeroFraction && local.includes('.'))) push(readNumberToken(local, { group: ',', decimal: '.' }));
  if (!(zeroFraction && local.includes(','))) push(readNumberToken(local, { group: '.', decimal: ',' }));
  return { values, foreignFrom };
}

const ANGLO: NumberConventions = { group: ',', decimal: '.' };
const CONTINENTAL: NumberConventions = { group: '.', decimal: ',' };

/**
 * The separators a text itself uses, when some number in it can only be read one way: an English
 * text that writes "14,5 days" or "17.280.000 pesos" reads its ambiguous "1.200" as 1200 too.
 */
function textConventions(tokens: readonly Token[], locale: NumberConventions): NumberConventions {
  let anglo = false;
  let continental = false;
  for (const t of tokens) {
    if (t.type !== 'digits' || !/[.,]/u.test(t.text)) continue;
    if (/\d,\d{3},\d|\d,\d{3}\.\d|^\d+\.(?:\d{1,2}|\d{4,})$/u.test(t.text)) anglo = true;
    if (/\d\.\d{3}\.\d|\d\.\d{3},\d|^\d+,(?:\d{1,2}|\d{4,})$/u.test(t.text)) continental = true;
  }
  if (anglo === continental) return locale;
  return anglo ? ANGLO : CONTINENTAL;
}

const ORDINAL_SUFFIX: Readonly<Record<string, RegExp>> = {
  en: /^(?:st|nd|rd|th)$/iu,
  es: /^(?:º|ª|o|a|er|ro|do|to|vo|no|mo|os|as)$/u,
  fr: /^(?:e|er|re|ère|ème|eme|è|es|ers|res|nd|nde|ème)$/u,
  de: /^$/u,
  it: /^(?:º|ª|o|a)$/u,
  pt: /^(?:º|ª|o|a)$/u,
  ca: /^(?:r|n|t|è|a|º|ª)$/u,
};

// (the default kept apart: a language without suffixes, met late in a run, reads no property the engine has not seen)
const ENGLISH_ORDINAL = ORDINAL_SUFFIX.en!;

const TIME_WORD = /^(?:h|hs|hrs|uhr|horas|heures|heure|hr|ساعة)$/iu;
const CENTURY =
  /^(?:century|centuries|siglo|siglos|siècle|siècles|siecle|jahrhundert|jahrhunderts|jahrhunderte|secolo|secoli|século|séculos|segle|segles|dynasty|dinastía)$/iu;
const PM_AFTER = /^\s*(?:de la tarde|de la noche|du soir|de l['’]après-midi|abends|nachmittags|مساء)/iu;
const AM_AFTER = /^\s*(?:de la mañana|de la madrugada|du matin|morgens|vormittags|früh|صباحا|صباح)/iu;
const EN_DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};
const AR_DECADE = /^(?:[وبلف])?(?:ال)?(عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)يات$/u;
/** German adjectives and adverbs made from a number: "zwanzigjährige", "dreifach", "zehnmal", "fünftägig". */
const DE_NUMBER_ADJECTIVE =
  /^(.+?)(?:jährig|fach|mal|malig|tägig|stündig|monatig|wöchig|minütig|teilig|stellig|prozentig|köpfig|stöckig|seitig|sitzig)(?:e|en|er|es|em)?$/u;
const DE_DECADE = /^(zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)er$/u;
const AR_TENS: Readonly<Record<string, number>> = {
  عشرين: 20,
  ثلاثين: 30,
  اربعين: 40,
  خمسين: 50,
  ستين: 60,
  سبعين: 70,
  ثمانين: 80,
  تسعين: 90,
};

/** Locale-aware lowercasing only where it differs from the default (Turkish, Azeri, Lithuanian dotted i): ICU is slow. */
const lowerOf = (w: string, lang: string): string =>
  lang === 'tr' || lang === 'az' || lang === 'lt' ? w.toLocaleLowerCase(lang) : w.toLowerCase();

/** A number word of the language, trying Arabic proclitics and German compounds (memoised: the same words come back in every sentence). */
const lookupWord = memoPerLanguage(lookupWordUncached, 200_000);

function lookupWordUncached(word: string, lang: string): WordRole[] | null {
  // (a function per language: the engine optimises each for its own words, not one for all of them in turn)
  return lang === 'ar' ? lookupArabicWord(word) : lookupCasedWord(word, lang);
}

/** An Arabic number word, its proclitics aside ("وثلاثة", "بالمئة"). */
function lookupArabicWord(word: string): WordRole[] | null {
  const lex = numberWords('ar');
  const f = foldArabic(word);
  const direct = lex.get(f);
  if (direct) return [direct];
  for (const pre of ['و', 'ب', 'ل', 'ال', 'وال', 'بال', 'لل']) {
    if (f.startsWith(pre) && f.length > pre.length + 1) {
      const r = lex.get(f.slice(pre.length));
      if (r && r.role !== 'article') return [r];
    }
  }
  return null;
}

/** A number word of a language with cases; in German, a number adjective's stem or a compound of numbers too. */
function lookupCasedWord(word: string, lang: string): WordRole[] | null {
  const lex = numberWords(lang);
  const lower = lowerOf(word, lang);
  const direct = lex.get(lower);
  if (direct) return [direct];
  return lang === 'de' ? lookupGermanWord(lower, lex) : null;
}

function lookupGermanWord(lower: string, lex: ReturnType<typeof numberWords>): WordRole[] | null {
  const stem = DE_NUMBER_ADJECTIVE.exec(lower)?.[1];
  if (stem !== undefined && stem !== lower) return lookupWord(stem, 'de');
  const parts = splitGermanNumber(lower);
  if (parts) {
    const roles = parts.map((p) => (p === 'und' ? ({ role: 'and' } as const) : lex.get(p === 'ein' ? 'eins' : p)));
    if (roles.every((r) => r !== undefined)) return roles as WordRole[];
  }
  return null;
}

/** An Arabic number word of magnitude, its proclitics aside. */
function arabicMagnitude(word: string): Magnitude | null {
  const words = magnitudeWords('ar');
  const lower = foldArabic(word);
  const hit = words.get(lower);
  if (hit) return hit;
  for (const pre of ['و', 'ب', 'ل'])
    if (lower.startsWith(pre) && words.has(lower.slice(1))) return words.get(lower.slice(1))!;
  return null;
}

/** What an Arabic word is to a number reader: its folded form, its roles, its magnitude. */
interface ArabicWord {
  readonly lower: string;
  readonly roles: readonly WordRole[] | null;
  readonly magnitude: Magnitude | null;
}

// The reader asks all three of almost every word: one memory, one look-up per word, not one per question.
const arabicWord = memo(
  (word: string): ArabicWord => ({
    lower: foldArabic(word),
    roles: lookupArabicWord(word),
    magnitude: arabicMagnitude(word),
  }),
  200_000,
);

/** The number words of a language as one role each ("five" → [unit 5]), so a look-up allocates nothing. */
const singleRoles = new Map<string, ReadonlyMap<string, readonly WordRole[]>>();
function rolesByWord(lang: string): ReadonlyMap<string, readonly WordRole[]> {
  let m = singleRoles.get(lang);
  if (!m) singleRoles.set(lang, (m = new Map([...numberWords(lang)].map(([w, r]) => [w, [r]]))));
  return m;
}

/**
 * What each word token of one text is to a number reader: its lower case, its roles in a spelled
 * number, its magnitude. Each is computed at most once per token; only German compounds and Arabic
 * proclitics need a memory across texts, the other languages are two look-ups in small tables.
 */
function wordReader(
  tokens: readonly Token[],
  lang: string,
): {
  lower: (i: number) => string;
  roles: (i: number) => readonly WordRole[] | null;
  magnitude: (i: number) => Magnitude | undefined;
} {
  const lowers: Array<string | undefined> = [];
  const roles: Array<readonly WordRole[] | null | undefined> = [];
  const mags: Array<Magnitude | null | undefined> = [];
  if (lang === 'ar') return arabicWordReader(tokens);
  const byWord = lang === 'de' ? undefined : rolesByWord(lang);
  const magWords = magnitudeWords(lang);
  const lower = (i: number): string => (lowers[i] ??= lowerOf(tokens[i]!.text, lang));
  const isWord = (i: number): boolean => i >= 0 && i < tokens.length && tokens[i]!.type === 'word';
  return {
    lower,
    roles: (i) => {
      if (!isWord(i)) return null;
      let r = roles[i];
      if (r === undefined) roles[i] = r = byWord ? (byWord.get(lower(i)) ?? null) : lookupWord(tokens[i]!.text, lang);
      return r;
    },
    magnitude: (i) => {
      if (!isWord(i)) return undefined;
      let m = mags[i];
      if (m === undefined) mags[i] = m = magWords.get(lower(i)) ?? null;
      return m ?? undefined;
    },
  };
}

/** wordReader of an Arabic text (no case: its "lower case" is its folded form), each word read once (arabicWord). */
function arabicWordReader(tokens: readonly Token[]): ReturnType<typeof wordReader> {
  const read: Array<ArabicWord | undefined> = [];
  const word = (i: number): ArabicWord => (read[i] ??= arabicWord(tokens[i]!.text));
  const isWord = (i: number): boolean => i >= 0 && i < tokens.length && tokens[i]!.type === 'word';
  return {
    lower: (i) => word(i).lower,
    roles: (i) => (isWord(i) ? word(i).roles : null),
    magnitude: (i) => (isWord(i) ? (word(i).magnitude ?? undefined) : undefined),
  };
}

/**
 * Every quantity a text states: digits in the locale's format (and, as weaker readings, the other
 * convention), with magnitude words, ordinals, decades, clock times in every style, spelled-out
 * numbers, Roman numerals in context and alphanumeric codes (kind "code"). Sorted by position. `ownConventions`:
 * read ambiguous separators as the text's unambiguous numbers do (a flag, not an options object: callers passing
 * objects of two shapes made the engine throw its optimised code away).
 */
export function findQuantities(text: string, locale: string, ownConventions = false): Quantity[] {
  const lang = primarySubtag(locale);
  if (!mayHoldQuantities(text, lang)) return [];
  const latin = toLatinDigits(text);
  const tokens = tokenize(latin);
  const conv = ownConventions ? textConventions(tokens, conventionsOf(locale)) : conventionsOf(locale);
  const reader: QuantityReader = {
    text,
    latin,
    tokens,
    lang,
    conv,
    out: [],
    words: wordReader(tokens, lang),
    ordinalSuffix: ORDINAL_SUFFIX[lang] ?? ENGLISH_ORDINAL,
  };
  // One reader per kind of token, each a function of its own: the engine optimises (and, when a rare path is met,
  // deoptimises and optimises again) each alone, not one function of hundreds of lines.
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (tok.type === 'digits' || isCodeWord(tok)) {
      const next = readCode(reader, i);
      if (next >= 0) {
        i = next;
        continue;
      }
    }
    if (tok.type === 'digits') i = readDigits(reader, i);
    else if (tok.type === 'word') i = readWords(reader, i);
    else i++;
  }
  attachUnits(reader.out, tokens, latin);
  // (no memory of texts: a run reads each text once, and a cache keyed by whole texts never paid for itself)
  return reader.out;
}

/** What the readers of one text's quantities share. */
interface QuantityReader {
  readonly text: string;
  readonly latin: string;
  readonly tokens: readonly Token[];
  readonly lang: string;
  readonly conv: NumberConventions;
  readonly out: Quantity[];
  readonly words: ReturnType<typeof wordReader>;
  readonly ordinalSuffix: RegExp;
}

/** Whether token i is followed by the next token with nothing between them. */
const gluedAt = (tokens: readonly Token[], i: number): boolean =>
  i + 1 < tokens.length && tokens[i + 1]!.start === tokens[i]!.end;
const wordIn = (tokens: readonly Token[], i: number): string | undefined =>
  i >= 0 && i < tokens.length && tokens[i]!.type === 'word' ? tokens[i]!.text : undefined;
const isCodeWord = (t: Token | undefined): boolean => t !== undefined && t.type === 'word' && t.latin;

/** "de"/"d'" between two magnitude words, the second larger: "miles de millones", "milliers de milliards". */
function ofLargerAt(tokens: readonly Token[], words: QuantityReader['words'], k: number, factor: number): boolean {
  return /^(?:de|d)$/iu.test(wordIn(tokens, k) ?? '') && (words.magnitude(k + 1)?.factor ?? 0) > factor;
}

const DIGIT_RUN = /\d+/gu;

/**
 * An alphanumeric code from token i: letters glued to digits ("D5", "p109", "ACE2"), an uppercase word joined by a
 * hyphen ("F-35", "COVID-19"). The index after it, or -1 when there is none.
 */
function readCode(reader: QuantityReader, i: number): number {
  const { text, latin, tokens, lang, out, words } = reader;
  const tok = tokens[i]!;
  let j = i;
  let hasLetters = false;
  let hasDigits = false;
  let k = i;
  // extend over glued letters/digits and inner hyphens followed by digits or capitals
  while (k < tokens.length) {
    const t = tokens[k]!;
    if (t.type === 'digits' && /^\d+$/u.test(t.text)) hasDigits = true;
    else if (isCodeWord(t)) hasLetters = true;
    else break;
    j = k;
    if (!gluedAt(tokens, k)) break;
    const nx = tokens[k + 1]!;
    if (nx.type === 'sym' && (nx.text === '-' || nx.text === '/') && gluedAt(tokens, k + 1) && k + 2 < tokens.length) {
      const after = tokens[k + 2]!;
      const codeish =
        (after.type === 'digits' && /^\d+$/u.test(after.text)) || (isCodeWord(after) && upperDominant(after.text));
      const upperHere = t.type === 'digits' || upperDominant(t.text);
      if (codeish && upperHere) {
        k += 2;
        continue;
      }
      break;
    }
    if (nx.type === 'digits' && !/^\d+$/u.test(nx.text)) break;
    k++;
  }
  // (a word alone, the common case, is no code: nothing more to read)
  const span = hasLetters && hasDigits ? latin.slice(tok.start, tokens[j]!.end) : '';
  const magAfter = span !== '' && tokens[j]!.type === 'digits' && words.magnitude(j + 1) !== undefined;
  if (span !== '' && !magAfter && isCode(span, lang)) {
    const norm = span.toUpperCase().replace(/[-/\s.]/gu, '');
    // (one list built by pushes: no spread of a mapped match, lists of other kinds for optimised code to meet)
    const keys = [`c:${norm}`];
    DIGIT_RUN.lastIndex = 0;
    for (let m = DIGIT_RUN.exec(span); m !== null; m = DIGIT_RUN.exec(span)) keys.push(nkey(Number(m[0])));
    out.push({
      text: text.slice(tok.start, tokens[j]!.end),
      start: tok.start,
      end: tokens[j]!.end,
      kind: 'code',
      value: 0,
      keys,
      foreignFrom: 1,
      origin: 'digits',
      magnitude: 1,
      mantissa: 0,
      unit: undefined,
      decade: undefined,
      ordinal: undefined,
      bare: undefined,
    });
    return j + 1;
  }
  return -1;
}

/** A number in digits from token i (fractions, clock times, ordinals, decades, magnitudes); the index after it. */
function readDigits(reader: QuantityReader, i: number): number {
  const { text, latin, tokens, lang, conv, out, words, ordinalSuffix } = reader;
  const tok = tokens[i]!;
  const next = tokens[i + 1];
  // Simple fractions ("1/2", "3/4"): often rendered in words ("y media"), so compared like spelled numbers.
  const den = tokens[i + 2];
  if (
    next?.text === '/' &&
    gluedAt(tokens, i) &&
    den?.type === 'digits' &&
    gluedAt(tokens, i + 1) &&
    /^[1-9]$/u.test(tok.text) &&
    /^(?:[2-9]|10|16)$/u.test(den.text) &&
    Number(tok.text) < Number(den.text) &&
    !gluedAt(tokens, i + 2)
  ) {
    out.push(plainNumber(text, tok.start, den.end, round(Number(tok.text) / Number(den.text)), 'words'));
    return i + 3;
  }
  const suffix = next && gluedAt(tokens, i) && next.type === 'word' ? next.text : undefined;
  // ---- clock times: 2:15, 14h30, 15.30 Uhr, 3 p.m., 15 h, 3pm
  const time = readTime(tokens, i, latin);
  if (time) {
    out.push({
      text: text.slice(tok.start, time.end),
      start: tok.start,
      end: time.end,
      kind: 'time',
      value: time.minutes,
      keys: time.keys,
      foreignFrom: time.keys.length,
      origin: 'digits',
      magnitude: 1,
      mantissa: time.minutes,
      unit: undefined,
      decade: undefined,
      ordinal: undefined,
      bare: undefined,
    });
    return time.next;
  }
  const read = readings(tok.text, conv);
  let values = read.values;
  const foreignFrom = read.foreignFrom;
  let end = tok.end;
  let next2 = i + 1;
  let decade = false;
  let ordinal = false;
  let magnitude = 1;
  if (values.length === 0) {
    // Separators that fit no convention ("1,2,3", "10.5.2023"): each digit run counts on its own.
    for (const part of tok.text.matchAll(/\d+/gu)) {
      const start = tok.start + part.index;
      out.push(plainNumber(text, start, start + part[0].length, Number(part[0]), 'digits'));
    }
    return i + 1;
  }
  if (suffix !== undefined) {
    const low = suffix.toLowerCase();
    const mag = gluedMagnitude(suffix);
    if (ordinalSuffix.test(suffix) || (lang === 'en' && /^(?:st|nd|rd|th)$/iu.test(suffix))) {
      ordinal = true;
      end = next!.end;
      next2 = i + 2;
    } else if (low === 's' || (lang === 'de' && low === 'er' && values[0]! % 10 === 0)) {
      decade = true;
      end = next!.end;
      next2 = i + 2;
    } else if (
      mag &&
      (mag.factor !== 1e6 ||
        low !== 'm' ||
        /[$£€]\s*$/u.test(latin.slice(0, tok.start)) ||
        tok.text.includes('.') ||
        tokens[i + 2]?.type === 'word')
    ) {
      magnitude = mag.factor;
      end = next!.end;
      next2 = i + 2;
    } else if (/^\p{L}/u.test(suffix) && unitClass(suffix) !== undefined) {
      next2 = i + 1; // "3km": the unit is read below
    }
  } else if (
    next?.type === 'sym' &&
    (next.text === "'" || next.text === '’') &&
    gluedAt(tokens, i) &&
    tokens[i + 2]?.text === 's' &&
    gluedAt(tokens, i + 1)
  ) {
    decade = true; // 1990's
    end = tokens[i + 2]!.end;
    next2 = i + 3;
  } else if (
    next?.type === 'sym' &&
    next.text === '.' &&
    gluedAt(tokens, i) &&
    tokens[i + 2] &&
    gluedAt(tokens, i + 1) &&
    /^[ºª]$/u.test(tokens[i + 2]!.text)
  ) {
    ordinal = true; // 15.º
    end = tokens[i + 2]!.end;
    next2 = i + 3;
  } else if (
    next?.type === 'sym' &&
    /^[ºª°]$/u.test(next.text) &&
    gluedAt(tokens, i) &&
    lang !== 'en' &&
    !/^[CF]/u.test(latin.slice(next.end, next.end + 1))
  ) {
    ordinal = next.text !== '°' || lang === 'es' || lang === 'it' || lang === 'pt';
    if (ordinal) {
      end = next.end;
      next2 = i + 2;
    }
  }
  // Magnitude words after the number: "1.5 million", "3 mil millones", "10,7 miles de millones", "2,8 Milliarden",
  // and the Mexican style "2 mil 600 millones", "5 millones 143 mil 312".
  const chain: Array<number | { readonly f: number }> = magnitude > 1 ? [{ f: magnitude }] : [];
  if (!decade && !ordinal) {
    let k = next2;
    if (tokens[k]?.text === '-' && gluedAt(tokens, k - 1) && gluedAt(tokens, k) && words.magnitude(k + 1)) k++;
    let largest = magnitude;
    for (;;) {
      const w = wordIn(tokens, k);
      const mag = words.magnitude(k);
      if (mag && mag.factor > 1) {
        chain.push({ f: mag.factor });
        largest = Math.max(largest, mag.factor);
        end = tokens[k]!.end;
        k++;
        if (
          tokens[k]?.type === 'sym' &&
          tokens[k]!.text === '.' &&
          gluedAt(tokens, k - 1) &&
          /^(?:mio|mrd|bio|tsd|mln|md)$/iu.test(w!)
        ) {
          end = tokens[k]!.end;
          k++;
        }
        if (ofLargerAt(tokens, words, k, mag.factor)) k++;
        continue;
      }
      if (
        (lang === 'es' || lang === 'pt') &&
        chain.length &&
        tokens[k]?.type === 'digits' &&
        /^\d{1,3}$/u.test(tokens[k]!.text) &&
        Number(tokens[k]!.text) < largest
      ) {
        chain.push(Number(tokens[k]!.text));
        end = tokens[k]!.end;
        k++;
        continue;
      }
      break;
    }
    next2 = k;
  }
  const mantissa = values[0]!;
  if (chain.length) {
    const evaluate = (v0: number): number => {
      let result = 0;
      let current = v0;
      let largest = 0;
      for (const item of chain) {
        if (typeof item === 'number') current += item;
        else {
          if (result > 0 && item.f > largest) result = (result + current) * item.f;
          else result += current * item.f;
          current = 0;
          largest = Math.max(largest, item.f);
        }
      }
      return result + current;
    };
    magnitude = round(evaluate(1) - evaluate(0));
    values = values.map((v) => round(evaluate(v)));
  }
  const keys = values.map(nkey);
  // "2020/21", "2011-12": the second year written with two digits
  const prev = tokens[i - 1];
  if (
    /^\d{2}$/u.test(tok.text) &&
    prev?.type === 'sym' &&
    /^[/\-–]$/u.test(prev.text) &&
    prev.end === tok.start &&
    tokens[i - 2]?.end === prev.start &&
    /^(?:19|20)\d{2}$/u.test(tokens[i - 2]!.text)
  ) {
    keys.push(nkey(Math.floor(Number(tokens[i - 2]!.text) / 100) * 100 + values[0]!));
  }
  if (decade) {
    const v = values[0]!;
    if (v >= 1000 && v % 100 !== 0) keys.push(nkey(v % 100));
    else if (v < 100) keys.push(nkey(1900 + v), nkey(2000 + v));
  }
  out.push({
    text: text.slice(tok.start, end),
    start: tok.start,
    end,
    kind: 'number',
    value: values[0]!,
    keys,
    foreignFrom: decade ? keys.length : foreignFrom,
    origin: 'digits',
    magnitude,
    mantissa,
    unit: undefined,
    decade,
    ordinal,
    bare: undefined,
  });
  return Math.max(next2, i + 1);
}

/**
 * Per language, what the first letters and lengths of its number words allow. `two`: for the first two letters of a
 * word (in lower case, as `(first << 16) | second`), a mask of the word lengths that start so (bit n: length n; bit
 * 31: 31 or more), -1 when any length may (a German compound or number adjective starts with one of the words or
 * parts it is made of, whatever follows); `one`: the same for the first letter alone, for a word of one letter or
 * whose first two are not both ASCII (and for every word, when a part that may start a longer word has one letter).
 */
interface WordShapes {
  readonly one: Map<number, number>;
  readonly two: Map<number, number> | null;
}
const wordShapes = new Map<string, WordShapes | null>();
const lengthBit = (n: number): number => 1 << Math.min(n, 31);

function shapesOf(lang: string): WordShapes | null {
  let shapes = wordShapes.get(lang);
  if (shapes !== undefined) return shapes;
  // Arabic words are read with their proclitics and folding, and Turkish, Azeri and Lithuanian lower-case by their
  // own rules: always read whole.
  if (lang === 'ar' || lang === 'tr' || lang === 'az' || lang === 'lt') shapes = null;
  else {
    const one = new Map<number, number>();
    const two = new Map<number, number>();
    let twoAlone = true;
    const add = (w: string, any: boolean): void => {
      if (w === '') return;
      const first = w.charCodeAt(0);
      one.set(first, any ? -1 : (one.get(first) ?? 0) | lengthBit(w.length));
      if (w.length === 1) {
        // (a word of any length after a one-letter part: the first letter alone tells)
        if (any) twoAlone = false;
        return;
      }
      const key = (first << 16) | w.charCodeAt(1);
      two.set(key, any ? -1 : (two.get(key) ?? 0) | lengthBit(w.length));
    };
    const german = lang === 'de';
    for (const w of numberWords(lang).keys()) add(w, german);
    for (const w of magnitudeWords(lang).keys()) add(w, german);
    if (lang === 'en') for (const w of Object.keys(EN_DECADE_WORDS)) add(w, false);
    if (german) for (const w of GERMAN_PARTS) add(w, true);
    shapes = { one, two: twoAlone ? two : null };
  }
  wordShapes.set(lang, shapes);
  return shapes;
}

const asciiLower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * Whether a word token may be a number, magnitude or decade word of the language (readWords's look-ups): false
 * when no such word has its first two letters and its length, so the word is passed over before it is lower-cased
 * and looked up. A word equal in lower case to one of them has its first letters and its length (toLowerCase
 * lengthens only "İ", in no number word; letters outside ASCII are lower-cased alone, and only the first is then
 * compared). Roman numerals are read before this.
 */
export function mayBeNumberWord(word: string, lang: string): boolean {
  const shapes = shapesOf(lang);
  if (shapes === null) return true;
  const len = word.length;
  let first = word.charCodeAt(0);
  if (first < 128) {
    first = asciiLower(first);
    const second = len > 1 ? word.charCodeAt(1) : 128;
    if (second < 128 && shapes.two !== null) {
      const mask = shapes.two.get((first << 16) | asciiLower(second));
      return mask !== undefined && (mask & lengthBit(len)) !== 0;
    }
  } else first = word.charAt(0).toLowerCase().charCodeAt(0);
  const mask = shapes.one.get(first);
  return mask !== undefined && (mask & lengthBit(len)) !== 0;
}

/**
 * Roman numerals, decades in words and spelled-out numbers from token i; the index after what was read. Most words
 * are none of them: this is the common path, each rarer reading a function of its own, so that the engine's
 * optimised code for one is thrown away and made again alone when a text first takes a new path in it.
 */
function readWords(reader: QuantityReader, i: number): number {
  const { tokens, lang, words } = reader;
  const tok = tokens[i]!;
  if ('IVXLCDM'.includes(tok.text[0]!)) {
    const next = readRoman(reader, i);
    if (next >= 0) return next;
  }
  // (most words: no lower case made, no look-up in the language's tables)
  if (!mayBeNumberWord(tok.text, lang)) return i + 1;
  const lower = words.lower(i);
  if (
    (lang === 'en' && Object.hasOwn(EN_DECADE_WORDS, lower)) ||
    (lang === 'ar' && AR_DECADE.test(lower)) ||
    (lang === 'de' && DE_DECADE.test(lower))
  )
    return readDecade(reader, i);
  const first = words.roles(i);
  const firstMag = first ? undefined : words.magnitude(i);
  if (first || firstMag) return readSpelled(reader, i, first, firstMag);
  return i + 1;
}

/** A Roman numeral at token i (its first letter one of them): the index after it, or -1 when it is none. */
function readRoman(reader: QuantityReader, i: number): number {
  const { text, tokens, lang, out } = reader;
  const tok = tokens[i]!;
  // Any well-formed one next to "century"/"siglo"; on its own only II, XV, XXI (I, V, X letters, two or more).
  const romanMatch = /^([IVXLCDM]+)(e|er|ème|eme)?$/u.exec(tok.text);
  if (romanMatch) {
    const ctx =
      CENTURY.test(wordIn(tokens, i - 1) ?? '') ||
      CENTURY.test(wordIn(tokens, i + 1) ?? '') ||
      // a French ordinal ending ("XVe", "Ier", "Ve"); "Le", "Ce", "De", "Me" are words, Roman only beside "siècle"
      (romanMatch[2] !== undefined && lang === 'fr' && !/^[LCDM]e$/u.test(tok.text));
    const v = ctx ? romanValue(romanMatch[1]!) : romanMatch[2] === undefined ? standaloneRoman(romanMatch[1]!) : null;
    if (v !== null) {
      out.push(plainNumber(text, tok.start, tok.end, v, 'roman', { ordinal: ctx }));
      return i + 1;
    }
  }
  return -1;
}

/** A decade in words at token i ("the nineties", "الثمانينيات", "Achtziger"); the index after it. */
function readDecade(reader: QuantityReader, i: number): number {
  const { text, tokens, lang, out, words } = reader;
  const tok = tokens[i]!;
  const lower = words.lower(i);
  const enDecade = lang === 'en' && Object.hasOwn(EN_DECADE_WORDS, lower) ? EN_DECADE_WORDS[lower] : undefined;
  const arDecade = lang === 'ar' ? AR_DECADE.exec(lower) : null;
  const deDecade = lang === 'de' ? DE_DECADE.exec(lower) : null;
  const v =
    enDecade ?? (arDecade ? AR_TENS[arDecade[1]!]! : (numberWords('de').get(deDecade![1]!) as { value: number }).value);
  out.push(
    plainNumber(text, tok.start, tok.end, v, 'words', {
      keys: [nkey(v), nkey(1900 + v)],
      foreignFrom: 2,
      decade: true,
    }),
  );
  return i + 1;
}

/**
 * A spelled-out number from token i, with connectors and magnitude words (`first`: the token's roles, or else
 * `firstMag`: its magnitude); the index after what was read.
 */
function readSpelled(
  reader: QuantityReader,
  i: number,
  first: readonly WordRole[] | null,
  firstMag: Magnitude | undefined,
): number {
  const { text, tokens, lang, out, words } = reader;
  const tok = tokens[i]!;
  const roles: WordRole[] = [];
  let k = i;
  let end = tok.end;
  if (first) {
    for (;;) {
      const r = words.roles(k);
      if (!r) break;
      if (r.length === 1 && r[0]!.role === 'and') {
        // a connector only inside a number: "thirty-nine", "treinta y nueve", "vingt et un", "one hundred and five"
        const nextRoles = words.roles(k + 1);
        const prev = roles[roles.length - 1];
        const okPrev =
          prev !== undefined &&
          (prev.role === 'hundred' ||
            prev.role === 'thousand' ||
            (prev.role === 'unit' && prev.value >= 20 && prev.value % 10 === 0 && prev.value < 100));
        if (!okPrev || !nextRoles || nextRoles[0]!.role !== 'unit' || nextRoles[0]!.value >= 100) break;
      } else if (
        roles.length &&
        (r[0]!.role === 'article' ||
          r[0]!.role === 'ordinal' ||
          roles[roles.length - 1]!.role === 'article' ||
          roles[roles.length - 1]!.role === 'ordinal')
      ) {
        // Arabic "الخامس عشر" (fifteenth): an ordinal followed by ten
        const prev = roles[roles.length - 1]!;
        if (!(lang === 'ar' && prev.role === 'ordinal' && r[0]!.role === 'unit' && r[0]!.value === 10)) break;
      } else if (roles.length && r[0]!.role === 'unit' && roles[roles.length - 1]!.role === 'unit') {
        const prev = roles[roles.length - 1] as { value: number };
        const cur = r[0] as { value: number };
        // "twenty five" (no hyphen), Arabic "ثلاثة عشر" (3 + 10); never "two three"
        const ok =
          (prev.value >= 20 && prev.value % 10 === 0 && prev.value < 100 && cur.value < 10) ||
          (lang === 'fr' && (prev.value === 60 || prev.value === 80) && cur.value >= 10 && cur.value < 20) ||
          (lang === 'ar' && prev.value < 10 && cur.value === 10) ||
          (prev.value >= 100 && prev.value % 100 === 0 && cur.value < 100);
        if (!ok) break;
      }
      roles.push(...r);
      end = tokens[k]!.end;
      k++;
      // a hyphen between number words ("twenty-five", "dix-sept", "quatre-vingt-dix")
      if (
        tokens[k]?.type === 'sym' &&
        tokens[k]!.text === '-' &&
        gluedAt(tokens, k - 1) &&
        gluedAt(tokens, k) &&
        words.roles(k + 1)
      ) {
        if (lang === 'fr' && /^quatre$/iu.test(tokens[k - 1]!.text) && /^vingts?$/iu.test(wordIn(tokens, k + 1)!)) {
          roles.pop();
          roles.push({ role: 'unit', value: 80 });
          end = tokens[k + 1]!.end;
          k += 2;
          if (tokens[k]?.type === 'sym' && tokens[k]!.text === '-' && gluedAt(tokens, k - 1) && words.roles(k + 1)) k++;
          continue;
        }
        k++;
      }
    }
  }
  // magnitude words after the words ("tres mil millones", "two million"), or alone ("a million", "mil millones")
  let magnitude = 1;
  let last = 1;
  for (;;) {
    const mag = words.magnitude(k);
    if (!mag || mag.factor <= last) break;
    magnitude *= mag.factor;
    last = mag.factor;
    end = tokens[k]!.end;
    k++;
    if (ofLargerAt(tokens, words, k, mag.factor)) k++;
  }
  const only = roles.length === 1 ? roles[0]! : undefined;
  if (roles.length === 0 && firstMag?.plural) {
    // "millions", "miles de millones", "Milliarden" with no number: an order of magnitude, compared as such
    out.push(
      plainNumber(text, tok.start, end, magnitude, 'words', {
        keys: [`m:${magnitude}`],
        magnitude,
        mantissa: 1,
        bare: true,
      }),
    );
  } else if (only?.role === 'ordinal') {
    out.push(plainNumber(text, tok.start, end, only.value, 'ordinal-word', { ordinal: true }));
  } else if (roles.length === 2 && roles[0]!.role === 'ordinal' && roles[1]!.role === 'unit') {
    const v = roles[0]!.value + roles[1]!.value;
    out.push(plainNumber(text, tok.start, end, v, 'ordinal-word', { ordinal: true }));
  } else if (only?.role === 'article' && magnitude === 1) {
    out.push(plainNumber(text, tok.start, end, 1, 'article'));
  } else {
    const base = only?.role === 'article' ? 1 : roles.length ? combineWords(roles) : 1;
    if (base !== null && (roles.length > 0 || magnitude > 1)) {
      const v = round(base * magnitude);
      // "mil" (1000) in Spanish is a magnitude word and a number: both readings are the same value
      out.push(plainNumber(text, tok.start, end, v, 'words', { magnitude, mantissa: base }));
    }
  }
  return Math.max(k, i + 1);
}

/** Each quantity's unit, and the years a number of decades or centuries also is. */
function attachUnits(out: Quantity[], tokens: readonly Token[], latin: string): void {
  let from = 0;
  for (let qi = 0; qi < out.length; qi++) {
    const q = out[qi]!;
    while (from < tokens.length && tokens[from]!.start < q.end) from++;
    q.unit = unitNear(tokens, latin, q, from);
    // "three decades" is also 30 years, "two centuries" 200: a second reading, so "30 years" ↔ "tres decenios" match.
    const nextWord = tokens[from]?.type === 'word' && tokens[from]!.start - q.end <= 2 ? tokens[from]!.text : undefined;
    if (q.kind === 'number' && !q.ordinal && !q.decade && q.magnitude === 1 && nextWord !== undefined) {
      const scale = DECADE_WORD.test(nextWord) ? 10 : CENTURY_WORD.test(nextWord) ? 100 : 1;
      if (scale > 1) {
        out[qi] = quantity({
          ...q,
          keys: [...q.keys.slice(0, q.foreignFrom), nkey(q.value * scale), ...q.keys.slice(q.foreignFrom)],
          foreignFrom: q.foreignFrom + 1,
          unit: 'year',
        });
      }
    }
  }
  // (no memory of texts: a run reads each text once, and a cache keyed by whole texts never paid for itself)
}

const DECADE_WORD = /^(?:decades?|décadas?|decenios?|décennies?|decennies?|jahrzehnte?n?|عقود|عقدين|عقدان)$/iu;
const CENTURY_WORD = /^(?:centuries|century|siglos?|siècles?|siecles?|jahrhunderte?n?|قرون|قرنين|قرنان)$/iu;
const ANY_DIGIT = /[\d\u0660-\u0669\u06F0-\u06F9]/u;
// (two patterns, the letters in both cases spelled out: one case-insensitive alternation of both was slower than the rest)
const ROMAN_LETTERS = /\b[IVXLCDMivxlcdm]{2,}\b/u;
const CENTURY_STEM = /century|centuries|siglo|siècle|siecle|jahrhundert|secol|século|segle|dynast|dinast/iu;
/** The quick test's patterns of a language: its words in lower case, and (made when first needed) in any case. */
interface QuickTest {
  readonly lower: RegExp;
  anyCase?: RegExp;
}
const quickTests = new Map<string, QuickTest | null>();

/**
 * Characters whose lower case (String.prototype.toLowerCase) is not what a case-insensitive pattern matches them
 * as: "İ" lower-cases to two characters, "ſ" matches "s" only without case. Every other character matches a number
 * word's letter in any case exactly where its lower case is that letter (tests/locale/quantity-pretest.test.ts
 * compares them for every code point).
 */
const CASED_APART = /[\u0130\u017F]/;

/**
 * The pattern of the quick test (mayHoldQuantities) of a language: its number, magnitude and decade words as whole
 * words (German: a word that starts with one), in lower case and tested on the text in lower case — a
 * case-insensitive pattern of the same words costs V8 about four times as much to compile (36 → 9 ms for en, es,
 * fr and de, once per run). Null for Arabic (always read).
 */
export function quantityWordsPattern(lang: string): RegExp | null {
  return quickTestOf(lang)?.lower ?? null;
}

function quickTestOf(lang: string): QuickTest | null {
  let test = quickTests.get(lang);
  if (test === undefined) {
    if (lang === 'ar') test = null;
    else {
      const words = new Set<string>();
      for (const [w, r] of numberWords(lang)) if (r.role !== 'and' && r.role !== 'article') words.add(w);
      for (const w of magnitudeWords(lang).keys()) words.add(w);
      if (lang === 'en') for (const w of Object.keys(EN_DECADE_WORDS)) words.add(w);
      if (lang === 'de') words.add('einund');
      const alternatives = [...words]
        .sort((a, b) => b.length - a.length)
        .map(literalPattern)
        .join('|');
      // German compounds ("fünfundzwanzig", "Dreijährige", "Zehnfach"): a word that starts with one; elsewhere whole words.
      test = {
        lower:
          lang === 'de'
            ? new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives})`, 'u')
            : new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives})(?![\\p{L}\\p{M}])`, 'u'),
      };
    }
    quickTests.set(lang, test);
  }
  return test;
}

/**
 * A fast pre-test: a text with no digit, no number or magnitude word, no decade word and no Roman numeral
 * states no quantity (most sentences), so it is not tokenised. Articles alone (un/une/ein) need no reading:
 * they only ever stand beside other quantities. Arabic (proclitics, folding) is always read. The words are looked
 * for in the text in lower case, unless it holds a character whose lower case and case-insensitive match differ.
 */
export function mayHoldQuantities(text: string, lang: string): boolean {
  if (ANY_DIGIT.test(text) || ROMAN_LETTERS.test(text) || CENTURY_STEM.test(text)) return true;
  const test = quickTestOf(lang);
  if (test === null) return true;
  if (!CASED_APART.test(text)) return test.lower.test(text.toLowerCase());
  test.anyCase ??= new RegExp(test.lower.source, 'iu');
  return test.anyCase.test(text);
}

/** A word mostly in capitals ("COVID", "CoV", "F"), as the letter part of a hyphenated code. */
function upperDominant(word: string): boolean {
  const upper = word.match(/\p{Lu}/gu)?.length ?? 0;
  return upper > 0 && upper * 2 >= word.length;
}

/** Whether letters-and-digits form a code rather than a number with a unit or ordinal ("15th", "3km", "2bn", "1990s"). */
function isCode(span: string, lang: string): boolean {
  const m = /^(\d+(?:[.,]\d+)?)([\p{L}]+)$/u.exec(span);
  if (m) {
    const suf = m[2]!;
    const low = suf.toLowerCase();
    // Ordinal endings are written in small letters ("63e", "2nd"); "63E" is a code (HCoV-229E).
    if (/^(?:st|nd|rd|th|s|er|e|re|ème|eme|es|ers|o|a|º|ª)$/u.test(suf) || /^(?:ST|ND|RD|TH)$/u.test(suf)) return false;
    if (/^(?:h|am|pm|hs|hrs)$/iu.test(suf)) return false;
    if (gluedMagnitude(suf) || unitClass(suf) !== undefined) return false;
    if (
      /^(?:m|cm|mm|km|kg|g|mg|ml|l|t|mw|gw|kw|kwh|gb|mb|tb|kb|hz|mhz|ghz|mph|kmh|x|v|w|ft|in|lb|lbs|oz|ha|sq|bp|nm|µm|μm|min|sec|yo|yr|yrs|ms|px|pt|ppm|cc|d|y)$/u.test(
        low,
      )
    )
      return false;
    void lang;
  }
  // "h" between digits is a clock time (14h30), not a code
  if (/^\d{1,2}h\d{2}$/iu.test(span)) return false;
  return true;
}

interface TimeRead {
  readonly minutes: number;
  readonly keys: string[];
  readonly end: number;
  readonly next: number;
}

/** A clock time starting at token i: "2:15 PM", "14h30", "15 h", "15.30 Uhr", "3 p.m.", "3pm", "15 horas". */
function readTime(tokens: readonly Token[], i: number, latin: string): TimeRead | null {
  const tok = tokens[i]!;
  const glued = (k: number): boolean => k + 1 < tokens.length && tokens[k + 1]!.start === tokens[k]!.end;
  let h: number;
  let min = 0;
  let k = i + 1;
  let explicit = false; // written as a clock time (":" or "h" or "Uhr"), not a bare number
  const dotted = /^(\d{1,2})[.](\d{2})$/u.exec(tok.text);
  if (
    /^\d{1,2}$/u.test(tok.text) &&
    tokens[k]?.text === ':' &&
    glued(i) &&
    glued(k) &&
    /^\d{2}$/u.test(tokens[k + 1]?.text ?? '')
  ) {
    h = Number(tok.text);
    min = Number(tokens[k + 1]!.text);
    k += 2;
    explicit = true;
  } else if (dotted) {
    h = Number(dotted[1]);
    min = Number(dotted[2]);
  } else if (/^\d{1,2}$/u.test(tok.text)) {
    h = Number(tok.text);
  } else return null;
  if (h > 24 || min > 59) return null;
  let end = tokens[k - 1]!.end;
  // "h"/"Uhr"/"horas" after: 14h30, 15 h 30, 15.30 Uhr, 15 horas
  const w = tokens[k];
  if (w?.type === 'word' && TIME_WORD.test(w.text) && w.start - end <= 1) {
    explicit = true;
    end = w.end;
    k++;
    if (
      !dotted &&
      min === 0 &&
      /^\d{2}$/u.test(tokens[k]?.text ?? '') &&
      tokens[k]!.start - end <= 1 &&
      Number(tokens[k]!.text) < 60
    ) {
      min = Number(tokens[k]!.text);
      end = tokens[k]!.end;
      k++;
    }
  }
  // meridiem: "PM", "p.m.", "pm", "a. m."; Arabic ص / م
  let meridiem: 'a' | 'p' | undefined;
  const rest = latin.slice(end, end + 10);
  const mer = /^\s?([AaPp])(\.?)\s?[Mm]\b/u.exec(rest);
  if (mer) {
    meridiem = mer[1]!.toLowerCase() as 'a' | 'p';
    end += mer[0].length;
    if (mer[2] === '.' && latin[end] === '.') end += 1; // "p.m." (the last dot may also end the sentence)
    while (k < tokens.length && tokens[k]!.start < end) k++;
  } else if (/^\s?[صم](?!\p{L})/u.test(rest) && explicit) {
    meridiem = rest.trim().startsWith('ص') ? 'a' : 'p';
    end += rest.indexOf(rest.trim()[0]!) + 1;
    while (k < tokens.length && tokens[k]!.start < end) k++;
  } else if (PM_AFTER.test(rest + latin.slice(end + 10, end + 24))) meridiem = 'p';
  else if (AM_AFTER.test(rest + latin.slice(end + 10, end + 24))) meridiem = 'a';
  if (dotted && !explicit && !mer) return null;
  if (!explicit && !meridiem) return null;
  if (/^\d{1,2}$/u.test(tok.text) && !explicit && !mer && meridiem) {
    // "a las 3 de la tarde": the number is a time only with its hour word
  }
  if (meridiem && (h < 1 || h > 12)) {
    if (!explicit) return null;
    meridiem = undefined;
  }
  let hours = h;
  if (meridiem === 'p' && h < 12) hours += 12;
  if (meridiem === 'a' && h === 12) hours = 0;
  const minutes = (hours % 24) * 60 + min;
  const keys = [`t:${minutes}`];
  // A time without a meridiem may be either half of the day ("5:30" = 17.30); the bare hour is a number too ("15 horas").
  if (!meridiem && hours >= 1 && hours <= 12) keys.push(`t:${((hours + 12) % 24) * 60 + min}`);
  if (!meridiem && hours > 12) keys.push(`t:${(hours - 12) * 60 + min}`);
  if (min === 0) keys.push(nkey(h));
  return { minutes, keys, end, next: k };
}

const SKIP_BEFORE_UNIT = /^(?:de|of|d|des|del|der|die|pour|per|cent)$/iu;

/** The unit or currency class next to a quantity: a symbol before ("$5", "£2.8bn") or a word after ("5 km", "10 por ciento"). */
function unitNear(tokens: readonly Token[], latin: string, q: Quantity, after: number): string | undefined {
  if (q.kind !== 'number') return undefined;
  const before = latin.slice(Math.max(0, q.start - 4), q.start).replace(/\s+$/u, '');
  const sym = /(?:US\$|\$|£|€|¥)$/u.exec(before);
  if (sym) return unitClass(sym[0] === 'US$' ? '$' : sym[0]);
  // first token after the quantity's end
  let k = after;
  if (k >= tokens.length) return undefined;
  for (let hops = 0; hops < 3 && k < tokens.length; hops++, k++) {
    const t = tokens[k]!;
    if (t.start - (hops === 0 ? q.end : tokens[k - 1]!.end) > 2) return undefined;
    if (t.type === 'sym') {
      if (t.text === '%' || t.text === '٪' || t.text === '€' || t.text === '$' || t.text === '£')
        return unitClass(t.text);
      if (t.text === '°') {
        const n = tokens[k + 1];
        if (n?.type === 'word' && /^[CF]$/u.test(n.text)) return n.text === 'F' ? 'degF' : 'degC';
        return undefined;
      }
      if (t.text === '-' || t.text === "'" || t.text === '’') continue;
      return undefined;
    }
    if (t.type !== 'word') return undefined;
    const cls = unitClass(t.text);
    if (cls !== undefined) return cls;
    if (t.text === 'por' || t.text === 'pour' || t.text === 'per' || t.text === 'في') {
      const n = tokens[k + 1];
      if (n && /^(?:ciento|cent|cento|المئة|المائة)$/u.test(n.text)) return 'pct';
    }
    if (
      !SKIP_BEFORE_UNIT.test(t.text) &&
      !/^(?:US|EE|UU|million|millions|mil|millones|milliards?|milliarden?|millionen?|mio|mrd|bn|m|de|des|del|of)$/iu.test(
        t.text,
      )
    )
      return undefined;
  }
  return undefined;
}
