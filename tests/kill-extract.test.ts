import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, locflow } from './helpers.js';

/**
 * A project of `n` short articles; `edition` changes every article's last sentence. `background` paragraphs
 * lengthen each article (enough text, and extract spreads the documents over worker threads).
 */
function writeSources(dir: string, n: number, edition: number, background = 0): void {
  mkdirSync(join(dir, 'source'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const more = Array.from(
      { length: background },
      (_, k) => `Background ${k}: the region has seen ${i + k} such meetings since ${1990 + k}, the record shows.\n\n`,
    ).join('');
    const text =
      `Story ${i}: officials met in the capital.\n\nThe talks lasted ${i + 2} hours, a spokesman said.\n\n${more}` +
      `Edition ${edition} of this report was filed at ${edition + 8} o'clock.\n`;
    writeFileSync(join(dir, 'source', `story-${i}.txt`), text);
  }
}

function outputs(dir: string): Map<string, string> {
  const xliff = join(dir, 'xliff', 'es');
  const files = existsSync(xliff) ? readdirSync(xliff).filter((f) => f.endsWith('.xlf')) : [];
  const out = new Map(files.map((f) => [f, readFileSync(join(xliff, f), 'utf8')]));
  out.set('record', readFileSync(join(dir, '.locflow', 'exports', 'es.json'), 'utf8'));
  return out;
}

/** The dates of the export records differ from run to run: what is compared is everything else. */
const undated = (text: string): string => text.replace(/"exported":"[^"]*"/gu, '"exported":""');

function killedAfter(dir: string, ms: number, env: Record<string, string>): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'extract', '--force'], {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, ...env },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe.each([
  { threads: 'one thread', background: 0, env: { LOCFLOW_THREADS: '1' }, kills: [150, 300, 450, 600, 800, 1000, 1300] },
  {
    // ≈ 650 KB of text: the documents are spread over two worker threads, whose temporary files the main thread renames.
    threads: 'worker threads',
    background: 48,
    env: { LOCFLOW_THREADS: '2' },
    kills: [300, 600, 900, 1200, 1600, 2000, 2600, 3200],
  },
])('extract killed at any moment ($threads)', ({ background, env, kills }) => {
  it('leaves every XLIFF file and the export record old or new, never torn, and the next run finishes', async () => {
    const n = 150;
    const dir = mkdtempSync(join(tmpdir(), 'locflow-kill-'));
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
    );
    writeSources(dir, n, 1, background);
    expect(locflow(dir, 'extract').code).toBe(0);
    const old = outputs(dir);
    writeSources(dir, n, 2, background);
    const fresh = mkdtempSync(join(tmpdir(), 'locflow-kill-new-'));
    cpSync(dir, fresh, { recursive: true });
    expect(locflow(fresh, 'extract', '--force').code).toBe(0);
    const next = outputs(fresh);
    expect(next.size).toBe(n + 1);
    for (const ms of kills) {
      await killedAfter(dir, ms, env);
      const now = outputs(dir);
      expect(now.size).toBe(n + 1);
      for (const [file, text] of now) {
        const was = undated(old.get(file)!);
        const will = undated(next.get(file)!);
        expect([was, will], `${file} after a kill at ${ms} ms`).toContain(undated(text));
      }
    }
    expect(locflow(dir, 'extract', '--force').code).toBe(0);
    for (const [file, text] of outputs(dir)) expect(undated(text)).toBe(undated(next.get(file)!));
    // Temporary files of the killed runs are gone once the next run has written there.
    expect(readdirSync(join(dir, 'xliff', 'es')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('a first extract killed at any moment', () => {
  it('leaves no XLIFF folder or the whole of it (nothing half-written in it), and the next run finishes', async () => {
    const n = 150;
    const template = mkdtempSync(join(tmpdir(), 'locflow-kill-first-'));
    writeFileSync(
      join(template, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
    );
    writeSources(template, n, 1);
    const done = mkdtempSync(join(tmpdir(), 'locflow-kill-first-done-'));
    cpSync(template, done, { recursive: true });
    expect(locflow(done, 'extract').code).toBe(0);
    const whole = readdirSync(join(done, 'xliff', 'es')).sort();
    expect(whole).toHaveLength(n);
    const seen = new Set<string>();
    for (const ms of [120, 200, 300, 400, 500, 650, 800, 1000]) {
      const dir = mkdtempSync(join(tmpdir(), 'locflow-kill-first-run-'));
      cpSync(template, dir, { recursive: true });
      await killedAfter(dir, ms, { LOCFLOW_THREADS: '1' });
      const xliff = join(dir, 'xliff', 'es');
      if (existsSync(xliff)) {
        seen.add('whole');
        expect(readdirSync(xliff).sort(), `after a kill at ${ms} ms`).toEqual(whole);
        for (const f of whole)
          expect(readFileSync(join(xliff, f), 'utf8')).toBe(readFileSync(join(done, 'xliff', 'es', f), 'utf8'));
      } else seen.add('none');
      expect(locflow(dir, 'extract').code).toBe(0);
      expect(readdirSync(join(dir, 'xliff', 'es')).sort()).toEqual(whole);
      // What a killed run left beside the folder (its staging folder) is gone once the next run has written there.
      expect(readdirSync(dir).sort()).toEqual(['.locflow', 'locflow.config.json', 'source', 'xliff']);
      expect(readdirSync(join(dir, 'xliff'))).toEqual(['es']);
    }
    // The kills fell before the folder was put in place at least once (else they tested nothing).
    expect(seen.has('none')).toBe(true);
  }, 120_000);
});
