// Builds a deterministic news-like corpus (default ≈ 850,000 words) from the sentences
// of the bundled article, with varied numbers, names and dates, into a project folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** News-like stories of about 425 words each, `words` in all, the same for the same seed. */
export function stories(words = 850_000, seed = 42) {
  const article = readFileSync(join(root, 'source', 'us-strike-northern-iraq.txt'), 'utf8');
  const sentences = article
    .split(/\n+/)
    .flatMap((p) => p.split(/(?<=[.!?"])\s+(?=[A-Z"])/))
    .filter((s) => s.split(' ').length > 4);
  const places = ['Kirkuk', 'Erbil', 'Baghdad', 'Mosul', 'Basra', 'Damascus', 'Aleppo', 'Beirut', 'Amman', 'Riyadh'];
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const rand = rng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const out = [];
  let count = 0;
  let n = 0;
  while (count < words) {
    n++;
    const paras = [
      `Story ${n}: strike reported near ${pick(places)}`,
      `Officials in ${pick(places)} gave new figures on ${pick(months)} ${1 + Math.floor(rand() * 28)}`,
    ];
    for (let p = 0; p < 8; p++) {
      const k = 1 + Math.floor(rand() * 3);
      const para = [];
      for (let i = 0; i < k; i++) {
        para.push(
          pick(sentences)
            .replace(/\d[\d,]*/g, () =>
              rand() < 0.5 ? String(Math.floor(rand() * 100)) : (Math.floor(rand() * 9000) + 1000).toLocaleString('en'),
            )
            .replace(/Kirkuk|Erbil|Baghdad/g, () => pick(places)),
        );
      }
      paras.push(para.join(' '));
    }
    paras.push(
      `Updated: ${pick(months)} ${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}, 2023, ${1 + Math.floor(rand() * 12)}:${String(Math.floor(rand() * 60)).padStart(2, '0')} PM`,
    );
    const text = paras.join('\n\n');
    count += text.split(/\s+/).length;
    out.push(text);
  }
  return { out, count };
}

export function buildCorpus(dir, words = 850_000, seed = 42) {
  const { out, count } = stories(words, seed);
  mkdirSync(join(dir, 'source'), { recursive: true });
  writeFileSync(join(dir, 'source', 'news.txt'), out.join('\n\n') + '\n');
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/news.txt'] }),
  );
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(root, '.cache', 'bench-corpus');
  console.log(`${buildCorpus(dir)} words in ${dir}`);
}
