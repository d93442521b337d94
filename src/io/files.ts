import {
  existsSync,
  lstatSync,
  statSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync,
  readSync,
  fstatSync,
} from 'node:fs';
import { dirname, isAbsolute, relative, resolve, basename, join, sep } from 'node:path';
import { LocflowError, systemError } from '../errors.js';
import { DECLARATION_BYTES, decodeText, detectEncoding, type Decoded } from './encoding.js';
import { ownString } from '../model/own-string.js';
import { processAlive } from './process-alive.js';

/** Folders whose leftover temporary files this process has already cleared. */
const cleared = new Set<string>();

/** A temporary file of writeFileAtomic: ".<name>.<pid>.<ms>.tmp" (or ".<name>.<pid>.tmp" of older runs); its pid. */
function tempPid(file: string): number | undefined {
  const m = /^\..+\.(\d+)\.\d{10,}\.tmp$/u.exec(file) ?? /^\..+\.(\d+)\.tmp$/u.exec(file);
  return m ? Number(m[1]) : undefined;
}

/**
 * Removes the temporary files that runs killed mid-write left in `dir`: those whose process is gone.
 * A file of a live process may be a write in progress and stays. Once per folder and process.
 */
export function removeStaleTemps(dir: string): void {
  removeStale(dir, cleared, tempPid, false);
}

/** Folders whose staged folders left by killed runs this process has removed. */
const clearedStaged = new Set<string>();

/** A folder an AtomicBatch stages a new folder in: ".<name>.<pid>.<ms>.staged" (tempName's, ending "staged"); its pid. */
function stagedPid(name: string): number | undefined {
  const pid = /^\..+\.(\d+)\.\d{10,}\.staged$/u.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/** Removes the staged folders in `dir` whose process is gone (a run killed before its commit). Once per folder. */
export function removeStaleStaged(dir: string): void {
  removeStale(dir, clearedStaged, stagedPid, true);
}

/** Removes the entries of `dir` that `pidOf` names as left by a process that is gone; once per folder in `seen`. */
function removeStale(
  dir: string,
  seen: Set<string>,
  pidOf: (name: string) => number | undefined,
  recursive: boolean,
): void {
  if (seen.has(dir)) return;
  seen.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = pidOf(name);
    if (pid === undefined || processAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { recursive, force: true });
    } catch {
      // Not ours to insist on: the next run tries again.
    }
  }
}

/**
 * The temporary file beside `path` that a write begun at `stamp` (Date.now()) goes through. The name stays within the
 * 255 bytes file systems allow, however long the target's name.
 */
export function tempName(path: string, stamp: number, ending = 'tmp'): string {
  let name = basename(path);
  while (Buffer.byteLength(name) > 200) name = name.slice(0, -1);
  return join(dirname(path), `.${name}.${process.pid}.${stamp}.${ending}`);
}

/**
 * A write into a project never goes through a link out of it (a folder swapped for a link since the
 * path was checked): refused, naming the link.
 */
export function refuseWriteThroughLink(path: string): void {
  const full = resolve(path);
  for (const root of projectRoots) {
    if (!within(root, full)) continue;
    const out = linkOutOfProject(root, full, true);
    if (out) throw refuseLink('the output', path, full, out);
  }
}

/**
 * Writes through a temporary file in the same folder and renames it over the target, so a reader
 * never sees half a file. Failures (a full disk, a read-only folder, a file in the way) are
 * LocflowErrors naming the path; the temporary file is removed.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = atomicTemp(path);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    throw writeFailure(err, path, tmp);
  }
  // The folder holds the file now: one the run made is no longer known to be empty.
  const folder = checkedInRun?.found.kept(dirname(resolve(path)));
  if (folder?.listing === MADE_EMPTY) folder.listing = undefined;
}

/**
 * The temporary file an atomic write of `path` goes through, in the same folder (created): a write into
 * a project never goes through a link out of it (a folder swapped for a link since the path was checked).
 */
