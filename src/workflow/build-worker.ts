import { workerData } from 'node:worker_threads';
import { AtomicBatch } from '../io/atomic-batch.js';
import { enterRun, insideProject } from '../io/files.js';
import { serveStaged } from '../io/staged-pool.js';
import { aloneData, answerOnce } from '../io/worker-pool.js';
import { buildSources, type BuildAloneData } from './build.js';
import { loadFormats } from '../formats/registry.js';
import { DocumentBuilder } from './build-document.js';
import type { DocumentTask } from './build-document.js';
import type { BuildWorkerData } from './build-pool.js';

/** A worker thread of build's pool (build-pool.ts): documents in, outputs staged, results out. */
// Started early (startAloneEarly), its modules loaded, it waits here for what it is to do.
const data = await aloneData<BuildWorkerData | BuildAloneData>(workerData);
// The worker lives for one run: what its link checks find holds until it ends.
enterRun();
// The project's folder made known to this thread: its writes are checked for links out of it, as the main thread's.
insideProject(data.project.root, '.', 'project folder');
if ('alone' in data) {
  // A whole run on one thread (build.ts, runAlone).
  const { project, options, langs, sources, plan } = data;
  void answerOnce(async () => {
    await loadFormats(sources.map((s) => s.file));
    return buildSources(project, options, langs, sources, plan, 1);
  });
} else {
  const { project, dryRun, recording } = data;
  const batch = dryRun ? undefined : new AtomicBatch();
  const builder = new DocumentBuilder(project, batch, recording);
  serveStaged(batch, async (document: DocumentTask) => {
    await loadFormats([document.source.file]);
    return builder.build(document);
  });
}
