import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ApprovedPair } from './names/learnt.js';
import type { Glossary } from './glossary.js';
import type { SettingValues } from '../settings.js';
import type { Finding, QaPair } from './types.js';

/**
 * Pair checks spread over worker threads: each pair is checked on its own,
 * so a large run splits its pairs into shares, one per core, and gathers the
 * findings in pair order. Below a few thousand pairs a worker's start costs
 * more than it saves.
 */

export interface PairJob {
  readonly pairs: readonly QaPair[];
  /** Every pair of the run: checks that learn from the other units (codes kept) see all of them. */
  readonly run: readonly QaPair[];
  readonly checks: readonly string[];
  readonly glossary: Glossary;
  readonly settings: SettingValues;
  readonly approved?: readonly ApprovedPair[];
}

export interface PairJobResult {
  readonly findings: Array<{ readonly pair: number; readonly check: string; readonly finding: Finding }>;
  readonly notices: readonly string[];
}

const MIN_PAIRS = 2000;

/** The compiled worker, when there is one (a run from TypeScript sources has none and stays on one thread). */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('./pair-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/**
 * How many extra threads a run of `count` pairs gets: only as many as
 * LOCFLOW_THREADS asks for. On 2 cores a worker's cold start (modules, word
 * lists, JIT) cost more than it saved on 11,000 pairs, so one thread is the default.
 */
export function workerCount(count: number): number {
  const wanted = Number(process.env.LOCFLOW_THREADS ?? 1);
  if (count < MIN_PAIRS || !Number.isFinite(wanted) || wanted <= 1 || !workerFile()) return 0;
  return Math.min(wanted, availableParallelism(), Math.floor(count / MIN_PAIRS) + 1) - 1;
}

/** Runs a job in a new worker thread; the thread ends with the job. */
export async function runInWorker(job: PairJob): Promise<PairJobResult> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(workerFile()!);
  try {
    return await new Promise<PairJobResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`QA worker stopped with code ${code}`)));
      worker.postMessage(job);
    });
  } finally {
    void worker.terminate();
  }
}