export function atomicTemp(path: string, stamp = Date.now()): string {
  refuseWriteThroughLink(path);
  return tempBeside(path, stamp);
}

/** atomicTemp of a path refuseWriteThroughLink has just let through. */
export function tempBeside(path: string, stamp = Date.now()): string {
  const dir = dirname(path);
  if (!checkedInRun?.made.has(dir)) {
    let created: string | undefined;
    try {
      created = mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw systemError(err, dir, 'create the folder') ?? err;
    }
    if (checkedInRun) {
      checkedInRun.made.add(dir);
      // The folders are there now: what goes below them is looked at again (a path below a folder just made may now
      // lead through a link put there), and a listing of them read before is read again when asked.
      const full = resolve(dir);
      checkedInRun.found.madeFolder(full);
      // A folder this mkdir created holds nothing yet: its names are not there until the run puts them there.
      if (created !== undefined) checkedInRun.found.madeEmpty(full);
    }
  }
  removeStaleTemps(dir);
  return tempName(path, stamp);
}

/** A failed atomic write: its temporary file removed, the error naming the file the user knows. */
export function writeFailure(err: unknown, path: string, tmp: string): unknown {
  try {
    rmSync(tmp, { force: true });
  } catch {
    // The next write to this folder removes it.
  }
  const e = err as NodeJS.ErrnoException;
  if (e.path === tmp) e.path = path;
  return systemError(err, path, 'write') ?? err;
}

/**
 * A text file, decoded as its bytes say (see decodeText): a BOM, an XML declaration's or HTML meta's
 * encoding, else `fallback` (UTF-8 unless the configuration names another). Bytes invalid in that
 * encoding are refused with their offset and line.
 */
export function readText(path: string, what = 'file', fallback = 'utf-8'): string {
  return readDecoded(path, what, fallback).text;
}

/**
 * readText of a file that may not be there: undefined when it is not (one read instead of a look and a read; a
 * path that cannot be looked at, such as one below a file, counts as not there, as existsSync says).
 */
export function readTextIfAny(path: string, what = 'file', fallback = 'utf-8'): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    if (!existsSync(path)) return undefined;
    throw readFailure(err, path, what);
  }
  return decodeText(bytes, path, what, fallback).text;
}

/** readText with the encoding it used and how it was chosen. */
export function readDecoded(path: string, what = 'file', fallback = 'utf-8'): Decoded {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw readFailure(err, path, what);
  }
  return decodeText(bytes, path, what, fallback);
}

function readFailure(err: unknown, path: string, what: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new LocflowError(`${what} not found`, { file: path });
  return (
    systemError(err, path, `read the ${what}`) ??
    new LocflowError(`cannot read ${what}: ${(err as Error).message}`, { file: path })
  );
}

/** How much of a file readTextPieces reads at a time. */
export const PIECE_BYTES = 1 << 16;

/**
 * A text file as readText reads it, in pieces of about `pieceBytes` cut anywhere: a large file is never held
 * whole. A file that fits in one piece, or is not UTF-8, is read and decoded whole (as readText does); a byte
 * that is not UTF-8 is refused with readText's message, offset and line.
 */
