// A many-file newsroom corpus: the stories of corpus.mjs, one article per file (≈ 2,000 files for
// 850,000 words), and the same text as one file, so per-document cost shows beside the work itself.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stories } from './corpus.mjs';

function project(dir, sources) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'source'), { recursive: true });
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: [sources] }),
  );
}

/**
 * Writes `<dir>/many` (one file per story; left out when `manyFiles` is false) and `<dir>/one` (all of them in
 * one file); returns the counts.
 */
export function buildNewsCorpus(dir, { words = 850_000, seed = 42, scale = 1, manyFiles = true } = {}) {
  const { out, count } = stories(words * scale, seed);
  const many = join(dir, 'many');
  const one = join(dir, 'one');
  if (manyFiles) {
    project(many, 'source/*.txt');
    out.forEach((text, i) =>
      writeFileSync(join(many, 'source', `story-${String(i + 1).padStart(5, '0')}.txt`), text + '\n'),
    );
  }
  project(one, 'source/news.txt');
  writeFileSync(join(one, 'source', 'news.txt'), out.join('\n\n') + '\n');
  return { files: out.length, words: count, many, one };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(process.cwd(), '.cache', 'bench-news');
  const r = buildNewsCorpus(dir, { words: Number(process.argv[3] ?? 850_000) });
  console.log(`${r.words} words in ${r.files} files: ${r.many}; as one file: ${r.one}`);
}
