import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LocflowError, systemError } from '../errors.js';
import { FLUSH_AHEAD_EVERY, flushAhead, inPool, makeDurable, startFlusher } from './durable.js';
import {
  atomicTemp,
  forgetListings,
  notListed,
  refuseWriteThroughLink,
  removeStaleStaged,
  removeStaleTemps,
  tempBeside,
  tempName,
  writeFailure,
} from './files.js';
import { WriterThread, type Renamed } from './writer-thread.js';

/** How many streamed temporary files are closed at once, off the main thread. */
const FILES_AT_ONCE = 64;

/**
 * Files a batch writes on the calling thread before it hands the next ones to a thread of their own (WriterThread):
 * its start (≈ 2 ms here, ≈ 20 ms on the other core) pays only over many files. A worker thread's batch (extract's
 * pool) writes its own: the other cores already work.
 */
const OFF_THREAD_FROM = 64;

/** Files handed to that thread and not yet written that the batch lets wait before it waits for them. */
const FILES_QUEUED = 256;

/** Characters a streamed file holds before it is written out: a file smaller than this is written whole. */
const STREAM_HOLD = 1 << 18;

/** What `temps` holds for a target written into a staged folder: its name there is its own (see stagedFolder). */
const STAGED = -1;

/** A folder the batch stages: the folder it becomes at commit, and where it is until then. */
interface Staged {
  /** The folder not there when the batch began writing below it, the highest such one. */
  readonly top: string;
  /** This folder's place in the staged copy of `top` (beside `top`, named by tempName with the ending 'staged'). */
  readonly at: string;
}

/** A file of a batch written piece by piece (AtomicBatch.stream). */
export interface PieceWriter {
  write(text: string): Promise<void>;
  /** The last piece is written; the file is flushed with the batch's others and renamed in commit(). */
  close(): Promise<void>;
}

/**
 * Many files written as writeFileAtomic writes one — each through a temporary file renamed over it, so
 * a reader (or a run killed at any moment) sees the old file or the new one, never half of one — but
 * written together: each temporary file is created and written, then all are made durable together
 * (makeDurable: for many files one flush of their file system, not one per file), then all are renamed
 * and each folder synced once. Flushing files one by one in turn is what a run over thousands of documents
 * otherwise waits for.
 *
 * For changes that must land with something else (import's memory entries): `flush` first, where a full
 * disk or a read-only folder fails with every target unchanged; then the other change; then `commit`,
 * whose renames need no space. Any failure removes the temporary files (`abandon`), and the next write
 * to a folder removes those of a run killed in between (removeStaleTemps).
 *
 * With `stageNewFolders`, a target whose folder is not there yet is written under its own name into a staged copy of
 * the highest folder missing above it (beside where that folder goes: ".<name>.<pid>.<ms>.staged"), and commit renames
 * that staged folder into place once: a build into a new output folder makes it appear whole, with one rename instead
 * of one per file (and no file looked for in it first). A run killed before that rename leaves no target, and the
 * next batch that stages beside it removes its staged folder.
 */
export class AtomicBatch {
  /**
   * Target path → its temporary file, in the order written: the milliseconds from `started` to when its write began
   * (its name is made again from those, tempName), or the name itself (a file adopted from another batch). A run over
   * thousands of files keeps a number per file, not a second path.
   */
  private readonly temps = new Map<string, number | string>();
  private readonly started = Date.now();
  /** Temporary files being written. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Targets whose temporary file is written whole but not yet made durable. */
  private readonly written = new Set<string>();
  /** Streamed files still open for more pieces. */
  private readonly streams = new Set<FileHandle>();
  private failure: { err: unknown } | undefined;
  /** Files written whole so far (the count that starts the writer thread), and that thread once started. */
  private stored = 0;
  private writer: WriterThread | undefined;
  private writerTried = false;
  /** Each folder a target was written to (with stageNewFolders): where it is staged, or null when it was there. */
  private readonly staging = new Map<string, Staged | null>();
  /** Each staged top folder → its staged copy, in the order made. */
  private readonly stagedTops = new Map<string, string>();
  /** Files in staged folders created ahead (`expect`) and not written since: removed before commit. */
  private readonly created = new Set<string>();
  /** The writer thread's creation of those files, until done. */
  private creating: Promise<void> | undefined;

