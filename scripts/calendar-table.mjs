// Writes src/locale/calendar-table.ts: the month and weekday names Intl gives (locale/months.ts, intlCalendarNames) for
// the common languages, so a check run needs no Intl date format to read months and weekdays (eight per language,
// ≈ 15 ms each language). Run after `tsc` (it reads dist/), then prettier, when Node's ICU changes;
// tests/calendar-table.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { intlCalendarNames } from '../dist/locale/months.js';

const LOCALES = ['ar', 'de', 'el', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'ru', 'tr', 'uk', 'zh'];

const rows = LOCALES.map((locale) => `  ${locale}: ${JSON.stringify(intlCalendarNames(locale))},`);
writeFileSync(
  'src/locale/calendar-table.ts',
  `// Written by scripts/calendar-table.mjs from Node ${process.versions.node}'s ICU ${process.versions.icu}` +
    ` (CLDR ${process.versions.cldr}): do not edit.\n\n` +
    `/** Month and weekday names of each locale as Intl gives them, in the order of locale/months.ts` +
    ` (intlCalendarNames). */\n` +
    `export const CALENDAR_TABLE: Readonly<Record<string, readonly string[]>> = {\n${rows.join('\n')}\n};\n`,
);
