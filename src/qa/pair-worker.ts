import { parentPort } from 'node:worker_threads';
import { loadChecks } from './checks/index.js';
import { learnRenderings } from './names/learnt.js';
import { codesKeptInRun } from './codes-kept.js';
import { applies } from './runner.js';
import type { PairJob, PairJobResult } from './parallel.js';
import type { CheckContext, PairCheck } from './types.js';

/** Runs pair checks over one share of the pairs for the runner (see parallel.ts). */
parentPort?.on('message', async (job: PairJob) => {
  const notices = new Set<string>();
  const learnt = job.approved ? learnRenderings(job.approved) : undefined;
  const context: CheckContext = {
    glossary: job.glossary,
    settings: job.settings,
    notice: (m) => notices.add(m),
    ...(learnt ? { learnt } : {}),
    codesKept: codesKeptInRun(job.run),
  };
  const checks = (await loadChecks(job.checks)).filter((c): c is PairCheck => 'run' in c);
  const findings: PairJobResult['findings'] = [];
  for (const check of checks) {
    job.pairs.forEach((pair, i) => {
      if (!applies(check, pair)) return;
      for (const finding of check.run(pair, context)) findings.push({ pair: i, check: check.id, finding });
    });
  }
  const result: PairJobResult = { findings, notices: [...notices] };
  parentPort?.postMessage(result);
});
