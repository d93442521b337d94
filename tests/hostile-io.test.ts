import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocflowError, systemError } from '../src/errors.js';
import { writeFileAtomic } from '../src/io/files.js';
import { BIN, locflow, locflowInProcess, tempProject } from './helpers.js';

/** I/O failures are one clear LocflowError naming the path (exit 2), never an internal error with a stack trace. */
function refusedCleanly(r: { code: number; stderr: string }, path: RegExp): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /u);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(path);
  expect(r.stderr).toMatch(/hint: /u);
}

function project(): string {
  const d = tempProject();
  writeFileSync(
    join(d, 'locflow.config.json'),
    JSON.stringify({
      sourceLanguage: 'en',
      targetLanguages: ['es'],
      sources: ['source/*.txt'],
      locales: { output: 'build/{lang}/{doc}{ext}' },
    }),
  );
  return d;
}

/** A pid that no process has: one of a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('I/O errors', () => {
  it('ENOTDIR: a file where the output folder should be (works as root too)', async () => {
    const d = project();
    expect((await locflowInProcess(d, 'extract')).code).toBe(0);
    writeFileSync(join(d, 'build'), 'not a folder');
    const r = await locflowInProcess(d, 'build');
    refusedCleanly(r, /build/u);
    expect(r.stderr).toMatch(/not a folder/u);
  });

  it('ENOTDIR at extract: the xliff folder is a file', async () => {
    const d = project();
    writeFileSync(join(d, 'xliff'), '');
    refusedCleanly(await locflowInProcess(d, 'extract'), /xliff/u);
  });

  it('EACCES: a read-only folder', async (ctx) => {
    if (process.getuid?.() === 0) {
      console.warn('skipped: running as root, chmod does not stop writes (the ENOTDIR tests cover the mapping)');
      ctx.skip();
    }
    const d = project();
    expect((await locflowInProcess(d, 'extract')).code).toBe(0);
    mkdirSync(join(d, 'build', 'es'), { recursive: true });
    chmodSync(join(d, 'build', 'es'), 0o555);
    try {
      const r = await locflowInProcess(d, 'build');
      refusedCleanly(r, /build\/es/u);
      expect(r.stderr).toMatch(/permission/u);
    } finally {
      chmodSync(join(d, 'build', 'es'), 0o755);
    }
  });

  it('a 240-character source name: extracted (the temporary file name stays short enough), or refused cleanly', async () => {
    const d = project();
    rmSync(join(d, 'source', 'article.txt'));
    const name = `${'n'.repeat(236)}.txt`;
    writeFileSync(join(d, 'source', name), 'One sentence. Another one.\n');
    const r = await locflowInProcess(d, 'extract');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(d, 'xliff', 'es')).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  // Once per folder and process: the runs are processes, as the clean-up is.
  it('temporary files left by interrupted runs are removed by the next write to their folder, when their process is gone', () => {
    const d = project();
    expect(locflow(d, 'extract').code).toBe(0);
    const dir = join(d, 'xliff', 'es');
    const dead = deadPid();
    const leftovers = [`.article.xlf.${dead}.1764147600000.tmp`, `.article.xlf.${dead}.tmp`];
    const live = `.article.xlf.${process.pid}.1764147600000.tmp`; // this test runner is alive: maybe mid-write
    for (const f of [...leftovers, live]) writeFileSync(join(dir, f), 'half');
    expect(locflow(d, 'extract', '--force').code).toBe(0);
    for (const f of leftovers) expect(existsSync(join(dir, f))).toBe(false);
    expect(existsSync(join(dir, live))).toBe(true);
  });

  it('each system error becomes one message naming the path and what to do', () => {
    const errno = (code: string, path?: string): Error =>
      Object.assign(new Error(`${code}: boom`), { code, ...(path ? { path } : {}) });
    for (const [code, what] of [
      ['ENOSPC', /no space left/u],
      ['EROFS', /read-only/u],
      ['EACCES', /permission denied/u],
      ['ENAMETOOLONG', /too long/u],
      ['ENOTDIR', /not a folder/u],
    ] as const) {
      const e = systemError(errno(code, '/p/locales/es/doc.json'), undefined, 'write');
      expect(e).toBeInstanceOf(LocflowError);
      expect(e!.exitCode).toBe(2);
      expect(e!.format()).toMatch(
        new RegExp(`^/p/locales/es/doc\\.json: cannot write: .*${what.source}.*\\n  hint: \\S`, 'u'),
      );
    }
    expect(
      systemError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }), 'tm/project.db')!.format(),
    ).toMatch(/^tm\/project\.db: the translation memory database failed: disk I\/O error/u);
    expect(systemError(new TypeError('a bug'))).toBeUndefined();
  });

  it('writeFileAtomic under a file: a LocflowError naming the folder, no temporary file left', () => {
    const d = project();
    const blocker = join(d, 'blocker');
    writeFileSync(blocker, '');
    expect(() => writeFileAtomic(join(blocker, 'out.json'), '{}')).toThrow(LocflowError);
    expect(() => writeFileAtomic(join(blocker, 'out.json'), '{}')).toThrow(/ENOTDIR|EEXIST/u);
    // A rename onto a folder fails after the temporary file was written: it is removed.
    mkdirSync(join(d, 'out', 'target.json'), { recursive: true });
    expect(() => writeFileAtomic(join(d, 'out', 'target.json'), '{}')).toThrow(LocflowError);
    expect(readdirSync(join(d, 'out'))).toEqual(['target.json']);
  });

  it("a reader that stops early (`locflow extract | head -1`): the work is done, no EPIPE, the exit code is the command's", async () => {
    const d = project();
    mkdirSync(join(d, 'source'), { recursive: true });
    for (let i = 0; i < 200; i++)
      writeFileSync(join(d, 'source', `s${i}.txt`), `Story ${i}.\n\nThe talks lasted ${i} hours.\n`);
    const child = spawn(process.execPath, [BIN, 'extract'], { cwd: d, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader is gone before the first line (as `| head -1` once it has its line): every write meets a closed pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|internal error|\n\s+at /u);
    expect(code).toBe(0);
    expect(readdirSync(join(d, 'xliff', 'es')).filter((f) => f.endsWith('.xlf'))).toHaveLength(201); // the project's article and the 200 stories
  });
});
