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

export function conventionsOf(locale: string): NumberConventions {
  let c = conventionCache.get(locale);
  if (!c) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: 'always' } as Intl.NumberFormatOptions).formatToParts(1234567.5);
    c = { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
    conventionCache.set(locale, c);
  }
  return c;
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
const TIME = /(?<![\d.,])(\d{1,2})[:.h](\d{2})(?!\d)(?:\s?(?:([AaPp])\.?\s?[Mm](?:\.(?=[\p{L}\d]))?|([صم]))(?![\p{L}]))?/gu;
// Latin, Greek and Cyrillic letters glued to digits make a code ("F16", "G7"); Arabic "و٣" is "and 3".
const NUMBER = /(?<![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\d])\d+(?:(?:[.,'’\u066B\u066C]|[\u00A0\u202F\u2009 ](?=\d{3}(?!\d)))\d+)*/gu;

function isSpaceLike(ch: string): boolean {
  return SPACE_GROUPS.includes(ch);
}

/** Reads one digit token under a locale's conventions; null when its separators do not fit them. */
export function readNumberToken(token: string, conv: NumberConventions): number | null {
  const t = token.replace(/\u066C/gu, conv.group).replace(/\u066B/gu, conv.decimal);
  const decimalAt = t.lastIndexOf(conv.decimal);
  const intPart = decimalAt >= 0 ? t.slice(0, decimalAt) : t;
  const fracPart = decimalAt >= 0 ? t.slice(decimalAt + 1) : '';
  if (decimalAt >= 0 && !/^\d+$/u.test(fracPart)) return null;
  const groups = intPart.split(/[.,'’\u00A0\u202F\u2009 \u066C]/u);
  const seps = intPart.match(/[.,'’\u00A0\u202F\u2009 \u066C]/gu) ?? [];
  const groupOk = seps.every((s) => s === conv.group || (isSpaceLike(s) && isSpaceLike(conv.group)) || (s === '’' && conv.group === "'"));
  if (!groupOk) return null;
  if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || groups[0]!.length > 3 || groups[0] === '')) return null;
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
    if (min > 59 || h > 23 || (m[0].includes('.') && !meridiem && !/\b(?:h|uhr|horas?|heures?)\b/iu.test(latin.slice(m.index + m[0].length, m.index + m[0].length + 8)))) continue;
    let hours = h;
    if (meridiem === 'p' && h < 12) hours += 12;
    if (meridiem === 'a' && h === 12) hours = 0;
    found.push({ text: text.slice(m.index, m.index + m[0].length), start: m.index, end: m.index + m[0].length, value: hours * 60 + min, kind: 'time' });
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
      found.push({ text: text.slice(start, start + token.length), start, end: start + token.length, value, kind: 'number' });
      continue;
    }
    // Separators that fit no convention ("1,2,3", "10.5.2023"): each digit run counts on its own.
    for (const part of token.matchAll(/\d+/gu)) {
      found.push({ text: part[0], start: start + part.index, end: start + part.index + part[0].length, value: Number(part[0]), kind: 'number' });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Small numbers written as words, per language; they may stand for a digit on the other side. */
const NUMBER_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  es: ['cero', 'uno|una|un', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce'],
  fr: ['zéro', 'un|une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'],
  de: ['null', 'eins|ein|eine|einen|einem|einer', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'],
  ca: ['zero', 'u|un|una', 'dos|dues', 'tres', 'quatre', 'cinc', 'sis', 'set', 'vuit', 'nou', 'deu', 'onze', 'dotze'],
  ar: ['صفر', 'واحد|واحدة', 'اثنان|اثنين|اثنتان', 'ثلاثة|ثلاث', 'أربعة|أربع', 'خمسة|خمس', 'ستة|ست', 'سبعة|سبع', 'ثمانية|ثماني', 'تسعة|تسع', 'عشرة|عشر', 'أحد عشر', 'اثنا عشر'],
};

const spelledCache = new Map<string, RegExp | null>();

/** Values of small numbers spelled out in the text ("five" → 5). */
export function spelledNumbers(text: string, locale: string): number[] {
  const lang = locale.toLowerCase().split('-')[0] ?? '';
  let re = spelledCache.get(lang);
  if (re === undefined) {
    const words = NUMBER_WORDS[lang];
    // One alternation with a named group per value: one pass over the text, whatever the language.
    re = words ? new RegExp(`(?<![\\p{L}])(?:${words.map((alt, value) => `(?<n${value}>${alt})`).join('|')})(?![\\p{L}])`, 'gu') : null;
    spelledCache.set(lang, re);
  }
  if (!re) return [];
  const out: number[] = [];
  for (const m of text.toLocaleLowerCase(locale).matchAll(re)) {
    const hit = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined);
    if (hit) out.push(Number(hit[0].slice(1)));
  }
  return out;
}
