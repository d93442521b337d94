/**
 * An error the user can act on: it names the file and place, says what is
 * wrong and what to do. The CLI prints it and exits with `exitCode`.
 */
export class LocflowError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  readonly exitCode: number;

  constructor(
    message: string,
    where: { file?: string; line?: number; column?: number; hint?: string; exitCode?: number } = {},
  ) {
    super(message);
    this.name = 'LocflowError';
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.hint !== undefined) this.hint = where.hint;
    this.exitCode = where.exitCode ?? 2;
  }

  /** "file:line:col: message" and the hint on its own line. */
  format(): string {
    const place = [this.file, this.line, this.column].filter((p) => p !== undefined).join(':');
    return `${place ? `${place}: ` : ''}${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

/** What an operating-system error code means, and what the user can do about it. */
const SYSTEM_ERRORS: Readonly<Record<string, { what: string; hint: string }>> = {
  ENOSPC: {
    what: 'no space left on the device',
    hint: 'free some disk space and run the command again; files are replaced whole, so nothing was half-written',
  },
  EDQUOT: {
    what: 'the disk quota is exhausted',
    hint: 'free some space within your quota and run the command again; nothing was half-written',
  },
  EROFS: { what: 'the file system is read-only', hint: 'run locflow on a writable copy of the project' },
  EACCES: {
    what: 'permission denied',
    hint: 'check the permissions of this file and its folder (or run as a user who may write there)',
  },
  EPERM: { what: 'operation not permitted', hint: 'check the permissions and attributes of this file and its folder' },
  ENOTDIR: {
    what: 'a part of this path is a file, not a folder',
    hint: 'move or remove the file that is in the way of the folder',
  },
  EISDIR: { what: 'this is a folder, where a file was expected', hint: 'move or remove the folder that is in the way' },
  ENAMETOOLONG: {
    what: 'the name is too long for the file system',
    hint: 'use a shorter source file name or a shorter output path',
  },
  ENOENT: { what: 'no such file or folder', hint: 'check that the path exists' },
  EEXIST: {
    what: 'a file is already there, where a folder or file was to be created',
    hint: 'move or remove the file that is in the way',
  },
  ELOOP: { what: 'too many symbolic links in this path', hint: 'replace the looping link with a real folder' },
  EMFILE: { what: 'too many open files', hint: 'raise the limit of open files (ulimit -n) and run the command again' },
  ENFILE: { what: 'too many open files in the system', hint: 'close other programs and run the command again' },
  EIO: { what: 'input/output error (the disk failed)', hint: 'check the disk; then run the command again' },
  EBUSY: { what: 'the file is busy', hint: 'close the program that holds it and run the command again' },
  EXDEV: { what: 'cannot move a file across file systems', hint: 'keep the project on one file system' },
};

/**
 * An operating-system error (ENOSPC, EROFS, ENOTDIR, EACCES, ENAMETOOLONG…) or a SQLite I/O error as
 * a LocflowError naming the path and what to do; undefined for any other error. `path` names the
 * file when the error itself does not.
 */
export function systemError(err: unknown, path?: string, action?: string): LocflowError | undefined {
  if (err instanceof LocflowError) return err;
  if (!(err instanceof Error)) return undefined;
  const e = err as NodeJS.ErrnoException;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code?.startsWith('SQLITE_')) {
    const full = /FULL/u.test(code);
    return new LocflowError(`the translation memory database failed: ${err.message} (${code})`, {
      ...(path !== undefined ? { file: path } : {}),
      hint: full
        ? 'free some disk space and run the command again; the memory was not changed'
        : 'check the disk and the permissions of the tm folder; run the command again',
    });
  }
  const known = code ? SYSTEM_ERRORS[code] : undefined;
  if (!known) return undefined;
  const file = e.path ?? path;
  return new LocflowError(`${action ? `cannot ${action}: ` : ''}${known.what} [${code}]`, {
    ...(file !== undefined ? { file } : {}),
    hint: known.hint,
  });
}
