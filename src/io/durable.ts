import { closeSync, fdatasync, openSync, statSync } from 'node:fs';
import { release } from 'node:os';
import { dirname } from 'node:path';
import type { Socket } from 'node:net';

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
 * Files written between two flushes of their file system begun ahead (`flushAhead`): the flush at the end then writes
 * back only the files written since the last one.
 */
export const FLUSH_AHEAD_EVERY = 512;

/**
 * A process that runs `sync -f` on each folder it is sent, one a line, and answers each with a line, "0" when it
 * succeeded: started once (`startFlusher`) while the process is small, so that the flushes of a run of many files
 * fork a shell's small process, not Node's (a fork copies the page tables of the whole process: ≈ 20 ms at 150 MB).
 * It reads until its input ends: when this process ends, killed or not, so does it.
 */
interface Flusher {
  /** The process's input and output (pipes: sockets, each let go while no answer is awaited). */
  readonly input: Socket;
  readonly output: Socket;
  readonly answers: Array<(ok: boolean) => void>;
  /** Whether a flush begun ahead failed: its error was reported to it alone, so each file is flushed at the end. */
  aheadFailed: boolean;
  ended: boolean;
}

/** The flusher of this thread: undefined before startFlusher, null where none can run. */
let flusher: Flusher | null | undefined;

const FLUSHER_SCRIPT = 'while IFS= read -r d; do if sync -f -- "$d"; then echo 0; else echo 1; fi; done';

/**
 * Starts this thread's flusher, where syncfs can make many files durable (Linux ≥ 5.8); a caller about to write many
 * files calls it before the first, while the process is small. A flusher never asked holds nothing open.
 */
export function startFlusher(): void {
  if (flusher !== undefined) return;
  flusher = null;
  if (!syncfsReportsErrors()) return;
  const { spawn } = process.getBuiltinModule('node:child_process');
  let child;
  try {
    child = spawn('sh', ['-c', FLUSHER_SCRIPT], { stdio: ['pipe', 'pipe', 'ignore'] });
  } catch {
    return;
  }
  const input = child.stdin as Socket;
  const output = child.stdout as Socket;
  const started: Flusher = { input, output, answers: [], aheadFailed: false, ended: false };
  let partial = '';
  const end = (): void => {
    started.ended = true;
    for (const answer of started.answers.splice(0)) answer(false);
  };
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      started.answers.shift()?.(line === '0');
      if (!started.answers.length) output.unref();
    }
  });
  output.on('close', end);
  child.on('error', end);
  input.on('error', end);
  child.unref();
  input.unref();
  output.unref();
  flusher = started;
}

/** `dir`'s file system flushed by the flusher; false when it failed or there is none. */
function askFlusher(f: Flusher, dir: string): Promise<boolean> {
  if (f.ended || dir.includes('\n')) return Promise.resolve(false);
  return new Promise((resolve) => {
    f.answers.push(resolve);
    f.output.ref();
    f.input.write(`${dir}\n`);
  });
}

/** Flushes begun ahead that may wait for the flusher at once (their answers are read when this thread is free). */
const AHEAD_AT_ONCE = 4;

/**
 * Begins a flush of `dir`'s file system (the files written so far in it), not waited for, when this thread's flusher
 * runs and has fewer than AHEAD_AT_ONCE flushes to make.
 */
export function flushAhead(dir: string): void {
  const f = flusher;
  if (!f || f.ended || f.answers.length >= AHEAD_AT_ONCE) return;
  void askFlusher(f, dir).then((ok) => {
    if (!ok) f.aheadFailed = true;
  });
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
  const f = flusher;
  if (f?.aheadFailed) return false;
  if (f && !f.ended) {
    const answers = await Promise.all([...byDevice.values()].map((dir) => askFlusher(f, dir)));
    return answers.every(Boolean) && !f.aheadFailed;
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
