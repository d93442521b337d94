import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { ParsedDate } from './dates.js';

const cache = createIntlCache();
const intls = new Map<string, IntlShape>();

function intlFor(locale: string): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl({ locale, defaultLocale: 'en', onError: () => undefined }, cache);
    intls.set(locale, intl);
  }
  return intl;
}

const WITH_TIME = { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } as const;
const DATE_ONLY = { dateStyle: 'long', timeZone: 'UTC' } as const;
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

/** The Intl format @formatjs/intl makes for these options, kept per locale: its own memory keys each call by JSON. */
function dateFormat(locale: string, hasTime: boolean): Intl.DateTimeFormat | null {
  const key = `${hasTime ? 't' : 'd'} ${locale}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(locale, hasTime ? WITH_TIME : DATE_ONLY);
    } catch {
      format = null; // what Intl refuses, @formatjs/intl answers
    }
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Formats a wall-clock date for a locale as @formatjs/intl does: long date, short time.
 * Dates carry no zone, so they are formatted in UTC to keep the wall-clock time.
 */
export function formatDateTime(date: ParsedDate, locale: string): string {
  const value = Date.parse(date.hasTime ? `${date.iso}:00Z` : `${date.iso}T00:00:00Z`);
  const format = dateFormat(locale, date.hasTime);
  if (format && !Number.isNaN(value)) return format.format(value);
  // @formatjs/intl only for what Intl refuses (its set-up is ≈ 8 ms of a build's first date otherwise; where it throws
  // on a locale, Intl does too, so the error is the same).
  return intlFor(locale).formatDate(value, date.hasTime ? WITH_TIME : DATE_ONLY);
}

export function formatNumber(value: number, locale: string): string {
  return intlFor(locale).formatNumber(value);
}
