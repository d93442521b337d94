import { parentPort } from 'node:worker_threads';
import { loadChecks } from './checks/index.js';
import { learnRenderings } from './names/learnt.js';
import { codesKeptInRun } from './codes-kept.js';
import { applies } from './runner.js';
import type { PairJobResult, PairRunSetup, PairWorkerMessage } from './parallel.js';
import type { CheckContext, PairCheck } from './types.js';

/** Runs pair checks over shares of a run's slices for the runner (see parallel.ts). */
let run: Promise<{
  context: CheckContext;
  checks: PairCheck[];
  said: Set<string>;
  told: PairJobResult['notices'][number][];
}>;
let current = { check: '', pair: 0 };

function setUp(setup: PairRunSetup): typeof run {
  const said = new Set<string>();
  const told: PairJobResult['notices'][number][] = [];
  const context: CheckContext = {
    glossary: setup.glossary,
    settings: setup.settings,
    // A notice is told once per run and check, with the pair that first said it (the runner orders them).
    notice: (message) => {
      const key = `${current.check}\u0000${message}`;
      if (said.has(key)) return;
      said.add(key);
      told.push({ message, ...current });
    },
    ...(setup.approved ? { learnt: learnRenderings(setup.approved) } : {}),
    codesKept: codesKeptInRun(setup.run),
  };
  return loadChecks(setup.checks).then((all) => ({
    context,
    checks: all.filter((c): c is PairCheck => 'run' in c),
    said,
    told,
  }));
}

parentPort?.on('message', async (message: PairWorkerMessage) => {
  if ('setup' in message) {
    run = setUp(message.setup);
    return;
  }
  const { context, checks, told } = await run;
  const findings: PairJobResult['findings'] = [];
  for (const check of checks) {
    message.pairs.forEach((pair, i) => {
      if (!applies(check, pair)) return;
      current = { check: check.id, pair: i };
      for (const finding of check.run(pair, context)) findings.push({ pair: i, check: check.id, finding });
    });
  }
  const result: PairJobResult = { findings, notices: told.splice(0) };
  parentPort?.postMessage(result);
});
