#!/usr/bin/env node
// Scores the built segmenter (dist/segment/golden-adapter.js) on the Golden Rules vendored in
// tests/fixtures/golden-rules/ (see the README there for sources and licences). pySBD's scoring:
// a rule passes only when the sentences, each trimmed, equal the expected list.
//   node bench/segment-golden.mjs [--subset pysbd48] [--quiet]
// The last line printed is "ACCURACY n/m".
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const subsetAt = args.indexOf('--subset');
const subset = subsetAt >= 0 ? args[subsetAt + 1] : undefined;
const quiet = args.includes('--quiet');
const { segment } = await import(pathToFileURL(join(root, 'dist', 'segment', 'golden-adapter.js')).href);
const data = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'golden-rules', 'golden_rules.en.json'), 'utf8'));

let rules = data.rules.filter((r) => r.lang === 'en');
if (subset === 'pysbd48') rules = rules.filter((r) => r.pysbd48);
else if (subset === 'readme') rules = rules.filter((r) => r.readme);
else if (subset !== undefined) {
  console.error(`segment-golden: unknown --subset ${subset} (pysbd48 or readme)`);
  process.exit(2);
}

let passed = 0;
for (const r of rules) {
  const got = segment(r.input, r.lang).map((s) => s.trim());
  const expected = r.expected.map((s) => s.trim());
  const pass = got.length === expected.length && got.every((s, i) => s === expected[i]);
  if (pass) passed++;
  if (pass && quiet) continue;
  console.log(`${pass ? 'PASS' : 'FAIL'} ${r.id} ${r.name}`);
  if (!pass)
    console.log(
      `     input:    ${JSON.stringify(r.input)}\n     expected: ${JSON.stringify(expected)}\n     got:      ${JSON.stringify(got)}`,
    );
}
console.log(`\n${subset ?? 'all English rules'}: PERCENT ${((100 * passed) / rules.length).toFixed(2)}%`);
console.log(`ACCURACY ${passed}/${rules.length}`);
