import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import v8 from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { importRun } from '../src/workflow/import.js';
import { IMPORT_HEAP_GROWTH_PERCENT } from '../src/runtime/v8-tuning.js';
import { extractedProject, locflow, read, ROOT } from './helpers.js';

/** The V8 flags set while `run` runs: the real setting, watched (node:v8's named exports follow its object's). */
async function flagsSetDuring(run: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(v8, 'setFlagsFromString');
  syncBuiltinESMExports();
  try {
    await run();
    return spy.mock.calls.map(([flag]) => flag).filter((flag) => flag.startsWith('--heap-growing-percent'));
  } finally {
    spy.mockRestore();
    syncBuiltinESMExports();
  }
}

const BOUND = `--heap-growing-percent=${IMPORT_HEAP_GROWTH_PERCENT}`;
const V8_OWN = '--heap-growing-percent=0';

/** V8's growth factors in a child that collects in full with the bound held, then after it is given back. */
function factorsHeldThenReleased(): { held: number; released: number; dynamic: number } {
  const script = `import { boundHeapGrowth } from ${JSON.stringify(join(ROOT, 'dist/runtime/v8-tuning.js'))};
const release = boundHeapGrowth(${IMPORT_HEAP_GROWTH_PERCENT}); globalThis.gc(); release(); globalThis.gc();`;
  const r = spawnSync(process.execPath, ['--expose-gc', '--trace-gc-verbose', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  // Each full collection prints V8's own factor, then the limit it set with the factor it used.
  const own = [...r.stdout.matchAll(/\[HeapController\] factor ([\d.]+) based/gu)].map((m) => Number(m[1]));
  const used = [...r.stdout.matchAll(/\[HeapController\] Limit: .*\(([\d.]+)\)$/gmu)].map((m) => Number(m[1]));
  return { held: used.at(-2)!, released: used.at(-1)!, dynamic: own.at(-2)! };
}

describe("the heap's growth bounded while a run works through its files", () => {
  it('V8 lets the heap grow by IMPORT_HEAP_GROWTH_PERCENT while the bound is held, by its own factor after', () => {
    const { held, released, dynamic } = factorsHeldThenReleased();
    expect(held).toBe(1 + IMPORT_HEAP_GROWTH_PERCENT / 100);
    // (V8's own choice, which the bound overrode)
    expect(dynamic).not.toBe(held);
    expect(released).not.toBe(held);
  });

  it('import holds it from its first file to the end of the run, and gives it back', async () => {
    const dir = extractedProject();
    expect(locflow(dir, 'pseudo', '--lang', 'es').code).toBe(0);
    for (let i = 1; i < 3; i++) copyFileSync(join(dir, 'xliff/es/article.xlf'), join(dir, `copy-${i}.xlf`));
    const files = ['xliff/es/article.xlf', 'copy-1.xlf', 'copy-2.xlf'];
    const project = await loadProject(dir);
    const flags = await flagsSetDuring(async () => expect((await importRun(project, files)).results).toHaveLength(3));
    expect(flags).toEqual([BOUND, V8_OWN]);
  });

  it('gives it back when the run fails', async () => {
    const dir = extractedProject();
    expect(locflow(dir, 'pseudo', '--lang', 'es').code).toBe(0);
    // A person's translations (for the memory), and a folder where the memory's file should be: the commit fails.
    const xliff = join(dir, 'xliff/es/article.xlf');
    writeFileSync(xliff, read(xliff).replaceAll(' state-qualifier="x-pseudo"', ''));
    mkdirSync(join(dir, 'tm/project.db'), { recursive: true });
    const project = await loadProject(dir);
    const flags = await flagsSetDuring(() =>
      expect(importRun(project, ['xliff/es/article.xlf'])).rejects.toThrow(/nothing was imported/u),
    );
    expect(flags).toEqual([BOUND, V8_OWN]);
  });
});
