import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { systemError } from '../errors.js';
import { atomicTemp, writeFailure } from './files.js';

/** How many flushes wait in the thread pool at once: enough for the file system to commit them together. */
const FLUSHES_AT_ONCE = 64;

/**
 * Many files written as writeFileAtomic writes one — each through a temporary file renamed over it, so
 * a reader (or a run killed at any moment) sees the old file or the new one, never half of one — but
 * flushed together: the temporary files are written as they come, flushed to disk concurrently (one
 * journal commit serves many), renamed, and each folder synced once. One fsync per file in turn is
 * what a run over thousands of documents otherwise waits for.
 */
export class AtomicBatch {
  /** Target path → its temporary file, in the order written. */
  private readonly temps = new Map<string, string>();

  /** Writes `data` to a temporary file beside `path`; `path` itself changes only in commit(). */
  write(path: string, data: string | Uint8Array): void {
    const earlier = this.temps.get(path);
    if (earlier) rmSync(earlier, { force: true });
    const tmp = atomicTemp(path);
    try {
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      throw writeFailure(err, path, tmp);
    }
    this.temps.set(path, tmp);
  }

  get size(): number {
    return this.temps.size;
  }

  /** Flushes every temporary file, renames each over its target, then syncs each folder once. */
  async commit(): Promise<void> {
    const entries = [...this.temps];
    try {
      await inPool(entries, async ([path, tmp]) => {
        try {
          const handle = await open(tmp, 'r+');
          try {
            await handle.datasync();
          } finally {
            await handle.close();
          }
        } catch (err) {
          throw writeFailure(err, path, tmp);
        }
      });
    } catch (err) {
      this.abandon();
      throw err;
    }
    // Every file is whole on disk before any target changes: a crash from here on leaves each old or new.
    for (const [path, tmp] of entries) {
      try {
        renameSync(tmp, path);
      } catch (err) {
        this.abandon();
        throw writeFailure(err, path, tmp);
      }
      this.temps.delete(path);
    }
    await inPool([...new Set(entries.map(([path]) => dirname(path)))], syncFolder);
  }

  /** Removes the temporary files not committed: the targets stay as they were. */
  abandon(): void {
    for (const tmp of this.temps.values()) rmSync(tmp, { force: true });
    this.temps.clear();
  }
}

/** A folder's entries made durable (the renames in it); a file system that cannot sync folders is let be. */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (err) {
    throw systemError(err, dir, 'open the folder') ?? err;
  }
  try {
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw systemError(err, dir, 'sync') ?? err;
  } finally {
    await handle.close();
  }
}

/** Runs `work` over `items`, FLUSHES_AT_ONCE at a time; the first failure is thrown once all have settled. */
async function inPool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
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
  await Promise.all(Array.from({ length: Math.min(FLUSHES_AT_ONCE, items.length) }, lane));
  if (failure) throw failure.err;
}
