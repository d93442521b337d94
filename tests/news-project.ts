import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTICLE, BIN } from './helpers.js';

/**
 * A project of many documents for the commands that share documents with worker threads (extract, build): what
 * they write, print and refuse must be what one thread does, byte for byte.
 */

/**
 * `n` articles in `source/`, each the bundled one told of another place and day, ≈ 2 KB each (the pools start at
 * 512 KB), some far longer; targets es and de.
 */
export function newsProject(n: number): string {
  const article = readFileSync(ARTICLE, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'locflow-pool-'));
  mkdirSync(join(dir, 'source'));
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es', 'de'], sources: ['source/*.txt'] }),
  );
  for (let i = 0; i < n; i++) {
    const text = article
      .replaceAll('Iraq', i % 3 ? `Province ${i}` : 'Iraq')
      .replaceAll(/\b(\d+)\b/gu, (d) => String(Number(d) + i));
    // Documents of very different sizes: results must still come back in document order.
    const extra = i % 17 === 0 ? `\n\n${text}`.repeat(6) : '';
    writeFileSync(join(dir, 'source', `story-${String(i).padStart(4, '0')}.txt`), `Story ${i}.\n\n${text}${extra}`);
  }
  return dir;
}

/** The CLI run in `cwd` with LOCFLOW_THREADS set to `threads`. */
export function runThreads(
  cwd: string,
  threads: number,
  ...args: string[]
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LOCFLOW_THREADS: String(threads) },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
