import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Files that time code in process (a ratio of two sizes, or a bound): each runs in a fresh worker, where no other
// file's modules and garbage lengthen a run.
const TIMED = ['tests/qa-adversarial.test.ts', 'tests/hostile-nesting.test.ts', 'tests/formats/linear.test.ts'];

// The longest files (20–70 s each on a loaded 2-core machine), started first and longest first so that the two
// workers end together. Vitest's own order (the last run's durations) puts a file it has no record of, a CI run's
// every file, and a second project after all the others: the fuzz sample and the timed files ran last, alone.
const LONGEST = [
  'tests/readme.test.ts',
  'tests/fuzz.test.ts',
  'tests/tm-contract.test.ts',
  'tests/tm-shared.test.ts',
  'tests/concurrency.test.ts',
  'tests/cli-output.test.ts',
  'tests/readable-output.test.ts',
  'tests/tm.test.ts',
  'tests/qa-adversarial.test.ts',
  'tests/hostile-nesting.test.ts',
];

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
          exclude: TIMED,
          isolate: false,
          globalSetup: ['tests/global-typecheck.ts', 'tests/global-postgres.ts'],
        },
      },
      { extends: true, test: { name: 'timed', include: TIMED } },
    ],
  },
});
