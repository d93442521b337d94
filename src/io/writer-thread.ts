import type { Worker } from 'node:worker_threads';

/**
 * Temporary files created and written by a thread of their own: creating, writing and closing a file is kernel
 * work (≈ 60 µs for an article's XLIFF on ext4) that the main thread would otherwise wait for, file after file,
 * while the run's text work waits too. The thread gets files in messages of several at once (a message costs the
 * main thread a few microseconds, not a file's) and answers each message with the files that failed. What it writes
 * is what `storeHere` writes; nothing is flushed here (the batch does that, as for its other files). Once the batch has
 * made them durable, the thread renames them too, in one message (`renameAll`): one after another on a thread of
 * their own, thousands of renames in one folder take less than in the thread pool, where each waits for the folder's
 * lock and answers the main thread one by one.
 */

/** Files held before they go to the thread in one message (the last ones go when the batch waits for them). */
const FILES_PER_MESSAGE = 16;

/** Characters held before they go, whatever the count: a message of large files is not held back. */
const CHARACTERS_PER_MESSAGE = 1 << 19;

/**
 * Renames per message: the thread holds (and the main thread serializes) one message's names at a time, not a run's
 * tens of thousands (an import of 37,213 files renames 74,426: in one message, ≈ 30 MB more on the thread's heap).
 */
export const RENAMES_PER_MESSAGE = 1024;

/** The thread: CommonJS run from a string, so it needs no file of its own beside the bundle. */
const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
const { openSync, writeFileSync, closeSync, renameSync } = require('node:fs');
const failure = (at, err) => ({ at, message: String(err && err.message), code: err && err.code, errno: err && err.errno,
  syscall: err && err.syscall, path: err && err.path });
