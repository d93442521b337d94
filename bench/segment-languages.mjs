#!/usr/bin/env node
// Scores sentence segmentation per language on the labelled sets in tests/fixtures/segment/<lang>.json:
// locflow (the built dist/, as `locflow segment --lang xx` cuts), Intl.Segmenter (ICU) and sentencex.
// A case passes when the sentences, with white space removed, equal the expected list.
//   node bench/segment-languages.mjs [--verbose]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');
const dir = join(root, 'tests', 'fixtures', 'segment');
const { segment } = await import(pathToFileURL(join(root, 'dist', 'segment', 'segmenter.js')).href);
let sentencex;
try {
  sentencex = (await import('sentencex')).segment;
} catch {
  console.log('(sentencex is not installed: npm install --no-save sentencex to fill its column)');
}

const segmenters = {
  locflow: (text, lang) => segment(text, lang),
  'Intl.Segmenter': (text, lang) =>
    [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => s.segment),
  sentencex: sentencex ? (text, lang) => sentencex(lang, text) : null,
};
const bare = (s) => s.replace(/\s+/gu, '');
const same = (got, expected) =>
  got.filter((s) => bare(s) !== '').length === expected.length &&
  got.filter((s) => bare(s) !== '').every((s, i) => bare(s) === bare(expected[i]));

const names = Object.keys(segmenters);
const totals = Object.fromEntries(names.map((n) => [n, 0]));
let all = 0;
console.log(`${'lang'.padEnd(6)}${names.map((n) => n.padStart(16)).join('')}`);
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const { lang, cases } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const row = [];
  for (const name of names) {
    const run = segmenters[name];
    if (!run) {
      row.push('-'.padStart(16));
      continue;
    }
    let passed = 0;
    for (const c of cases) {
      const got = run(c.text, lang);
      if (same(got, c.sentences)) passed++;
      else if (verbose && name === 'locflow')
        console.log(`  ${lang} ${c.class}: ${JSON.stringify(c.text)}\n    got ${JSON.stringify(got)}`);
    }
    totals[name] += passed;
    row.push(`${passed}/${cases.length}`.padStart(16));
  }
  all += cases.length;
  console.log(`${lang.padEnd(6)}${row.join('')}`);
}
console.log(
  `${'all'.padEnd(6)}${names.map((n) => (segmenters[n] ? `${totals[n]}/${all}` : '-').padStart(16)).join('')}`,
);
