import type { AtomicBatch } from './atomic-batch.js';
import { serveTasks, shareOut, WorkerPool } from './worker-pool.js';

/**
 * Items (documents) shared by the main thread and worker threads whose writes are staged as temporary files, each
 * thread's in a batch of its own. Results are taken in item order (the same results and first error as one thread),
 * then every worker's temporary files join the run's batch, which makes them durable and renames them with its own.
 * After a failure each worker removes what it wrote, so every target stays as it was.
 */

/** An item to work on; or, once all are done, the worker's temporary files to hand over or to remove. */
export type StagedTask<T> = { readonly item: T } | { readonly handOver: true } | { readonly abandon: true };

export interface StagedReply<R> {
  readonly result?: R;
  readonly staged?: Array<[path: string, tmp: string]>;
}

/** Items a worker is given at once: it starts the next while the main thread takes the last one's result. */
const ITEMS_PER_WORKER = 2;

/** `threads` − 1 workers running `workerFile` (see serveStaged) and the main thread share `items`. */
export async function shareStaged<T, R>(run: {
  readonly workerFile: string;
  readonly threads: number;
  /** What each worker is told when it starts. */
  readonly workerData: unknown;
  readonly items: readonly T[];
  /** The main thread's own work on an item, its writes staged in `batch`. */
  readonly here: (item: T) => Promise<R>;
  readonly take: (result: R, index: number) => void;
  /** The run's batch, which takes the workers' temporary files; none on a dry run. */
  readonly batch: AtomicBatch | undefined;
  /** The command, named in what stops the workers after a failure. */
  readonly command: string;
}): Promise<void> {
  const { batch } = run;
  const pool = await WorkerPool.start<StagedTask<T>, StagedReply<R>>(run.workerFile, run.threads - 1, run.workerData);
  let handedOver = false;
  try {
    const onWorker = async (item: T): Promise<R> => (await pool.run({ item })).result!;
    const onMain = async (item: T): Promise<R> => {
      // Lets the workers' results in between two items, so no worker waits for its next one.
      await new Promise((resolve) => setImmediate(resolve));
      return run.here(item);
    };
    const lanes = [onMain, ...Array.from({ length: pool.size * ITEMS_PER_WORKER }, () => onWorker)];
    await shareOut(run.items, lanes, run.take);
    if (batch) for (const reply of await pool.each({ handOver: true })) batch.adopt(reply.staged!);
    handedOver = true;
  } finally {
    // On a failure each worker removes the temporary files it wrote (the main thread's are the run's batch's).
    if (!handedOver) {
      pool.drop(new Error(`${run.command} stopped`));
      await pool.each({ abandon: true }).catch(() => undefined);
    }
    await pool.close();
  }
}

/**
 * In a worker thread of shareStaged: each item given to `work`, whose writes are staged in `batch` (none on a dry
 * run); then the temporary files handed over to the main thread's batch, or removed after a failure.
 */
export function serveStaged<T, R>(batch: AtomicBatch | undefined, work: (item: T) => Promise<R>): void {
  void serveTasks<StagedTask<T>, StagedReply<R>>(async (task) => {
    if ('item' in task) return { result: await work(task.item) };
    if ('handOver' in task) return { staged: (await batch?.handOver()) ?? [] };
    await batch?.abandon();
    return {};
  });
}
