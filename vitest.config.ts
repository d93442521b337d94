import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two test files at least: a file that waits on a spawned locflow leaves its core to the other (the default,
    // one less than the cores, is a single worker on a 2-core machine: 85 s → 66 s wall on the CLI-heavy files).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
