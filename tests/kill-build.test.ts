import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, locflow, locflowAsync } from './helpers.js';

/** The localized documents of a project, by file name. */
function outputs(dir: string): Map<string, string> {
  const folder = join(dir, 'locales', 'es');
  const names = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.txt')) : [];
  return new Map(names.map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
}

describe.each([
  { threads: 'one thread', repeat: 20, env: { LOCFLOW_THREADS: '1' } },
  // ≈ 570 KB of text: the documents are shared with a worker thread, whose temporary files the main thread renames.
  { threads: 'worker threads', repeat: 40, env: { LOCFLOW_THREADS: '2' } },
])('build killed at any moment ($threads)', ({ repeat, env }) => {
  it('leaves every localized document old or new, never torn, and the next run finishes', async () => {
    const n = 300;
    const dir = mkdtempSync(join(tmpdir(), 'locflow-kill-build-'));
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
    );
    mkdirSync(join(dir, 'source'));
    for (let i = 0; i < n; i++)
      writeFileSync(
        join(dir, 'source', `story-${i}.txt`),
        `Story ${i}: officials met in the capital.\n\n${'The talks lasted two hours, a spokesman said. '.repeat(repeat)}\n`,
      );
    // Old outputs: nothing translated yet (each document built from its source); new: every unit translated.
    expect(locflow(dir, 'extract').code).toBe(0);
    expect(locflow(dir, 'build', '--lang', 'es').code).toBe(0);
    const old = outputs(dir);
    expect(locflow(dir, 'translate', '--engine', 'pseudo', '--force', '--lang', 'es').code).toBe(0);
    const whole = mkdtempSync(join(tmpdir(), 'locflow-kill-build-whole-'));
    cpSync(dir, whole, { recursive: true });
    const started = Date.now();
    expect((await locflowAsync(whole, env, 'build', '--lang', 'es')).code).toBe(0);
    const runMs = Date.now() - started;
    const next = outputs(whole);
    expect(next.size).toBe(n);
    for (const [file, text] of next) expect(text, file).not.toBe(old.get(file));
    // Kills spread over a whole run's length, most near its end, where the outputs are renamed.
    for (const ms of [0.3, 0.6, 0.8, 0.9, 0.95, 1].map((f) => Math.round(f * runMs))) {
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'build', '--lang', 'es'], {
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
      const now = outputs(dir);
      expect(now.size).toBe(n);
      for (const [file, text] of now) expect([old.get(file), next.get(file)], `${file} at ${ms} ms`).toContain(text);
    }
    expect((await locflowAsync(dir, env, 'build', '--lang', 'es')).code).toBe(0);
    expect(outputs(dir)).toEqual(next);
    expect(readdirSync(join(dir, 'locales', 'es')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('build into a new output folder killed at any moment', () => {
  it('leaves the folder not there or whole, never some of its files, and the next run leaves nothing behind', async () => {
    const n = 300;
    const dir = mkdtempSync(join(tmpdir(), 'locflow-kill-new-'));
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({
        sourceLanguage: 'en',
        targetLanguages: ['es'],
        sources: ['source/*.txt'],
        locales: { output: 'built/{lang}/{doc}{ext}' },
      }),
    );
    mkdirSync(join(dir, 'source'));
    for (let i = 0; i < n; i++)
      writeFileSync(
        join(dir, 'source', `story-${i}.txt`),
        `Story ${i}: officials met in the capital.\n\n${'The talks lasted two hours, a spokesman said. '.repeat(20)}\n`,
      );
    expect(locflow(dir, 'extract').code).toBe(0);
    expect(locflow(dir, 'translate', '--engine', 'pseudo', '--force', '--lang', 'es').code).toBe(0);
    const aside = mkdtempSync(join(tmpdir(), 'locflow-kill-new-aside-'));
    let asides = 0;
    const moveAside = (): void => {
      if (existsSync(join(dir, 'built'))) renameSync(join(dir, 'built'), join(aside, String(asides++)));
    };
    const built = (): Map<string, string> | undefined => {
      const folder = join(dir, 'built', 'es');
      if (!existsSync(join(dir, 'built'))) return undefined;
      return new Map(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
    };
    const started = Date.now();
    expect((await locflowAsync(dir, { LOCFLOW_THREADS: '1' }, 'build', '--lang', 'es')).code).toBe(0);
    const runMs = Date.now() - started;
    const whole = built()!;
    expect(whole.size).toBe(n);
    for (const ms of [0.3, 0.6, 0.8, 0.85, 0.9, 0.95, 1].map((f) => Math.round(f * runMs))) {
      moveAside();
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'build', '--lang', 'es'], {
          cwd: dir,
          stdio: 'ignore',
          env: { ...process.env, LOCFLOW_THREADS: '1' },
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), ms);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const now = built();
      if (now) expect(now, `at ${ms} ms`).toEqual(whole);
    }
    moveAside();
    expect((await locflowAsync(dir, { LOCFLOW_THREADS: '1' }, 'build', '--lang', 'es')).code).toBe(0);
    expect(built()).toEqual(whole);
    expect(readdirSync(dir).filter((f) => f.endsWith('.staged'))).toEqual([]);
  }, 120_000);
});
