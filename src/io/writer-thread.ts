import type { Worker } from 'node:worker_threads';

/**
 * Temporary files created and written by a thread of their own: creating, writing and closing a file is kernel
 * work (≈ 60 µs for an article's XLIFF on ext4) that the main thread would otherwise wait for, file after file,
 * while the run's text work waits too. The thread gets files in messages of several at once (a message costs the
 * main thread a few microseconds, not a file's) and answers each message with the files that failed. What it writes
 * is what `storeHere` writes; nothing is flushed or renamed here (the batch does that, as for its other files).
 */

/** Files held before they go to the thread in one message (the last ones go when the batch waits for them). */
const FILES_PER_MESSAGE = 16;

/** Characters held before they go, whatever the count: a message of large files is not held back. */
const CHARACTERS_PER_MESSAGE = 1 << 19;

/** The thread: CommonJS run from a string, so it needs no file of its own beside the bundle. */
const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
const { openSync, writeFileSync, closeSync } = require('node:fs');
parentPort.on('message', (files) => {
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
      failed.push({ at: i / 2, message: String(err && err.message), code: err && err.code, errno: err && err.errno,
        syscall: err && err.syscall, path: err && err.path });
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

export class WriterThread {
  private readonly worker: Worker;
  /** Temporary file, data, … not sent yet; and their promises. */
  private queued: Array<string | Uint8Array> = [];
  private queuedWaiting: Waiting[] = [];
  private queuedCharacters = 0;
  /** Messages sent and not answered, in order (the thread answers them in order). */
  private readonly sent: Waiting[][] = [];
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
    if (!this.sent.length) this.worker.ref();
    this.sent.push(this.queuedWaiting);
    this.worker.postMessage(this.queued);
    this.queued = [];
    this.queuedWaiting = [];
    this.queuedCharacters = 0;
  }

  /** Ends the thread once it has answered (a file queued after this fails). */
  async stop(): Promise<void> {
    this.send();
    this.broken ??= { err: new Error('the thread writing temporary files was stopped') };
    await this.worker.terminate();
  }

  private answered(failed: readonly Failure[]): void {
    const files = this.sent.shift() ?? [];
    if (!this.sent.length) this.worker.unref();
    const failures = new Map(failed.map((f) => [f.at, f]));
    files.forEach((waiting, i) => {
      const f = failures.get(i);
      if (!f) waiting.resolve();
      else
        waiting.reject(
          Object.assign(new Error(f.message), { code: f.code, errno: f.errno, syscall: f.syscall, path: f.path }),
        );
    });
  }

  /** The thread failed or ended: every file not answered fails with it. */
  private break(err: unknown): void {
    this.broken ??= { err };
    for (const files of this.sent.splice(0)) for (const waiting of files) waiting.reject(err);
    for (const waiting of this.queuedWaiting.splice(0)) waiting.reject(err);
    this.queued = [];
    this.queuedCharacters = 0;
  }
}
