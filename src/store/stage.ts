import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LocflowError, systemError } from '../errors.js';
import { refuseWriteThroughLink, removeStaleTemps } from '../io/files.js';

/**
 * Files written in two steps, for changes that must land together with something else (the
 * translation memory): `stage` writes each new content to a temporary file beside its target —
 * the step that can fail on a full disk or a read-only folder — and `commit` renames them all
 * into place, which needs no space. `discard` removes the temporary files and leaves every target
 * as it was. The temporary names follow writeFileAtomic's (".<name>.<pid>.<digits>.tmp"), so the
 * next write to the folder removes those of a run killed in between.
 */
export interface StagedFile {
  readonly path: string;
  readonly temp: string;
}

let serial = 0;

function tempName(path: string): string {
  let name = basename(path);
  while (Buffer.byteLength(name) > 200) name = name.slice(0, -1);
  return join(dirname(path), `.${name}.${process.pid}.${Date.now()}${serial++}.tmp`);
}

export class StagedWrites {
  private readonly files: StagedFile[] = [];

  /** Writes `data` to a temporary file for `path`; the target is untouched until commit. */
  stage(path: string, data: string | Uint8Array): void {
    const dir = dirname(path);
    try {
      refuseWriteThroughLink(path);
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      this.discard();
      throw systemError(err, dir, 'create the folder') ?? err;
    }
    removeStaleTemps(dir);
    const temp = tempName(path);
    try {
      const fd = openSync(temp, 'w');
      this.files.push({ path, temp });
      try {
        writeFileSync(fd, data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      this.discard();
      const e = err as NodeJS.ErrnoException;
      if (e.path === temp) e.path = path;
      throw systemError(err, path, 'write') ?? err;
    }
  }

  /** Renames every staged file into place. */
  commit(): void {
    const pending = this.files.splice(0);
    for (const [i, f] of pending.entries()) {
      try {
        renameSync(f.temp, f.path);
      } catch (err) {
        for (const rest of pending.slice(i)) rmSync(rest.temp, { force: true });
        const e = systemError(err, f.path, 'write') ?? (err as Error);
        throw new LocflowError(`${e.message}; ${i} of ${pending.length} file(s) were written`, {
          file: f.path,
          hint: `${e instanceof LocflowError && e.hint ? `${e.hint}; then ` : ''}run the command again: it completes what was left`,
        });
      }
    }
  }

  /** Removes the staged files; the targets stay as they were. */
  discard(): void {
    for (const f of this.files.splice(0)) {
      try {
        rmSync(f.temp, { force: true });
      } catch {
        // The next write to this folder removes it.
      }
    }
  }
}
