import { workerData } from 'node:worker_threads';
import { AtomicBatch } from '../io/atomic-batch.js';
import { enterRun, insideProject } from '../io/files.js';
import { serveStaged } from '../io/staged-pool.js';
import { loadFormats } from '../formats/registry.js';
import { DocumentBuilder } from './build-document.js';
import type { DocumentTask } from './build-document.js';
import type { BuildWorkerData } from './build-pool.js';

/** A worker thread of build's pool (build-pool.ts): documents in, outputs staged, results out. */
const { project, dryRun, recording } = workerData as BuildWorkerData;
const batch = dryRun ? undefined : new AtomicBatch();
// The worker lives for one run: what its link checks find holds until it ends.
enterRun();
// The project's folder made known to this thread: its writes are checked for links out of it, as the main thread's.
insideProject(project.root, '.', 'project folder');
const builder = new DocumentBuilder(project, batch, recording);

serveStaged(batch, async (document: DocumentTask) => {
  await loadFormats([document.source.file]);
  return builder.build(document);
});
