import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicBatch } from '../src/io/atomic-batch.js';
import { atomicTemp, enterRun, insideProject, oneRun, refuseWriteThroughLink } from '../src/io/files.js';

function project(): { root: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'locflow-run-links-'));
  mkdirSync(join(root, 'out', 'es'), { recursive: true });
  return { root, outside: mkdtempSync(join(tmpdir(), 'locflow-run-outside-')) };
}

/** The project's out/ folder becomes a link out of it. */
function swapForLink(root: string, outside: string): void {
  rmSync(join(root, 'out'), { recursive: true });
  symlinkSync(outside, join(root, 'out'));
}

describe('link checks, once per folder per run', () => {
  it('what a run found is forgotten when it ends: the next run sees a folder swapped for a link', async () => {
    const { root, outside } = project();
    await oneRun(async () => {
      expect(insideProject(root, 'out/es/a.txt', 'path')).toBe(join(root, 'out/es/a.txt'));
    });
    swapForLink(root, outside);
    expect(() => insideProject(root, 'out/es/a.txt', 'path')).toThrow(/link to a folder outside the project/u);
    await oneRun(async () => {
      expect(() => insideProject(root, 'out/es/a.txt', 'path')).toThrow(/link to a folder outside the project/u);
    });
  });

  it('a nested run ending leaves the outer one open; a link there before a run is refused in it', async () => {
    const { root, outside } = project();
    symlinkSync(outside, join(root, 'linked'));
    const end = enterRun();
    await oneRun(async () => insideProject(root, 'out/es/a.txt', 'path'));
    expect(() => insideProject(root, 'linked/a.txt', 'path')).toThrow(/link to a folder outside the project/u);
    end();
    end(); // a second call changes nothing
    swapForLink(root, outside);
    expect(() => insideProject(root, 'out/es/a.txt', 'path')).toThrow(/link to a folder outside the project/u);
  });

  it('a path not there is not looked at again in the run, until the run makes a folder there', async () => {
    const { root, outside } = project();
    await oneRun(async () => {
      expect(insideProject(root, 'new/a.txt', 'path')).toBe(join(root, 'new/a.txt'));
      // Put in its place during the run, a link is not seen (as one in place of a folder already checked).
      symlinkSync(outside, join(root, 'new'));
      expect(insideProject(root, 'new/a.txt', 'path')).toBe(join(root, 'new/a.txt'));
      rmSync(join(root, 'new'));
      // The run makes a folder where nothing was: what goes below it is looked at again.
      expect(insideProject(root, 'made/sub/b.txt', 'path')).toBe(join(root, 'made/sub/b.txt'));
      atomicTemp(join(root, 'made', 'a.txt'));
      symlinkSync(outside, join(root, 'made', 'sub'));
      expect(() => insideProject(root, 'made/sub/b.txt', 'path')).toThrow(/link to a folder outside the project/u);
    });
    // A path found not there is forgotten when the run ends.
    await oneRun(async () => insideProject(root, 'later/a.txt', 'path'));
    symlinkSync(outside, join(root, 'later'));
    expect(() => insideProject(root, 'later/a.txt', 'path')).toThrow(/link to a folder outside the project/u);
  });

  it('a folder asked about many times is read once, and its links and names not there then are still looked at', async () => {
    const { root, outside } = project();
    const folder = join(root, 'out', 'es');
    writeFileSync(join(outside, 'secret.txt'), 'x');
    const names = Array.from({ length: 100 }, (_, i) => `doc-${i}.txt`);
    for (const name of names) writeFileSync(join(folder, name), name);
    // Links among plain files: one asked before the folder is read whole, one after (its listing says "link").
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'doc-3.txt.link'));
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'doc-90.txt.link'));
    await oneRun(async () => {
      for (const name of names) {
        expect(insideProject(root, `out/es/${name}`, 'path')).toBe(join(folder, name));
        for (const n of [3, 90])
          if (name === `doc-${n}.txt`)
            expect(() => insideProject(root, `out/es/${name}.link`, 'path')).toThrow(/link to a file outside/u);
      }
      // Made after the folder was read: a name the listing does not hold is looked at, not taken for "not there".
      symlinkSync(join(outside, 'secret.txt'), join(folder, 'late.txt'));
      expect(() => insideProject(root, 'out/es/late.txt', 'path')).toThrow(/link to a file outside/u);
      // A folder in it: the files below it are looked at too.
      symlinkSync(outside, join(folder, 'sub'));
      expect(() => insideProject(root, 'out/es/sub/secret.txt', 'path')).toThrow(/link to a folder outside/u);
    });
  });

  it('a file about to be written that the folder read does not hold is not looked for; links and folders still are', async () => {
    const { root, outside } = project();
    const folder = join(root, 'out', 'es');
    writeFileSync(join(outside, 'secret.txt'), 'x');
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'linked.txt'));
    insideProject(root, 'out', 'test output'); // the project whose writes are checked for links out
    await oneRun(async () => {
      // Many new files written to one folder: it is read once, then new names are taken for not there.
      for (let i = 0; i < 100; i++) refuseWriteThroughLink(join(folder, `new-${i}.txt`));
      // A link it holds is refused, for a write as for a read.
      expect(() => refuseWriteThroughLink(join(folder, 'linked.txt'))).toThrow(/link to a file outside/u);
      // A folder made after it was read is looked at: a write below a link out is refused.
      symlinkSync(outside, join(folder, 'sub'));
      expect(() => refuseWriteThroughLink(join(folder, 'sub', 'x.txt'))).toThrow(/link to a folder outside/u);
      expect(() => atomicTemp(join(folder, 'sub', 'x.txt'))).toThrow(/link to a folder outside/u);
      // A name it does not hold, read (not written), is looked at.
      symlinkSync(join(outside, 'secret.txt'), join(folder, 'late.txt'));
      expect(() => insideProject(root, 'out/es/late.txt', 'path')).toThrow(/link to a file outside/u);
    });
  });

  it('files a batch renamed into a folder read earlier in the run are compared again, not taken for new', async () => {
    const { root } = project();
    const folder = join(root, 'out', 'es');
    insideProject(root, 'out', 'test output'); // the project whose writes are checked for links out
    await oneRun(async () => {
      const names = Array.from({ length: 100 }, (_, i) => join(folder, `doc-${i}.txt`));
      const first = new AtomicBatch();
      for (const name of names) await first.writeChanged(name, `text of ${name}`);
      await first.commit();
      const old = new Date(2000, 0, 1);
      for (const name of names) utimesSync(name, old, old);
      // Written again with the same bytes in the same run: each is left as it is.
      const again = new AtomicBatch();
      for (const name of names) expect(await again.writeChanged(name, `text of ${name}`), name).toBe(false);
      await again.commit();
      for (const name of names) expect(statSync(name).mtimeMs, name).toBe(old.getTime());
    });
  });
});
