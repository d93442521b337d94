import { workerData } from 'node:worker_threads';
import { AtomicBatch } from '../io/atomic-batch.js';
import { enterRun } from '../io/files.js';
import { serveStaged } from '../io/staged-pool.js';
import { loadFormats } from '../formats/registry.js';
import { documentUnits, type Source } from '../project/documents.js';
import { extractDocument, openRun } from './extract.js';
import type { Run } from './extract-types.js';
import type { ExtractWorkerData } from './extract-pool.js';

/** A worker thread of extract's pool (extract-pool.ts): documents in, temporary files staged, results out. */
const { project, options, langs } = workerData as ExtractWorkerData;
const batch = new AtomicBatch();
// The worker lives for one run: what its link checks find holds until it ends.
enterRun();
let run: Promise<Run> | undefined;

serveStaged(batch, async (source: Source) => {
  await loadFormats([source.file]);
  run ??= openRun(project, options, langs, batch);
  return extractDocument(await run, documentUnits(project, source));
});