export function* readTextPieces(
  path: string,
  what = 'file',
  fallback = 'utf-8',
  pieceBytes = PIECE_BYTES,
): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw readFailure(err, path, what);
  }
  try {
    let size: number;
    try {
      size = fstatSync(fd).size;
    } catch (err) {
      throw readFailure(err, path, what);
    }
    if (size <= pieceBytes) {
      // One piece: read as readText reads it, into a buffer of the size just looked up (thousands of small files
      // allocate little, and are not looked up twice).
      let bytes: Buffer;
      try {
        bytes = size > 0 ? readSized(fd, size) : readFileSync(fd);
      } catch (err) {
        throw readFailure(err, path, what);
      }
      yield decodeText(bytes, path, what, fallback).text;
      return;
    }
    const buffer = Buffer.allocUnsafe(pieceBytes);
    const fill = (): number => {
      let n = 0;
      for (let got = -1; n < pieceBytes && got !== 0; n += got) got = readSync(fd, buffer, n, pieceBytes - n, null);
      return n;
    };
    let n: number;
    let start: Uint8Array;
    try {
      n = fill();
      // The encoding is told by the file's first bytes, however small a piece is.
      start = n >= DECLARATION_BYTES ? buffer.subarray(0, n) : readSized(fd, Math.min(size, DECLARATION_BYTES), 0);
    } catch (err) {
      throw readFailure(err, path, what);
    }
    if (n < pieceBytes || detectEncoding(start, path, fallback).encoding !== 'utf-8') {
      yield readText(path, what, fallback); // shrank since, or not UTF-8: read and decoded whole
      return;
    }
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    try {
      while (n > 0) {
        const text = decoder.decode(buffer.subarray(0, n), { stream: n === pieceBytes });
        if (text) yield text;
        n = n === pieceBytes ? fill() : 0;
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch (err) {
      if (!(err instanceof TypeError)) throw err;
      readText(path, what, fallback); // throws the error that names the byte, its offset and line
      throw err;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Up to `size` bytes of an open file (a regular file's size, as readFileSync trusts it): from where the last read
 * ended (its start, for a file just opened), or from `offset` (which leaves where the next plain read starts).
 */
function readSized(fd: number, size: number, offset?: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let n = 0;
  for (let got = -1; n < size && got !== 0; n += got)
    got = readSync(fd, bytes, n, size - n, offset === undefined ? null : offset + n);
  return n < size ? bytes.subarray(0, n) : bytes;
}

/**
 * What the current run has already found on disk: paths that are no link (real folders and files), paths not there
 * (until the run makes a folder there), and folders it made or found there. Each is looked at once per run instead of
 * once per file below it (a run over 2,318 documents made ≈ 30,000 lstat calls, most waiting on the very folder its
 * writes were filling; then ≈ 23,000, of paths its documents' files were not written to yet). Outside a run (oneRun)
 * every check looks again.
 */
let checkedInRun:
  | {
      readonly found: FoundPaths;
      readonly made: Set<string>;
    }
  | undefined;

/** A name found not there (a Folder's answer). */
const ABSENT = 0;
/** A name found to be no link, nothing below it looked at yet. */
const NO_LINK = 1;

/**
 * The listing of a folder the run's mkdir created, while the run has put nothing there but temporary files (a listing
 * known without reading the folder). Replaced when the run changes the folder otherwise.
 */
const MADE_EMPTY: ReadonlyMap<string, boolean> = new Map();

/**
 * The run's answers for the names in one folder, by name alone (a run over thousands of files keeps one short name
 * per file, not its whole path): not there, no link, or a folder with answers of its own. A folder's answers, once
 * made, stay the same object for the rest of the run (a root's are kept by FoundPaths): its own answer changes in it.
 */
class Folder {
  private names: Map<string, Folder | typeof ABSENT | typeof NO_LINK> | undefined;
  /** The folder read whole (listedNoLink): each entry's name, true for a symbolic link; null when unreadable. */
  listing: ReadonlyMap<string, boolean> | null | undefined;
  /** Until it is read whole: entries looked for, and how many make it worth reading whole. */
  asked: { count: number; enough: number | undefined } | undefined;
  /** Found not there since it was found a folder (what was found below it is kept, as it would be by path). */
  gone = false;

  /** `looked`: the folder itself was found to be no link (the folders above a project are not looked at). */
  constructor(public looked: boolean) {}

  /** What the run found at `name`: not there, no link (a file, or a folder looked at), or nothing yet (undefined). */
  answer(name: string): typeof ABSENT | typeof NO_LINK | undefined {
    const known = this.names?.get(name);
    if (!(known instanceof Folder)) return known;
    return known.gone ? ABSENT : known.looked ? NO_LINK : undefined;
  }

  absent(name: string): void {
    const known = this.names?.get(name);
    if (known instanceof Folder) {
      known.gone = true;
      known.looked = false;
    } else (this.names ??= new Map()).set(ownString(name), ABSENT);
  }

  foundNoLink(name: string): void {
    const known = this.names?.get(name);
    if (known instanceof Folder) known.looked = true;
    else (this.names ??= new Map()).set(ownString(name), NO_LINK);
  }

  /** The answers for the folder `name`, kept from now on (a name found not there is then looked at again). */
  child(name: string): Folder {
    const known = this.names?.get(name);
    if (known instanceof Folder) {
      known.gone = false;
      return known;
    }
    const folder = new Folder(known === NO_LINK);
    (this.names ??= new Map()).set(ownString(name), folder);
    return folder;
  }

  /** The answers kept for the folder `name`, if any. */
  known(name: string): Folder | undefined {
    const known = this.names?.get(name);
    return known instanceof Folder ? known : undefined;
  }

  /** Forgets that `name` was not there; the answers for the folder `name`, if kept. */
  forgetAbsent(name: string): Folder | undefined {
    const known = this.names?.get(name);
    if (known === ABSENT) this.names!.delete(name);
    if (!(known instanceof Folder)) return undefined;
    known.gone = false;
    return known;
  }
}

/** The run's answers by path: from the file system's root, one Folder per folder. */
class FoundPaths {
  private readonly top = new Folder(false);
  /** The Folder of each project root asked about (a run walks from the same one or two thousands of times). */
  private readonly roots = new Map<string, Folder>();

  /** The answers for the names in the folder `path` (absolute, resolved). */
  folder(path: string): Folder {
    let folder = this.roots.get(path);
    if (folder) return folder;
    folder = this.top;
    for (const part of path.split(sep)) if (part) folder = folder.child(part);
    this.roots.set(path, folder);
    return folder;
  }

  /** The answers kept for the folder `path` (absolute, resolved), if any (none are made). */
  kept(path: string): Folder | undefined {
    const root = this.roots.get(path);
    if (root) return root;
    if (!isAbsolute(path)) return undefined;
    let folder: Folder | undefined = this.top;
    for (const part of path.split(sep)) if (part) folder = folder?.known(part);
    return folder;
  }

  /**
   * The folder `path` (absolute, resolved) was just created by the run: empty, its listing is known without reading it
   * (MADE_EMPTY), until anything changes it (a folder made below it, the run's renames into it).
   */
  madeEmpty(path: string): void {
    let folder = this.top;
    for (const part of path.split(sep)) if (part) folder = folder.child(part);
    folder.listing = MADE_EMPTY;
  }

  /**
   * The folder `path` (absolute, resolved) is there now, made by the run: it and the folders above it, found not there
   * before, are looked at again, and so is what goes below them; their listings are read again.
   */
  madeFolder(path: string): void {
    let folder: Folder | undefined = this.top;
    folder.listing = undefined;
    for (const part of path.split(sep)) {
      if (!part) continue;
      folder = folder.forgetAbsent(part);
      if (!folder) return; // nothing is kept below a name not there, a file, or one not looked at
      folder.listing = undefined;
    }
  }
}

let runsOpen = 0;

/**
 * Runs a command's work as one run for the link checks: a folder or file found to be no link is trusted until
 * the run ends (a link put in its place during the run is not seen; one there before it is refused as always).
 */
export async function oneRun<T>(work: () => Promise<T>): Promise<T> {
  const end = enterRun();
  try {
    return await work();
  } finally {
    end();
  }
}

/** oneRun for a thread that lives for one run (a worker of a pool): the run lasts until the function returned is called. */
export function enterRun(): () => void {
  if (runsOpen++ === 0) checkedInRun = { found: new FoundPaths(), made: new Set() };
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--runsOpen === 0) checkedInRun = undefined;
  };
}

/**
 * Answers kept for the rest of the current run (oneRun) by key, such as a project's list of sources: asked again in
 * the run, `make` is not called again. Outside a run every call makes its answer.
 */
export class RunMemo<K extends object, V> {
  private run: object | undefined;
  private values = new WeakMap<K, { readonly value: V }>();

  get(key: K, make: () => V): V {
    if (!checkedInRun) return make();
    if (this.run !== checkedInRun) {
      this.run = checkedInRun;
      this.values = new WeakMap();
    }
    let kept = this.values.get(key);
    if (!kept) this.values.set(key, (kept = { value: make() }));
    return kept.value;
  }
}

/** Project folders insideProject has seen: writeFileAtomic checks writes into them for links out. */
const projectRoots = new Set<string>();

function within(root: string, path: string): boolean {
  if (below(root, path)) return true;
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Whether `path` is `root`, a separator and more, both resolved (as path.resolve gives them): then it lies below
 * `root`, told without path.relative, which resolves both again (a run checks thousands of paths).
 */
function below(root: string, path: string): boolean {
  return (
    path.length > root.length + 1 && path.charAt(root.length) === sep && path.startsWith(root) && !root.endsWith(sep)
  );
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A relative POSIX path whose every part is a name: not ".", "..", empty, nor starting at "/". */
const PLAIN_RELATIVE = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/u;

/** Roots as path.resolve gives them, once per root. */
const resolvedRoots = new Map<string, string>();

function resolvedRoot(root: string): string {
  let resolved = resolvedRoots.get(root);
  if (resolved === undefined) resolvedRoots.set(root, (resolved = resolve(root)));
  return resolved;
}

/** Project roots resolved: the links are looked for below the root, so where the root itself is does not change. */
const realRoots = new Map<string, string>();

function realRootOf(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) realRoots.set(root, (real = realOr(root)));
  return real;
}

/**
 * The first symbolic link on the way from `root` to `full` (a path lexically inside it) that leads
 * outside the project, with where it leads; undefined when every link stays inside. A dangling
 * link counts by where it points.
 */
export function linkOutOfProject(
  root: string,
  full: string,
  /** `full` is a file about to be written (through a temporary file renamed over it). */
  writing = false,
): { link: string; target: string } | undefined {
  const realRoot = realRootOf(root);
  // Below the root as written, the folders on the way are the path's own beginnings (no path.join for each).
  const direct = below(root, full);
  // Where the run's answers for the folder reached so far are kept (none outside a run).
  let folder = checkedInRun?.found.folder(root);
  const rest = direct ? full.slice(root.length + 1) : relative(root, full);
  // (a path as resolve or insideProject make it has no empty part: nothing to filter out)
  const parts =
    rest === '' || rest.includes(sep + sep) || rest.startsWith(sep) || rest.endsWith(sep)
      ? rest.split(sep).filter(Boolean)
      : rest.split(sep);
  // The path up to its part `i`, made only to be looked at (a run's answers are found by name).
  const upTo = (i: number): string =>
    direct
      ? root + sep + parts.slice(0, i + 1).join(sep)
      : parts.slice(0, i + 1).reduce((p, part) => join(p, part), root);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const known = folder?.answer(part);
    if (known === ABSENT) return undefined;
    if (known === NO_LINK) {
      folder = last ? undefined : folder?.child(part);
      continue;
    }
    const listing = folder && listingOf(folder, i === 0 ? root : upTo(i - 1));
    if (listing) {
      const link = listing.get(part);
      if (link === false) {
        folder = last ? undefined : folder?.child(part);
        continue;
      }
      // A file about to be written that its folder's listing does not hold: not there when the run read the folder
      // (as a path found not there, it is not looked at again; the write renames over what is there, never through it).
      if (link === undefined && writing && last) return undefined;
    }
    const cur = upTo(i);
    let stat;
    try {
      // No exception for a path not there yet: thrown errors are what made this check costly per file.
      stat = lstatSync(cur, { throwIfNoEntry: false });
    } catch {
      return undefined; // a file where a folder is expected (ENOTDIR): the write itself says so
    }
    if (!stat) {
      folder?.absent(part);
      return undefined; // not there yet: nothing below it can be a link
    }
    if (!stat.isSymbolicLink()) {
      folder?.foundNoLink(part);
      folder = last ? undefined : folder?.child(part);
      continue;
    }
    // A link is looked at each time; what lies beyond it, as any other path.
    folder = last ? undefined : folder?.child(part);
    let target: string;
    try {
      target = realpathSync(cur);
    } catch {
      let pointed: string;
      try {
        pointed = resolve(dirname(cur), readlinkSync(cur));
      } catch {
        continue;
      }
      // A dangling link (or a loop): judge it by its nearest existing folder.
      let parent = dirname(pointed);
      while (parent !== dirname(parent) && !existsSync(parent)) parent = dirname(parent);
      target = join(realOr(parent), relative(parent, pointed));
    }
    if (!within(realRoot, target)) return { link: cur, target };
  }
  return undefined;
}

/**
 * Lookups in one folder before it is read whole instead, and at least one per LIST_BYTES_PER_LOOKUP of its size (an
 * ext4 folder takes ≈ 32 bytes an entry: read once about a sixteenth of its entries were asked for).
 */
const LIST_AFTER = 32;
const LIST_BYTES_PER_LOOKUP = 512;

/**
 * The listing of the folder `path` (each entry's name, true for a symbolic link) whose answers `folder` keeps, when the
 * run has read it: a folder asked about many times in a run (each document's XLIFF file, bundle and output) is read
 * once, with each entry's type, instead of one lstat per file (a large folder only once the lookups reach a share of its
 * size). A name it holds as no link is answered from it; a link, and a name it does not hold (not there then, or
 * spelled otherwise on a file system that ignores case), are looked at one by one — but for a file about to be
 * written, which is renamed over whatever is there.
 */
function listingOf(folder: Folder, path: string): ReadonlyMap<string, boolean> | null {
  let listing = folder.listing;
  if (listing === undefined) {
    const asked = (folder.asked ??= { count: 0, enough: undefined });
    if (++asked.count < (asked.enough ?? LIST_AFTER)) return null;
    if (asked.enough === undefined) {
      // A folder's size grows with its entries: a large one is read once the lookups are a share of them.
      const size = lstatSync(path, { throwIfNoEntry: false })?.size ?? 0;
      asked.enough = Math.max(LIST_AFTER, Math.ceil(size / LIST_BYTES_PER_LOOKUP));
      if (asked.count < asked.enough) return null;
    }
    folder.asked = undefined;
    folder.listing = listing = readListing(path);
  }
  return listing;
}

/**
 * Whether the run has read the folder of `path` (see listingOf) and found no `path` there: a file the run is about to
 * write (its link check just made), not looked for again.
 */
export function notListed(path: string): boolean {
  const listing = checkedInRun?.found.kept(dirname(path))?.listing;
  return listing != null && !listing.has(basename(path));
}

/**
 * Whether `path` is in a folder the run's mkdir created and has put nothing in since (but temporary files): then it is
 * not there, without looking (a new output folder's files, looked for one by one before they are written).
 */
export function inFolderMadeEmpty(path: string): boolean {
  return checkedInRun?.found.kept(dirname(path))?.listing === MADE_EMPTY;
}

/**
 * Whether the run found a folder on the way to `path` (absolute, resolved) not there, and has made none there since:
 * then `path` is not there either, without looking (a new output folder's files, looked for one by one before they
 * are written). As any path found not there, such a folder is not looked at again in the run until it makes it.
 */
export function inFolderFoundAbsent(path: string): boolean {
  let folder = isAbsolute(path) ? checkedInRun?.found.kept(sep) : undefined;
  if (!folder) return false;
  const parts = path.split(sep);
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (folder.answer(part) === ABSENT) return true;
    folder = folder.known(part);
    if (!folder) return false;
  }
  return false;
}

/**
 * The folder `path` is there now, put there whole by the run (a staged folder renamed into place): what was found not
 * there on the way is looked at again, as after the run's mkdir.
 */
export function madeWhole(path: string): void {
  checkedInRun?.found.madeFolder(resolve(path));
}

/** Folders whose entries the run has changed (its renames): read again when asked about again. */
export function forgetListings(folders: Iterable<string>): void {
  if (!checkedInRun) return;
  for (const path of folders) {
    const folder = checkedInRun.found.kept(path);
    if (folder) folder.listing = undefined;
  }
}

/**
 * A folder's entries, true for each symbolic link; null when it cannot be read. A name that is not valid UTF-8 is left
 * out (as text it may read like another name): such an entry is looked at one by one.
 */
function readListing(folder: string): ReadonlyMap<string, boolean> | null {
  try {
    const listing = new Map<string, boolean>();
    for (const entry of readdirSync(folder, { withFileTypes: true }))
      if (!entry.name.includes('\uFFFD')) listing.set(entry.name, entry.isSymbolicLink());
    return listing;
  } catch {
    return null; // each entry is looked at as before
  }
}

function refuseLink(what: string, path: string, full: string, out: { link: string; target: string }): LocflowError {
  let kind = 'file or folder';
  try {
    kind = statSync(out.link).isDirectory() ? 'folder' : 'file';
  } catch {
    // dangling: where it points does not exist yet
  }
  const message =
    out.link === full
      ? `${what} "${path}" is a link to a ${kind} outside the project folder (${out.link} → ${out.target})`
      : `${what} "${path}" goes through a link to a ${kind} outside the project folder (${out.link} → ${out.target})`;
  return new LocflowError(message, {
    file: out.link,
    hint: 'replace the link with a real folder or file inside the project; locflow never reads or writes outside it through links',
  });
}

/**
 * Resolves a path given by the user or a config file, refusing any that leaves the project: by its
 * name ("../x") or through a symbolic link on the way (checked with the links resolved).
 */
export function insideProject(
  root: string,
  path: string,
  what: string,
  /** `path` is a file about to be written (as linkOutOfProject's `writing`), not read. */
  writing = false,
): string {
  const full = lexicallyInsideProject(root, path, what);
  const base = resolvedRoot(root);
  projectRoots.add(base);
  const out = linkOutOfProject(base, full, writing);
  if (out) throw refuseLink(what, path, full, out);
  return full;
}

/**
 * `insideProject` without looking at the file system: the full path, refused when it is outside the project as
 * written. No symbolic link on the way is looked at: for a path compared, not read or written (each is looked at
 * where it is read or written).
 */
export function lexicallyInsideProject(root: string, path: string, what: string): string {
  const base = resolvedRoot(root);
  // A plain relative path below a resolved root ("xliff/es/a.xlf": no ".", "..", empty or absolute part) is the root,
  // a separator and the path, as path.resolve gives it (a run resolves thousands of them).
  const full = base === root && sep === '/' && PLAIN_RELATIVE.test(path) ? root + sep + path : resolve(root, path);
  if (!within(root, full)) {
    throw new LocflowError(`${what} "${path}" is outside the project folder ${root}`, {
      hint: 'use a path inside the project; locflow never reads or writes elsewhere',
    });
  }
  return full;
}

/**
 * A file the user names on the command line (an XLIFF back from a translator,
 * a TMX, a report to write): it may be anywhere. Only paths the project itself
 * derives (from its configuration, from a file's contents) must stay inside it.
 */
export function namedByUser(base: string, path: string): string {
  return resolve(base, path);
}

/** A project path as reports show it: relative, with forward slashes. */
export function relativeToProjectPath(root: string, path: string): string {
  // A resolved root, a separator and a plain relative path (as a run's thousands of source files are): that path, as
  // path.relative would give it, without resolving both again (and without a compiled copy of path.relative per run).
  if (sep === '/' && below(root, path) && resolvedRoot(root) === root) {
    const rest = path.slice(root.length + 1);
    if (PLAIN_RELATIVE.test(rest)) return rest.includes('\\') ? rest.split('\\').join('/') : rest;
  }
  return relative(root, path).split('\\').join('/');
}
