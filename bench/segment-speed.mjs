#!/usr/bin/env node
// Times the built segmenter on the generated English news corpus (bench/corpus.mjs, ≈ 850,000 words):
// the median (and fastest) of several in-process runs, paragraph by paragraph as extract does, and over the
// whole file at once as `locflow segment` does.
//   node bench/segment-speed.mjs [--runs 15]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const { segmentSpans } = await import(pathToFileURL(join(root, 'dist', 'segment', 'segmenter.js')).href);

const dir = mkdtempSync(join(tmpdir(), 'locflow-segment-speed-'));
const words = buildCorpus(dir);
const paragraphs = readFileSync(join(dir, 'source', 'news.txt'), 'utf8').split(/\n{2,}/u);
rmSync(dir, { recursive: true, force: true });

const whole = paragraphs.join('\n\n');
const ways = {
  'by paragraph': () => paragraphs.reduce((n, p) => n + segmentSpans(p, 'en', { lineBreaks: 'space' }).length, 0),
  'whole file': () => segmentSpans(whole, 'en').length,
};
for (const [name, run] of Object.entries(ways)) {
  const times = [];
  let sentences = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sentences = run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `segment ${words} English words, ${name} (${sentences} sentences): median ${median.toFixed(0)} ms, ` +
      `fastest ${times[0].toFixed(0)} ms of ${runs} runs`,
  );
}
