import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The flushes asked for: `sync -f` runs (their folders) and fdatasync calls; either can be made to fail. */
const seen = vi.hoisted(() => ({
  syncs: [] as string[][],
  datasyncs: 0,
  syncFails: false,
  datasyncFails: undefined as ((fd: number) => boolean) | undefined,
}));

vi.mock('node:child_process', async (original) => {
  const real = await original<typeof import('node:child_process')>();
  return {
    ...real,
    execFile: (file: string, args: string[], done: (err: Error | null) => void) => {
      if (file === 'sync') seen.syncs.push(args);
      if (seen.syncFails) return done(new Error('sync: error syncing: Input/output error'));
      return real.execFile(file, args, done);
    },
  };
});

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return {
    ...real,
    fdatasync: (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => {
      seen.datasyncs++;
      if (seen.datasyncFails?.(fd)) {
        const err: NodeJS.ErrnoException = new Error('EIO: i/o error, fdatasync');
        err.code = 'EIO';
        return done(err);
      }
      return real.fdatasync(fd, done);
    },
  };
});

const { AtomicBatch } = await import('../src/io/atomic-batch.js');
const { insideProject } = await import('../src/io/files.js');

const [major = 0, minor = 0] = release().split('.').map(Number);
const syncfsReports = process.platform === 'linux' && (major > 5 || (major === 5 && minor >= 8));

function project(files: number): { out: string; names: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'locflow-durable-'));
  const out = join(root, 'out');
  mkdirSync(out);
  const names = Array.from({ length: files }, (_, i) => `f${i}.txt`);
  for (const name of names) writeFileSync(join(out, name), `old ${name}`);
  insideProject(root, 'out', 'test output');
  return { out, names };
}

async function writeAll(out: string, names: readonly string[]): Promise<InstanceType<typeof AtomicBatch>> {
  const batch = new AtomicBatch();
  for (const name of names) await batch.write(join(out, name), `new ${name}`);
  return batch;
}

afterEach(() => {
  seen.syncs.length = 0;
  seen.datasyncs = 0;
  seen.syncFails = false;
  seen.datasyncFails = undefined;
});

describe('a batch made durable', () => {
  it.runIf(syncfsReports)('flushes many files with one sync of their file system, not one flush each', async () => {
    const { out, names } = project(100);
    const batch = await writeAll(out, names);
    await batch.commit();
    expect(seen.syncs).toEqual([['-f', '--', out]]);
    expect(seen.datasyncs).toBe(0);
    for (const name of names) expect(readFileSync(join(out, name), 'utf8')).toBe(`new ${name}`);
  });

  it('flushes a few files one by one, starting no process', async () => {
    const { out, names } = project(5);
    const batch = await writeAll(out, names);
    await batch.commit();
    expect(seen.syncs).toEqual([]);
    expect(seen.datasyncs).toBe(5);
  });

  it('flushes every file one by one when the one sync fails, and commits', async () => {
    seen.syncFails = true;
    const { out, names } = project(70);
    const batch = await writeAll(out, names);
    await batch.commit();
    expect(seen.syncs.length).toBe(syncfsReports ? 1 : 0);
    expect(seen.datasyncs).toBe(70);
    for (const name of names) expect(readFileSync(join(out, name), 'utf8')).toBe(`new ${name}`);
  });

  it('a flush that fails names the file, changes no target and leaves no temporary file', async () => {
    seen.syncFails = true;
    let calls = 0;
    seen.datasyncFails = () => ++calls === 30;
    const { out, names } = project(70);
    const batch = await writeAll(out, names);
    await expect(batch.commit()).rejects.toMatchObject({ file: expect.stringMatching(/f\d+\.txt$/u) });
    for (const name of names) expect(readFileSync(join(out, name), 'utf8')).toBe(`old ${name}`);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
