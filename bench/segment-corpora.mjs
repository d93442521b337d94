#!/usr/bin/env node
// Held-out check of sentence boundaries on real news text: reads the sentence-per-line WMT 2012 and TICO-19
// test sets in ../shared/corpora/parallel-dev (outside the repository; the script stops cleanly without them),
// joins every 5 consecutive lines into a paragraph and scores the boundaries each segmenter finds against the
// line ends: precision, recall and F1. A line that holds two sentences counts against every segmenter alike.
//   node bench/segment-corpora.mjs [folder]   (default: ../shared/corpora/parallel-dev beside the repository)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = process.argv[2] ?? join(root, '..', 'shared', 'corpora', 'parallel-dev');
const FILES = [
  ['en', 'newstest2012-enes.en'],
  ['de', 'newstest2012-ende.de'],
  ['es', 'newstest2012-enes.es'],
  ['fr', 'newstest2012-enfr.fr'],
  ['ar', 'tico19-test-enar.ar'],
];
if (!existsSync(corpora)) {
  console.log(`segment-corpora: ${corpora} is not there; nothing to measure.`);
  process.exit(0);
}
const { segment } = await import(pathToFileURL(join(root, 'dist', 'segment', 'segmenter.js')).href);
// sentencex is compared when installed (`npm install --no-save sentencex`): it ships binaries for few platforms,
// so it is no dependency of the project.
let sentencex;
try {
  sentencex = (await import('sentencex')).segment;
} catch {
  console.log('(sentencex is not installed: npm install --no-save sentencex to compare with it)');
}
const segmenters = {
  locflow: (text, lang) => segment(text, lang),
  'Intl.Segmenter': (text, lang) =>
    [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => s.segment),
  ...(sentencex ? { sentencex: (text, lang) => sentencex(lang, text) } : {}),
};

/** Offsets (white space removed) where sentences end, except the paragraph's end. */
function boundaries(sentences) {
  const out = new Set();
  let at = 0;
  for (const s of sentences) {
    const len = s.replace(/\s+/gu, '').length;
    if (len === 0) continue;
    at += len;
    out.add(at);
  }
  out.delete(at);
  return out;
}

console.log(
  `${'lang'.padEnd(6)}${Object.keys(segmenters)
    .map((n) => n.padStart(26))
    .join('')}`,
);
console.log(
  `${''.padEnd(6)}${Object.keys(segmenters)
    .map(() => 'P / R / F1'.padStart(26))
    .join('')}`,
);
for (const [lang, file] of FILES) {
  const path = join(corpora, file);
  if (!existsSync(path)) continue;
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const paragraphs = [];
  for (let i = 0; i < lines.length; i += 5) paragraphs.push(lines.slice(i, i + 5));
  const row = [];
  for (const run of Object.values(segmenters)) {
    let found = 0;
    let right = 0;
    let expected = 0;
    for (const p of paragraphs) {
      const want = boundaries(p);
      const got = boundaries(run(p.join(' '), lang));
      expected += want.size;
      found += got.size;
      for (const b of got) if (want.has(b)) right++;
    }
    const precision = right / found;
    const recall = right / expected;
    const f1 = (2 * precision * recall) / (precision + recall);
    row.push(`${(100 * precision).toFixed(1)} / ${(100 * recall).toFixed(1)} / ${(100 * f1).toFixed(1)}`.padStart(26));
  }
  console.log(`${lang.padEnd(6)}${row.join('')}`);
}
