import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AtomicBatch } from '../src/io/atomic-batch.js';
import { insideProject } from '../src/io/files.js';
import { RENAMES_PER_MESSAGE } from '../src/io/writer-thread.js';
import { LocflowError } from '../src/errors.js';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'locflow-batch-'));
  mkdirSync(join(root, 'out'));
  for (const name of ['a.txt', 'b.txt']) writeFileSync(join(root, 'out', name), `old ${name}`);
  insideProject(root, 'out', 'test output'); // the project whose writes are checked for links out
  return root;
}

const listing = (dir: string): string[] => readdirSync(dir).sort();

describe('AtomicBatch', () => {
  it('changes no target before commit, then all of them, leaving no temporary file', async () => {
    const root = project();
    const out = join(root, 'out');
    const batch = new AtomicBatch();
    await batch.write(join(out, 'a.txt'), 'new a');
    await batch.write(join(out, 'b.txt'), new TextEncoder().encode('new b'));
    await batch.write(join(out, 'deep', 'c.txt'), 'new c');
    await batch.write(join(out, 'a.txt'), 'newer a'); // the last write of a path wins
    await batch.flush();
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a.txt');
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('old b.txt');
    expect(listing(out).filter((f) => f.endsWith('.tmp'))).toHaveLength(2);
    await batch.commit();
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('newer a');
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('new b');
    expect(readFileSync(join(out, 'deep', 'c.txt'), 'utf8')).toBe('new c');
    expect(listing(out)).toEqual(['a.txt', 'b.txt', 'deep']);
    expect(listing(join(out, 'deep'))).toEqual(['c.txt']);
    expect(batch.size).toBe(0);
  });

  it('abandon leaves every target as it was', async () => {
    const root = project();
    const out = join(root, 'out');
    const batch = new AtomicBatch();
    await batch.write(join(out, 'a.txt'), 'new a');
    await batch.flush();
    await batch.abandon();
    await batch.commit(); // nothing left to commit
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a.txt');
    expect(listing(out)).toEqual(['a.txt', 'b.txt']);
  });

  it('a write that fails (a file where a folder must be) abandons the batch: nothing changed, no temporary left', async () => {
    const root = project();
    const out = join(root, 'out');
    const batch = new AtomicBatch();
    await batch.write(join(out, 'a.txt'), 'new a');
    await expect(batch.write(join(out, 'b.txt', 'c.txt'), 'x')).rejects.toThrow(LocflowError);
    expect(batch.size).toBe(0);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a.txt');
    expect(listing(out)).toEqual(['a.txt', 'b.txt']);
  });

  it('a temporary file that cannot be written (a folder in its place) fails the flush, naming the target', async () => {
    const root = project();
    const out = join(root, 'out');
    const batch = new AtomicBatch();
    await batch.write(join(out, 'a.txt'), 'new a');
    await batch.flush();
    // The temporary name is made of the pid and the time: with the clock held, a folder takes its place.
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    mkdirSync(join(out, `.b.txt.${process.pid}.1800000000000.tmp`));
    await batch.write(join(out, 'b.txt'), 'new b');
    now.mockRestore();
    await expect(batch.commit()).rejects.toMatchObject({ file: join(out, 'b.txt') });
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a.txt');
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('old b.txt');
    expect(listing(out).filter((f) => f.startsWith('.a.txt'))).toEqual([]);
  });

  it('never writes through a link out of the project', async () => {
    const root = project();
    const outside = mkdtempSync(join(tmpdir(), 'locflow-outside-'));
    symlinkSync(outside, join(root, 'out', 'linked'));
    const batch = new AtomicBatch();
    await batch.write(join(root, 'out', 'a.txt'), 'new a');
    await expect(batch.write(join(root, 'out', 'linked', 'x.txt'), 'x')).rejects.toThrow(
      /link to a folder outside the project/u,
    );
    expect(listing(outside)).toEqual([]);
    expect(listing(join(root, 'out'))).toEqual(['a.txt', 'b.txt', 'linked']);
  });

  it('streams a large file to its temporary file as it comes, the target unchanged until commit', async () => {
    const root = project();
    const out = join(root, 'out');
    const batch = new AtomicBatch();
    const file = batch.stream(join(out, 'a.txt'));
    const piece = 'x'.repeat(300_000) + '\n';
    for (let i = 0; i < 8; i++) await file.write(`${i}:${piece}`);
    // Past the hold, the pieces are on disk, not in memory: the temporary file already holds most of them.
    const temp = listing(out).find((f) => f.endsWith('.tmp'))!;
    expect(readFileSync(join(out, temp)).length).toBeGreaterThan(1_000_000);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a.txt');
    await file.close();
    const small = batch.stream(join(out, 'b.txt'));
    await small.write('new ');
    await small.write('b');
    await small.close();
    await batch.commit();
    const expected = Array.from({ length: 8 }, (_, i) => `${i}:${piece}`).join('');
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe(expected);
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('new b');
    expect(listing(out)).toEqual(['a.txt', 'b.txt']);
  });

  it('abandoning a stream still open closes and removes its temporary file', async () => {
    const root = project();
    const out = join(root, 'out');
    const batch = new AtomicBatch();
    const file = batch.stream(join(out, 'a.txt'));
    await file.write('y'.repeat(1_200_000));
    expect(listing(out).some((f) => f.endsWith('.tmp'))).toBe(true);
    await batch.abandon();
    expect(listing(out)).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a.txt');
  });

  it('keeps a number per file written, not a second path, until commit', async () => {
    const root = project();
    const out = join(root, 'out');
    const targets = Array.from({ length: 100 }, (_, i) => join(out, 'es', `story-${i}.json`));
    const batch = new AtomicBatch();
    for (const target of targets) await batch.write(target, '{}');
    await batch.flush();
    // What it keeps for a file until its commit: a number its temporary name is made again from (a run over 37,213
    // documents kept ≈ 16 MB of names), the name itself only for a file adopted from another batch.
    const kept = (batch as unknown as { temps: Map<string, unknown> }).temps;
    expect([...kept.keys()]).toEqual(targets);
    expect([...kept.values()].every((v) => typeof v === 'number')).toBe(true);
    const written = (batch as unknown as { written: Set<string> }).written;
    expect(written.size).toBe(0);
    await batch.write(targets[0]!, '{"a": 1}');
    await batch.flush();
    expect([...listing(join(out, 'es'))].filter((f) => f.endsWith('.tmp'))).toHaveLength(100);
    await batch.commit();
    expect(readFileSync(targets[0]!, 'utf8')).toBe('{"a": 1}');
    expect(readFileSync(targets[99]!, 'utf8')).toBe('{}');
    expect(listing(join(out, 'es')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('renames many files in order on its writer thread: a rename that fails stops the rest, each target old or new', async () => {
    const root = project();
    const out = join(root, 'out');
    const targets = Array.from({ length: 100 }, (_, i) => join(out, 'es', `story-${String(i).padStart(3, '0')}.txt`));
    mkdirSync(join(out, 'es'));
    for (const target of targets) writeFileSync(target, 'old');
    // A folder with a file in it where the 51st target is: nothing can be renamed over it.
    rmSync(targets[50]!);
    mkdirSync(targets[50]!);
    writeFileSync(join(targets[50]!, 'inside.txt'), 'kept');
    const batch = new AtomicBatch();
    for (const target of targets) await batch.write(target, 'new');
    const failed = await batch.commit().then(
      () => undefined,
      (err: unknown) => err as LocflowError,
    );
    expect(failed).toBeInstanceOf(LocflowError);
    expect(failed!.message).toMatch(/; 50 of 100 file\(s\) were written$/u);
    expect(failed!.file).toBe(targets[50]);
    expect(targets.slice(0, 50).map((t) => readFileSync(t, 'utf8'))).toEqual(Array(50).fill('new'));
    expect(targets.slice(51).map((t) => readFileSync(t, 'utf8'))).toEqual(Array(49).fill('old'));
    expect(readFileSync(join(targets[50]!, 'inside.txt'), 'utf8')).toBe('kept');
    expect(listing(join(out, 'es')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('renames on its writer thread a message of RENAMES_PER_MESSAGE at a time, in order; a failure in a later message stops the rest', async () => {
    const root = project();
    const out = join(root, 'out');
    const count = 2 * RENAMES_PER_MESSAGE + 300;
    const bad = 2 * RENAMES_PER_MESSAGE + 100; // in the third message
    const targets = Array.from({ length: count }, (_, i) => join(out, 'es', `s-${String(i).padStart(5, '0')}.txt`));
    mkdirSync(join(out, 'es'));
    mkdirSync(targets[bad]!);
    writeFileSync(join(targets[bad]!, 'inside.txt'), 'kept');
    const batch = new AtomicBatch({ manyFiles: true });
    for (const target of targets) await batch.write(target, 'new');
    const worker = (batch as unknown as { writer: { worker: { postMessage(m: unknown): void } } }).writer.worker;
    const posted = vi.spyOn(worker, 'postMessage');
    const failed = await batch.commit().then(
      () => undefined,
      (err: unknown) => err as LocflowError,
    );
    const renames = posted.mock.calls
      .map(([m]) => m)
      .filter((m): m is { rename: string[] } => typeof m === 'object' && m !== null && 'rename' in m);
    // Three messages: the thread never holds every name at once.
    expect(renames.map((m) => m.rename.length / 2)).toEqual([RENAMES_PER_MESSAGE, RENAMES_PER_MESSAGE, 300]);
    expect(renames.flatMap((m) => m.rename.filter((_, i) => i % 2 === 1))).toEqual(targets);
    expect(failed).toBeInstanceOf(LocflowError);
    expect(failed!.message).toMatch(new RegExp(`; ${bad} of ${count} file\\(s\\) were written$`, 'u'));
    expect(failed!.file).toBe(targets[bad]);
    expect(targets.slice(0, bad).every((t) => readFileSync(t, 'utf8') === 'new')).toBe(true);
    expect(targets.slice(bad + 1).some((t) => existsSync(t))).toBe(false);
    expect(readFileSync(join(targets[bad]!, 'inside.txt'), 'utf8')).toBe('kept');
    expect(listing(join(out, 'es')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('starts its writer thread with the first file when told that many follow', async () => {
    const root = project();
    const out = join(root, 'out');
    const writerOf = (batch: AtomicBatch): unknown => (batch as unknown as { writer: unknown }).writer;
    const many = new AtomicBatch({ manyFiles: true });
    const few = new AtomicBatch();
    await many.write(join(out, 'a.txt'), 'new a');
    await few.write(join(out, 'b.txt'), 'new b');
    expect(writerOf(many)).toBeDefined();
    expect(writerOf(few)).toBeUndefined();
    await many.commit();
    await few.commit();
    expect(writerOf(many)).toBeUndefined(); // ended with the commit
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('new a');
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('new b');
    expect(listing(out)).toEqual(['a.txt', 'b.txt']);
  });

  it("its writer thread writes each file's bytes as Buffer.from makes them, whatever their size and number", async () => {
    const root = project();
    const out = join(root, 'out');
    const batch = new AtomicBatch({ manyFiles: true });
    // ≈ 13 MB in all, many times the memory the thread shares: it is filled and reused over and over; text of one and
    // of two bytes a character, characters of 2 to 4 UTF-8 bytes, lone surrogates, bytes, empty files and one larger
    // than that memory.
    const piece = (i: number): string => `${i} Año ñandú — 東京 🙂 \uD800 x\uDFFF `;
    const data = Array.from({ length: 400 }, (_, i): string | Uint8Array =>
      i % 50 === 7 ? '' : i % 10 === 3 ? new Uint8Array(30_000).fill(i % 256) : piece(i).repeat((i * 37) % 1500),
    );
    data.push('é'.repeat(3 << 20));
    const targets = data.map((_, i) => join(out, 'many', `f-${i}.txt`));
    for (const [i, target] of targets.entries()) await batch.write(target, data[i]!);
    await batch.commit();
    for (const [i, target] of targets.entries()) {
      const d = data[i]!;
      expect(readFileSync(target).equals(typeof d === 'string' ? Buffer.from(d) : d), target).toBe(true);
    }
  });

  describe('with stageNewFolders', () => {
    const staged = (dir: string): string[] => listing(dir).filter((f) => f.endsWith('.staged'));

    it('writes a folder not there yet beside its place and renames it in whole at commit', async () => {
      const root = project();
      const out = join(root, 'out');
      const batch = new AtomicBatch({ stageNewFolders: true });
      await batch.write(join(out, 'new', 'es', 'a.txt'), 'new a');
      await batch.write(join(out, 'new', 'es', 'deep', 'b.txt'), 'new b');
      await batch.write(join(out, 'new', 'c.txt'), 'new c');
      await batch.write(join(out, 'a.txt'), 'a again'); // its folder is there: a temporary file beside it
      await batch.write(join(out, 'new', 'es', 'a.txt'), 'newer a'); // the last write of a path wins
      await batch.flush();
      // Nothing of the new folder is there before commit: not the folder, nor the folders in it.
      expect(existsSync(join(out, 'new'))).toBe(false);
      expect(staged(out)).toEqual([
        expect.stringMatching(new RegExp(`^\\.new\\.${process.pid}\\.\\d{10,}\\.staged$`, 'u')),
      ]);
      expect(await batch.pending(join(out, 'new', 'c.txt'))).toBe(join(out, staged(out)[0]!, 'c.txt'));
      await batch.commit();
      expect(readFileSync(join(out, 'new', 'es', 'a.txt'), 'utf8')).toBe('newer a');
      expect(readFileSync(join(out, 'new', 'es', 'deep', 'b.txt'), 'utf8')).toBe('new b');
      expect(readFileSync(join(out, 'new', 'c.txt'), 'utf8')).toBe('new c');
      expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('a again');
      expect(listing(out)).toEqual(['a.txt', 'b.txt', 'new']);
      expect(listing(join(out, 'new'))).toEqual(['c.txt', 'es']);
      expect(batch.size).toBe(0);
    });

    it('many files, written by its writer thread: one rename for the folder, every file whole', async () => {
      const root = project();
      const out = join(root, 'out');
      const batch = new AtomicBatch({ manyFiles: true, stageNewFolders: true });
      const targets = Array.from({ length: 100 }, (_, i) => join(out, 'es', `story-${i}.txt`));
      for (const [i, target] of targets.entries()) await batch.write(target, `story ${i}`);
      await batch.flush();
      expect(existsSync(join(out, 'es'))).toBe(false);
      await batch.commit();
      expect(targets.map((t) => readFileSync(t, 'utf8'))).toEqual(targets.map((_, i) => `story ${i}`));
      expect(listing(join(out, 'es'))).toHaveLength(100);
      expect(staged(out)).toEqual([]);
    });

    it('creates the files it is told to expect in its staged folder ahead; one never written is no output', async () => {
      const root = project();
      const out = join(root, 'out');
      const batch = new AtomicBatch({ manyFiles: true, stageNewFolders: true });
      const targets = Array.from({ length: 100 }, (_, i) => join(out, 'es', `story-${i}.txt`));
      batch.expect([...targets, join(out, 'a.txt')]); // out/a.txt: its folder is there, nothing made ahead
      await batch.pending(targets[0]!); // once the thread has done what it was given
      const [folder] = staged(out);
      expect(listing(join(out, folder!))).toEqual(targets.map((t) => t.slice(join(out, 'es').length + 1)).sort());
      expect(listing(out)).toEqual([folder, 'a.txt', 'b.txt']);
      for (const [i, target] of targets.slice(0, 99).entries()) await batch.write(target, `story ${i}`);
      await batch.commit();
      expect(targets.slice(0, 99).map((t) => readFileSync(t, 'utf8'))).toEqual(
        targets.slice(0, 99).map((_, i) => `story ${i}`),
      );
      expect(existsSync(targets[99]!)).toBe(false);
      expect(listing(out)).toEqual(['a.txt', 'b.txt', 'es']);
    });

    it('abandon removes the files created ahead with their staged folder', async () => {
      const root = project();
      const out = join(root, 'out');
      const batch = new AtomicBatch({ manyFiles: true, stageNewFolders: true });
      batch.expect([join(out, 'es', 'a.txt'), join(out, 'es', 'b.txt')]);
      await batch.write(join(out, 'es', 'a.txt'), 'new a');
      await batch.abandon();
      expect(listing(out)).toEqual(['a.txt', 'b.txt']);
    });

    it('a folder made in its place meanwhile gets the files one by one, keeping what it holds', async () => {
      const root = project();
      const out = join(root, 'out');
      const batch = new AtomicBatch({ stageNewFolders: true });
      await batch.write(join(out, 'new', 'a.txt'), 'new a');
      await batch.write(join(out, 'new', 'es', 'b.txt'), 'new b');
      mkdirSync(join(out, 'new'));
      writeFileSync(join(out, 'new', 'other.txt'), 'kept');
      await batch.commit();
      expect(listing(join(out, 'new'))).toEqual(['a.txt', 'es', 'other.txt']);
      expect(readFileSync(join(out, 'new', 'a.txt'), 'utf8')).toBe('new a');
      expect(readFileSync(join(out, 'new', 'es', 'b.txt'), 'utf8')).toBe('new b');
      expect(readFileSync(join(out, 'new', 'other.txt'), 'utf8')).toBe('kept');
      expect(staged(out)).toEqual([]);
    });

    it('abandon removes the staged folder: the new folder never appears', async () => {
      const root = project();
      const out = join(root, 'out');
      const batch = new AtomicBatch({ stageNewFolders: true });
      await batch.write(join(out, 'new', 'a.txt'), 'new a');
      await batch.flush();
      await batch.abandon();
      await batch.commit(); // nothing left to commit
      expect(listing(out)).toEqual(['a.txt', 'b.txt']);
    });

    it('a staged folder left by a process that is gone is removed by the next batch staging beside it', async () => {
      const root = project();
      const out = join(root, 'out');
      const dead = Number(
        spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
      );
      const left = `.new.${dead}.1764147600000.staged`;
      const live = `.new.${process.pid}.1764147600000.staged`; // this process is alive: maybe a batch in progress
      for (const name of [left, live]) {
        mkdirSync(join(out, name, 'es'), { recursive: true });
        writeFileSync(join(out, name, 'es', 'a.txt'), 'half');
      }
      const batch = new AtomicBatch({ stageNewFolders: true });
      await batch.write(join(out, 'other', 'a.txt'), 'new a');
      await batch.commit();
      expect(existsSync(join(out, left))).toBe(false);
      expect(existsSync(join(out, live, 'es', 'a.txt'))).toBe(true);
      expect(readFileSync(join(out, 'other', 'a.txt'), 'utf8')).toBe('new a');
    });
  });
});
