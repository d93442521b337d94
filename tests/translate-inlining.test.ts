import { cachedDataVersionTag } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { BASELINE_RUN_UNITS, translate } from '../src/workflow/translate.js';
import type { Engine } from '../src/mt/types.js';
import { compileWithoutInlining, holdV8Flag } from '../src/runtime/v8-tuning.js';
import { tempProject } from './helpers.js';

// V8's flags are part of the tag a code cache is made under: a flag held changes it, and it comes back when released.
describe('a translate run of few units', () => {
  it('is compiled without inlining once its documents are read, to its end, and leaves V8 as it found it', async () => {
    const before = cachedDataVersionTag();
    const { asked, results } = await translateRecordingTags();
    expect(results.reduce((n, r) => n + r.translated, 0)).toBeGreaterThan(6);
    expect(asked.length).toBeGreaterThan(2);
    // Every batch is asked for, read ahead and gated with inlining off…
    expect(asked.every((tag) => tag !== before)).toBe(true);
    // …and the run gives it back.
    expect(cachedDataVersionTag()).toBe(before);
  });

  it('of fewer than BASELINE_RUN_UNITS has no optimizing compiler while it runs (baseline code only)', async () => {
    const before = cachedDataVersionTag();
    // The tag under both flags a run this small holds: no inlining, no optimizing compiler.
    const inlining = compileWithoutInlining();
    const optimizing = holdV8Flag('--no-turbofan', '--turbofan');
    const baseline = cachedDataVersionTag();
    optimizing();
    inlining();
    expect(cachedDataVersionTag()).toBe(before);
    const { asked, results } = await translateRecordingTags();
    const units = results.reduce((n, r) => n + r.translated, 0);
    expect(units).toBeGreaterThan(6);
    expect(units).toBeLessThan(BASELINE_RUN_UNITS);
    expect(asked.length).toBeGreaterThan(2);
    expect(asked.every((tag) => tag === baseline)).toBe(true);
    expect(cachedDataVersionTag()).toBe(before);
  });

  it('gives V8 its inlining back when the engine fails', async () => {
    const before = cachedDataVersionTag();
    const project = await loadProject(tempProject());
    let held: number | undefined;
    const engine: Engine = {
      name: 'fake',
      translate: () => {
        held = cachedDataVersionTag();
        return Promise.reject(new Error('the engine is down'));
      },
    };
    await expect(
      translate(project, { engine: 'fake', langs: ['es'], started: { langs: ['es'], engine, starter: undefined } }),
    ).rejects.toThrow('the engine is down');
    expect(held).not.toBe(before);
    expect(cachedDataVersionTag()).toBe(before);
  });
});

/** A run of the example project in batches of 3 through an engine that gives the source back, and V8's tag at each batch. */
async function translateRecordingTags(): Promise<{ asked: number[]; results: Awaited<ReturnType<typeof translate>> }> {
  const project = await loadProject(tempProject());
  const asked: number[] = [];
  const engine: Engine = {
    name: 'fake',
    translate(segments) {
      asked.push(cachedDataVersionTag());
      return Promise.resolve([...segments]);
    },
  };
  const results = await translate(project, {
    engine: 'fake',
    langs: ['es'],
    batchSize: 3,
    started: { langs: ['es'], engine, starter: undefined },
  });
  return { asked, results };
}