parentPort.on('message', (files) => {
  if (files.create) {
    // Files created empty ahead of their data, in order; one that fails is left to the write that follows.
    for (const file of files.create) {
      try {
        closeSync(openSync(file, 'w'));
      } catch {}
    }
    parentPort.postMessage([]);
    return;
  }
  if (!Array.isArray(files)) {
    // Renames in order; the first failure stops them (no later target changes) and is the answer.
    const pairs = files.rename;
    for (let i = 0; i < pairs.length; i += 2) {
      try {
        renameSync(pairs[i], pairs[i + 1]);
      } catch (err) {
        parentPort.postMessage([failure(i / 2, err)]);
        return;
      }
    }
    parentPort.postMessage([]);
    return;
  }
  const failed = [];
  for (let i = 0; i < files.length; i += 2) {
    try {
      const fd = openSync(files[i], 'w');
      try {
        writeFileSync(fd, files[i + 1]);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      failed.push(failure(i / 2, err));
    }
  }
  parentPort.postMessage(failed);
});
`;

/** A file the thread could not write, as it crosses back (an Error's own fields do not survive the crossing). */
interface Failure {
  readonly at: number;
  readonly message: string;
  readonly code?: string;
  readonly errno?: number;
  readonly syscall?: string;
  readonly path?: string;
}

interface Waiting {
  resolve(): void;
  reject(err: unknown): void;
}

/** A message sent and not answered: what its answer (the failures) settles, or what the thread's end fails. */
interface Pending {
  answer(failed: readonly Failure[]): void;
  fail(err: unknown): void;
}

/** A renaming that `renameAll` gave the thread: how many were renamed, in order, and the first failure, if any. */
export interface Renamed {
  readonly renamed: number;
  readonly failure?: Error;
}

export class WriterThread {
  private readonly worker: Worker;
  /** Temporary file, data, … not sent yet; and their promises. */
  private queued: Array<string | Uint8Array> = [];
  private queuedWaiting: Waiting[] = [];
  private queuedCharacters = 0;
  /** Messages sent and not answered, in order (the thread answers them in order). */
  private readonly sent: Pending[] = [];
  private broken: { err: unknown } | undefined;

  /** A thread started, when this is the main thread (undefined in a worker thread: the other cores already work). */
  static start(): WriterThread | undefined {
    // Loaded when first needed, not at start-up (as every other use of threads).
    const { Worker, isMainThread } = process.getBuiltinModule('node:worker_threads');
    return isMainThread
      ? new WriterThread(new Worker(THREAD_CODE, { eval: true, stdout: false, stderr: false }))
      : undefined;
  }

  private constructor(worker: Worker) {
    this.worker = worker;
    this.worker.unref(); // held only while a message waits for its answer
    this.worker.on('message', (failed: Failure[]) => this.answered(failed));
    this.worker.on('error', (err) => this.break(err));
    this.worker.on('exit', (code) => this.break(new Error(`the thread writing temporary files stopped (${code})`)));
  }

  /** Creates `tmp` and writes `data` to it, on the thread; settles once it is written and closed (or failed). */
  write(tmp: string, data: string | Uint8Array): Promise<void> {
    if (this.broken) return Promise.reject(this.broken.err);
    const done = new Promise<void>((resolve, reject) => this.queuedWaiting.push({ resolve, reject }));
    this.queued.push(tmp, data);
    this.queuedCharacters += data.length;
    if (this.queuedWaiting.length >= FILES_PER_MESSAGE || this.queuedCharacters >= CHARACTERS_PER_MESSAGE) this.send();
    return done;
  }

  /** Sends what is held: called before the batch waits for its files. */
  send(): void {
    if (!this.queuedWaiting.length) return;
    const files = this.queuedWaiting;
    this.post(this.queued, {
      answer: (failed) => {
        const failures = new Map(failed.map((f) => [f.at, f]));
        files.forEach((waiting, i) => {
          const f = failures.get(i);
          if (!f) waiting.resolve();
          else waiting.reject(errorOf(f));
        });
      },
      fail: (err) => files.forEach((waiting) => waiting.reject(err)),
    });
    this.queued = [];
    this.queuedWaiting = [];
    this.queuedCharacters = 0;
  }

  /**
   * Creates each of `files` empty, in order, on the thread, before the files queued after this: on a file system where
   * creating a file is the slow part, it begins before their data is ready. Settles once done (a file that could not
   * be created is left to its write).
   */
  create(files: readonly string[]): Promise<void> {
    if (this.broken) return Promise.resolve();
    this.send();
    return new Promise<void>((resolve) =>
      this.post({ create: files }, { answer: () => resolve(), fail: () => resolve() }),
    );
  }

  /**
   * Renames each temporary file over its target, in order, on the thread (after the files queued before); the first
   * failure stops them. The pairs are taken as they are sent, RENAMES_PER_MESSAGE at a time, each message once the
   * last is done. Resolves with how many were renamed; rejects only when the thread itself fails.
   */
  async renameAll(pairs: Iterable<readonly [tmp: string, target: string]>): Promise<Renamed> {
    let renamed = 0;
    let names: string[] = [];
    const rename = async (): Promise<Renamed | undefined> => {
      const done = await this.renameNow(names);
      names = [];
      renamed += done.renamed;
      return done.failure ? { renamed, failure: done.failure } : undefined;
    };
    for (const [tmp, target] of pairs) {
      names.push(tmp, target);
      if (names.length < 2 * RENAMES_PER_MESSAGE) continue;
      const failed = await rename();
      if (failed) return failed;
    }
    return (names.length ? await rename() : undefined) ?? { renamed };
  }

  /** One message of renames: `names` is temporary file, target, … */
  private renameNow(names: readonly string[]): Promise<Renamed> {
    if (this.broken) return Promise.reject(this.broken.err);
    this.send();
    return new Promise<Renamed>((resolve, reject) =>
      this.post(
        { rename: names },
        {
          answer: (failed) =>
            resolve(failed[0] ? { renamed: failed[0].at, failure: errorOf(failed[0]) } : { renamed: names.length / 2 }),
          fail: reject,
        },
      ),
    );
  }

  private post(message: unknown, pending: Pending): void {
    if (!this.sent.length) this.worker.ref();
    this.sent.push(pending);
    this.worker.postMessage(message);
  }

  /** Ends the thread once it has answered (a file queued after this fails). */
  async stop(): Promise<void> {
    this.send();
    this.broken ??= { err: new Error('the thread writing temporary files was stopped') };
    await this.worker.terminate();
  }

  private answered(failed: readonly Failure[]): void {
    const pending = this.sent.shift();
    if (!this.sent.length) this.worker.unref();
    pending?.answer(failed);
  }

  /** The thread failed or ended: every file not answered fails with it. */
  private break(err: unknown): void {
    this.broken ??= { err };
    for (const pending of this.sent.splice(0)) pending.fail(err);
    for (const waiting of this.queuedWaiting.splice(0)) waiting.reject(err);
    this.queued = [];
    this.queuedCharacters = 0;
  }
}

/** A failure as the thread reported it, as the error it was there. */
function errorOf(f: Failure): Error {
  return Object.assign(new Error(f.message), { code: f.code, errno: f.errno, syscall: f.syscall, path: f.path });
}
