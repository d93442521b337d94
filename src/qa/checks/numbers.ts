import { daysOfMonth, dayNear, type DayOfMonth } from '../../locale/calendar-dates.js';
import { findQuantities, quantity, type Quantity } from '../../locale/numbers.js';
import { calendarName, findCalendarWords, type CalendarWord } from '../../locale/months.js';
import { magnitudeName } from '../../locale/magnitudes.js';
import { CONVERSIONS, CURRENCIES, isConvertible, unitClass } from '../../locale/units.js';
import { isApproximateCount } from '../../locale/number-words.js';
import { textWithoutCodes } from '../text.js';
import { primarySubtag } from '../../model/language.js';
import { memoPerLanguage } from '../../model/memo.js';
import { keptBindings, rebound } from '../code-words.js';
import type { Finding, PairCheck } from '../types.js';
import type { CodesKept } from '../codes-kept.js';
import { translated } from '../preconditions.js';

const ARTICLE_BEFORE_WORD = /(?<![\p{L}])(?:un|una|une|uno|ein|eine|einen|einem|einer|eines|um|uma)\s+(\p{L}+)/giu;
const RANGE_LINK = /^\s*(?:to|-|–|and|or|y|a|o|à|et|ou|bis|und|oder|إلى|و)\s*$/iu;
const HALF_CENTURY = /medio siglo|demi-si[eè]cle|demi si[eè]cle|halbe[sn]? jahrhundert|نصف قرن/iu;

/** A text that may state a quantity: a digit (Latin, Arabic-Indic, Persian) or a letter. */
const DIGIT_OR_LETTER = /[\d\u0660-\u0669\u06F0-\u06F9]|\p{L}/u;

/** What precedes a number transliterated as part of a code: a letter, or a letter and a hyphen. */
const GLUED_TO_LETTERS = /\p{L}[-‐]?$/u;

const show = (q: Quantity): string => {
  if (q.kind === 'time') return `${Math.floor(q.value / 60)}:${String(q.value % 60).padStart(2, '0')}`;
  return String(q.value);
};
const label = (q: Quantity): string => (q.kind === 'code' || show(q) === q.text ? q.text : `${q.text} (${show(q)})`);
const span = (q: Quantity): { start: number; end: number } => ({ start: q.start, end: q.end });

/** Source quantities whose absence is an error: digits, clock times, codes. Spelled-out ones are compared when the target states another value. */
const required = (q: Quantity): boolean => q.origin === 'digits';

/** Whether a target quantity may stand for a source one, and through which reading. */
function matchLevel(s: Quantity, t: Quantity): 0 | 1 | 2 | 3 {
  // An article (un/une/ein) is "one" only where the source spelled "one" out.
  if (t.origin === 'article') return s.origin === 'words' && s.value === 1 && s.magnitude === 1 ? 2 : 0;
  if (s.kind === 'code' || (t.kind === 'code' && s.kind !== 'number')) return 0;
  if (s.keys[0] === t.keys[0] && t.foreignFrom > 0) return 1;
  const primary = (q: Quantity, k: string): boolean => {
    const i = q.keys.indexOf(k);
    return i >= 0 && i < q.foreignFrom;
  };
  let best: 0 | 2 | 3 | 4 = 0;
  for (const k of t.keys) {
    if (!s.keys.includes(k)) continue;
    const sp = primary(s, k);
    const tp = primary(t, k);
    if (sp && tp) return 2;
    // the target in another convention than its language's ("1,200" in Spanish): a warning
    if (sp && !tp) best = 3;
    // only the source's second reading: the source was ambiguous, the target is fine
    else if (!sp && tp && best !== 3) best = 4;
    else if (best === 0) best = 3;
  }
  return best === 4 ? 2 : best;
}

/** Every numeric reading of a quantity ("2,735" in French: 2.735, or 2735 in another format). */
const readingsOf = (q: Quantity): number[] => q.keys.filter((k) => k.startsWith('n:')).map((k) => Number(k.slice(2)));

const sigDigits = (v: number): number =>
  String(Math.abs(v)).replace('.', '').replace(/^0+/u, '').replace(/0+$/u, '').length;
const roundSig = (v: number, k: number): number => Number(v.toPrecision(k));
const near = (a: number, b: number, tolerance: number): boolean =>
  Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));

/** A target value that is the source's rounded to fewer significant digits ("1,234,567" → "1,2 millones"). */
function isRounding(s: number, t: number): boolean {
  if (s === t) return false;
  const n = sigDigits(s);
  for (let k = 1; k < n; k++) if (near(roundSig(s, k), t, 1e-9) && sigDigits(t) <= k) return true;
  return false;
}

/** A target value that is the source's in another unit (12 miles → 19 km, 50 °F → 10 °C). */
function isConversion(s: Quantity, t: Quantity): boolean {
  const tv = readingsOf(t);
  if (s.unit === 'degF') return tv.some((v) => Math.abs(((s.value - 32) * 5) / 9 - v) <= 1.5);
  const conv = s.unit === undefined ? undefined : CONVERSIONS[s.unit];
  if (conv) {
    const f = conv[1];
    return tv.some((v) => near(s.value * f, v, 0.12) || (conv[0] === 'm' && near(s.value * f * 100, v, 0.12)));
  }
  // Currencies: another currency beside the target number (exchange rates vary): any value of the same order.
  return (
    s.unit !== undefined &&
    CURRENCIES.has(s.unit) &&
    t.unit !== undefined &&
    CURRENCIES.has(t.unit) &&
    t.unit !== s.unit &&
    t.value / s.value < 3 &&
    s.value / t.value < 3
  );
}