  /**
   * `manyFiles`: the caller is about to write many files (OFF_THREAD_FROM or more): the writer thread starts with the
   * first, instead of after this thread has written as many itself. `stageNewFolders`: a folder not there yet is
   * written whole beside its place and renamed into it at commit (not with a batch whose files another batch adopts).
   */
  constructor(private readonly options: { readonly manyFiles?: boolean; readonly stageNewFolders?: boolean } = {}) {}

  /**
   * Checks `path` (never through a link out of the project), creates its folder and starts writing `data` to
   * a temporary file beside it; resolves once the batch has room for more. `path` itself changes only in commit().
   */
  async write(path: string, data: string | Uint8Array): Promise<void> {
    await this.writeChecked(path, data, false);
  }

  /** `write`, the link check left out when `linkChecked` (the caller has just made it). */
  private async writeChecked(path: string, data: string | Uint8Array, linkChecked: boolean): Promise<void> {
    const tmp = await this.begin(path, linkChecked);
    await this.track(path, tmp, this.store(tmp, data));
  }

  /** A temporary file created and written: here, or by the writer thread once the batch has written many. */
  private store(tmp: string, data: string | Uint8Array): Promise<void> {
    if ((++this.stored >= OFF_THREAD_FROM || this.options.manyFiles) && !this.writerTried) {
      this.writerTried = true;
      this.writer = WriterThread.start();
    }
    if (!this.options.manyFiles) return this.writer ? this.writer.write(tmp, data) : storeHere(tmp, data);
    // Many files: their file system's flush begins every FLUSH_AHEAD_EVERY files (the flush at the end then writes
    // back only the last ones), from a small process started before the first (durable.ts).
    if (this.stored === 1) startFlusher();
    const stored = this.writer ? this.writer.write(tmp, data) : storeHere(tmp, data);
    if (this.stored % FLUSH_AHEAD_EVERY === 0) void stored.then(() => flushAhead(dirname(tmp)), noop);
    return stored;
  }

  /**
   * Says which files the batch is about to write, in the order it will: with stageNewFolders and manyFiles, those in
   * folders not there yet are created empty now, on the writer thread, while the caller still makes them — on a file
   * system where creating a file is the slow part (ext4 without a journal looks past every inode freed in the last
   * minutes), that work begins before the first file is ready, on a core the caller leaves idle. The first
   * FILES_QUEUED of them: nothing else changes; each file is still written by `write` or `writeChanged`, and one never
   * written is removed before commit.
   */
  expect(paths: Iterable<string>): void {
    if (!this.options.stageNewFolders || !this.options.manyFiles || this.failure) return;
    const ahead: string[] = [];
    for (const path of paths) {
      const dir = dirname(path);
      if (this.staging.get(dir) === null) continue;
      if (!this.staging.has(dir)) {
        try {
          refuseWriteThroughLink(path); // as the first write to the folder would; that write then reports it
        } catch {
          break;
        }
      }
      const staged = this.stagedFolder(dir);
      if (!staged) continue;
      const at = join(staged.at, basename(path));
      if (!this.created.has(at)) {
        this.created.add(at);
        ahead.push(at);
      }
      // As many as the batch lets wait for the thread: the writes queued behind them are never held up longer than
      // they would be by creating their own files (all of them first would hold up the caller until all are made).
      if (ahead.length >= FILES_QUEUED) break;
    }
    if (!ahead.length) return;
    if (!this.writerTried) {
      this.writerTried = true;
      this.writer = WriterThread.start();
    }
    if (!this.writer) {
      this.created.clear(); // no thread to create them: each is created by its write
      return;
    }
    const done = this.writer.create(ahead);
    const all = this.creating ? Promise.all([this.creating, done]) : done;
    this.creating = all.then(() => undefined);
  }

