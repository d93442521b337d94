import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicBatch } from '../src/io/atomic-batch.js';
import { atomicTemp, enterRun, insideProject, oneRun, refuseWriteThroughLink } from '../src/io/files.js';
import { exposedGc } from './exposed-gc.js';

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

  it('an answer is kept for its folder: the same name in another folder, or deeper, is looked at on its own', async () => {
    const { root, outside } = project();
    mkdirSync(join(root, 'a', 'x'), { recursive: true });
    mkdirSync(join(root, 'x', 'x'), { recursive: true });
    mkdirSync(join(root, 'b'));
    symlinkSync(outside, join(root, 'b', 'x'));
    symlinkSync(outside, join(root, 'x', 'x', 'x'));
    writeFileSync(join(root, 'c'), '');
    await oneRun(async () => {
      expect(insideProject(root, 'a/x/f.txt', 'path')).toBe(join(root, 'a/x/f.txt'));
      expect(() => insideProject(root, 'b/x/f.txt', 'path')).toThrow(/"b\/x\/f.txt" goes through a link/u);
      expect(insideProject(root, 'x/x/f.txt', 'path')).toBe(join(root, 'x/x/f.txt'));
      expect(() => insideProject(root, 'x/x/x/f.txt', 'path')).toThrow(/goes through a link/u);
      // Found not there in one folder, a name is not taken as not there in another.
      expect(insideProject(root, 'a/y/f.txt', 'path')).toBe(join(root, 'a/y/f.txt'));
      symlinkSync(outside, join(root, 'b', 'y'));
      expect(() => insideProject(root, 'b/y/f.txt', 'path')).toThrow(/goes through a link/u);
      // A file found no link, then named as a folder: its name below is looked at (a file there cannot be a link).
      expect(insideProject(root, 'c', 'path')).toBe(join(root, 'c'));
      expect(insideProject(root, 'c/d', 'path')).toBe(join(root, 'c/d'));
      // Two projects, one inside the other: a folder made by the run is looked at again from either root.
      const inner = join(root, 'a');
      expect(insideProject(inner, 'new/sub/f.txt', 'path')).toBe(join(inner, 'new/sub/f.txt'));
      expect(insideProject(root, 'a/new/sub/f.txt', 'path')).toBe(join(inner, 'new/sub/f.txt'));
      atomicTemp(join(inner, 'new', 'f.txt'));
      symlinkSync(outside, join(inner, 'new', 'sub'));
      expect(() => insideProject(root, 'a/new/sub/f.txt', 'path')).toThrow(/goes through a link/u);
      expect(() => insideProject(inner, 'new/sub/f.txt', 'path')).toThrow(/goes through a link/u);
    });
  });

  it('the answers of a run over many files cost a short name each, not their paths', async () => {
    const { root } = project();
    const gc = exposedGc();
    const n = 20_000;
    let kept = 0;
    await oneRun(async () => {
      insideProject(root, 'locales/es/story-0.json', 'path');
      atomicTemp(join(root, 'locales', 'es', 'story-0.json')); // the folder made: every file below is looked at
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 1; i <= n; i++) {
        // As a run names them: a path built from parts, asked for twice (a document's bundle and its metadata).
        const path = ['locales', 'es', `story-${String(i).padStart(6, '0')}.json`].join('/');
        insideProject(root, path, 'path');
        insideProject(root, `${path.slice(0, -5)}.meta.json`, 'path');
      }
      gc();
      kept = process.memoryUsage().heapUsed - before;
    });
    // 40,000 paths of ≈ 60 characters: ≈ 130 bytes each as a name in its folder's map, ≈ 500 as whole paths.
    expect(kept / (2 * n)).toBeLessThan(150);
  });
});