/**
 * Numbers compared by value after normalisation, each side read with its own locale's conventions:
 * "1,200" (en) = "1.200" (es) = "1 200" (fr); "£2.8bn" = "2.800 millones de libras" = "2,8 Milliarden";
 * "3 p.m." = "15 h" = "15.00 Uhr"; "15th century" = "siglo XV"; "1990s" = "los 90"; "nine" ≠ "siete".
 * Errors: a value missing or changed, a magnitude changed, two numbers swapped between their units,
 * a code changed, a month or weekday missing or changed. Warnings: conversions, rounding,
 * source-format separators, extra numbers in the target, months left in the source language.
 */
export const numbers: PairCheck = {
  id: 'numbers',
  severity: 'error',
  preconditions: [translated],
  description:
    'Numbers, magnitudes, times, codes, months and weekdays in the source must be in the target with the same values (locale formats, spelled-out numbers, ordinals, Roman numerals and decades accepted; conversions and rounding are warnings).',
  run(pair, context) {
    const sourceText = textWithoutCodes(pair.source);
    const targetText = textWithoutCodes(pair.target);
    const findings: Finding[] = [];
    // Month and weekday words, read once per side for the calendar and the date comparisons.
    const read = readSource(sourceText, pair.sourceLang);
    const sourceCalendar = read.calendar;
    const targetCalendar = sourceCalendar.length ? findCalendarWords(targetText, primarySubtag(pair.targetLang)) : [];
    const source = { text: sourceText, lang: pair.sourceLang, calendar: sourceCalendar };
    const target = { text: targetText, lang: pair.targetLang, calendar: targetCalendar };
    // A date whose day changed or went is one finding, not also a number missing.
    const days = compareDays(source, target);
    if (DIGIT_OR_LETTER.test(sourceText))
      findings.push(
        ...compareQuantities(
          sourceText,
          targetText,
          pair.sourceLang,
          pair.targetLang,
          days.map((d) => d.date),
          context.codesKept,
          read.quantities,
        ),
      );
    findings.push(...compareCalendar(source, target));
    findings.push(...days.map((d) => d.finding));
    return findings;
  },
  readSource(source, lang) {
    readSource(textWithoutCodes(source), lang);
  },
};

/** Source texts remembered per language: more than a document's units, far fewer than a corpus's. */
const SOURCES_REMEMBERED = 10_000;

/** What the check reads of a source text alone: its quantities (articles aside) and its month and weekday words. */
interface SourceReading {
  readonly quantities: readonly Quantity[];
  readonly calendar: readonly CalendarWord[];
}

/**
 * Read once per source text and language: a run checks one source against each of its target languages. (The
 * memory is bounded and forgotten whole when full, see memo.)
 */
const readSource = memoPerLanguage(
  (text: string, lang: string): SourceReading => ({
    quantities: findQuantities(text, lang, true).filter((q) => q.origin !== 'article'),
    calendar: findCalendarWords(text, primarySubtag(lang)),
  }),
  SOURCES_REMEMBERED,
);

// Evidence that the run writes a code with its digits: at least this many other units, and this share of those with
// the code (as the names check asks of names kept as written).
const MIN_KEEPING_UNITS = 2;
const SHARE_KEEPING = 0.8;

/** More numbers than any sentence or paragraph holds: compared as counts of values, not one by one. */
const MAX_QUANTITIES = 400;

/** Every value the source states as often in the target (linear: a unit of thousands of numbers is a table or noise). */
function compareCounts(S: readonly Quantity[], T: readonly Quantity[]): Finding[] {
  const inTarget = new Map<string, number>();
  for (const t of T) for (const k of new Set(t.keys)) inTarget.set(k, (inTarget.get(k) ?? 0) + 1);
  const missing: Quantity[] = [];
  for (const q of S) {
    if (!required(q)) continue;
    const k = q.keys.find((key) => (inTarget.get(key) ?? 0) > 0);
    if (k === undefined) missing.push(q);
    else inTarget.set(k, inTarget.get(k)! - 1);
  }
  if (missing.length === 0) return [];
  const shown = missing.slice(0, 10).map(label).join(', ');
  return [
    {
      message: `number(s) missing from the target: ${shown}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`,
    },
  ];
}