  /**
   * `write`, unless `path` is a regular file that holds `data` already: it is then left as it is (no temporary file,
   * no flush, no rename, its time unchanged) and false is returned. A rebuild in which most documents did not change
   * reads each file instead of replacing it. `current`: what the file held a moment ago, read as a regular file (not
   * through a link) by a thread reading ahead — as its bytes, or its text decoded as UTF-8 — compared instead of
   * looking at the file again.
   */
  async writeChanged(path: string, data: string | Uint8Array, current?: string | Uint8Array): Promise<boolean> {
    if (this.temps.has(path)) {
      await this.write(path, data);
      return true;
    }
    // In a folder staged already there is nothing to compare with, and nothing to look at for links: the folder was
    // not there when the first file written to it was checked, nor were the ones below it.
    if (!this.staging.get(dirname(path))) {
      refuseWriteThroughLink(path); // nothing is read through a link out of the project either
      if (!this.stagedFolder(dirname(path)) && holds(path, data, current)) {
        removeStaleTemps(dirname(path)); // as a write to the folder would
        return false;
      }
    }
    await this.writeChecked(path, data, true);
    return true;
  }

  /**
   * A file written as it is made, piece by piece: held in memory until it passes STREAM_HOLD characters (a
   * small file is then written as `writeChanged` writes it), beyond that written to its temporary file as it comes,
   * so a file of any size is never held whole. Like `write`, `path` changes only in commit(). `absent`: the caller has
   * just found no file at `path`.
   */
  stream(path: string, options: { readonly absent?: boolean } = {}): PieceWriter {
    const held: string[] = [];
    let heldLength = 0;
    let file: { tmp: string; handle: FileHandle } | undefined;
    const spill = async (): Promise<void> => {
      if (!file) {
        const tmp = await this.begin(path);
        try {
          file = { tmp, handle: await open(tmp, 'w') };
        } catch (err) {
          throw await this.fail(path, tmp, err);
        }
        this.streams.add(file.handle);
      }
      const data = held.join('');
      held.length = 0;
      heldLength = 0;
      try {
        await file.handle.writeFile(data);
      } catch (err) {
        throw await this.fail(path, file.tmp, err);
      }
    };
    return {
      write: async (text) => {
        held.push(text);
        heldLength += text.length;
        if (heldLength >= STREAM_HOLD) await spill();
      },
      close: async () => {
        if (!file) {
          // A small file is written whole, and left as it is when it holds these bytes already (a file the caller
          // has just found absent is not looked for again).
          if (options.absent && !this.temps.has(path)) {
            refuseWriteThroughLink(path);
            await this.writeChecked(path, held.join(''), true);
          } else await this.writeChanged(path, held.join(''));
          return;
        }
        await spill();
        const { tmp, handle } = file;
        this.streams.delete(handle);
        await this.track(path, tmp, handle.close());
      },
    };
  }

  /** Makes room for a temporary file of `path` (dropping an earlier one of this batch) and names it. */
  private async begin(path: string, linkChecked = false): Promise<string> {
    if (this.failure) await this.flush(); // throws it, the batch abandoned
    const earlier = this.tempOf(path);
    if (earlier !== undefined) {
      await this.settle();
      rmSync(earlier, { force: true });
      this.temps.delete(path);
      this.written.delete(path);
    }
    const stamp = Date.now();
    let tmp: string;
    try {
      if (!linkChecked && this.options.stageNewFolders && !this.staging.get(dirname(path))) {
        refuseWriteThroughLink(path);
        linkChecked = true;
      }
      const staged = this.stagedFolder(dirname(path));
      if (staged) {
        this.temps.set(path, STAGED);
        const at = join(staged.at, basename(path));
        this.created.delete(at);
        return at;
      }
      tmp = linkChecked ? tempBeside(path, stamp) : atomicTemp(path, stamp);
    } catch (err) {
      await this.abandon();
      throw err;
    }
    const since = stamp - this.started;
    this.temps.set(path, since >= 0 && since < 2 ** 30 ? since : tmp);
    return tmp;
  }

