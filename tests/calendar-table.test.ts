import { describe, expect, it, vi } from 'vitest';
import { countDateFormats } from './intl-count.js';
import { CALENDAR_TABLE } from '../src/locale/calendar-table.js';
import { intlCalendarNames } from '../src/locale/months.js';

describe('month and weekday names written out for the common languages', () => {
  it.each(Object.keys(CALENDAR_TABLE))('%s: the table is what Intl gives', (locale) => {
    expect(CALENDAR_TABLE[locale]).toEqual(intlCalendarNames(locale));
  });

  it('reads months and weekdays of a tabled language without an Intl date format', async () => {
    vi.resetModules(); // a fresh module: no tables made by the test above
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
});