function compareQuantities(
  sourceText: string,
  targetText: string,
  sourceLang: string,
  targetLang: string,
  reportedDates: readonly DayOfMonth[] = [],
  codesKept?: CodesKept,
  S: readonly Quantity[] = readSource(sourceText, sourceLang).quantities,
): Finding[] {
  if (S.length === 0 && !/\d/u.test(targetText)) return [];
  const T = findQuantities(targetText, targetLang);
  if (S.length > MAX_QUANTITIES || T.length > MAX_QUANTITIES) return compareCounts(S, T);
  const findings: Finding[] = [];
  const matchOf = new Map<Quantity, Quantity>();
  const used = new Set<Quantity>();
  const codes = S.filter((q) => q.kind === 'code');
  // Codes first: verbatim (case, hyphens and spaces aside).
  for (const s of codes) {
    const tails = codeTails(s);
    const t = T.find(
      (x) => !used.has(x) && x.kind === 'code' && (x.keys[0] === s.keys[0] || tails.includes(x.keys[0]!)),
    );
    if (t) {
      used.add(t);
      matchOf.set(s, t);
    }
  }
  // In another script a code is transliterated with its digits glued on ("SARS-CoV-2" → "سارس-كوف-2"):
  // those digits are the code's, before any number or spelled-out word can take them.
  // (asked only of a source with codes: no other comparison reads it)
  const latinTarget =
    codes.length > 0 &&
    /\p{Script=Latin}{3}/u.test(targetText.replace(/https?:\S+/gu, '')) &&
    !/[\u0600-\u06FF]/u.test(targetText);
  if (codes.length > 0 && !latinTarget) {
    for (const s of codes) {
      if (matchOf.has(s) || s.keys.length !== 2) continue;
      const t = T.find(
        (x) =>
          !used.has(x) &&
          x.kind === 'number' &&
          x.unit === undefined &&
          x.keys[0] === s.keys[1] &&
          GLUED_TO_LETTERS.test(targetText.slice(Math.max(0, x.start - 2), x.start)),
      );
      if (t) {
        used.add(t);
        matchOf.set(s, t);
      }
    }
  }
  // Numbers: the preferred readings first, then any reading, then readings in the other convention.
  const order = (q: Quantity): number => (q.origin === 'digits' ? 0 : q.origin === 'words' ? 1 : 2);
  const nums = S.filter((q) => q.kind !== 'code').sort((a, b) => order(a) - order(b));
  const foreignMatches: Array<[Quantity, Quantity]> = [];
  // A target code with the letters of a source code ("HKU71" for "HKU1") is that code's, changed: never a number's.
  const reserved = codes.length > 0 ? reservedCodes(codes, T) : NO_QUANTITIES;
  // At each level, targets written as their sources are (words for words) are matched first: a spelled-out target
  // number goes to the source's spelled-out one, so a figure missing is missed as a figure ("three … 3D" → "tres").
  // (counted loops: a for…of steps an iterator, which the engine makes and answers through, per target and level)
  for (let level = 1; level <= 3; level++) {
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < nums.length; i++) {
        const s = nums[i]!;
        const sameOrigin = pass === 0;
        if (matchOf.has(s)) continue;
        // prefer a target of the same origin (digits for digits), then the nearest in relative position
        let best: Quantity | undefined;
        for (let j = 0; j < T.length; j++) {
          const t = T[j]!;
          if (used.has(t) || (sameOrigin && t.origin !== s.origin)) continue;
          if (matchLevel(s, t) !== level || (t.kind === 'code' && reserved.has(t))) continue;
          if (
            !best ||
            (best.kind === 'code' && t.kind !== 'code') ||
            (best.origin !== s.origin && t.origin === s.origin && t.kind !== 'code') ||
            (best.origin === t.origin && best.unit !== s.unit && t.unit === s.unit && t.kind !== 'code')
          )
            best = t;
        }
        if (best) {
          used.add(best);
          matchOf.set(s, best);
          if (level === 3) foreignMatches.push([s, best]);
        }
      }
  }
  for (const [s, t] of foreignMatches) {
    const sourceFormat = s.origin === 'digits' && s.text.replace(/[^\d.,]/gu, '') === t.text.replace(/[^\d.,]/gu, '');
    findings.push({
      message: sourceFormat
        ? `"${t.text}" is written in the source's number format, not ${targetLang}'s`
        : `"${t.text}" is not written in ${targetLang}'s number format`,
      severity: 'warning',
      targetSpan: span(t),
    });
  }
  // Glued codes missing from a target in another script, and where their warning stands.
  const unkept: Array<{ code: Quantity; at: number }> = [];
  // Codes not found verbatim: their digits alone (a code transliterated, "ACE2" → "… 2") are enough in another script.
  for (const s of codes) {
    if (matchOf.has(s)) continue;
    const digitKeys = s.keys.slice(1);
    const letters = (q: Quantity): string => q.keys[0]!.slice(2).replace(/\d+/gu, '#');
    const tailLetters = codeTails(s).map((k) => k.slice(2).replace(/\d+/gu, '#'));
    const sameLetters = (x: Quantity): boolean => letters(x) === letters(s) || tailLetters.includes(letters(x));
    const changed = T.find(
      (x) => !used.has(x) && x.kind === 'code' && (x.keys.slice(1).join() === digitKeys.join() || sameLetters(x)),
    );
    if (changed) {
      used.add(changed);
      // The same letters and digits in another order ("3Q" → "Q3") is a local way of writing it.
      const chars = (q: Quantity): string => [...q.keys[0]!.slice(2)].sort().join('');
      // (the same pattern with its digits moved, "ACE2-B0AT1" → "ACE1-B0AT2", is changed)
      if (chars(changed) === chars(s) && letters(changed) !== letters(s))
        findings.push({
          message: `code "${s.text}" is written "${changed.text}" in the target`,
          severity: 'warning',
          targetSpan: span(changed),
        });
      // In another script a code is often transliterated; only the same letters with other digits is certainly wrong.
      else if (latinTarget || sameLetters(changed))
        findings.push({
          message: `code "${s.text}" is changed in the target: "${changed.text}"`,
          targetSpan: span(changed),
        });
      else
        findings.push({
          message: `code "${s.text}" is not found as such in the target ("${changed.text}")`,
          severity: 'warning',
          targetSpan: span(changed),
        });
      continue;
    }
    // (a number with a unit of its own, "19%", is not the code's)
    const parts = digitKeys.map((k) =>
      T.find(
        (x) => !used.has(x) && x.kind === 'number' && x.unit === undefined && x.magnitude === 1 && x.keys.includes(k),
      ),
    );
    if (digitKeys.length && parts.every((p) => p !== undefined)) {
      for (const p of parts) used.add(p!);
      if (latinTarget)
        findings.push({
          message: `code "${s.text}" is written differently in the target (${parts.map((p) => p!.text).join(', ')})`,
          severity: 'warning',
          targetSpan: span(parts[0]!),
        });
      continue;
    }
    if (!latinTarget && T.some((x) => x.kind === 'code' && x.keys[0] === s.keys[0])) continue;
    // A transliterated code with other digits ("COVID-19" → "كوفيد-18") is changed; none at all may be a translation of it.
    const transliterated = latinTarget
      ? undefined
      : T.find(
          (x) =>
            !used.has(x) &&
            x.kind === 'number' &&
            x.unit === undefined &&
            GLUED_TO_LETTERS.test(targetText.slice(Math.max(0, x.start - 2), x.start)),
        );
    if (transliterated) {
      used.add(transliterated);
      findings.push({
        message: `code "${s.text}" is changed in the target: "${targetText.slice(Math.max(0, transliterated.start - 12), transliterated.end).replace(/^\S*\s/u, '')}"`,
        targetSpan: span(transliterated),
      });
      continue;
    }
    // In another script, a hyphenated code ("COVID-19", "F-35") keeps its digits when transliterated; a glued one ("R0")
    // is often translated into words — unless its letters stand in the target without its digits ("orf8" → "orf").
    const letterParts = s.text
      .replace(/[\d\s‐-]+/gu, ' ')
      .replace(/[^\p{L} ]/gu, '')
      .trim();
    const lostDigits =
      !latinTarget &&
      /\p{L}{2,}/u.test(letterParts) &&
      letterParts.split(' ').every((l) => {
        // (the letters alone in the source too, "ACE2 … ACE", explain them in the target)
        const alone = new RegExp(`(?<![\\p{L}\\d])${l}(?![\\p{L}\\d])`, 'iu');
        return alone.test(targetText) && !alone.test(sourceText);
      });
    if (latinTarget || lostDigits || /[-‐]\d+$/u.test(s.text)) {
      findings.push({
        message: lostDigits
          ? `code "${s.text}" lost its digits in the target`
          : `code "${s.text}" is missing from the target`,
      });
      continue;
    }
    unkept.push({ code: s, at: findings.length });
    findings.push({ message: `code "${s.text}" is missing from the target`, severity: 'warning' });
  }
  // A glued code may have been translated into words; not where the run's other units keep its digits and this unit
  // has it nowhere (a code said twice may be "it" the second time).
  for (const { code, at } of unkept) {
    if (codes.some((c) => c.keys[0] === code.keys[0] && !unkept.some((u) => u.code === c))) continue;
    const others = codesKept?.(code.text, sourceText, targetLang);
    if (others && others.keeping >= MIN_KEEPING_UNITS && others.keeping >= SHARE_KEEPING * others.withCode)
      findings[at] = {
        message: `code "${code.text}" is missing from the target, where ${others.keeping} other units keep its digits`,
      };
  }

  const extra = (): Quantity[] =>
    T.filter((t) => !used.has(t) && t.kind !== 'code' && t.origin !== 'article' && t.origin !== 'ordinal-word');
  const missingErrors: Quantity[] = [];
  for (const s of nums) {
    if (matchOf.has(s)) continue;
    const candidates = extra();
    if (s.bare) {
      // "millions" with no number: compared with the target's own order of magnitude, if it states one
      const other = candidates.find((t) => t.magnitude > 1 && (t.bare || t.origin === 'words') && t.value !== s.value);
      if (other) {
        used.add(other);
        findings.push({
          message: `magnitude changed: "${s.text}" (${magnitudeName(s.magnitude)}) became "${other.text}" (${magnitudeName(other.value)}) in the target`,
          targetSpan: span(other),
        });
      }
      continue;
    }
    // A magnitude word changed: same figure, another magnitude ("1.5 million" → "1,5 mil millones").
    const mag = candidates.find(
      (t) => (t.magnitude > 1 || s.magnitude > 1) && t.magnitude !== s.magnitude && near(t.mantissa, s.mantissa, 1e-9),
    );
    if (mag) {
      used.add(mag);
      findings.push({
        message: `magnitude changed: "${s.text}" (${magnitudeName(s.magnitude)}) became "${mag.text}" (${magnitudeName(mag.magnitude)}) in the target`,
        targetSpan: span(mag),
      });
      continue;
    }
    if (isConvertible(s.unit)) {
      const conv = candidates.find((t) => isConversion(s, t));
      if (conv) {
        used.add(conv);
        findings.push({
          message: `"${s.text}" appears as "${conv.text}" in the target: converted to another unit or currency? Check the conversion`,
          severity: 'warning',
          targetSpan: span(conv),
        });
        continue;
      }
    }
    // Rounding: to a bigger magnitude word ("1,234,567" → "1,2 millones"), or dropping two or more significant digits of a long figure.
    const sourceReadings = readingsOf(s);
    const rounded = candidates.find(
      (t) =>
        (t.origin === 'digits' || t.origin === 'words') &&
        readingsOf(t).some((v) =>
          sourceReadings.some(
            (sv) =>
              isRounding(sv, v) &&
              (t.magnitude > s.magnitude || (sigDigits(sv) >= 4 && sigDigits(sv) - sigDigits(v) >= 2)),
          ),
        ),
    );
    // (a year is never rounded: "2009" → "2000" is another year)
    if (rounded && required(s) && !isYear(s)) {
      used.add(rounded);
      findings.push({
        message: `"${s.text}" appears rounded as "${rounded.text}" in the target`,
        severity: 'warning',
        targetSpan: span(rounded),
      });
      continue;
    }
    // A range shares its magnitude word ("9 to 15 billion" → "entre 9.000 y 15.000 millones"): 9 is 9 billion.
    const rangeEnd =
      required(s) && s.magnitude === 1
        ? nums.find((n) => n.start > s.end && n.magnitude > 1 && RANGE_LINK.test(sourceText.slice(s.end, n.start)))
        : undefined;
    const shared = (t: Quantity): number =>
      t.magnitude === 1
        ? (T.find((n) => n.start > t.end && n.magnitude > 1 && RANGE_LINK.test(targetText.slice(t.end, n.start)))
            ?.magnitude ?? 1)
        : 1;
    const ranged =
      rangeEnd &&
      candidates.find((t) => readingsOf(t).some((v) => near(v * shared(t), s.value * rangeEnd.magnitude, 1e-9)));
    if (ranged) {
      used.add(ranged);
      continue;
    }
    // Fifty years as half a century ("medio siglo", "un demi-siècle", "ein halbes Jahrhundert", "نصف قرن").
    if (required(s) && s.value === 50 && s.unit === 'year' && HALF_CENTURY.test(targetText)) continue;
    // An article right before the same unit stands for a source "1" ("a 1-metre pipe" → "un tubo de un metro", "1 year" → "ein Jahr").
    if (
      required(s) &&
      s.value === 1 &&
      s.unit !== undefined &&
      [...targetText.matchAll(ARTICLE_BEFORE_WORD)].some((m) => unitClass(m[1]!) === s.unit)
    )
      continue;
    const dateReported = reportedDates.some(
      (d) => d.day === s.value && s.start >= d.start - 16 && s.start <= d.end + 16,
    );
    if (required(s) && !dateReported) missingErrors.push(s);
    else if (s.origin === 'words') {
      // A spelled-out number is compared with what the target states instead ("nine" → "siete").
      // "one" is as often a pronoun ("the one that") as a number: it is not compared.
      // Collective counts ("a dozen", "two dozen") are approximate: never compared, their absence a warning.
      // A target "one" is no evidence (Arabic الواحدة/أحد, "one of"), nor is an Arabic "two" (the dual ending says it).
      const approximate = isApproximateCount(s.text);
      const comparable = !approximate && s.value !== 1 && !(s.value === 2 && targetLang.startsWith('ar'));
      const other = comparable
        ? candidates.find(
            (t) =>
              (t.origin === 'words' || t.origin === 'digits') &&
              t.kind === 'number' &&
              t.magnitude === s.magnitude &&
              !t.ordinal &&
              t.unit === s.unit &&
              t.value !== 1 &&
              !isApproximateCount(t.text),
          )
        : undefined;
      if (other && other.value === s.value) used.add(other);
      else if (other) {
        used.add(other);
        findings.push({
          message: `"${s.text}" (${s.value}) became "${other.text}" (${other.value}) in the target`,
          targetSpan: span(other),
        });
      } else if (s.value >= 2 && s.magnitude === 1 && !/^(?:100|1000)$/u.test(String(s.value))) {
        // Small counts are often rendered by other words ("two" → "ambos", "three" → "trío"): a warning; larger ones are values.
        findings.push({
          message: `number(s) missing from the target: ${s.text} (${s.value})`,
          ...(s.value < 5 || approximate ? { severity: 'warning' as const } : {}),
        });
      }
    } else if (s.origin === 'roman')
      findings.push({ message: `Roman numeral "${s.text}" (${s.value}) is not in the target`, severity: 'warning' });
  }
  if (missingErrors.length)
    findings.push({ message: `number(s) missing from the target: ${missingErrors.map(label).join(', ')}` });
  for (const t of extra()) {
    if (t.origin !== 'digits') continue;
    findings.push({ message: `number not in the source: ${label(t)}`, severity: 'warning', targetSpan: span(t) });
  }
  const swapped = swaps(S, matchOf, sourceText, targetText, sourceLang, targetLang);
  findings.push(...swapped);
  // Codes whose numbers traded places: their numbers are all there, only the word each is bound to tells.
  if (swapped.length === 0)
    for (const r of rebound(sourceText, targetText))
      findings.push({
        message: `numbers swapped: "${r.source.text}" became "${r.target.text}" in the target`,
        targetSpan: { start: r.target.start, end: r.target.end },
      });
  return findings;
}

