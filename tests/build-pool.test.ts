import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newsProject, runThreads } from './news-project.js';

/**
 * build over many documents shares them with worker threads (LOCFLOW_THREADS; by default one per core but one): what
 * it writes, prints, records and refuses must be what one thread does, byte for byte.
 */

/** A project of many articles (newsProject), extracted and translated into es (pseudo), not into de: both are built. */
function translatedProject(n: number): string {
  const dir = newsProject(n);
  expect(runThreads(dir, 1, 'extract').code).toBe(0);
  expect(runThreads(dir, 1, 'translate', '--engine', 'pseudo', '--force', '--lang', 'es').code).toBe(0);
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
      const a = runThreads(one, 1, 'build', '--json');
      const b = runThreads(two, 2, 'build', '--json');
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
    const a = runThreads(one, 1, 'build');
    const b = runThreads(two, 2, 'build');
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
