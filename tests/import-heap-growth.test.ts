import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BATCH_HEAP_GROWTH_PERCENT } from '../src/cli/heap-growth.js';
import { BIN, extractedProject, locflow } from './helpers.js';

// In the child: a full collection as the process exits, so that V8 prints the limit it sets after one (with its
// growth factor), whatever the run collected before.
const COLLECT_AT_EXIT = `process.on('exit', () => globalThis.gc());`;

/** The growth factors V8 printed after each full collection of a `locflow` run (--trace-gc-verbose). */
function growthFactors(cwd: string, ...args: string[]): number[] {
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--trace-gc-verbose',
      '--import',
      `data:text/javascript,${encodeURIComponent(COLLECT_AT_EXIT)}`,
      BIN,
      ...args,
    ],
    { cwd, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return [...r.stdout.matchAll(/\[HeapController\] Limit: .*\(([\d.]+)\)$/gmu)].map((m) => Number(m[1]));
}

describe("import bounds the heap's growth", () => {
  it('after a full collection, V8 lets the heap grow by BATCH_HEAP_GROWTH_PERCENT of what it left alive', () => {
    const dir = extractedProject();
    expect(locflow(dir, 'pseudo', '--lang', 'es').code).toBe(0);
    const factors = growthFactors(dir, 'import', 'xliff/es/article.xlf');
    // (the last one: the collection at exit, after the command set the bound)
    expect(factors.at(-1)).toBe(1 + BATCH_HEAP_GROWTH_PERCENT / 100);
  });

  it("is the import's alone: another command keeps V8's own growth", () => {
    const dir = extractedProject();
    const factors = growthFactors(dir, 'status');
    expect(factors.length).toBeGreaterThan(0);
    expect(factors.at(-1)).not.toBe(1 + BATCH_HEAP_GROWTH_PERCENT / 100);
  });
});
