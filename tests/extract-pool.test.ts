import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, BIN } from './helpers.js';

/**
 * extract over many documents spreads them over worker threads (LOCFLOW_THREADS; by default one per core but one): what
 * it writes, prints and refuses must be what one thread does, byte for byte.
 */

const article = readFileSync(ARTICLE, 'utf8');

/** `n` articles, each the bundled one told of another place and day, ≈ 2 KB each (the pool starts at 512 KB). */
function newsProject(n: number): string {
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

function run(cwd: string, threads: number, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LOCFLOW_THREADS: String(threads) },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Every file extract wrote (XLIFF and export records; the records' dates aside), by path. */
function written(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const top of ['xliff', '.locflow/exports'])
    for (const entry of readdirSync(join(dir, top), { recursive: true, withFileTypes: true }))
      if (entry.isFile())
        out.set(
          join(entry.parentPath, entry.name).slice(dir.length),
          readFileSync(join(entry.parentPath, entry.name), 'utf8').replace(/"exported":"[^"]*"/gu, '"exported":""'),
        );
  return out;
}

describe('extract over worker threads', () => {
  const base = newsProject(320);
  const one = mkdtempSync(join(tmpdir(), 'locflow-pool-1-'));
  const two = mkdtempSync(join(tmpdir(), 'locflow-pool-2-'));
  cpSync(base, one, { recursive: true });
  cpSync(base, two, { recursive: true });

  it('writes and prints exactly what one thread does', () => {
    const a = run(one, 1, 'extract', '--json');
    const b = run(two, 2, 'extract', '--json');
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout.replaceAll(two, '')).toBe(a.stdout.replaceAll(one, ''));
    const [wa, wb] = [written(one), written(two)];
    expect(wa.size).toBe(2 * 320 + 2);
    expect([...wb.keys()]).toEqual([...wa.keys()]);
    for (const [file, text] of wa) expect(wb.get(file), file).toBe(text);
  }, 120_000);

  it('refuses, as one thread does, to overwrite unimported work, and changes nothing', () => {
    // Both projects were extracted above; a translator's work in one document in the middle, then the sources change.
    for (const dir of [one, two]) {
      const file = join(dir, 'xliff', 'es', 'story-0150.xlf');
      const xlf = readFileSync(file, 'utf8');
      writeFileSync(file, xlf.replace(/(<source>Story 150\.<\/source>)/u, '$1<target>Historia 150.</target>'));
      for (const f of readdirSync(join(dir, 'source')))
        writeFileSync(join(dir, 'source', f), readFileSync(join(dir, 'source', f), 'utf8') + '\nA late line.\n');
    }
    const before = written(two);
    const a = run(one, 1, 'extract');
    const b = run(two, 2, 'extract');
    expect(a.code).toBe(2);
    expect(b.code).toBe(2);
    expect(b.stderr.replaceAll(two, '')).toBe(a.stderr.replaceAll(one, ''));
    expect(b.stderr).toContain('story-0150.xlf');
    const after = written(two);
    for (const [file, text] of before) expect(after.get(file), file).toBe(text);
    // No temporary file is left behind by the workers.
    expect(readdirSync(join(two, 'xliff', 'es')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(two, 'xliff', 'de')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
