import { createIntl, createIntlCache } from '@formatjs/intl';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../src/locale/format.js';

// What @formatjs/intl gives for the same date and locale: formatDateTime keeps its own Intl format per locale.
function formatjs(iso: string, hasTime: boolean, locale: string): string {
  const intl = createIntl({ locale, defaultLocale: 'en', onError: () => undefined }, createIntlCache());
  const value = Date.parse(hasTime ? `${iso}:00Z` : `${iso}T00:00:00Z`);
  return hasTime
    ? intl.formatDate(value, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })
    : intl.formatDate(value, { dateStyle: 'long', timeZone: 'UTC' });
}

describe('dates written for a locale', () => {
  it.each(['en', 'es', 'fr', 'de', 'ar', 'ja', 'ru', 'fa', 'th', 'en-XA', 'es-x-mt', 'xx', 'de-u-ca-islamic'])(
    '%s: as @formatjs/intl writes them, a date that is none included',
    (locale) => {
      for (const [iso, hasTime] of [
        ['2023-12-05T14:15', true],
        ['2023-12-05', false],
        ['1999-01-31T00:00', true],
        ['2023-13-45', false],
      ] as const)
        expect(formatDateTime({ iso, hasTime }, locale), `${iso} ${locale}`).toBe(formatjs(iso, hasTime, locale));
    },
  );
});
