import { describe, expect, it, vi } from 'vitest';
import { countDateFormats } from './intl-count.js';
import { intlMonthNames, monthNames } from '../src/locale/dates.js';
import { MONTH_TABLE } from '../src/locale/month-table.js';

const sorted = (names: Map<string, number>): Array<[string, number]> =>
  [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('month names written out for the common source languages', () => {
  it.each(Object.keys(MONTH_TABLE))('%s: the table is what Intl gives', (locale) => {
    expect(sorted(monthNames(locale))).toEqual(sorted(intlMonthNames(locale)));
  });

  it('covers the languages newsrooms write in, each month named', () => {
    for (const locale of ['en', 'es', 'fr', 'de', 'ar', 'ru', 'pt', 'it']) {
      expect(MONTH_TABLE[locale], locale).toHaveLength(12);
      expect(new Set(monthNames(locale).values()).size, locale).toBe(12);
    }
  });

  it('reads a dateline of a tabled language without an Intl date format', async () => {
    vi.resetModules(); // a fresh module: no month names cached by the tests above
    const fresh = await import('../src/locale/dates.js');
    const formats = countDateFormats();
    try {
      const read = fresh.parseDateTime;
      expect(read('December 05, 2023, 2:15 PM', 'en')).toEqual({ iso: '2023-12-05T14:15', hasTime: true });
      expect(read('5 de diciembre de 2023', 'es')).toEqual({ iso: '2023-12-05', hasTime: false });
      expect(read('5. Sept. 2023', 'de')).toEqual({ iso: '2023-09-05', hasTime: false });
      expect(formats.made).toBe(0);
      // Another language is still read, through Intl.
      expect(read('5 januari 2023', 'sv')).toEqual({ iso: '2023-01-05', hasTime: false });
      expect(formats.made).toBeGreaterThan(0);
    } finally {
      formats.restore();
    }
  });
});
