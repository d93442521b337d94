import type { AtomicBatch } from '../io/atomic-batch.js';
import { shareOut, WorkerPool } from '../io/worker-pool.js';
import type { Project } from '../project/project.js';
import { DocumentBuilder, type DocumentBuilt, type DocumentTask } from './build-document.js';

/**
 * build with its documents shared by the main thread and worker threads (build-worker.ts). Each builds the
 * documents it takes and stages their outputs as temporary files (a worker's in a batch of its own), as a run on one
 * thread would; the results are taken in document order (the same results, segmentation record and first error as one
 * thread), then every worker's temporary files join the run's batch, which flushes, renames and syncs them with its
 * own. A failure anywhere leaves every output as it was.
 */

/** What each worker is told when it starts. */
export interface BuildWorkerData {
  readonly project: Project;
  readonly dryRun: boolean;
  readonly recording: boolean;
}

/** A document to build; or, once all are built, the worker's temporary files to hand over or to remove. */
export type BuildTask = { readonly document: DocumentTask } | { readonly handOver: true } | { readonly abandon: true };

export interface BuildReply {
  readonly built?: DocumentBuilt;
  readonly staged?: Array<[path: string, tmp: string]>;
}

/** Documents a worker is given at once: it starts the next while the main thread takes the last one's result. */
const DOCUMENTS_PER_WORKER = 2;

/** `threads` − 1 workers and the main thread share the documents, each taking the next as soon as it is free. */
export async function buildInWorkers(run: {
  readonly project: Project;
  /** The run's batch; none on a dry run. */
  readonly batch: AtomicBatch | undefined;
  readonly recording: boolean;
  readonly threads: number;
  readonly tasks: readonly DocumentTask[];
  readonly take: (built: DocumentBuilt, index: number) => void;
  /** The compiled build-worker.js. */
  readonly workerFile: string;
}): Promise<void> {
  const { project, batch, recording, tasks } = run;
  const data: BuildWorkerData = { project, dryRun: !batch, recording };
  const pool = await WorkerPool.start<BuildTask, BuildReply>(run.workerFile, run.threads - 1, data);
  const here = new DocumentBuilder(project, batch, recording);
  let handedOver = false;
  try {
    const onWorker = async (document: DocumentTask): Promise<DocumentBuilt> => (await pool.run({ document })).built!;
    const onMain = async (document: DocumentTask): Promise<DocumentBuilt> => {
      // Lets the workers' results in between two documents, so no worker waits for its next one.
      await new Promise((resolve) => setImmediate(resolve));
      return here.build(document);
    };
    const lanes = [onMain, ...Array.from({ length: pool.size * DOCUMENTS_PER_WORKER }, () => onWorker)];
    await shareOut(tasks, lanes, run.take);
    if (batch) for (const reply of await pool.each({ handOver: true })) batch.adopt(reply.staged!);
    handedOver = true;
  } finally {
    // On a failure each worker removes the temporary files it wrote (the main thread's are the run's batch's).
    if (!handedOver) {
      pool.drop(new Error('build stopped'));
      await pool.each({ abandon: true }).catch(() => undefined);
    }
    await pool.close();
  }
}
