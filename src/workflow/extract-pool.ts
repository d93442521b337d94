import type { AtomicBatch } from '../io/atomic-batch.js';
import { shareOut, WorkerPool } from '../io/worker-pool.js';
import type { Source } from '../project/documents.js';
import type { Project } from '../project/project.js';
import type { DocumentExtract, ExtractOptions, Run } from './extract-types.js';

/**
 * extract with its documents shared by the main thread and worker threads (extract-worker.ts). Each reads,
 * segments and writes the documents it takes into temporary files (a worker's in a batch of its own), as a run on
 * one thread would; the results are taken in document order (the same results, export records and first error as
 * one thread), then every worker's flushed temporary files join the run's batch, which renames them with the
 * export records and syncs each folder once. A failure anywhere leaves every target as it was.
 */

/** What each worker is told when it starts. */
export interface ExtractWorkerData {
  readonly project: Project;
  readonly options: ExtractOptions;
  readonly langs: readonly string[];
}

/** A document to extract; or, once all are done, the worker's temporary files to hand over or to remove. */
export type ExtractTask = { readonly source: Source } | { readonly handOver: true } | { readonly abandon: true };

export interface ExtractReply {
  readonly done?: DocumentExtract;
  readonly staged?: Array<[path: string, tmp: string]>;
}

/** Documents a worker is given at once: it starts the next while the main thread takes the last one's result. */
const DOCUMENTS_PER_WORKER = 2;

/**
 * `threads` − 1 workers and the main thread share the documents, each taking the next as soon as it is free. The
 * main thread's part is extract's own (`openHere`, `extractHere`), handed in: this module needs nothing else of it.
 */
export async function extractInWorkers(run: {
  readonly project: Project;
  readonly options: ExtractOptions;
  readonly langs: readonly string[];
  readonly batch: AtomicBatch;
  readonly threads: number;
  readonly sources: readonly Source[];
  readonly note: (doc: { readonly id: string }, done: DocumentExtract) => void;
  /** The compiled extract-worker.js. */
  readonly workerFile: string;
  readonly openHere: () => Promise<Run>;
  readonly extractHere: (here: Run, source: Source) => Promise<DocumentExtract>;
}): Promise<void> {
  const { project, options, langs, batch, threads, sources, note } = run;
  const data: ExtractWorkerData = { project, options, langs };
  const pool = await WorkerPool.start<ExtractTask, ExtractReply>(run.workerFile, threads - 1, data);
  const here = await run.openHere();
  let handedOver = false;
  try {
    const onWorker = async (source: Source): Promise<DocumentExtract> => (await pool.run({ source })).done!;
    const onMain = async (source: Source): Promise<DocumentExtract> => {
      // Lets the workers' results in between two documents, so no worker waits for its next one.
      await new Promise((resolve) => setImmediate(resolve));
      return run.extractHere(here, source);
    };
    const lanes = [onMain, ...Array.from({ length: pool.size * DOCUMENTS_PER_WORKER }, () => onWorker)];
    await shareOut(sources, lanes, (done, i) => note(sources[i]!.meta, done));
    if (!options.dryRun) for (const reply of await pool.each({ handOver: true })) batch.adopt(reply.staged!);
    handedOver = true;
  } finally {
    // On a failure each worker removes the temporary files it wrote (the main thread's are the run's batch's).
    if (!handedOver) {
      pool.drop(new Error('extract stopped'));
      await pool.each({ abandon: true }).catch(() => undefined);
    }
    await pool.close();
    await here.memory?.close();
  }
}
