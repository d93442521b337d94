import { describe, expect, it, vi } from 'vitest';
import { locflowInProcess } from './helpers.js';
import { waitingEngineProject } from './waiting-engine.js';

describe('translate on the command line, the engine started before the rest of the command loads', () => {
  it('stops the engine when loading the rest fails: the command ends, no engine process is left', async () => {
    // The translate workflow cannot be loaded (a broken installation).
    vi.doMock('../src/workflow/translate.js', () => {
      throw new Error('broken installation');
    });
    const { dir: d, stopped } = waitingEngineProject();
    let r: Awaited<ReturnType<typeof locflowInProcess>>;
    try {
      r = await locflowInProcess(d, 'translate', '--engine', 'apertium', '--lang', 'es');
    } finally {
      vi.doUnmock('../src/workflow/translate.js');
    }
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/internal error/u);
    expect(await stopped()).toBe(true);
  });
});
