import { parentPort } from 'node:worker_threads';
import { CHECKS } from './checks/index.js';
import { learnRenderings } from './names/learnt.js';
import type { PairJob, PairJobResult } from './parallel.js';
import type { CheckContext, PairCheck } from './types.js';

/** Runs pair checks over one share of the pairs for the runner (see parallel.ts). */
parentPort?.on('message', (job: PairJob) => {
  const notices = new Set<string>();
  const learnt = job.approved ? learnRenderings(job.approved) : undefined;
  const context: CheckContext = {
    glossary: job.glossary,
    lengthRatio: job.lengthRatio,
    notice: (m) => notices.add(m),
    ...(learnt ? { learnt } : {}),
  };
  const checks = job.checks
    .map((id) => CHECKS.find((c): c is PairCheck => c.id === id && 'run' in c))
    .filter((c): c is PairCheck => c !== undefined);
  const findings: PairJobResult['findings'] = [];
  for (const check of checks) {
    job.pairs.forEach((pair, i) => {
      for (const finding of check.run(pair, context)) findings.push({ pair: i, check: check.id, finding });
    });
  }
  const result: PairJobResult = { findings, notices: [...notices] };
  parentPort?.postMessage(result);
});
