import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Files that time code in process (a ratio of two sizes, or a bound): each runs in a fresh worker, where no other
// file's modules and garbage lengthen a run.
const TIMED = ['tests/qa-adversarial.test.ts', 'tests/hostile-nesting.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two test files at least: a file that waits on a spawned locflow leaves its core to the other (the default,
    // one less than the cores, is a single worker on a 2-core machine: 85 s → 66 s wall on the CLI-heavy files).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // The other files share their worker's modules: src is loaded once per worker, not once per file (no test
      // changes process state: no chdir, no environment, no mocks).
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: TIMED, isolate: false } },
      { extends: true, test: { name: 'timed', include: TIMED } },
    ],
  },
});
