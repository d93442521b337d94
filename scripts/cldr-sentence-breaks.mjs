#!/usr/bin/env node
// Regenerates src/segment/data/cldr-sentence-breaks.json from the cldr-segments-full npm package:
// the sentence-break suppressions (abbreviations after which a period does not end a sentence) and
// any extra sentence terminators (Greek ";") of the languages locflow segments.
// The package cannot be installed beside cldr-core 48 (peer conflict), so fetch it first:
//   cd /tmp && npm pack cldr-segments-full@46.1.0 && tar xzf cldr-segments-full-46.1.0.tgz
//   node scripts/cldr-sentence-breaks.mjs /tmp/package
import { readFileSync, renameSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LANGUAGES = ['de', 'el', 'es', 'fr', 'it', 'pt', 'ru'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = process.argv[2];
if (!from) {
  console.error('usage: node scripts/cldr-sentence-breaks.mjs <unpacked cldr-segments-full folder>');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'));
if (pkg.name !== 'cldr-segments-full') {
  console.error(`${from}: not the cldr-segments-full package (package.json names ${pkg.name})`);
  process.exit(2);
}

const languages = {};
for (const lang of LANGUAGES) {
  const file = join(from, 'segments', lang, 'suppressions.json');
  const rules = JSON.parse(readFileSync(file, 'utf8')).segments.segmentations.SentenceBreak;
  if (!rules) continue;
  const entry = {};
  if (rules.standard) entry.suppressions = rules.standard.map((s) => s.suppression).sort();
  // A tailored $STerm ("[[$STerm] [\u003B \u037E]]") adds terminators; keep the characters it adds.
  const sterm = rules.variables?.find((v) => '$STerm' in v)?.$STerm;
  if (sterm) {
    const added = [...sterm.matchAll(/\\u([0-9A-Fa-f]{4})/gu)].map((m) => String.fromCharCode(parseInt(m[1], 16)));
    entry.terminators = added.join('');
  }
  languages[lang] = entry;
}

const out = join(root, 'src', 'segment', 'data', 'cldr-sentence-breaks.json');
const data = {
  source: `${pkg.name} ${pkg.version} (Unicode CLDR), segments/<lang>/suppressions.json, SentenceBreak`,
  license: 'Unicode-3.0: see LICENSE-Unicode.txt beside this file',
  languages,
};
writeFileSync(`${out}.tmp`, JSON.stringify(data, null, 2) + '\n');
renameSync(`${out}.tmp`, out);
copyFileSync(join(from, 'LICENSE'), join(root, 'src', 'segment', 'data', 'LICENSE-Unicode.txt'));
console.log(`${out}: ${Object.keys(languages).join(', ')}`);
