import { describe, expect, it, vi } from 'vitest';
import { countDateFormats } from './intl-count.js';
import { CALENDAR_TABLE } from '../src/locale/calendar-table.js';
import { intlCalendarNames } from '../src/locale/calendar-names.js';
import { monthNames } from '../src/locale/dates.js';

describe('month and weekday names written out for the common languages', () => {
  it.each(Object.keys(CALENDAR_TABLE))('%s: the table is what Intl gives', (locale) => {
    expect(CALENDAR_TABLE[locale]).toEqual(intlCalendarNames(locale));
  });

  it('covers the languages newsrooms write in, each month named', () => {
    for (const locale of ['en', 'es', 'fr', 'de', 'ar', 'ru', 'pt', 'it']) {
      expect(CALENDAR_TABLE[locale], locale).toHaveLength(2 * (12 * 2 + 7 * 2));
      expect(new Set(monthNames(locale).values()).size, locale).toBe(12);
    }
  });

  it('reads months and weekdays of a tabled language without an Intl date format', async () => {
    vi.resetModules(); // a fresh module: no tables made by the tests above
    const fresh = await import('../src/locale/months.js');
    const formats = countDateFormats();
    try {
      const words = (text: string, lang: string): string[] =>
        fresh.findCalendarWords(text, lang).map((w) => `${w.kind} ${w.value}`);
      expect(words('On Tuesday, 5 March, in May', 'en')).toEqual(['weekday 2', 'month 3', 'month 5']);
      expect(words('El martes 5 de marzo', 'es')).toEqual(['weekday 2', 'month 3']);
      expect(words('Am Dienstagabend, im Jänner', 'de')).toEqual(['weekday 2', 'month 1']);
      expect(words('في نيسان وفي 5 مارس', 'ar')).toEqual(['month 4', 'month 3']);
      expect(formats.made).toBe(0);
      // Another language is still read, through Intl.
      expect(words('tisdag den 5 mars', 'sv')).toEqual(['weekday 2', 'month 3']);
      expect(formats.made).toBeGreaterThan(0);
    } finally {
      formats.restore();
    }
  });

  it('names a month or weekday as Intl does, without an Intl date format for a tabled language', async () => {
    vi.resetModules();
    const fresh = await import('../src/locale/months.js');
    const intl = (kind: 'month' | 'weekday', value: number, lang: string): string =>
      new Intl.DateTimeFormat(
        lang,
        kind === 'month' ? { month: 'long', timeZone: 'UTC' } : { weekday: 'long', timeZone: 'UTC' },
      ).format(kind === 'month' ? Date.UTC(2001, value - 1, 15) : Date.UTC(2001, 0, 7 + value));
    const all = (lang: string): Array<[string, string]> =>
      [
        ...Array.from({ length: 12 }, (_, m) => [fresh.calendarName('month', m + 1, lang), intl('month', m + 1, lang)]),
        ...Array.from({ length: 7 }, (_, d) => [fresh.calendarName('weekday', d, lang), intl('weekday', d, lang)]),
      ] as Array<[string, string]>;
    const formats = countDateFormats();
    let named: Array<[string, string]>;
    try {
      named = Object.keys(CALENDAR_TABLE).flatMap((lang) =>
        Array.from({ length: 19 }, (_, k) => k).map((k) => {
          const kind = k < 12 ? 'month' : 'weekday';
          return [lang, fresh.calendarName(kind, k < 12 ? k + 1 : k - 12, lang)] as [string, string];
        }),
      );
      expect(formats.made).toBe(0);
    } finally {
      formats.restore();
    }
    for (const lang of Object.keys(CALENDAR_TABLE))
      expect(
        named.filter(([l]) => l === lang).map(([, n]) => n),
        lang,
      ).toEqual(all(lang).map(([, i]) => i));
    // Another language (or a regional tag) through Intl.
    for (const lang of ['sv', 'pt-BR', 'sw']) for (const [mine, theirs] of all(lang)) expect(mine, lang).toBe(theirs);
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
