import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LocflowError, systemError } from '../errors.js';
import { atomicTemp, writeFailure } from './files.js';

/** How many flushes wait in the thread pool at once: enough for the file system to commit them together. */
const FLUSHES_AT_ONCE = 64;

/**
 * Many files written as writeFileAtomic writes one — each through a temporary file renamed over it, so
 * a reader (or a run killed at any moment) sees the old file or the new one, never half of one — but
 * flushed together: the temporary files are written as they come, flushed to disk concurrently (one
 * journal commit serves many), renamed, and each folder synced once. One fsync per file in turn is
 * what a run over thousands of documents otherwise waits for.
 *
 * For changes that must land with something else (import's memory entries): `flush` first, where a full
 * disk or a read-only folder fails with every target unchanged; then the other change; then `commit`,
 * whose renames need no space. Any failure removes the temporary files (`abandon`), and the next write
 * to a folder removes those of a run killed in between (removeStaleTemps).
 */
export class AtomicBatch {
  /** Target path → its temporary file, in the order written. */
  private readonly temps = new Map<string, string>();
  /** Temporary files already flushed to disk. */
  private readonly flushed = new Set<string>();

  /** Writes `data` to a temporary file beside `path`; `path` itself changes only in commit(). */
  write(path: string, data: string | Uint8Array): void {
    const earlier = this.temps.get(path);
    if (earlier) {
      rmSync(earlier, { force: true });
      this.temps.delete(path);
      this.flushed.delete(earlier);
    }
    let tmp: string;
    try {
      tmp = atomicTemp(path);
    } catch (err) {
      this.abandon();
      throw err;
    }
    try {
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      this.abandon();
      throw writeFailure(err, path, tmp);
    }
    this.temps.set(path, tmp);
  }

  get size(): number {
    return this.temps.size;
  }

  /** Flushes every temporary file to disk, concurrently; no target changes. A failure abandons the batch. */
  async flush(): Promise<void> {
    const pending = [...this.temps].filter(([, tmp]) => !this.flushed.has(tmp));
    try {
      await inPool(pending, async ([path, tmp]) => {
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
        this.flushed.add(tmp);
      });
    } catch (err) {
      this.abandon();
      throw err;
    }
  }

  /** Flushes what is not yet flushed, renames each file over its target, then syncs each folder once. */
  async commit(): Promise<void> {
    await this.flush();
    // Every file is whole on disk before any target changes: a crash from here on leaves each old or new.
    const entries = [...this.temps];
    for (const [i, [path, tmp]] of entries.entries()) {
      try {
        renameSync(tmp, path);
      } catch (err) {
        this.temps.delete(path);
        this.abandon();
        const e = writeFailure(err, path, tmp) as Error;
        throw new LocflowError(`${e.message}; ${i} of ${entries.length} file(s) were written`, {
          file: path,
          hint: `${e instanceof LocflowError && e.hint ? `${e.hint}; then ` : ''}run the command again: it completes what was left`,
        });
      }
      this.temps.delete(path);
      this.flushed.delete(tmp);
    }
    await inPool([...new Set(entries.map(([path]) => dirname(path)))], syncFolder);
  }

  /** Removes the temporary files not committed: the targets stay as they were. */
  abandon(): void {
    for (const tmp of this.temps.values()) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // The next write to this folder removes it.
      }
    }
    this.temps.clear();
    this.flushed.clear();
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
