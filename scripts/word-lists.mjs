// Writes the names check's word lists as plain text into dist/data/ once per package version, distinct and sorted:
// a run then looks words up in that text instead of parsing the packages' JSON (see src/qa/names/word-lists.ts).
// And the CLDR index of English names (the default source language), made again by every build: a run then reads it
// instead of asking Intl for some 8,000 names (see src/qa/names/cldr.ts); and the target languages' tables of names.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const { ENGLISH_WORDS, FREQUENT_ENGLISH_WORDS, GERMAN_NOUNS, listFile, sortedListText } =
  await import('../dist/qa/names/word-lists.js');
const { cldrIndexEntries, cldrIndexFile, cldrNamesFile, cldrNamesTable, NAMES_TABLE_LANGUAGES } =
  await import('../dist/qa/names/cldr.js');
for (const list of [ENGLISH_WORDS, FREQUENT_ENGLISH_WORDS, GERMAN_NOUNS]) {
  const file = listFile(list);
  if (existsSync(file)) continue;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, sortedListText(list.fromPackage()));
  renameSync(`${file}.tmp`, file);
}
for (const lang of ['en']) {
  const file = cldrIndexFile(lang);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(cldrIndexEntries(lang)));
  renameSync(`${file}.tmp`, file);
}
// And each target language's CLDR names of regions, languages and currencies (see NamesTable in src/qa/names/cldr.ts):
// a run reads them instead of starting ICU's display names.
for (const lang of NAMES_TABLE_LANGUAGES) {
  const file = cldrNamesFile(lang);
  writeFileSync(`${file}.tmp`, JSON.stringify(cldrNamesTable(lang)));
  renameSync(`${file}.tmp`, file);
}
