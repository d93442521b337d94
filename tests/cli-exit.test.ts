import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { drained } from '../src/cli/drained.js';
import { BIN, ROOT, projectWith } from './helpers.js';

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

  it('passes on all it printed to a reader that takes it late (more than a pipe holds)', () => {
    // 700 documents with long names: ≈ 90 KB of report lines, more than a pipe's 64 KB.
    const d = projectWith(
      articles(700, (i) => `a-rather-long-document-name-for-the-harbour-pilots-story-number-${i}`),
      CONFIG,
    );
    const r = throughLateReader(d, [process.execPath, BIN, 'extract']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.length).toBeGreaterThan(64 * 1024);
    expect(r.out.split('\n').filter((l) => l.startsWith('xliff/de/'))).toHaveLength(700);
    expect(r.out).toMatch(/total: 700 files written/u);
  });
});

/**
 * Runs `command` with its standard output piped to a reader that starts reading only after `delay` seconds, as
 * `command | { sleep 1.5; cat; }` does: the pipe fills and what is printed after waits in the process. Gives the
 * command's exit code, all the reader got and the command's standard error.
 */
function throughLateReader(cwd: string, command: string[], delay = 1.5): { code: number; out: string; err: string } {
  const script = `"$@" 2>"$ERR_FILE" | { sleep ${delay}; cat; }; echo "\${PIPESTATUS[0]}" >"$CODE_FILE"`;
  const dir = mkdtempSync(join(tmpdir(), 'locflow-late-'));
  const env = { ...process.env, ERR_FILE: join(dir, 'err'), CODE_FILE: join(dir, 'code') };
  const r = spawnSync('bash', ['-c', script, 'late-reader', ...command], { cwd, env, encoding: 'utf8' });
  return {
    code: Number(readFileSync(env.CODE_FILE, 'utf8').trim()),
    out: r.stdout,
    err: readFileSync(env.ERR_FILE, 'utf8'),
  };
}

describe('drained: what a stream was given has been passed on', () => {
  it('resolves after a short tail queued behind a slow reader, a write that never asks for a drain', async () => {
    const passedOn: string[] = [];
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        setTimeout(() => {
          passedOn.push(chunk.toString('utf8'));
          callback();
        }, 30);
      },
    });
    // 1 KB is below the high-water mark: write() returns true and the stream will emit no 'drain'.
    expect(slow.write('x'.repeat(1024))).toBe(true);
    expect(slow.writableLength).toBeGreaterThan(0);
    const outcome = await Promise.race([
      drained(slow).then(() => 'drained'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5000)),
    ]);
    expect(outcome).toBe('drained');
    expect(slow.writableLength).toBe(0);
    expect(passedOn.join('')).toBe('x'.repeat(1024));
  });

  it('ends a process whose last lines wait behind a full pipe with code 0 and every byte passed on', () => {
    // The child writes until the pipe is full and one line is queued (writableLength > 0, and write() returned
    // true: no 'drain' will come), then ends as locflow's entry point does. Waiting for 'drain' alone ended it
    // with exit code 13 (an await never settled).
    const dir = mkdtempSync(join(tmpdir(), 'locflow-drained-'));
    const script = join(dir, 'fill.mjs');
    writeFileSync(
      script,
      [
        `import { drained } from ${JSON.stringify(join(ROOT, 'dist', 'cli', 'drained.js'))};`,
        'let lines = 0;',
        "while (process.stdout.writableLength === 0) { process.stdout.write('y'.repeat(1023) + '\\n'); lines++; }",
        'process.stderr.write(`${lines} ${process.stdout.writableNeedDrain}`);',
        'await drained(process.stdout);',
        'process.exit(0);',
        '',
      ].join('\n'),
    );
    const r = throughLateReader(dir, [process.execPath, script], 1);
    const [lines, askedForDrain] = r.err.trim().split(' ');
    expect(askedForDrain).toBe('false');
    expect(r.code).toBe(0);
    expect(r.out.length).toBe(Number(lines) * 1024);
  });
});
