import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import type { XliffDocument } from '../src/xliff/model.js';
import { withProjectLock } from '../src/io/lock.js';
import { fakeServer, json, shout } from './mt-helpers.js';
import { extractedProject, locflow, locflowAsync, numberWordsIn, read, ROOT, tempProject } from './helpers.js';

const XLF = 'xliff/es/article.xlf';
const BUNDLE = 'locales/es/article.json';

/** The extracted XLIFF with the targets of the units `keep` selects filled, the others left empty. */
function translated(x: XliffDocument, keep: (index: number) => boolean): XliffDocument {
  return {
    ...x,
    files: x.files.map((f) => ({
      ...f,
      units: f.units.map((u, i) =>
        keep(i)
          ? {
              ...u,
              target: u.source.map((r) => (typeof r === 'string' ? numberWordsIn('es', r) : r)),
              state: 'translated' as const,
            }
          : u,
      ),
    })),
  };
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

function bundleKeys(dir: string): string[] {
  const path = join(dir, BUNDLE);
  return existsSync(path) ? Object.keys(JSON.parse(read(path)) as Record<string, string>) : [];
}

describe('project lock', () => {
  it('two imports of two halves of one document run at once lose nothing (5 trials)', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const d = extractedProject();
      const x = readXliff(read(join(d, XLF)));
      const total = x.files[0]!.units.length;
      writeFileSync(
        join(d, 'xliff/es/first.xlf'),
        writeXliff(
          translated(x, (i) => i < total / 2),
          x.version,
        ),
      );
      writeFileSync(
        join(d, 'xliff/es/second.xlf'),
        writeXliff(
          translated(x, (i) => i >= total / 2),
          x.version,
        ),
      );
      const [a, b] = await Promise.all([
        locflowAsync(d, {}, 'import', 'xliff/es/first.xlf'),
        locflowAsync(d, {}, 'import', 'xliff/es/second.xlf'),
      ]);
      expect(a.stderr).toBe('');
      expect(b.stderr).toBe('');
      expect([a.code, b.code]).toEqual([0, 0]);
      expect(bundleKeys(d)).toHaveLength(total);
      expect(existsSync(join(d, '.locflow/lock'))).toBe(false);
    }
  });

  it('a stale lock (its process is gone) is reported and taken over', () => {
    const d = extractedProject();
    const x = readXliff(read(join(d, XLF)));
    writeFileSync(
      join(d, XLF),
      writeXliff(
        translated(x, () => true),
        x.version,
      ),
    );
    const pid = deadPid();
    mkdirSync(join(d, '.locflow'), { recursive: true });
    writeFileSync(
      join(d, '.locflow/lock'),
      JSON.stringify({ pid, command: 'import', since: '2026-01-01T00:00:00.000Z' }),
    );
    const r = locflow(d, 'import', XLF);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('.locflow/lock');
    expect(r.stderr).toContain(`stale lock of process ${pid}`);
    expect(bundleKeys(d)).toHaveLength(x.files[0]!.units.length);
    expect(existsSync(join(d, '.locflow/lock'))).toBe(false);
  });

  it('a lock held by a live process is waited for, then a clear error (exit 2) naming the lock, pid and command', async () => {
    const d = extractedProject();
    const x = readXliff(read(join(d, XLF)));
    writeFileSync(
      join(d, XLF),
      writeXliff(
        translated(x, () => true),
        x.version,
      ),
    );
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      mkdirSync(join(d, '.locflow'), { recursive: true });
      writeFileSync(
        join(d, '.locflow/lock'),
        JSON.stringify({ pid: holder.pid, command: 'translate', since: new Date().toISOString() }),
      );
      const started = Date.now();
      const r = await locflowAsync(d, { LOCFLOW_LOCK_TIMEOUT: '1' }, 'import', XLF);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('.locflow/lock');
      expect(r.stderr).toContain(`process ${holder.pid}`);
      expect(r.stderr).toContain('locflow translate');
      expect(r.stderr).toMatch(/wait for that command to finish/u);
      expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/u);
      expect(existsSync(join(d, BUNDLE))).toBe(false);
      // The holder's lock stays: it is not ours.
      expect(existsSync(join(d, '.locflow/lock'))).toBe(true);
    } finally {
      holder.kill();
    }
  });

  it('in one process, concurrent holders take turns and a nested call re-enters', async () => {
    const d = tempProject();
    const events: string[] = [];
    const holder = (name: string) => async (): Promise<void> => {
      events.push(`${name} in`);
      expect(JSON.parse(read(join(d, '.locflow/lock'))) as { pid: number }).toMatchObject({
        pid: process.pid,
        command: name,
      });
      await new Promise((resolve) => setTimeout(resolve, 30));
      await withProjectLock(d, 'nested', () => void events.push(`${name} nested`));
      events.push(`${name} out`);
    };
    const later = async (): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // while "a" holds the lock
      await withProjectLock(d, 'b', holder('b'));
    };
    await Promise.all([withProjectLock(d, 'a', holder('a')), later()]);
    expect(events).toEqual(['a in', 'a nested', 'a out', 'b in', 'b nested', 'b out']);
    expect(existsSync(join(d, '.locflow/lock'))).toBe(false);
  });

  it('an import made while translate waits for the engine is kept: translate fills only units still untranslated', async () => {
    const d = extractedProject();
    const x = readXliff(read(join(d, XLF)));
    const total = x.files[0]!.units.length;
    writeFileSync(
      join(d, 'xliff/es/first.xlf'),
      writeXliff(
        translated(x, (i) => i < total / 2),
        x.version,
      ),
    );
    let imported: Promise<{ code: number; stderr: string }> | undefined;
    // The engine answers only after an import of the first half has gone in.
    const engine = await fakeServer((_path, body, _req, res) => {
      imported ??= locflowAsync(d, {}, 'import', 'xliff/es/first.xlf');
      void imported.then(() => json(res, 200, { translatedText: (body as { q: string[] }).q.map(shout) }));
    });
    try {
      const cfg = JSON.parse(read(join(d, 'locflow.config.json'))) as Record<string, unknown>;
      writeFileSync(
        join(d, 'locflow.config.json'),
        JSON.stringify({ ...cfg, mt: { libretranslate: { url: engine.url } } }),
      );
      const r = await locflowAsync(d, {}, 'translate', '--engine', 'libretranslate', '--lang', 'es');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect((await imported!).code).toBe(0);
    } finally {
      await engine.close();
    }
    const meta = (
      JSON.parse(read(join(d, 'locales/es/article.meta.json'))) as { units: Record<string, { origin: string }> }
    ).units;
    const ids = x.files[0]!.units.map((u) => u.id);
    expect(Object.keys(meta)).toHaveLength(total);
    for (const [i, id] of ids.entries()) expect(meta[id]!.origin).toBe(i < total / 2 ? 'human' : 'mt:libretranslate');
  });

  it('the lock is released on SIGTERM', async () => {
    const d = tempProject();
    const script = `import { withProjectLock } from ${JSON.stringify(join(ROOT, 'dist/io/lock.js'))};
await withProjectLock(process.cwd(), 'test', () => { process.stdout.write('held\\n'); return new Promise(() => setInterval(() => {}, 1000)); });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: d,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    expect(JSON.parse(read(join(d, '.locflow/lock'))) as { pid: number; command: string }).toMatchObject({
      pid: child.pid,
      command: 'test',
    });
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(143);
    expect(existsSync(join(d, '.locflow/lock'))).toBe(false);
  });
});

describe('import is whole or not at all', () => {
  /** A project with two sources, article and notes, extracted for es. */
  function twoDocs(): string {
    const d = tempProject();
    writeFileSync(
      join(d, 'source/notes.txt'),
      'Notes\n\nThe first note is short. The second note is longer than the first.\n',
    );
    expect(locflow(d, 'extract', '--lang', 'es').code).toBe(0);
    return d;
  }

  it("a multi-<file> XLIFF whose second <file> is stale writes nothing, not even the first file's bundle", () => {
    const d = twoDocs();
    const a = translated(readXliff(read(join(d, XLF))), () => true);
    const n = translated(readXliff(read(join(d, 'xliff/es/notes.xlf'))), () => true);
    const staleUnits = n.files[0]!.units.map((u, i) =>
      i === 1 ? { ...u, source: ['A sentence the source no longer has.'] } : u,
    );
    writeFileSync(
      join(d, 'xliff/es/both.xlf'),
      writeXliff({ ...a, files: [a.files[0]!, { ...n.files[0]!, units: staleUnits }] }, a.version),
    );
    const r = locflow(d, 'import', 'xliff/es/both.xlf');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refused, nothing was imported');
    expect(existsSync(join(d, BUNDLE))).toBe(false);
    expect(existsSync(join(d, 'locales/es/notes.json'))).toBe(false);
    expect(existsSync(join(d, 'tm/project.db'))).toBe(false);
    // Both parts valid: both go in.
    writeFileSync(join(d, 'xliff/es/both.xlf'), writeXliff({ ...a, files: [a.files[0]!, n.files[0]!] }, a.version));
    const ok = locflow(d, 'import', 'xliff/es/both.xlf');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(bundleKeys(d)).toHaveLength(a.files[0]!.units.length);
    expect(Object.keys(JSON.parse(read(join(d, 'locales/es/notes.json'))) as object)).toHaveLength(
      n.files[0]!.units.length,
    );
  });

  it('when the memory cannot be written (a corrupted tm file), the bundles are unchanged', () => {
    const d = twoDocs();
    const x = readXliff(read(join(d, XLF)));
    const total = x.files[0]!.units.length;
    // A first half goes in while the memory is sound.
    writeFileSync(
      join(d, XLF),
      writeXliff(
        translated(x, (i) => i < total / 2),
        x.version,
      ),
    );
    expect(locflow(d, 'import', XLF).code).toBe(0);
    const before = read(join(d, BUNDLE));
    const metaBefore = read(join(d, 'locales/es/article.meta.json'));
    expect(existsSync(join(d, 'tm/project.db'))).toBe(true);
    writeFileSync(join(d, 'tm/project.db'), 'this is not a SQLite database '.repeat(200));
    for (const f of readdirSync(join(d, 'tm'))) if (f !== 'project.db') writeFileSync(join(d, 'tm', f), '');
    writeFileSync(
      join(d, XLF),
      writeXliff(
        translated(x, () => true),
        x.version,
      ),
    );
    const r = locflow(d, 'import', XLF);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/translation memory/u);
    expect(r.stderr).not.toMatch(/internal error/u);
    expect(read(join(d, BUNDLE))).toBe(before);
    expect(read(join(d, 'locales/es/article.meta.json'))).toBe(metaBefore);
    // No temporary file of the abandoned write is left behind.
    expect(readdirSync(join(d, 'locales/es')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(d, 'tm/project.db'), 'utf8')).toMatch(/^this is not/u);
  });
});