/**
 * Two values that traded places between their units or nouns ("3 dead, 10 injured" → "10 muertos,
 * 3 heridos"): each matched value carries a unit class on both sides (%, currencies, years, dead…);
 * a value whose class changed into the class another value left is a swap.
 */
function swaps(
  S: readonly Quantity[],
  matchOf: ReadonlyMap<Quantity, Quantity>,
  sourceText: string,
  targetText: string,
  sourceLang: string,
  targetLang: string,
): Finding[] {
  // (two values at least, or nothing can have traded places: most texts stop here)
  if (S.length < 2) return [];
  const pairs = S.filter(
    (s) => s.kind === 'number' && s.origin === 'digits' && matchOf.has(s) && matchOf.get(s)!.origin === 'digits',
  ).map((s) => [s, matchOf.get(s)!] as const);
  const out: Finding[] = [];
  const reported = new Set<Quantity>();
  // Numbers still bound to their code word ("Apollo-11 and Soyuz-19" → "Soyuz-19 und Apollo-11") moved with it.
  let kept: Set<string> | undefined;
  const keptWithWords = (q: Quantity): boolean => (kept ??= keptBindings(sourceText, targetText)).has(q.text);
  const report = (s1: Quantity, s2: Quantity, t1: Quantity): void => {
    reported.add(s1).add(s2);
    out.push({
      message: `numbers swapped: "${s1.text}" and "${s2.text}" traded places in the target`,
      targetSpan: span(t1),
    });
  };
  // (counted loops, each pair read by index: a for…of and a destructuring each step an iterator, per pair of pairs)
  for (let i = 0; i < pairs.length; i++) {
    const s1 = pairs[i]![0];
    const t1 = pairs[i]![1];
    if (reported.has(s1)) continue;
    for (let j = 0; j < pairs.length; j++) {
      const s2 = pairs[j]![0];
      const t2 = pairs[j]![1];
      if (s2 === s1 || reported.has(s2) || s2.value === s1.value || reported.has(s1)) continue;
      // A range given the other way round ("between 9 and 13" → "entre 13 y 9"): the same two ends, side by side
      // with only "to", "and", "-" between them on both sides, in the other order. (What follows a range, "años",
      // belongs to both ends, so their units are not compared.)
      if (s1.end <= s2.start && t2.end <= t1.start && rangeOf(s1, s2, sourceText) && rangeOf(t2, t1, targetText))
        report(s1, s2, t2);
      // A date's day and year traded round its month ("24 January 2020" → "2020 يناير 24") where the target
      // language writes the day before the year.
      else if (dayAndYearTraded(s1, s2, t1, t2, sourceText, targetText, sourceLang, targetLang)) report(s1, s2, t2);
      // The unit or noun that went with the first value in the source now goes with the second one.
      else if (s1.unit !== undefined && t1.unit !== s1.unit && t2.unit === s1.unit && s2.unit !== s1.unit)
        report(s1, s2, t1);
      // A year now counted ("more than 150 amendments … in the 1990s" → "más de 1990 enmiendas … de 150"): the
      // source's year stands after "more than", "about", "at least" in the target, where the source's count stood.
      else if (
        yearLike(s2) &&
        !yearLike(s1) &&
        countCue(sourceText, s1.start, sourceLang) &&
        !countCue(sourceText, s2.start, sourceLang) &&
        countCue(targetText, t2.start, targetLang) &&
        !countCue(targetText, t1.start, targetLang)
      )
        report(s1, s2, t2);
      // Two numbers of the same sort (same unit and magnitude word) whose order is reversed in the target. A
      // magnitude counts with a unit only: a bare "460 million … 320 million" is often a whole clause moved.
      // A year and a count reordered is a swap only when the year left its place: a year still after a month or
      // a year word ("im Jahre 1981", "مارس 2020", "en el año 2011") is the clause moved, not the value.
      else if (
        sameSort(s1, s2) &&
        sameSortInTarget(s1, t1, t2) &&
        (s1.magnitude === 1 || s1.unit !== undefined) &&
        s1.start < s2.start &&
        t1.start > t2.start &&
        !(keptWithWords(s1) && keptWithWords(s2)) &&
        !yearInPlace(s1, t1, s2, t2, targetText, targetLang)
      )
        report(s1, s2, t1);
    }
  }
  // Codes of one pattern in the other order ("CD4+ T cells help, CD8+ T cells kill" → "CD8+ … CD4+"): their
  // digits traded places between the same letters.
  const codes = S.filter((s) => s.kind === 'code' && matchOf.get(s)?.kind === 'code');
  for (const c1 of codes)
    for (const c2 of codes) {
      if (c1.start >= c2.start || reported.has(c1) || reported.has(c2) || c1.keys[0] === c2.keys[0]) continue;
      if (codePattern(c1) === codePattern(c2) && matchOf.get(c1)!.start > matchOf.get(c2)!.start)
        report(c1, c2, matchOf.get(c2)!);
    }
  return out;
}