  /** The temporary file of `path` in this batch, if it has one. */
  private tempOf(path: string): string | undefined {
    const known = this.temps.get(path);
    if (known === STAGED) return join(this.staging.get(dirname(path))!.at, basename(path));
    return typeof known === 'number' ? tempName(path, this.started + known) : known;
  }

  /**
   * Where the files of the folder `dir` go until commit when it is staged (stageNewFolders and `dir` not there when
   * first asked about): its place in the staged copy of the highest folder missing above it, made now. Undefined when
   * the folder is written to as it is; so too when the staged folder cannot be made (the write then fails or not, and
   * reports, as without staging).
   */
  private stagedFolder(dir: string): Staged | undefined {
    if (!this.options.stageNewFolders) return undefined;
    let known = this.staging.get(dir);
    if (known === undefined) {
      known = this.stage(dir);
      this.staging.set(dir, known);
    }
    return known ?? undefined;
  }

  private stage(dir: string): Staged | null {
    try {
      if (lstatSync(dir, { throwIfNoEntry: false }) !== undefined) return null;
    } catch {
      return null; // a file above it, a folder that cannot be read: reported as without staging
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    const above = this.stagedFolder(parent);
    try {
      if (above) {
        const at = join(above.at, basename(dir));
        mkdirSync(at);
        return { top: above.top, at };
      }
      removeStaleStaged(parent);
      const at = tempName(dir, this.started, 'staged');
      mkdirSync(at);
      this.stagedTops.set(dir, at);
      return { top: dir, at };
    } catch {
      return null;
    }
  }

  /** Lets the temporary file's last work (its close) run in the background; resolves once there is room for more. */
  private async track(path: string, tmp: string, work: Promise<void>): Promise<void> {
    const job: Promise<void> = work.then(
      () => {
        this.inFlight.delete(job);
        this.written.add(path);
      },
      (err: unknown) => {
        this.inFlight.delete(job);
        this.failure ??= { err: writeFailure(err, path, tmp) };
      },
    );
    this.inFlight.add(job);
    if (this.inFlight.size >= (this.writer ? FILES_QUEUED : FILES_AT_ONCE)) {
      this.writer?.send();
      await Promise.race(this.inFlight);
    }
    if (this.failure) await this.flush();
  }

  /** A failed streamed write: the batch abandoned, the error naming the file the user knows. */
  private async fail(path: string, tmp: string, err: unknown): Promise<unknown> {
    this.failure ??= { err: writeFailure(err, path, tmp) };
    const { err: first } = this.failure;
    await this.abandon();
    return first;
  }

  /**
   * Where what `path` will hold after commit() is now, once written: the temporary file this batch wrote for it, else
   * `path` itself (not written by this batch, or left as it was by writeChanged).
   */
  async pending(path: string): Promise<string> {
    await this.settleWrites();
    return this.tempOf(path) ?? path;
  }

  get size(): number {
    return this.temps.size;
  }

  /** Waits until every temporary file is written and on disk; no target changes. A failure abandons the batch. */
  async flush(): Promise<void> {
    await this.settleWrites();
    const targets = [...this.written];
    try {
      await makeDurable(targets.map((path) => this.tempOf(path)!));
    } catch (err) {
      const failed = (err as NodeJS.ErrnoException).path;
      const path = [...this.temps.keys()].find((target) => this.tempOf(target) === failed);
      await this.abandon();
      throw path && failed ? writeFailure(err, path, failed) : err;
    }
    for (const path of targets) this.written.delete(path);
  }

  /** Waits until every temporary file is written whole (not yet durable). A failure abandons the batch. */
  private async settleWrites(): Promise<void> {
    await this.settle();
    if (this.failure) {
      const { err } = this.failure;
      await this.abandon();
      throw err;
    }
  }

  /**
   * Gives the temporary files, written whole, to whoever commits them (another thread's batch, through `adopt`,
   * which makes them durable with its own): target → temporary file, in the order written. This batch forgets
   * them; it neither flushes, renames nor removes them.
   */
  async handOver(): Promise<Array<[path: string, tmp: string]>> {
    if (this.options.stageNewFolders) throw new Error('a batch staging new folders renames them itself');
    await this.settleWrites();
    const entries = this.entries();
    this.temps.clear();
    this.written.clear();
    return entries;
  }

  /**
   * Takes temporary files another batch wrote whole (`handOver`): made durable by flush() or commit(), renamed by
   * commit(), removed by abandon().
   */
  adopt(entries: ReadonlyArray<readonly [path: string, tmp: string]>): void {
    for (const [path, tmp] of entries) {
      const earlier = this.tempOf(path);
      if (earlier !== undefined && earlier !== tmp) rmSync(earlier, { force: true });
      this.temps.set(path, tmp);
      this.written.add(path);
    }
  }

  /**
   * Flushes, renames each file over its target, then syncs each folder once. The renames run side by side in the
   * thread pool: one by one on the main thread, a rename that waits for the file system's journal holds up all the
   * others (2,318 renames: ≈ 2.4 s one by one, ≈ 0.25 s side by side). A staged folder (stageNewFolders) is synced,
   * then renamed into place whole, after the single files.
   */
  async commit(): Promise<void> {
    await this.flush();
    // Every file is whole on disk before any target changes: a crash from here on leaves each old or new.
    // A file created ahead and never written is no output.
    for (const at of this.created) rmSync(at, { force: true });
    this.created.clear();
    // The targets, in the order written; each one's temporary file is named when it is renamed (a run over thousands of
    // files holds no second list of paths).
    const all = [...this.temps.keys()];
    const single = all.filter((path) => this.temps.get(path) !== STAGED);
    const tops = [...this.stagedTops];
    const synced = new Set(single.map((path) => dirname(path)));
    // The staged folders' entries are on disk before they move (after a flush of the file system, a quick sync).
    if (tops.length) await inPool([...this.stagedFolders()], syncFolder);
    // Their files change now: a later write there looks again.
    forgetListings(new Set([...all.map((path) => dirname(path)), ...tops.map(([top]) => dirname(top))]));
    let renamed = 0;
    let failed: { path: string; tmp: string; err: unknown } | undefined;
    const writer = this.writer;
    if (writer && single.length) {
      // The writer thread renames them, in order, while this thread waits for its answers.
      const pairs = function* (batch: AtomicBatch): Iterable<readonly [tmp: string, target: string]> {
        for (const path of single) yield [batch.tempOf(path)!, path];
      };
      let done: Renamed;
      try {
        done = await writer.renameAll(pairs(this));
      } catch (err) {
        done = { renamed: 0, failure: err as Error }; // the thread failed: what it renamed is not known
      }
      renamed = done.renamed;
      if (done.failure) {
        const path = single[renamed] ?? single[0]!;
        failed = { path, tmp: this.tempOf(path) ?? path, err: done.failure };
      }
      for (let i = 0; i < renamed; i++) this.temps.delete(single[i]!);
    }
    await this.stopWriter();
    if (!writer)
      await inPool(single, async (path) => {
        if (failed) return; // after a failure no other target changes
        const tmp = this.tempOf(path)!;
        try {
          await rename(tmp, path);
          this.temps.delete(path);
          renamed++;
        } catch (err) {
          failed ??= { path, tmp, err };
        }
      });
    for (const [top, at] of tops) {
      if (failed) break;
      const inside = all.filter(
        (path) => this.temps.get(path) === STAGED && this.staging.get(dirname(path))?.top === top,
      );
      try {
        renameSync(at, top);
        synced.add(dirname(top));
      } catch {
        // The folder is there now (made meanwhile) or cannot be replaced: its files go one by one, in order.
        for (const path of inside) {
          const tmp = this.tempOf(path)!;
          try {
            refuseWriteThroughLink(path);
            mkdirSync(dirname(path), { recursive: true });
            renameSync(tmp, path);
          } catch (err) {
            failed = { path, tmp, err };
            break;
          }
          this.temps.delete(path);
          synced.add(dirname(path));
          renamed++;
        }
        if (failed) break;
        rmSync(at, { recursive: true, force: true });
      }
      for (const path of inside) if (this.temps.delete(path)) renamed++;
      this.stagedTops.delete(top);
    }
    if (failed) {
      const { path, tmp, err } = failed;
      this.temps.delete(path);
      await this.abandon();
      const e = writeFailure(err, path, tmp) as Error;
      throw new LocflowError(`${e.message}; ${renamed} of ${all.length} file(s) were written`, {
        file: path,
        hint: `${e instanceof LocflowError && e.hint ? `${e.hint}; then ` : ''}run the command again: it completes what was left`,
      });
    }
    this.staging.clear();
    await inPool([...synced], syncFolder);
  }

  /** Every staged folder (a staged top and the folders made in it). */
  private *stagedFolders(): Iterable<string> {
    for (const staged of this.staging.values()) if (staged) yield staged.at;
  }

  /** Removes the temporary files not committed, once those being written are done: the targets stay as they were. */
  async abandon(): Promise<void> {
    await this.settle();
    await this.stopWriter();
    for (const handle of this.streams) await handle.close().catch(() => undefined);
    this.streams.clear();
    for (const [, tmp] of this.entries()) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // The next write to this folder removes it.
      }
    }
    for (const at of this.stagedTops.values()) {
      try {
        rmSync(at, { recursive: true, force: true });
      } catch {
        // The next batch staging beside it removes it.
      }
    }
    this.stagedTops.clear();
    this.staging.clear();
    this.created.clear();
    this.temps.clear();
    this.written.clear();
    this.failure = undefined;
  }

  /** Each target and its temporary file, in the order written. */
  private entries(): Array<[path: string, tmp: string]> {
    return [...this.temps.keys()].map((path) => [path, this.tempOf(path)!]);
  }

  private async settle(): Promise<void> {
    this.writer?.send();
    while (this.inFlight.size) await Promise.all(this.inFlight);
    await this.creating;
  }

  /** The writer thread, when one was started, ended (the files it wrote are settled): a later file starts another. */
  private async stopWriter(): Promise<void> {
    const writer = this.writer;
    if (!writer) return;
    this.writer = undefined;
    this.writerTried = false;
    this.stored = 0;
    await writer.stop();
  }
}

