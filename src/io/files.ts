import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, basename } from 'node:path';
import { LocflowError } from '../errors.js';

/** Writes through a temporary file in the same folder and renames it over the target, so a reader never sees half a file. */
export function writeFileAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${dirname(path)}/.${basename(path)}.${process.pid}.${Date.now()}.tmp`;
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
    rmSync(tmp, { force: true });
    throw err;
  }
}

export function readText(path: string, what = 'file'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new LocflowError(code === 'ENOENT' ? `${what} not found` : `cannot read ${what}: ${(err as Error).message}`, { file: path });
  }
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