const codePattern = (q: Quantity): string => q.keys[0]!.slice(2).replace(/\d+/gu, '#');

/** Words before a count that no year follows: "more than", "about", "at least" (per language; none: no reading). */
const COUNT_CUES: Readonly<Record<string, RegExp>> = {
  en: /(?:^|[^\p{L}])(?:more than|over|fewer than|less than|at least|nearly|almost|about|around)\s*$/iu,
  es: /(?:^|[^\p{L}])(?:más de|menos de|al menos|por lo menos|casi|cerca de|unos|unas|alrededor de)\s*$/iu,
  fr: /(?:^|[^\p{L}])(?:plus de|moins de|au moins|près de|presque|environ|quelque)\s*$/iu,
  de: /(?:^|[^\p{L}])(?:mehr als|weniger als|mindestens|fast|knapp|rund|etwa|ungefähr)\s*$/iu,
  ar: /(?:أكثر من|أقل من|حوالي|حوالى|نحو|قرابة|ما يقرب من|ما لا يقل عن)\s*$/u,
};
const countCue = (text: string, at: number, lang: string): boolean =>
  COUNT_CUES[primarySubtag(lang)]?.test(text.slice(Math.max(0, at - 20), at)) ?? false;

/** Two numbers joined only by a range word or dash ("9 to 13", "9 y 13", "1996 bis 2002", "9-13"). */
const rangeOf = (a: Quantity, b: Quantity, text: string): boolean =>
  a.end <= b.start && b.start - a.end <= 8 && RANGE_LINK.test(text.slice(a.end, b.start));

