#!/usr/bin/env node
// Times the built segmenter on the generated English news corpus (bench/corpus.mjs, ≈ 850,000 words):
// the median of several in-process runs over the whole text, paragraph by paragraph as extract does.
//   node bench/segment-speed.mjs [--runs 7]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const { segmentSpans } = await import(pathToFileURL(join(root, 'dist', 'segment', 'segmenter.js')).href);

const dir = mkdtempSync(join(tmpdir(), 'locflow-segment-speed-'));
const words = buildCorpus(dir);
const paragraphs = readFileSync(join(dir, 'source', 'news.txt'), 'utf8').split(/\n{2,}/u);
rmSync(dir, { recursive: true, force: true });

const times = [];
let sentences = 0;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  sentences = 0;
  for (const p of paragraphs) sentences += segmentSpans(p, 'en', { lineBreaks: 'space' }).length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`segment ${words} English words (${sentences} sentences): median ${median.toFixed(0)} ms of ${runs} runs`);
