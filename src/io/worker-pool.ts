import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { DiagnosticError, LocflowError } from '../errors.js';

/**
 * Independent work (documents) spread over worker threads, the results taken back in the order of the work, so
 * the output of a run is the same with any number of threads. The main thread hands out tasks and gathers
 * replies; each worker runs its tasks one at a time (`serveTasks`), keeping what it set up between them.
 */

/**
 * Threads a run may use: LOCFLOW_THREADS when it is set (1 or less: the main thread alone), else `fallback`;
 * never more than the machine's cores.
 */
export function threadsAllowed(fallback = availableParallelism()): number {
  const set = process.env.LOCFLOW_THREADS;
  const wanted = set === undefined || set === '' ? fallback : Number(set);
  if (!Number.isFinite(wanted) || wanted <= 1) return 1;
  return Math.min(Math.floor(wanted), availableParallelism());
}

/**
 * Source bytes from which documents are shared with worker threads: a worker's start (its modules, its own lookups,
 * its compiler warming up again) costs about what a few hundred small documents do, so a small project stays on one.
 */
const POOL_BYTES = 512 * 1024;

/**
 * Threads for a run whose documents, read from `sources`, are each worked on apart (extract, build): for two
 * documents or more holding POOL_BYTES of text, LOCFLOW_THREADS, else one per core but one — the core left is V8's,
 * whose optimising compiler and garbage collector run on threads of their own. One without a compiled worker.
 */
export function documentThreads(sources: readonly { readonly file: string }[], workerFile: string | undefined): number {
  if (sources.length < 2) return 1;
  const threads = Math.min(threadsAllowed(availableParallelism() - 1), sources.length);
  if (threads <= 1 || !workerFile) return 1;
  let bytes = 0;
  for (const { file } of sources) {
    try {
      bytes += statSync(file).size;
    } catch {
      // Reading it reports what is wrong.
    }
    if (bytes >= POOL_BYTES) return threads;
  }
  return 1;
}

/** The compiled worker at `url` (beside its module), when there is one: a run from TypeScript sources has none. */
export function compiledWorker(url: URL): string | undefined {
  const file = fileURLToPath(url);
  return existsSync(file) ? file : undefined;
}

/** An error as it crosses from a worker: the parts the CLI reports. */
interface ErrorReply {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly id?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  readonly exitCode?: number;
}

type Reply<R> = { readonly task: number; readonly result: R } | { readonly task: number; readonly error: ErrorReply };

function errorReply(err: unknown): ErrorReply {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const d = err instanceof DiagnosticError ? err : undefined;
  return {
    name: err.name,
    message: err.message,
    ...(err.stack !== undefined ? { stack: err.stack } : {}),
    ...(d ? { id: d.id } : {}),
    ...(d?.file !== undefined ? { file: d.file } : {}),
    ...(d?.line !== undefined ? { line: d.line } : {}),
    ...(d?.column !== undefined ? { column: d.column } : {}),
    ...(d?.hint !== undefined ? { hint: d.hint } : {}),
    ...(err instanceof LocflowError ? { exitCode: err.exitCode } : {}),
  };
}

/** The error thrown in the worker, as the main thread reports it: a diagnostic stays one the user can act on. */
function errorFromReply(e: ErrorReply): Error {
  if (e.id !== undefined) {
    return new LocflowError(e.message, {
      id: e.id,
      ...(e.file !== undefined ? { file: e.file } : {}),
      ...(e.line !== undefined ? { line: e.line } : {}),
      ...(e.column !== undefined ? { column: e.column } : {}),
      ...(e.hint !== undefined ? { hint: e.hint } : {}),
      ...(e.exitCode !== undefined ? { exitCode: e.exitCode } : {}),
    });
  }
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack !== undefined) err.stack = e.stack;
  return err;
}

/**
 * In a worker thread: answers each task the pool sends with `handle`'s result, one task at a time in the order
 * they came (a task may rely on what the ones before it left, such as files staged in a batch).
 */
export async function serveTasks<T, R>(handle: (task: T) => Promise<R>): Promise<void> {
  const { parentPort } = await import('node:worker_threads');
  if (!parentPort) throw new Error('serveTasks runs in a worker thread');
  const port = parentPort;
  let queue = Promise.resolve();
  port.on('message', ({ task, input }: { task: number; input: T }) => {
    queue = queue.then(async () => {
      let reply: Reply<R>;
      try {
        reply = { task, result: await handle(input) };
      } catch (err) {
        reply = { task, error: errorReply(err) };
      }
      port.postMessage(reply);
    });
  });
}