/** Whether the target language writes a date's day before its year (CLDR's long date pattern). */
const dayFirst = new Map<string, boolean>();
function writesDayBeforeYear(lang: string): boolean {
  let v = dayFirst.get(lang);
  if (v === undefined) {
    const parts = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' }).formatToParts(
      new Date(Date.UTC(2020, 0, 24)),
    );
    v = parts.findIndex((p) => p.type === 'day') < parts.findIndex((p) => p.type === 'year');
    dayFirst.set(lang, v);
  }
  return v;
}

/** A month name alone between two numbers. */
const monthBetween = (text: string, a: Quantity, b: Quantity, lang: string): boolean => {
  if (a.end > b.start || b.start - a.end > 24) return false;
  // (read with the numbers beside it: "March" and "May" are months only next to a number)
  const words = findCalendarWords(text.slice(a.start, b.end), primarySubtag(lang));
  const month = words.length === 1 && words[0]!.kind === 'month' ? words[0]! : undefined;
  return month !== undefined && b.start - a.end - month.text.length <= 3;
};

function dayAndYearTraded(
  s1: Quantity,
  s2: Quantity,
  t1: Quantity,
  t2: Quantity,
  sourceText: string,
  targetText: string,
  sourceLang: string,
  targetLang: string,
): boolean {
  return (
    s1.value >= 1 &&
    s1.value <= 31 &&
    isYear(s2) &&
    monthBetween(sourceText, s1, s2, sourceLang) &&
    monthBetween(targetText, t2, t1, targetLang) &&
    writesDayBeforeYear(targetLang)
  );
}

