import { closeSync, fdatasync, openSync, statSync } from 'node:fs';
import { release } from 'node:os';
import { dirname } from 'node:path';

/**
 * Files written (and closed) made durable before anything depends on them: each file's data and its entry on disk.
 *
 * Few files are flushed one by one (`fdatasync`, in the thread pool, FILES_AT_ONCE side by side). Many files are
 * flushed by one call per file system, `syncfs(2)` (coreutils `sync -f`, one process): a flush per file makes the
 * disk write each file's inode block, its folder and a cache flush once per file, where one flush writes each block
 * once for all of them. syncfs is used only where it reports the write-back errors it meets (Linux 5.8 and later;
 * earlier kernels return success whatever happened): if it fails, or cannot be run, every file is flushed one by one
 * after all, so an error is reported for the file it belongs to (or not at all, when it was another's).
 */

/** Files from which one flush of their file system costs less than a flush of each. */
const FLUSH_TOGETHER_FROM = 64;

/** How many files are flushed at once, one by one: enough for the disk to take them together. */
const FILES_AT_ONCE = 64;

/** Whether this kernel's syncfs reports write-back errors (Linux ≥ 5.8). */
function syncfsReportsErrors(): boolean {
  if (process.platform !== 'linux') return false;
  const [major = 0, minor = 0] = release().split('.').map(Number);
  return major > 5 || (major === 5 && minor >= 8);
}

/** Makes `files` (written and closed, not renamed yet) durable; throws the first file's failure, naming it. */
export async function makeDurable(files: readonly string[]): Promise<void> {
  if (files.length >= FLUSH_TOGETHER_FROM && syncfsReportsErrors() && (await syncFileSystems(files))) return;
  await inPool(files, flushFile);
}

/**
 * One `sync -f` over one folder of each file system holding `files`; whether it succeeded. A file system is known by
 * its device number, so two folders on one are flushed once.
 */
async function syncFileSystems(files: readonly string[]): Promise<boolean> {
  const byDevice = new Map<number, string>();
  for (const dir of new Set(files.map((f) => dirname(f)))) {
    try {
      const { dev } = statSync(dir);
      if (!byDevice.has(dev)) byDevice.set(dev, dir);
    } catch {
      return false; // flushed one by one, which reports what is wrong
    }
  }
  // child_process loads only here: a run writing a few files never pays for it.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('sync', ['-f', '--', ...byDevice.values()], (err) => resolve(!err));
  });
}

/**
 * One file's data flushed to disk. Opened again after it was written and closed: a write-back error no one has
 * seen yet is still reported to a new descriptor. A failure names the file.
 */
async function flushFile(file: string): Promise<void> {
  try {
    const fd = openSync(file, 'r+');
    try {
      await new Promise<void>((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve())));
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    e.path ??= file;
    throw e;
  }
}

/** Runs `work` over `items`, FILES_AT_ONCE at a time; the first failure is thrown once all have settled. */
export async function inPool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, items.length) }, lane));
  if (failure) throw failure.err;
}