/**
 * Whether `path` is a regular file (not a link) whose bytes are `data` (text: its UTF-8 bytes); `current`, when given,
 * is what it held, read so.
 */
function holds(path: string, data: string | Uint8Array, current?: string | Uint8Array): boolean {
  // Not there when the run read its folder (many files are written to it): nothing to compare, nothing to look at.
  if (notListed(path)) return false;
  // Text decoded from valid UTF-8 is equal only when the bytes are (U+FFFD may stand for bytes that are not UTF-8).
  if (typeof current === 'string' && !current.includes('\uFFFD')) {
    if (typeof data === 'string') return current === data;
  } else if (current !== undefined && typeof current !== 'string') {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    return Buffer.compare(current, bytes) === 0;
  }
  try {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile()) return false;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    return stat.size === bytes && readFileSync(path).equals(typeof data === 'string' ? Buffer.from(data) : data);
  } catch {
    return false; // unreadable: written over as before
  }
}

/**
 * One temporary file created and written (made durable later, with the batch's others). Creating and writing a
 * small file costs the caller less than handing each step to the thread pool (each hand-over wakes a thread and
 * the event loop); a failure is reported as the flush's.
 */
async function storeHere(tmp: string, data: string | Uint8Array): Promise<void> {
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/** A folder's entries made durable (the renames in it); a file system that cannot sync folders is let be. */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (err) {
    throw systemError(err, dir, 'open the folder') ?? err;
  }
  try {
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw systemError(err, dir, 'sync') ?? err;
  } finally {
    await handle.close();
  }
}

function noop(): void {}
