import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Files that time code in process (a ratio of two sizes, or a bound): each runs in a fresh worker, where no other
// file's modules and garbage lengthen a run.
const TIMED = [
  'tests/qa-adversarial.test.ts',
  'tests/hostile-nesting.test.ts',
  'tests/formats/linear.test.ts',
  'tests/growth.test.ts',
];
// Files that replace a Node module (vi.mock) for the modules they load: each in a fresh worker, so neither the
// modules another file loaded nor the replacement leak across.
const MOCKED = [
  'tests/durable.test.ts',
  'tests/engine-start-cli.test.ts',
  'tests/translate-gate-ready.test.ts',
  'tests/extract-looks.test.ts',
  'tests/qa/checks-loaded.test.ts',
  'tests/qa/checks-off-not-loaded.test.ts',
  'tests/qa/read-sources-ahead.test.ts',
  'tests/translate-lock-context.test.ts',
];

// The order files start in: the timed files first (each in its own worker: a worker of the other files goes on to
// the next of them only when that is one of them too, so a timed file between two others costs a new worker and
// src loaded again), then the longest files, longest first, so that the two workers end together (5–17 s each on
// an idle 2-core machine: worker threads, kills, the README's shell blocks, Java, PostgreSQL). Vitest's own order
// (the last run's durations) puts a file it has no record of, a CI run's every file, after all the others: a long
// file started last ran alone at the end.
const LONGEST = [
  'tests/formats/linear.test.ts',
  'tests/qa-adversarial.test.ts',
  'tests/hostile-nesting.test.ts',
  'tests/extract-pool.test.ts',
  'tests/kill-extract.test.ts',
  'tests/fuzz.test.ts',
  'tests/readme.test.ts',
  'tests/interop.test.ts',
  'tests/tm-contract.test.ts',
  'tests/cli-output.test.ts',
  'tests/concurrency.test.ts',
  'tests/bundle.test.ts',
  'tests/kill-build.test.ts',
  'tests/mt.test.ts',
  'tests/import-batch.test.ts',
  'tests/tm-shared.test.ts',
  'tests/cli.test.ts',
];

// One temp folder for the whole run, removed when it ends: the tests make hundreds of projects with mkdtemp in
// tmpdir(), and the processes they start (PostgreSQL, Java, shell blocks) write there too. Set before the workers
// start, so they and their children inherit it; readable by others, for the PostgreSQL cluster's own user.
if (process.env.LOCFLOW_TEST_TMP === undefined) {
  const root = mkdtempSync(join(tmpdir(), 'locflow-tests-'));
  chmodSync(root, 0o755);
  process.env.LOCFLOW_TEST_TMP = root;
  process.env.TMPDIR = root;
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
}

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => {
      const i = LONGEST.indexOf(relative(f.project.config.root, f.moduleId).split('\\').join('/'));
      return i < 0 ? LONGEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two test files at least: a file that waits on a spawned locflow leaves its core to the other (the default,
    // one less than the cores, is a single worker on a 2-core machine: 85 s → 66 s wall on the CLI-heavy files).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestFirst },
    projects: [
      // The other files share their worker's modules: src is loaded once per worker, not once per file (no test
      // changes process state: no chdir, no environment, no mocks).
      // The type check that runs beside the tests (npm test only) and the run's PostgreSQL cluster, set up by one
      // project, not by each.
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          exclude: [...TIMED, ...MOCKED],
          isolate: false,
          globalSetup: ['tests/global-typecheck.ts', 'tests/global-postgres.ts'],
        },
      },
      { extends: true, test: { name: 'timed', include: TIMED } },
      { extends: true, test: { name: 'mocked', include: MOCKED } },
    ],
  },
});
