// Writes src/locale/month-table.ts: the month names Intl gives (locale/dates.ts, intlMonthNames) for the common
// source languages, so a run reading a dateline needs no Intl date format (≈ 11 ms at a process's first). Run after
// `tsc` (it reads dist/), then prettier, when Node's ICU changes; tests/dates-table.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { intlMonthNames } from '../dist/locale/dates.js';

const LOCALES = ['ar', 'de', 'el', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'ru', 'tr', 'uk', 'zh'];

const rows = LOCALES.map((locale) => {
  const months = Array.from({ length: 12 }, () => []);
  for (const [key, month] of intlMonthNames(locale)) months[month - 1].push(key);
  return `  ${locale}: ${JSON.stringify(months.map((keys) => keys.join('|')))},`;
});
writeFileSync(
  'src/locale/month-table.ts',
  `// Written by scripts/month-table.mjs from Node ${process.versions.node}'s ICU ${process.versions.icu}` +
    ` (CLDR ${process.versions.cldr}): do not edit.\n\n` +
    `/** Month names of each locale, lower-cased, by month (January first), "|" between the forms. */\n` +
    `export const MONTH_TABLE: Readonly<Record<string, readonly string[]>> = {\n${rows.join('\n')}\n};\n`,
);
