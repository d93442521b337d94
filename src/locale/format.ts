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

/**
 * Formats a wall-clock date for a locale with @formatjs/intl: long date, short time.
 * Dates carry no zone, so they are formatted in UTC to keep the wall-clock time.
 */
export function formatDateTime(date: ParsedDate, locale: string): string {
  const intl = intlFor(locale);
  const value = Date.parse(date.hasTime ? `${date.iso}:00Z` : `${date.iso}T00:00:00Z`);
  return date.hasTime
    ? intl.formatDate(value, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })
    : intl.formatDate(value, { dateStyle: 'long', timeZone: 'UTC' });
}

export function formatNumber(value: number, locale: string): string {
  return intlFor(locale).formatNumber(value);
}
