import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newsProject, runThreads } from './news-project.js';

/**
 * extract over many documents spreads them over worker threads (LOCFLOW_THREADS; by default one per core but one): what
 * it writes, prints and refuses must be what one thread does, byte for byte.
 */

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
    const a = runThreads(one, 1, 'extract', '--json');
    const b = runThreads(two, 2, 'extract', '--json');
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
    const a = runThreads(one, 1, 'extract');
    const b = runThreads(two, 2, 'extract');
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
