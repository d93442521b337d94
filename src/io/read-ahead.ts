import type { MessagePort, Worker } from 'node:worker_threads';

/**
 * Small files read ahead by a thread of their own, in the order a run will read them (extract's sources): opening,
 * sizing, reading and closing a file is kernel work, sometimes a wait for the disk, that the main thread then does not
 * do between two documents. The thread keeps at most FILES_AHEAD files ahead of the main thread and hands each file's
 * bytes over without a copy (or its text, decoded there when asked); behind it (given no core for a while), the thread goes on from the file asked next. The
 * main thread takes them without waiting (`take`): a file not read yet, read otherwise (too large, empty, failed) or
 * asked out of order is read by the caller as before, so what a run reads and the errors it reports are the same; a
 * file read ahead is its bytes as they were a few documents earlier.
 */

/** How far ahead the thread reads: enough to stay ahead, little held. */
const FILES_AHEAD = 32;

/** A file's mode (ReadAhead.start): decoded as UTF-8 by the thread. */
export const AS_TEXT = 1;
/** A file's mode: read only when it is a regular file whose name is no symbolic link (what a caller compares with). */
export const REGULAR_ONLY = 2;

/** taken[2] while the thread reads: no count of files taken wakes it. */
const NEVER = 0x7fffffff;

const THREAD_CODE = `
const { workerData } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync } = require('node:fs');
const { files, maxBytes, port, taken, modes } = workerData;
const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = require('node:fs').constants;
const NEVER = ${NEVER};
for (let i = 0; i < files.length; i++) {
  // Behind the main thread (it got no core for a while), it goes on from the file asked next: those before are read.
  i = Math.max(i, Atomics.load(taken, 0));
  if (i >= files.length) break;
  if (i - Atomics.load(taken, 0) >= ${FILES_AHEAD}) {
    // Far enough ahead: it sleeps until the main thread has taken half of what is read, and says when to wake it.
    const want = i - ${FILES_AHEAD / 2};
    Atomics.store(taken, 2, want);
    for (let t = Atomics.load(taken, 0); t < want && Atomics.load(taken, 1) === 0; t = Atomics.load(taken, 0))
      Atomics.wait(taken, 0, t, 1000);
    Atomics.store(taken, 2, NEVER);
  }
  if (Atomics.load(taken, 1) === 1) break; // stopped
  let bytes;
  try {
    const mode = modes ? modes[i] : 0;
    // A file wanted only as a regular file is not opened through a link, nor waited for when it is a pipe.
    const fd = openSync(files[i], mode & ${REGULAR_ONLY} ? O_RDONLY | O_NOFOLLOW | O_NONBLOCK : 'r');
    try {
      const stat = fstatSync(fd);
      const size = stat.size;
      if (size > 0 && size <= maxBytes && (!(mode & ${REGULAR_ONLY}) || stat.isFile())) {
        const buffer = new Uint8Array(new ArrayBuffer(size));
        let n = 0;
        for (let got = -1; n < size && got !== 0; n += got) got = readSync(fd, buffer, n, size - n, null);
        bytes = n < size ? buffer.slice(0, n) : buffer;
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    bytes = undefined; // the caller reads it, and reports what is wrong
  }
  // Decoded here when asked (Node's UTF-8 decoding, as the caller's would be): a string crosses as a copy of its
  // characters, which costs the caller less than decoding it.
  if (bytes && modes && modes[i] & ${AS_TEXT})
    port.postMessage({ i, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') });
  else if (bytes) port.postMessage({ i, bytes }, [bytes.buffer]);
  else port.postMessage({ i });
}
`;

export class ReadAhead {
  private next = 0;

  private constructor(
    private readonly files: readonly string[],
    private readonly worker: Worker,
    private readonly port: MessagePort,
    /** [0]: files the main thread has taken; [1]: 1 once stopped; [2]: the count of [0] that wakes the thread. */
    private readonly taken: Int32Array,
    private readonly receive: (port: MessagePort) => { message: unknown } | undefined,
  ) {}

  /**
   * A thread reading `files` (those of at most `maxBytes`) ahead, when this is the main thread; else undefined.
   * `modes`: for each file, AS_TEXT (the thread decodes it as UTF-8 too: `takeText` then gives its text) and
   * REGULAR_ONLY (read only when it is a regular file, reached without a symbolic link at its name), or 0.
   */
  static start(files: readonly string[], maxBytes: number, modes?: readonly number[]): ReadAhead | undefined {
    // Loaded when first needed, not at start-up (as every other use of threads).
    const { Worker, MessageChannel, isMainThread, receiveMessageOnPort } =
      process.getBuiltinModule('node:worker_threads');
    if (!isMainThread) return undefined;
    const { port1, port2 } = new MessageChannel();
    const taken = new Int32Array(new SharedArrayBuffer(12));
    taken[2] = NEVER;
    const worker = new Worker(THREAD_CODE, {
      eval: true,
      stdout: false,
      stderr: false,
      workerData: { files, maxBytes, port: port2, taken, modes: modes && Uint8Array.from(modes) },
      transferList: [port2],
    });
    worker.unref();
    worker.on('error', () => undefined); // a thread that fails reads nothing more: each file is read by the caller
    return new ReadAhead(files, worker, port1, taken, receiveMessageOnPort);
  }

  /**
   * The bytes of `file` when it is the next file of the list and was read whole, taken without waiting; undefined
   * otherwise (the caller reads it). Each call moves on to the next file of the list when `file` is the next one.
   */
  take(file: string): Buffer | undefined {
    const got = this.takeText(file);
    return typeof got === 'string' ? undefined : got;
  }

  /** `take`, for a file the thread was asked to decode: its text (or its bytes, or undefined, as `take`'s). */
  takeText(file: string): Buffer | string | undefined {
    if (Atomics.load(this.taken, 1) === 1 || this.files[this.next] !== file) return undefined;
    const i = this.next++;
    Atomics.store(this.taken, 0, this.next);
    // Woken once it may read half its files again, not at every file taken (each wake is a system call on both sides).
    if (this.next >= Atomics.load(this.taken, 2)) Atomics.notify(this.taken, 0);
    for (;;) {
      const got = this.receive(this.port)?.message as { i: number; bytes?: Uint8Array; text?: string } | undefined;
      if (got === undefined || got.i > i) return undefined; // not read yet (the thread then is behind: rare)
      if (got.i !== i) continue;
      if (got.text !== undefined) return got.text;
      return got.bytes && Buffer.from(got.bytes.buffer, got.bytes.byteOffset, got.bytes.byteLength);
    }
  }

  /** Stops the thread (files it has not read are read by the caller). */
  stop(): void {
    Atomics.store(this.taken, 1, 1);
    Atomics.notify(this.taken, 0);
    this.port.close();
    void this.worker.terminate();
  }
}
