import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { translate } from '../src/workflow/translate.js';
import { waitingEngineProject } from './waiting-engine.js';

describe('the engine started before the project is read', () => {
  it('is stopped when the run fails before using it (a broken bundle): no engine process is left', async () => {
    const { dir: d, stopped } = waitingEngineProject();
    mkdirSync(join(d, 'locales/es'), { recursive: true });
    writeFileSync(join(d, 'locales/es/article.json'), '{ "broken": ');
    const project = await loadProject(d);
    const run = translate(project, { engine: 'apertium', langs: ['es'] });
    await expect(run).rejects.toThrow(/invalid JSON/u);
    expect(await stopped()).toBe(true);
  });
});
