import { describe, expect, it, vi } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { translate } from '../src/workflow/translate.js';
import type { Engine } from '../src/mt/types.js';
import type { LockOptions } from '../src/io/lock.js';
import { tempProject } from './helpers.js';

/** The options of every project lock taken, by the command that took it. */
const taken: Array<{ command: string; options: LockOptions | undefined }> = [];

vi.mock('../src/io/lock.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/io/lock.js')>();
  return {
    ...original,
    withProjectLock: (...args: Parameters<typeof original.withProjectLock>) => {
      taken.push({ command: args[1], options: args[3] });
      return original.withProjectLock(...args);
    },
  };
});

describe("translate's saves under the project lock", () => {
  it('take it without re-entry: no async context, so no hook on every later promise of the run', async () => {
    taken.length = 0;
    const project = await loadProject(tempProject());
    const engine: Engine = { name: 'fake', translate: (segments) => Promise.resolve([...segments]) };
    const results = await translate(project, {
      engine: 'fake',
      langs: ['es'],
      batchSize: 3,
      started: { langs: ['es'], engine, starter: undefined },
    });
    const saves = taken.filter((t) => t.command === 'translate');
    // A save per batch, every one of them without re-entry.
    expect(results.reduce((n, r) => n + r.translated, 0)).toBeGreaterThan(6);
    expect(saves.length).toBeGreaterThan(2);
    expect(saves.every((t) => t.options?.reentrant === false)).toBe(true);
  });
});
