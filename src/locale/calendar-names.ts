/**
 * The month and weekday names of a language, as Intl (CLDR) gives them: written out for the common languages by
 * scripts/calendar-table.mjs (src/locale/calendar-table.ts), read from Intl for any other. Both readers of
 * calendar words take them from here: the dateline reader (locale/dates.ts), loaded by every extract, and the
 * month and weekday finder of the numbers check (locale/months.ts). The first Intl date format of a process
 * costs ≈ 11 ms, and the eight a language needs ≈ 15 ms, much of a small run.
 */
import { CALENDAR_TABLE } from './calendar-table.js';

const STYLES = ['long', 'short'] as const;

/**
 * The names Intl gives for a language, in this order: for the long style, then the short one, each month
 * (January first) alone and inside a date, then each weekday (Sunday first) alone and inside a date.
 */
export function intlCalendarNames(lang: string): string[] {
  const locale = lang === 'ar' ? 'ar-EG' : lang;
  const names: string[] = [];
  for (const style of STYLES) {
    const alone = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
    const inDate = new Intl.DateTimeFormat(locale, { month: style, day: 'numeric', timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) {
      const date = Date.UTC(2001, m - 1, 15);
      names.push(alone.format(date), inDate.formatToParts(date).find((p) => p.type === 'month')?.value ?? '');
    }
    const day = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
    const dayInDate = new Intl.DateTimeFormat(locale, {
      weekday: style,
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    for (let d = 0; d < 7; d++) {
      const date = Date.UTC(2001, 0, 7 + d); // 7 January 2001 was a Sunday
      names.push(day.format(date), dayInDate.formatToParts(date).find((p) => p.type === 'weekday')?.value ?? '');
    }
  }
  return names;
}

export interface CalendarName {
  /** As Intl writes it; '' where Intl's date has no such part. */
  readonly name: string;
  readonly kind: 'month' | 'weekday';
  /** 1..12 for months; 0 (Sunday)..6 for weekdays. */
  readonly value: number;
  readonly short: boolean;
}

/** The month and weekday names of a language (the written-out table's, else Intl's), in intlCalendarNames' order. */
export function calendarNames(lang: string): CalendarName[] {
  const names = Object.hasOwn(CALENDAR_TABLE, lang) ? CALENDAR_TABLE[lang]! : intlCalendarNames(lang);
  const out: CalendarName[] = [];
  let k = 0;
  for (const style of STYLES) {
    const short = style === 'short';
    for (let m = 1; m <= 12; m++) {
      out.push({ name: names[k++]!, kind: 'month', value: m, short });
      out.push({ name: names[k++]!, kind: 'month', value: m, short });
    }
    for (let d = 0; d < 7; d++) {
      out.push({ name: names[k++]!, kind: 'weekday', value: d, short });
      out.push({ name: names[k++]!, kind: 'weekday', value: d, short });
    }
  }
  return out;
}
