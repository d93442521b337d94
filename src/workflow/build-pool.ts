import type { AtomicBatch } from '../io/atomic-batch.js';
import { shareStaged } from '../io/staged-pool.js';
import type { Project } from '../project/project.js';
import { DocumentBuilder, type DocumentBuilt, type DocumentTask } from './build-document.js';

/**
 * build with its documents shared by the main thread and worker threads (build-worker.ts): each builds the documents
 * it takes and stages their outputs as temporary files, as a run on one thread would (src/io/staged-pool.ts).
 */

/** What each worker is told when it starts. */
export interface BuildWorkerData {
  readonly project: Project;
  readonly dryRun: boolean;
  readonly recording: boolean;
}

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
  const { project, batch, recording } = run;
  const workerData: BuildWorkerData = { project, dryRun: !batch, recording };
  const here = new DocumentBuilder(project, batch, recording);
  await shareStaged({
    workerFile: run.workerFile,
    threads: run.threads,
    workerData,
    items: run.tasks,
    here: (task) => here.build(task),
    take: run.take,
    batch,
    command: 'build',
  });
}
