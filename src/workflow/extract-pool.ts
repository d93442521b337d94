import type { AtomicBatch } from '../io/atomic-batch.js';
import { shareStaged } from '../io/staged-pool.js';
import type { Source } from '../project/documents.js';
import type { Project } from '../project/project.js';
import type { DocumentExtract, ExtractOptions, Run } from './extract-types.js';

/**
 * extract with its documents shared by the main thread and worker threads (extract-worker.ts): each reads, segments
 * and writes the documents it takes into temporary files, as a run on one thread would (src/io/staged-pool.ts); the
 * run's batch then renames them with the export records and syncs each folder once.
 */

/** What each worker is told when it starts. */
export interface ExtractWorkerData {
  readonly project: Project;
  readonly options: ExtractOptions;
  readonly langs: readonly string[];
}

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
  const { project, options, langs, sources, note } = run;
  const workerData: ExtractWorkerData = { project, options, langs };
  // The main thread's run, opened with its first document (while the workers start).
  let here: Promise<Run> | undefined;
  try {
    await shareStaged({
      workerFile: run.workerFile,
      threads: run.threads,
      workerData,
      items: sources,
      here: async (source) => run.extractHere(await (here ??= run.openHere()), source),
      take: (done, i) => note(sources[i]!.meta, done),
      batch: options.dryRun ? undefined : run.batch,
      command: 'extract',
    });
  } finally {
    // (a run that failed to open reported that already)
    await here?.then(
      (opened) => opened.memory?.close(),
      () => undefined,
    );
  }
}