/** A year, or the decade of one ("1990s"). */
const yearLike = (q: Quantity): boolean => isYear(q) || (Boolean(q.decade) && q.value >= 1000 && q.value <= 2100);

const isYear = (q: Quantity): boolean =>
  q.origin === 'digits' && /^\d{4}$/u.test(q.text) && q.value >= 1000 && q.value <= 2100;
const YEAR_CUE = /(?:^|[^\p{L}])(?:year|años?|ann[ée]es?|jahr|jahre|jahres|عام|العام|سنة)\s*$/iu;

function yearInPlace(
  s1: Quantity,
  t1: Quantity,
  s2: Quantity,
  t2: Quantity,
  targetText: string,
  targetLang: string,
): boolean {
  if (isYear(s1) === isYear(s2)) return false;
  const t = isYear(s1) ? t1 : t2;
  const before = targetText.slice(Math.max(0, t.start - 16), t.start);
  if (YEAR_CUE.test(before)) return true;
  if (
    findCalendarWords(before, primarySubtag(targetLang)).some((c) => c.kind === 'month' && c.end >= before.length - 5)
  )
    return true;
  // A language that writes the year first ("2015. március 3."): a year right before its month is in place too. (Its
  // date pattern is asked last: the first question makes the engine load the language's calendar data.)
  const after = targetText.slice(t.end, t.end + 16);
  return (
    findCalendarWords(after, primarySubtag(targetLang)).some((c) => c.kind === 'month' && c.start <= 3) &&
    !writesDayBeforeYear(targetLang)
  );
}

const NO_QUANTITIES: ReadonlySet<Quantity> = new Set();

/** Target codes with the letters of a source code ("HKU71" for "HKU1"): that code's, changed, never a number's. */
function reservedCodes(codes: readonly Quantity[], T: readonly Quantity[]): ReadonlySet<Quantity> {
  const codeLetters = new Set(
    codes.flatMap((c) => [c.keys[0]!, ...codeTails(c)].map((k) => k.slice(2).replace(/\d+/gu, '#'))),
  );
  return new Set(T.filter((t) => t.kind === 'code' && codeLetters.has(t.keys[0]!.slice(2).replace(/\d+/gu, '#'))));
}

/** The keys of a hyphenated code's last parts ("HCoV-HKU1" → HKU1): a translation may keep only those. */
function codeTails(q: Quantity): string[] {
  const parts = q.text.toUpperCase().split(/[-‐]/u);
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const tail = parts
      .slice(i)
      .join('')
      .replace(/[^\p{L}\d]/gu, '');
    if (/\p{L}/u.test(tail) && /\d/u.test(tail)) out.push(`c:${tail}`);
  }
  return out;
}

/** The same sort across languages: an ordinal is written "24th" in one and "24." in another. */
const sameSortAcross = (a: Quantity, b: Quantity): boolean =>
  a.unit === b.unit && a.magnitude === b.magnitude && !a.decade && !b.decade;

