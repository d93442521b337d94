import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { oneRun } from '../src/io/files.js';
import { loadProject } from '../src/project/load.js';
import { extract } from '../src/workflow/extract.js';
import { ARTICLE } from './helpers.js';
import { flagsProbe, type FlagsProbe } from './v8-flags-probe.js';

let probe: FlagsProbe;
beforeAll(() => {
  probe = flagsProbe('extractProbe', 3000);
});
const flagsAsStarted = (): boolean => probe.asStarted();

/** A project of a few long documents: their XLIFF goes to files in pieces, so the run waits for the disk. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-inlining-'));
  mkdirSync(join(dir, 'source'));
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
  );
  const article = readFileSync(ARTICLE, 'utf8');
  for (let i = 0; i < 3; i++)
    writeFileSync(join(dir, 'source', `story-${i}.txt`), Array.from({ length: 60 }, () => article).join('\n\n'));
  return dir;
}

/** Extracts the project, looking at V8's flags every millisecond while it runs. */
async function extractWatched(dir: string): Promise<boolean[]> {
  const seen: boolean[] = [];
  let running = true;
  const look = (): void => {
    if (!running || probe.left() <= 8) return;
    seen.push(flagsAsStarted());
    if (seen.at(-1)) setTimeout(look, 1);
  };
  try {
    await oneRun(async () => {
      const opened = await loadProject(dir);
      setImmediate(look);
      return extract(opened);
    });
  } finally {
    running = false;
  }
  return seen;
}

const xliffOf = (dir: string): Map<string, Buffer> =>
  new Map(readdirSync(join(dir, 'xliff', 'es')).map((f) => [f, readFileSync(join(dir, 'xliff', 'es', f))]));

describe('extract compiles its documents without inlining', () => {
  it('changes V8 flags while it extracts, and sets them back when it ends', async () => {
    expect(flagsAsStarted()).toBe(true);
    const seen = await extractWatched(project());
    expect(seen).toContain(false);
    expect(flagsAsStarted()).toBe(true);
  });

  it('sets them back when the run ends by an error', async () => {
    const dir = project();
    // A source gone after the project was opened: the run fails when it reaches it.
    await expect(
      oneRun(async () => {
        const opened = await loadProject(dir);
        rmSync(join(dir, 'source', 'story-2.txt'));
        return extract(opened);
      }),
    ).rejects.toThrow();
    expect(flagsAsStarted()).toBe(true);
  });

  it('leaves them alone in a run that reads the XLIFF files there', async () => {
    const dir = project();
    await oneRun(async () => extract(await loadProject(dir)));
    expect(await extractWatched(dir)).not.toContain(false);
    expect(flagsAsStarted()).toBe(true);
  });

  it('writes the same XLIFF files as with the flags left alone', async () => {
    const changed = project();
    await oneRun(async () => extract(await loadProject(changed)));
    // A command line that names the flag leaves it as asked: the run is compiled as node would by itself.
    const asked = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${asked ?? ''} --turbo-inlining`;
    const alone = project();
    try {
      expect(await extractWatched(alone)).not.toContain(false);
    } finally {
      if (asked === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = asked;
    }
    const a = xliffOf(changed);
    const b = xliffOf(alone);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!)).toBe(true);
  });
});
