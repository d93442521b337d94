import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, projectWith } from './helpers.js';

/**
 * The `locflow` process ends once its command is done and what it printed is passed on, with the command's exit
 * code: it does not wait for Node's own end (which first takes V8's heap apart, page by page).
 */

/** A module run before the command that notes, in `log`, how the process ends. */
function endWatcher(): { hook: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-exit-'));
  const log = join(dir, 'ends.log');
  const hook = join(dir, 'hook.cjs');
  writeFileSync(
    hook,
    [
      "const { appendFileSync } = require('node:fs');",
      `const log = ${JSON.stringify(log)};`,
      "process.on('beforeExit', () => appendFileSync(log, 'loop emptied\\n'));",
      "process.on('exit', (code) => appendFileSync(log, 'exit ' + code + '\\n'));",
      '',
    ].join('\n'),
  );
  return { hook, log };
}

function articles(n: number, name: (i: number) => string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= n; i++)
    files[`source/${name(i)}.txt`] =
      `Harbour pilots ${i} return\n\nThe ferry to the island ran late on day ${i}. Nobody minded.\n`;
  return files;
}

const CONFIG = { sourceLanguage: 'en', targetLanguages: ['de'], sources: ['source/*.txt'] };

describe('the locflow process ends with its command', () => {
  it('exits once extract is done, with its code, its files written and all it printed', () => {
    const d = projectWith(
      articles(3, (i) => `note-${i}`),
      CONFIG,
    );
    const { hook, log } = endWatcher();
    const r = spawnSync(process.execPath, ['--require', hook, BIN, 'extract'], { cwd: d, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/total: 3 files written/u);
    for (let i = 1; i <= 3; i++) expect(existsSync(join(d, 'xliff', 'de', `note-${i}.xlf`))).toBe(true);
    // Ended by the command, not by an event loop left to empty itself.
    expect(readFileSync(log, 'utf8')).toBe('exit 0\n');
  });

  it("keeps a failing command's exit code", () => {
    const d = projectWith(
      articles(1, (i) => `note-${i}`),
      { ...CONFIG, targetLanguages: [] },
    );
    const { hook, log } = endWatcher();
    const r = spawnSync(process.execPath, ['--require', hook, BIN, 'extract'], { cwd: d, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/targetLanguages is empty/u);
    expect(readFileSync(log, 'utf8')).toBe(`exit ${r.status}\n`);
  });

  it('passes on all it printed to a reader that takes it late (more than a pipe holds)', async () => {
    // 700 documents with long names: ≈ 90 KB of report lines, more than a pipe's 64 KB.
    const d = projectWith(
      articles(700, (i) => `a-rather-long-document-name-for-the-harbour-pilots-story-number-${i}`),
      CONFIG,
    );
    const child = spawn(process.execPath, [BIN, 'extract'], { cwd: d, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.length).toBeGreaterThan(64 * 1024);
    expect(out.split('\n').filter((l) => l.startsWith('xliff/de/'))).toHaveLength(700);
    expect(out).toMatch(/total: 700 files written/u);
  });
});
