import type { CalendarWord } from './months.js';
import { toLatinDigits } from './numbers.js';

/** A day of the month written next to a month name: "13 November", "November 13th", "13 de noviembre", "13. November". */
export interface DayOfMonth {
  readonly month: number;
  readonly day: number;
  /** The words as written, for messages ("November 13th"). */
  readonly text: string;
  /** Where the month name is. */
  readonly start: number;
  readonly end: number;
}

// A day before the month: the number, an ordinal mark, then at most a linking word ("de", "del", "du") or
// an Arabic proclitic; never part of a longer number ("2020 January" is a year, "1,5 March" no day).
const DAY_BEFORE =
  /(?<![\d.,:/-])(\d{1,2})(?:\.|º|ª|°|er|e|st|nd|rd|th)?(?:\s+(?:de|del|of|du|de la|di|do|da))?[\s\u00A0]*[وب]?$/iu;
// A day after the month: "November 13", "November 13th", "noviembre 13"; not the start of a year, a time or a decimal.
const DAY_AFTER = /^[\s\u00A0]+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?![\d.,:/]\d|\d)/iu;

/**
 * The dates of a text that name both a day and a month, given its month and weekday words (findCalendarWords).
 * A month with a number on each side ("on 3 May 12 people…") is ambiguous and left out, as is a number
 * that cannot be a day.
 */
export function daysOfMonth(text: string, calendar: readonly CalendarWord[]): DayOfMonth[] {
  const months = calendar.filter((c) => c.kind === 'month');
  if (months.length === 0) return [];
  const ascii = toLatinDigits(text);
  const out: DayOfMonth[] = [];
  for (const m of months) {
    const before = DAY_BEFORE.exec(ascii.slice(Math.max(0, m.start - 16), m.start));
    const after = DAY_AFTER.exec(ascii.slice(m.end, m.end + 16));
    if (before && after) continue;
    const found = before ?? after;
    if (!found) continue;
    const day = Number(found[1]);
    if (day < 1 || day > 31) continue;
    const written = before
      ? text.slice(m.start - before[0].length, m.end)
      : text.slice(m.start, m.end + after![0].length);
    out.push({ month: m.value, day, text: written.trim(), start: m.start, end: m.end });
  }
  return out;
}

/** Whether the number `day` is written within a few words of the month at `start..end` (a range: "9-13 November"). */
export function dayNear(text: string, start: number, end: number, day: number): boolean {
  const window = toLatinDigits(text.slice(Math.max(0, start - 24), end + 24));
  // A standalone number: not a time ("13:00"), a decimal or part of a longer number.
  return new RegExp(`(?<![\\d:.,])0?${day}(?!\\d|[:.,]\\d)`, 'u').test(window);
}
