import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/** What extract asks the file system, by call and path. */
const seen = vi.hoisted(() => ({
  lstat: new Map<string, number>(),
  readdir: new Map<string, number>(),
  exists: new Map<string, number>(),
}));

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  /** `f`, each call counted in `map` by its path. */
  const counted = <F extends (path: import('node:fs').PathLike, ...rest: never[]) => unknown>(
    map: Map<string, number>,
    f: F,
  ): F =>
    ((path: import('node:fs').PathLike, ...rest: never[]) => {
      map.set(String(path), (map.get(String(path)) ?? 0) + 1);
      return f(path, ...rest);
    }) as unknown as F;
  return {
    ...real,
    lstatSync: counted(seen.lstat, real.lstatSync),
    readdirSync: counted(seen.readdir, real.readdirSync),
    existsSync: counted(seen.exists, real.existsSync),
  };
});

import { oneRun } from '../src/io/files.js';
import { loadProject } from '../src/project/load.js';
import { extract } from '../src/workflow/extract.js';
import { ARTICLE } from './helpers.js';

function project(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-looks-'));
  mkdirSync(join(dir, 'source'));
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
  );
  const article = readFileSync(ARTICLE, 'utf8');
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'source', `story-${i}.txt`), `Story ${i}.\n\n${article}`);
  return dir;
}

describe('extract over many documents looks at each path once', () => {
  it('a command lists its sources once, and looks at each new XLIFF file at most once (its link check)', async () => {
    const dir = project(12);
    seen.lstat.clear();
    seen.readdir.clear();
    // As the command line runs it: the project opened (its sources listed and checked), then extract, in one run.
    const results = await oneRun(async () => extract(await loadProject(dir)));
    expect(results).toHaveLength(12);
    expect(seen.readdir.get(join(dir, 'source'))).toBe(1);
    // (the first document's was checked while its folder was not there yet: nothing below it could be a link; the
    // others are written to the folder the run made, empty but for them: none is looked for)
    for (let i = 0; i < 12; i++)
      expect(seen.lstat.get(join(dir, 'xliff', 'es', `story-${i}.xlf`)) ?? 0).toBeLessThanOrEqual(1);
    expect(seen.lstat.get(join(dir, 'xliff', 'es', 'story-11.xlf')) ?? 0).toBe(0);
    // In a folder there before the run, each new file is looked at (once): a link put there is refused.
    const again = project(12);
    mkdirSync(join(again, 'xliff', 'es'), { recursive: true });
    const outside = mkdtempSync(join(tmpdir(), 'locflow-looks-outside-'));
    writeFileSync(join(outside, 'secret.xlf'), 'x');
    symlinkSync(join(outside, 'secret.xlf'), join(again, 'xliff', 'es', 'story-11.xlf'));
    seen.lstat.clear();
    await expect(oneRun(async () => extract(await loadProject(again)))).rejects.toThrow(/link to a file outside/u);
    expect(seen.lstat.get(join(again, 'xliff', 'es', 'story-10.xlf'))).toBe(1);
    expect(readFileSync(join(outside, 'secret.xlf'), 'utf8')).toBe('x');
  });

  it("looks for no document's bundle or XLIFF file below a folder found not there; in one there, for each", async () => {
    const dir = project(6);
    seen.exists.clear();
    await oneRun(async () => extract(await loadProject(dir)));
    for (let i = 0; i < 6; i++) {
      expect(seen.exists.get(join(dir, 'locales', 'es', `story-${i}.json`)) ?? 0).toBe(0);
      expect(seen.exists.get(join(dir, 'xliff', 'es', `story-${i}.xlf`)) ?? 0).toBe(0);
    }
    // A store there (a project imported into): each document's bundle is looked for, and read.
    const stored = project(6);
    mkdirSync(join(stored, 'locales', 'es'), { recursive: true });
    writeFileSync(join(stored, 'locales', 'es', 'story-0.json'), '{}');
    seen.exists.clear();
    await oneRun(async () => extract(await loadProject(stored)));
    for (let i = 0; i < 6; i++) expect(seen.exists.get(join(stored, 'locales', 'es', `story-${i}.json`))).toBe(1);
  });

  it('each run lists the sources again: a file added between two runs is extracted', async () => {
    const dir = project(2);
    await oneRun(async () => extract(await loadProject(dir)));
    writeFileSync(join(dir, 'source', 'story-new.txt'), 'A new story.\n');
    const results = await oneRun(async () => extract(await loadProject(dir)));
    expect(results.map((r) => r.doc)).toEqual(['story-0', 'story-1', 'story-new']);
  });
});