/**
 * A run's document loop on a thread of its own (many documents, one thread): V8 grows the young generation of a
 * thread whose scavenges keep surviving objects up to semi-spaces of 16 MB, each growth new pages mapped and zeroed,
 * and a loop over thousands of documents does that on the main thread. A worker's young generation can be bounded
 * (resourceLimits), which Node's main thread's can be only from its command line.
 */
export const ALONE_YOUNG_MB = 6;

/** Documents from which a run on one thread goes on a worker thread of its own (runAlone): below, its start costs more. */
const ALONE_FROM = 64;

/** Whether a run of `documents` on `threads` threads goes on a worker thread of its own (runAlone) from `workerFile`. */
export function runsAlone(threads: number, documents: number, workerFile: string | undefined): workerFile is string {
  return threads === 1 && documents >= ALONE_FROM && workerFile !== undefined;
}

/** What a worker of runAlone started early is told first: its data comes in its first message (aloneData). */
export const DATA_BY_MESSAGE = 'locflow: data by message';

/** A worker of runAlone started early (startAloneEarly), by its file; whether it failed or stopped before it was used. */
const early = new Map<string, { readonly worker: Worker; ended: boolean }>();

/**
 * Starts the worker of runAlone now when a run of `sources` will go on one (runsAlone from documentThreads): its start
 * (a thread, its modules) is then made while this thread still checks the project, and runAlone hands it the run. A
 * worker never used holds nothing open (the process ends without it).
 */
export function startAloneEarly(file: string | undefined, sources: readonly { readonly file: string }[]): void {
  if (!file || sources.length < ALONE_FROM || early.has(file)) return;
  if (!runsAlone(documentThreads(sources, file), sources.length, file)) return;
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const worker = new Worker(file, {
    workerData: DATA_BY_MESSAGE,
    resourceLimits: { maxYoungGenerationSizeMb: ALONE_YOUNG_MB },
  });
  worker.unref();
  const started = { worker, ended: false };
  // A worker that fails before it is used is let go: runAlone starts another, which reports what is wrong.
  worker.on('error', () => (started.ended = true));
  worker.on('exit', () => (started.ended = true));
  early.set(file, started);
}

/** In a worker of runAlone or of a pool: what it was told, from its first message when it was started early. */
export async function aloneData<T>(given: unknown): Promise<T> {
  if (given !== DATA_BY_MESSAGE) return given as T;
  const { parentPort } = await import('node:worker_threads');
  if (!parentPort) throw new Error('aloneData runs in a worker thread');
  const port = parentPort;
  return new Promise<T>((resolve) => port.once('message', (data: T) => resolve(data)));
}

