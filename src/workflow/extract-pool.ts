import type { AtomicBatch } from '../io/atomic-batch.js';
import { inOrder, WorkerPool } from '../io/worker-pool.js';
import type { Source } from '../project/documents.js';
import type { Project } from '../project/project.js';
import { extractWorkerFile, type DocumentExtract, type ExtractOptions } from './extract.js';

/**
 * extract with its documents spread over worker threads (extract-worker.ts). Each worker reads, segments and
 * writes the documents it is given into temporary files of its own batch, as a run on one thread would; the
 * main thread takes the results back in document order (the same results, export records and first error as
 * one thread), then takes every worker's flushed temporary files into the run's batch, which renames them with
 * the export records and syncs each folder once. A failure anywhere leaves every target as it was.
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

/** Documents each worker may have waiting, so none waits for the main thread to take a result. */
const DOCUMENTS_AHEAD = 16;

export async function extractInWorkers(run: {
  readonly project: Project;
  readonly options: ExtractOptions;
  readonly langs: readonly string[];
  readonly batch: AtomicBatch;
  readonly threads: number;
  readonly sources: readonly Source[];
  readonly note: (doc: { readonly id: string }, done: DocumentExtract) => void;
}): Promise<void> {
  const { project, options, langs, batch, threads, sources, note } = run;
  const data: ExtractWorkerData = { project, options, langs };
  const pool = await WorkerPool.start<ExtractTask, ExtractReply>(extractWorkerFile()!, threads, data);
  let handedOver = false;
  try {
    const extracted = inOrder(
      sources,
      async (source) => ({ source, reply: await pool.run({ source }) }),
      DOCUMENTS_AHEAD * threads,
    );
    for await (const { source, reply } of extracted) note(source.meta, reply.done!);
    if (!options.dryRun) for (const reply of await pool.each({ handOver: true })) batch.adopt(reply.staged!);
    handedOver = true;
  } finally {
    // On a failure each worker removes the temporary files it wrote; a worker that died left them to the next run.
    if (!handedOver) {
      pool.drop(new Error('extract stopped'));
      await pool.each({ abandon: true }).catch(() => undefined);
    }
    await pool.close();
  }
}
