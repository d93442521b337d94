import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { threadsAllowed } from '../io/worker-pool.js';
import type { ApprovedPair } from './names/learnt.js';
import type { CodeTexts } from './codes-kept.js';
import type { Glossary } from './glossary.js';
import type { SettingValues } from '../settings.js';
import type { Finding, QaPair } from './types.js';

/**
 * Pair checks moved to worker threads: each pair is checked on its own, so
 * each slice of a large run is shared out among the workers and the findings
 * gathered in pair order, while the main thread runs the collection checks
 * (names). Split by check, not by pair: each thread warms up (compiles and
 * optimises) only its own checks' code. Below a few thousand pairs a worker's
 * start costs more than it saves. A worker is started once per run and given
 * the run's slices one after another.
 */

/** What a worker needs of the run before its first share. */
export interface PairRunSetup {
  /** Every pair of the run, as the codes-kept evidence reads it: checks that learn from the other units see all. */
  readonly run: readonly CodeTexts[];
  readonly checks: readonly string[];
  readonly glossary: Glossary;
  readonly settings: SettingValues;
  readonly approved?: readonly ApprovedPair[];
}

export interface PairJobResult {
  readonly findings: Array<{ readonly pair: number; readonly check: string; readonly finding: Finding }>;
  /** Each notice as it was first said, with the check and the pair (index in the share) that said it. */
  readonly notices: ReadonlyArray<{ readonly message: string; readonly check: string; readonly pair: number }>;
}

export type PairWorkerMessage = { readonly setup: PairRunSetup } | { readonly pairs: readonly QaPair[] };

const MIN_PAIRS = 2000;

/** The compiled worker, when there is one (a run from TypeScript sources has none and stays on one thread). */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('./pair-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/**
 * How many extra threads a run of `count` pairs gets: only as many as
 * LOCFLOW_THREADS asks for. One thread is the default: on 2 cores the second is
 * already busy with V8's optimizing compiler and garbage collector (about half
 * of a check's CPU), so a worker saved little time on 11,000 pairs and cost
 * about 0.3 s more CPU.
 */
export function workerCount(count: number): number {
  const wanted = threadsAllowed(1);
  if (count < MIN_PAIRS || wanted <= 1 || !workerFile()) return 0;
  return Math.min(wanted, Math.floor(count / MIN_PAIRS) + 1) - 1;
}

/** A worker thread for one run: set up once, then given shares of the run's slices, one at a time. */
export class PairWorker {
  private constructor(private readonly worker: Worker) {}

  static async start(setup: PairRunSetup): Promise<PairWorker> {
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(workerFile()!);
    worker.postMessage({ setup } satisfies PairWorkerMessage);
    return new PairWorker(worker);
  }

  /** The findings on a share of pairs (indexes into `pairs`). */
  check(pairs: readonly QaPair[]): Promise<PairJobResult> {
    return new Promise<PairJobResult>((resolve, reject) => {
      const done = (): void => {
        this.worker.off('message', onMessage);
        this.worker.off('error', reject);
        this.worker.off('exit', onExit);
      };
      const onMessage = (result: PairJobResult): void => {
        done();
        resolve(result);
      };
      const onExit = (code: number): void => {
        done();
        reject(new Error(`QA worker stopped with code ${code}`));
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.worker.once('exit', onExit);
      this.worker.postMessage({ pairs } satisfies PairWorkerMessage);
    });
  }

  stop(): void {
    void this.worker.terminate();
  }
}
