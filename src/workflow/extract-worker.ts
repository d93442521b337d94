import { workerData } from 'node:worker_threads';
import { AtomicBatch } from '../io/atomic-batch.js';
import { enterRun } from '../io/files.js';
import { serveTasks } from '../io/worker-pool.js';
import { loadFormats } from '../formats/registry.js';
import { documentUnits } from '../project/documents.js';
import { extractDocument, openRun } from './extract.js';
import type { Run } from './extract-types.js';
import type { ExtractReply, ExtractTask, ExtractWorkerData } from './extract-pool.js';

/** A worker thread of extract's pool (extract-pool.ts): documents in, temporary files staged, results out. */
const { project, options, langs } = workerData as ExtractWorkerData;
const batch = new AtomicBatch();
// The worker lives for one run: what its link checks find holds until it ends.
enterRun();
let run: Promise<Run> | undefined;

void serveTasks<ExtractTask, ExtractReply>(async (task) => {
  if ('source' in task) {
    await loadFormats([task.source.file]);
    run ??= openRun(project, options, langs, batch);
    return { done: await extractDocument(await run, documentUnits(project, task.source)) };
  }
  if ('handOver' in task) return { staged: await batch.handOver() };
  await batch.abandon();
  return {};
});
