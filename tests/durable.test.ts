import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The flushes asked for: `sync -f` runs (their folders) and fdatasync calls; either can be made to fail. */
const seen = vi.hoisted(() => ({
  syncs: [] as string[][],
  datasyncs: 0,
  syncFails: false,
  datasyncFails: undefined as ((fd: number) => boolean) | undefined,
  /** Temporary files this (the main) thread created. */
  tempsOpened: 0,
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
    openSync: (...args: Parameters<typeof real.openSync>) => {
      const [path, flags] = args;
      if (String(path).endsWith('.tmp') && flags === 'w') seen.tempsOpened++;
      return real.openSync(...args);
    },
  };
});

const { AtomicBatch } = await import('../src/io/atomic-batch.js');
const { enterRun, insideProject } = await import('../src/io/files.js');
const { WriterThread } = await import('../src/io/writer-thread.js');
const { FLUSH_AHEAD_EVERY } = await import('../src/io/durable.js');

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
  seen.tempsOpened = 0;
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

describe('a batch of many files', () => {
  it('creates and writes their temporary files on a thread of its own, the bytes as given', async () => {
    const { out, names } = project(300);
    const text = (name: string): string => `new ${name} “quoted” 😀 \ud800 é`;
    const batch = new AtomicBatch();
    for (const [i, name] of names.entries())
      await batch.write(join(out, name), i % 3 ? text(name) : new TextEncoder().encode(text(name)));
    // The first files are written here; from then on the thread writes them.
    expect(seen.tempsOpened).toBeGreaterThan(0);
    expect(seen.tempsOpened).toBeLessThan(100);
    await batch.commit();
    for (const name of names) expect(readFileSync(join(out, name))).toEqual(Buffer.from(text(name)));
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file the thread cannot write fails the batch naming its target, and no target changes', async () => {
    const end = enterRun(); // its folder is made once in the run, then taken away below
    try {
      const { out, names } = project(100);
      const gone = join(out, 'gone');
      const batch = new AtomicBatch();
      await batch.write(join(gone, 'first.txt'), 'first');
      rmSync(gone, { recursive: true });
      for (const name of names) await batch.write(join(out, name), `new ${name}`);
      const late = batch.write(join(gone, 'late.txt'), 'late').then(() => batch.commit());
      await expect(late).rejects.toMatchObject({ file: join(gone, 'late.txt'), message: /ENOENT/u });
      for (const name of names) expect(readFileSync(join(out, name), 'utf8')).toBe(`old ${name}`);
      expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      end();
    }
  });

  it("the thread's failures cross back as the system's errors, each for its file", async () => {
    const writer = WriterThread.start()!;
    const dir = mkdtempSync(join(tmpdir(), 'locflow-writer-'));
    const good = writer.write(join(dir, 'a.tmp'), 'a');
    const bad = writer.write(join(dir, 'missing', 'b.tmp'), 'b');
    writer.send();
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toMatchObject({ code: 'ENOENT', syscall: 'open', path: join(dir, 'missing', 'b.tmp') });
    expect(readFileSync(join(dir, 'a.tmp'), 'utf8')).toBe('a');
    await writer.stop();
    await expect(writer.write(join(dir, 'c.tmp'), 'c')).rejects.toThrow(/stopped/u);
  });
});

// A batch of many files begins the flush of their file system as it goes (every FLUSH_AHEAD_EVERY files), through a
// small process started before its first file, so that its last flush has little left to write. That process runs
// the `sync` of the PATH, here one that notes each folder and fails when told to.
const bin = mkdtempSync(join(tmpdir(), 'locflow-flush-bin-'));
const syncLog = join(bin, 'syncs.log');
const failNext = join(bin, 'fail-next');
writeFileSync(
  join(bin, 'sync'),
  `#!/bin/sh\nprintf '%s\\n' "$3" >> '${syncLog}'\nif [ -e '${failNext}' ]; then rm -f '${failNext}'; exit 1; fi\n`,
);
chmodSync(join(bin, 'sync'), 0o755);
// Read when the flusher starts: at the first file of the first batch of many files below.
process.env.PATH = `${bin}${delimiter}${process.env.PATH ?? ''}`;

const syncsRun = (): string[] => readFileSync(syncLog, { encoding: 'utf8', flag: 'a+' }).split('\n').filter(Boolean);

async function writeMany(files: number): Promise<{ out: string; batch: InstanceType<typeof AtomicBatch> }> {
  const root = mkdtempSync(join(tmpdir(), 'locflow-flush-ahead-'));
  const out = join(root, 'out');
  mkdirSync(out);
  insideProject(root, 'out', 'test output');
  const batch = new AtomicBatch({ manyFiles: true });
  for (let i = 0; i < files; i++) await batch.write(join(out, `page-${i}.md`), `# Page ${i}\n`);
  return { out, batch };
}

describe.runIf(syncfsReports)('a batch of many files flushed as it goes', () => {
  it('begins a flush of their file system every FLUSH_AHEAD_EVERY files, then flushes once more at the end', async () => {
    writeFileSync(syncLog, '');
    const files = 2 * FLUSH_AHEAD_EVERY + 7;
    const { out, batch } = await writeMany(files);
    await batch.commit();
    // Two flushes begun ahead, in the files' folder, and the last one before the renames; none of each file.
    expect(syncsRun()).toEqual([out, out, out]);
    expect(seen.datasyncs).toBe(0);
    expect(readdirSync(out)).toHaveLength(files);
    expect(readFileSync(join(out, `page-${files - 1}.md`), 'utf8')).toBe(`# Page ${files - 1}\n`);
  });

  it('flushes each file at the end when a flush begun ahead failed (its error was told to that flush alone)', async () => {
    writeFileSync(syncLog, '');
    writeFileSync(failNext, '');
    const files = FLUSH_AHEAD_EVERY + 3;
    const { out, batch } = await writeMany(files);
    await batch.commit();
    expect(syncsRun()[0]).toBe(out);
    expect(seen.datasyncs).toBe(files);
    expect(readdirSync(out)).toHaveLength(files);
    expect(readFileSync(join(out, 'page-0.md'), 'utf8')).toBe('# Page 0\n');
  });
});