/**
 * Whether the target's two values are of the source's sort. Where the source names no unit the target may name
 * one for each value, the same or two others ("6000 adults aged 40" → "6000 شخص … 40 عامًا"), never one only.
 */
function sameSortInTarget(s: Quantity, t1: Quantity, t2: Quantity): boolean {
  if (s.unit !== undefined) return sameSortAcross(s, t2) && sameSort(t1, t2);
  const bare = (t: Quantity): Quantity => quantity({ ...t, unit: undefined });
  return (
    sameSortAcross(s, bare(t2)) && sameSort(bare(t1), bare(t2)) && (t1.unit === undefined) === (t2.unit === undefined)
  );
}

const sameSort = (a: Quantity, b: Quantity): boolean =>
  a.unit === b.unit &&
  a.magnitude === b.magnitude &&
  !a.decade &&
  !b.decade &&
  Boolean(a.ordinal) === Boolean(b.ordinal);

const count = (list: readonly CalendarWord[], kind: string, value: number): number =>
  list.filter((c) => c.kind === kind && c.value === value).length;

/** Months and weekdays, wherever they appear: each one the source names must be in the target. */
/** One side of a pair as the calendar comparisons read it. */
interface CalendarSide {
  readonly text: string;
  readonly lang: string;
  readonly calendar: readonly CalendarWord[];
}

function compareCalendar(sourceSide: CalendarSide, targetSide: CalendarSide): Finding[] {
  const { text: source, lang: sourceLang, calendar: s } = sourceSide;
  if (s.length === 0) return [];
  const { text: target, calendar: t } = targetSide;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const c of s) {
    const key = `${c.kind}:${c.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const need = count(s, c.kind, c.value);
    if (count(t, c.kind, c.value) >= need) continue;
    // "Sunday night" is "la nuit de dimanche à lundi", "in der Nacht zu Montag": the next day is the same night.
    const night = c.kind === 'weekday' && /^\W*(?:night|nights|overnight)\b/iu.test(source.slice(c.end, c.end + 12));
    if (night && count(t, c.kind, (c.value + 1) % 7) > 0) continue;
    // …and the night that ends on it may be named by the day before ("Monday night" → "la noche del domingo"): ambiguous, a warning.
    if (night && count(t, c.kind, (c.value + 6) % 7) > 0) {
      findings.push({
        message: `${c.kind} ${calendarName(c.kind, c.value, sourceLang)} night is named by the day before in the target: check which night is meant`,
        severity: 'warning',
      });
      continue;
    }
    const name = calendarName(c.kind, c.value, sourceLang);
    const inSourceLanguage = findCalendarWords(target, primarySubtag(sourceLang));
    if (count(t, c.kind, c.value) + count(inSourceLanguage, c.kind, c.value) >= need) {
      findings.push({
        message: `${c.kind} ${name} is written in the source language in the target`,
        severity: 'warning',
      });
      continue;
    }
    const others = t.filter((x) => x.kind === c.kind && count(s, x.kind, x.value) < count(t, x.kind, x.value));
    if (others.length)
      findings.push({
        message: `${c.kind} ${name} names another ${c.kind} in the target ("${others.map((o) => o.text.replace(/\.$/u, '')).join('", "')}")`,
      });
    // A weekday left out is often style ("on Tuesday" → "this week"); a month left out loses the date.
    else
      findings.push({
        message: `${c.kind} ${name} is missing from the target`,
        ...(c.kind === 'weekday' ? { severity: 'warning' as const } : {}),
      });
  }
  return findings;
}

/**
 * The day next to each month: "13 November" → "14 de noviembre" names another date. A target that
 * writes the month without a day, or the source's day anywhere beside it (ranges), is not compared.
 */
function compareDays(
  sourceSide: CalendarSide,
  targetSide: CalendarSide,
): Array<{ date: DayOfMonth; finding: Finding }> {
  const inSource = daysOfMonth(sourceSide.text, sourceSide.calendar);
  if (inSource.length === 0) return [];
  const target = targetSide.text;
  const inTarget = daysOfMonth(target, targetSide.calendar);
  const findings: Array<{ date: DayOfMonth; finding: Finding }> = [];
  const targetMonths = targetSide.calendar.filter((c) => c.kind === 'month');
  for (const s of inSource) {
    const sameMonth = inTarget.filter((t) => t.month === s.month);
    // The month kept and no number beside it: the day is lost ("3 March 2020" → "مارس 2020").
    const bare = targetMonths.filter((c) => c.value === s.month);
    if (sameMonth.length === 0 && bare.length > 0 && !bare.some((c) => dayNear(target, c.start, c.end, s.day))) {
      findings.push({
        date: s,
        finding: {
          message: `date "${s.text}" lost its day in the target`,
          targetSpan: { start: bare[0]!.start, end: bare[0]!.end },
        },
      });
      continue;
    }
    if (sameMonth.length === 0 || sameMonth.some((t) => t.day === s.day)) continue;
    if (sameMonth.some((t) => dayNear(target, t.start, t.end, s.day))) continue;
    const changed = sameMonth.filter((t) => !dayNear(sourceSide.text, s.start, s.end, t.day));
    if (changed.length === 0) continue;
    findings.push({
      date: s,
      finding: {
        message: `date "${s.text}" became "${changed[0]!.text}" in the target: another day`,
        targetSpan: { start: changed[0]!.start, end: changed[0]!.end },
      },
    });
  }
  return findings;
}
