// Writes src/locale/calendar-table.ts: the month and weekday names Intl gives (locale/calendar-names.ts,
// intlCalendarNames) for the common languages, so neither a dateline nor a check run needs an Intl date format for
// them (the first costs a process ≈ 11 ms, the eight a language needs ≈ 15 ms). Run after `tsc` (it reads dist/), then
// prettier, when Node's ICU changes; tests/calendar-table.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { intlCalendarNames } from '../dist/locale/calendar-names.js';

const LOCALES = ['ar', 'de', 'el', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'ru', 'tr', 'uk', 'zh'];

const rows = LOCALES.map((locale) => `  ${locale}: ${JSON.stringify(intlCalendarNames(locale))},`);
writeFileSync(
  'src/locale/calendar-table.ts',
  `// Written by scripts/calendar-table.mjs from Node ${process.versions.node}'s ICU ${process.versions.icu}` +
    ` (CLDR ${process.versions.cldr}): do not edit.\n\n` +
    `/** Month and weekday names of each locale as Intl gives them, in the order of intlCalendarNames` +
    ` (calendar-names.ts). */\n` +
    `export const CALENDAR_TABLE: Readonly<Record<string, readonly string[]>> = {\n${rows.join('\n')}\n};\n`,
);
