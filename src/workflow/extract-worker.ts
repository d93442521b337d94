import { workerData } from 'node:worker_threads';
import { AtomicBatch } from '../io/atomic-batch.js';
import { enterRun, insideProject } from '../io/files.js';
import { serveStaged } from '../io/staged-pool.js';
import { aloneData, answerOnce } from '../io/worker-pool.js';
import { loadFormats } from '../formats/registry.js';
import { documentUnits, type Source } from '../project/documents.js';
import { extractDocument, extractSources, openRun, type ExtractAloneData } from './extract.js';
import type { Run } from './extract-types.js';
import type { ExtractWorkerData } from './extract-pool.js';

/** A worker thread of extract's pool (extract-pool.ts): documents in, temporary files staged, results out. */
// Started early (startAloneEarly), its modules loaded, it waits here for what it is to do.
const data = await aloneData<ExtractWorkerData | ExtractAloneData>(workerData);
// The worker lives for one run: what its link checks find holds until it ends.
enterRun();
// The project's folder made known to this thread: its writes are checked for links out of it, as the main thread's.
insideProject(data.project.root, '.', 'project folder');
if ('alone' in data) {
  // A whole run on one thread (extract.ts, runAlone).
  const { project, options, langs, sources } = data;
  void answerOnce(async () => {
    await loadFormats(sources.map((s) => s.file));
    return extractSources(project, options, langs, sources, 1);
  });
} else {
  const { project, options, langs } = data;
  const batch = new AtomicBatch();
  let run: Promise<Run> | undefined;
  serveStaged(batch, async (source: Source) => {
    await loadFormats([source.file]);
    run ??= openRun(project, options, langs, batch);
    return extractDocument(await run, documentUnits(project, source));
  });
}