/** `file` run in a worker thread told `workerData` (see answerOnce), its young generation `youngMb`; its answer. */
export async function runAlone<R>(file: string, workerData: unknown, youngMb = ALONE_YOUNG_MB): Promise<R> {
  const { Worker } = await import('node:worker_threads');
  const started = early.get(file);
  early.delete(file);
  let worker: Worker;
  if (started && !started.ended && youngMb === ALONE_YOUNG_MB) {
    worker = started.worker;
    worker.ref();
    worker.postMessage(workerData);
  } else {
    worker = new Worker(file, { workerData, resourceLimits: { maxYoungGenerationSizeMb: youngMb } });
  }
  return new Promise<R>((resolve, reject) => {
    worker.once('message', (reply: { result: R } | { error: ErrorReply }) => {
      if ('error' in reply) reject(errorFromReply(reply.error));
      else resolve(reply.result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code})`)));
  });
}

/** In a worker thread of runAlone: `work`'s result (or error) sent back once. */
export async function answerOnce<R>(work: () => Promise<R>): Promise<void> {
  const { parentPort } = await import('node:worker_threads');
  if (!parentPort) throw new Error('answerOnce runs in a worker thread');
  let reply: { result: R } | { error: ErrorReply };
  try {
    reply = { result: await work() };
  } catch (err) {
    reply = { error: errorReply(err) };
  }
  parentPort.postMessage(reply);
}

interface Pending<R> {
  readonly resolve: (result: R) => void;
  readonly reject: (err: Error) => void;
}

/** Tasks a worker is given before the earlier ones come back: it never waits for the main thread between two. */
const TASKS_AHEAD = 2;

/** A fixed set of worker threads running `file`, each told `workerData` when it starts. */
export class WorkerPool<T, R> {
  private readonly pending = new Map<number, Pending<R> & { readonly worker: Worker }>();
  private readonly load = new Map<Worker, number>();
  private readonly waiting: Array<{ readonly input: T } & Pending<R>> = [];
  private nextTask = 0;
  private broken: Error | undefined;

  private constructor(private readonly workers: readonly Worker[]) {
    for (const worker of workers) {
      this.load.set(worker, 0);
      worker.on('message', (reply: Reply<R>) => this.settle(worker, reply));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => this.fail(new Error(`a worker thread stopped (exit code ${code})`)));
    }
  }

  static async start<T, R>(file: string, size: number, workerData: unknown): Promise<WorkerPool<T, R>> {
    const { Worker } = await import('node:worker_threads');
    return new WorkerPool<T, R>(Array.from({ length: size }, () => new Worker(file, { workerData })));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs `input` on the least busy worker. */
  run(input: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.waiting.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  /** Runs `input` on every worker once (what each holds: staged files, a final flush); results in worker order. */
  each(input: T): Promise<R[]> {
    return Promise.all(
      this.workers.map((w) => new Promise<R>((resolve, reject) => this.send(w, input, resolve, reject))),
    );
  }

  /** Tasks not yet given to a worker are rejected (`err`) and never run; those given run to their end. */
  drop(err: Error): void {
    for (const w of this.waiting.splice(0)) w.reject(err);
  }

  /** Stops every worker; tasks not answered are rejected. */
  async close(): Promise<void> {
    this.broken ??= new Error('the worker pool is closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length) {
      let idlest: Worker | undefined;
      for (const [worker, n] of this.load)
        if (n < TASKS_AHEAD && (!idlest || n < this.load.get(idlest)!)) idlest = worker;
      if (!idlest) return;
      const { input, resolve, reject } = this.waiting.shift()!;
      this.send(idlest, input, resolve, reject);
    }
  }

  private send(worker: Worker, input: T, resolve: (r: R) => void, reject: (e: Error) => void): void {
    if (this.broken) return reject(this.broken);
    const task = this.nextTask++;
    this.pending.set(task, { worker, resolve, reject });
    this.load.set(worker, this.load.get(worker)! + 1);
    worker.postMessage({ task, input });
  }

  private settle(worker: Worker, reply: Reply<R>): void {
    const pending = this.pending.get(reply.task);
    if (!pending) return;
    this.pending.delete(reply.task);
    this.load.set(worker, this.load.get(worker)! - 1);
    if ('error' in reply) pending.reject(errorFromReply(reply.error));
    else pending.resolve(reply.result);
    this.dispatch();
  }

  /** A worker died: nothing more can run, and every task waiting is rejected with why. */
  private fail(err: Error): void {
    this.broken ??= err;
    for (const p of this.pending.values()) p.reject(this.broken);
    this.pending.clear();
    for (const w of this.waiting.splice(0)) w.reject(this.broken);
  }
}

/**
 * `run` over `items`, at most `ahead` at once, the results yielded in the order of the items: the first failure
 * (in that order) is thrown, so a run reports the error a run on one thread would. Results not taken yet stay
 * bounded by `ahead`.
 */
export async function* inOrder<T, R>(
  items: Iterable<T>,
  run: (item: T) => Promise<R>,
  ahead: number,
): AsyncGenerator<R> {
  const started: Array<Promise<{ ok: true; value: R } | { ok: false; err: unknown }>> = [];
  const iterator = items[Symbol.iterator]();
  const startNext = (): boolean => {
    const next = iterator.next();
    if (next.done) return false;
    // Settled into a value: a later failure is not an unhandled rejection while an earlier result is awaited.
    started.push(
      run(next.value).then(
        (value) => ({ ok: true as const, value }),
        (err: unknown) => ({ ok: false as const, err }),
      ),
    );
    return true;
  };
  while (started.length < ahead && startNext());
  while (started.length) {
    const first = await started.shift()!;
    if (!first.ok) throw first.err;
    startNext();
    yield first.value;
  }
}

/**
 * Runs every item on `lanes` side by side (a lane runs one item at a time: a worker's share, or work on this
 * thread), each lane taking the next item as soon as it is free, so a slow item holds up no one. `take` gets the
 * results in the order of the items. After a failure no item starts; once the running ones end, the failure of the
 * earliest item is thrown — the one a run through the items in order would have met first.
 */
export async function shareOut<T, R>(
  items: readonly T[],
  lanes: ReadonlyArray<(item: T) => Promise<R>>,
  take: (result: R, index: number) => void,
): Promise<void> {
  const done = new Map<number, R>();
  const failures = new Map<number, unknown>();
  let next = 0;
  let taken = 0;
  const lane = async (run: (item: T) => Promise<R>): Promise<void> => {
    while (next < items.length && failures.size === 0) {
      const index = next++;
      try {
        done.set(index, await run(items[index]!));
      } catch (err) {
        failures.set(index, err);
        return;
      }
      // Results are handed on in item order as soon as the ones before them are in.
      while (failures.size === 0 && done.has(taken)) {
        const result = done.get(taken)!;
        done.delete(taken);
        take(result, taken++);
      }
    }
  };
  await Promise.all(lanes.map(lane));
  if (failures.size) throw failures.get(Math.min(...failures.keys()));
}
