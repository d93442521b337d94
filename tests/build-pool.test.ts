import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, BIN } from './helpers.js';

/**
 * build over many documents shares them with worker threads (LOCFLOW_THREADS; by default one per core but one): what
 * it writes, prints, records and refuses must be what one thread does, byte for byte.
 */

const article = readFileSync(ARTICLE, 'utf8');

function run(cwd: string, threads: number, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LOCFLOW_THREADS: String(threads) },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `n` articles, each the bundled one told of another place and day, ≈ 2 KB each (the pool starts at 512 KB), some
 * far longer, extracted and translated into es (pseudo), not into de: both languages are built.
 */
function translatedProject(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-build-pool-'));
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
  expect(run(dir, 1, 'extract').code).toBe(0);
  expect(run(dir, 1, 'translate', '--engine', 'pseudo', '--force', '--lang', 'es').code).toBe(0);
  return dir;
}

/** Every localized document and the segmentation record without its first line (its key names the code), by path. */
function built(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const lang of ['es', 'de'])
    for (const f of readdirSync(join(dir, 'locales', lang)))
      if (!f.endsWith('.json')) out.set(`${lang}/${f}`, readFileSync(join(dir, 'locales', lang, f), 'utf8'));
  const record = join(dir, '.locflow', 'segmentation.json');
  out.set('record', readFileSync(record, 'utf8').split('\n').slice(1).join('\n'));
  return out;
}

describe('build over worker threads', () => {
  const base = translatedProject(320);
  const one = mkdtempSync(join(tmpdir(), 'locflow-build-pool-1-'));
  const two = mkdtempSync(join(tmpdir(), 'locflow-build-pool-2-'));
  cpSync(base, one, { recursive: true });
  cpSync(base, two, { recursive: true });

  it('writes, prints and records exactly what one thread does, and again from the record', () => {
    for (const pass of ['first build', 'from the record']) {
      const a = run(one, 1, 'build', '--json');
      const b = run(two, 2, 'build', '--json');
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout.replaceAll(two, ''), pass).toBe(a.stdout.replaceAll(one, ''));
      // Units that fell back to the source are reported (de is not translated), in document order.
      expect(
        JSON.parse(a.stdout).results.filter((r: { untranslated: unknown[] }) => r.untranslated.length).length,
      ).toBe(320);
      const [wa, wb] = [built(one), built(two)];
      expect(wa.size).toBe(2 * 320 + 1);
      expect([...wb.keys()]).toEqual([...wa.keys()]);
      for (const [file, text] of wa) expect(wb.get(file), `${pass}: ${file}`).toBe(text);
    }
  }, 120_000);

  it('refuses a damaged bundle as one thread does, and changes no output', () => {
    // Every document gets a new line (its output would change), and one bundle in the middle is damaged.
    for (const dir of [one, two]) {
      for (const f of readdirSync(join(dir, 'source')))
        writeFileSync(join(dir, 'source', f), readFileSync(join(dir, 'source', f), 'utf8') + '\nA late line.\n');
      writeFileSync(join(dir, 'locales', 'es', 'story-0150.json'), '{"u1": ');
    }
    const before = built(two);
    const a = run(one, 1, 'build');
    const b = run(two, 2, 'build');
    expect(a.code).not.toBe(0);
    expect(b.code).toBe(a.code);
    expect(b.stderr.replaceAll(two, '')).toBe(a.stderr.replaceAll(one, ''));
    expect(b.stderr).toContain('story-0150.json');
    const after = built(two);
    for (const [file, text] of before) expect(after.get(file), file).toBe(text);
    // No temporary file is left behind by the workers.
    for (const lang of ['es', 'de'])
      expect(readdirSync(join(two, 'locales', lang)).filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 120_000);
});
