import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, basename, join } from 'node:path';
import { LocflowError, systemError } from '../errors.js';
import { decodeText } from './encoding.js';

/** Folders whose leftover temporary files this process has already cleared. */
const cleared = new Set<string>();

/** A temporary file of writeFileAtomic: ".<name>.<pid>.<ms>.tmp" (or ".<name>.<pid>.tmp" of older runs); its pid. */
function tempPid(file: string): number | undefined {
  const m = /^\..+\.(\d+)\.\d{10,}\.tmp$/u.exec(file) ?? /^\..+\.(\d+)\.tmp$/u.exec(file);
  return m ? Number(m[1]) : undefined;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Removes the temporary files that runs killed mid-write left in `dir`: those whose process is gone.
 * A file of a live process may be a write in progress and stays. Once per folder and process.
 */
export function removeStaleTemps(dir: string): void {
  if (cleared.has(dir)) return;
  cleared.add(dir);
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return;
  }
  for (const f of files) {
    const pid = tempPid(f);
    if (pid === undefined || alive(pid)) continue;
    try {
      rmSync(join(dir, f), { force: true });
    } catch {
      // Not ours to insist on: the next run tries again.
    }
  }
}

/** The temporary name stays within the 255 bytes file systems allow, however long the target's name. */
function tempName(path: string): string {
  let name = basename(path);
  while (Buffer.byteLength(name) > 200) name = name.slice(0, -1);
  return join(dirname(path), `.${name}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Writes through a temporary file in the same folder and renames it over the target, so a reader
 * never sees half a file. Failures (a full disk, a read-only folder, a file in the way) are
 * LocflowErrors naming the path; the temporary file is removed.
 */
export function writeFileAtomic(path: string, data: string): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw systemError(err, dir, 'create the folder') ?? err;
  }
  removeStaleTemps(dir);
  const tmp = tempName(path);
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
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The next write to this folder removes it.
    }
    const e = err as NodeJS.ErrnoException;
    // Name the file the user knows, not the temporary one.
    if (e.path === tmp) e.path = path;
    throw systemError(err, path, 'write') ?? err;
  }
}

/**
 * A text file, decoded as its bytes say (see decodeText): a BOM, an XML declaration's or HTML meta's
 * encoding, else UTF-8. Bytes invalid in that encoding are refused with their offset and line.
 */
export function readText(path: string, what = 'file'): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LocflowError(`${what} not found`, { file: path });
    throw systemError(err, path, `read the ${what}`) ?? new LocflowError(`cannot read ${what}: ${(err as Error).message}`, { file: path });
  }
  return decodeText(bytes, path, what).text;
}
/** Resolves a path given by the user or a config file, refusing any that leaves the project. */
export function insideProject(root: string, path: string, what: string): string {
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return full;
  throw new LocflowError(`${what} "${path}" is outside the project folder ${root}`, { hint: 'use a path inside the project; locflow never reads or writes elsewhere' });
}

/** A project path as reports show it: relative, with forward slashes. */
export function relativeToProjectPath(root: string, path: string): string {
  return relative(root, path).split('\\').join('/');
}
