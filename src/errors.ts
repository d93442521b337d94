/**
 * One message about the user's input, whichever stage found it: a parse error (XML, XLIFF, TMX), an import
 * refusal, an engine's failure, a QA finding. Every stage makes the same shape, so one renderer (`formatDiagnostic`)
 * and the QA reporters show them alike; a wrapped error keeps what caused it.
 */
export interface Diagnostic {
  /** What kind of message it is, stable for programs ("xml/malformed", "import/codes", "qa/numbers"). */
  readonly id: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The rule that found it: a QA check's id. */
  readonly rule?: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** What the user can do about it. */
  readonly hint?: string;
  readonly cause?: unknown;
}

/** Where a diagnostic is and what to do: the parts an error may give. */
export interface DiagnosticPlace {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  readonly cause?: unknown;
}

/** "file:line:col: message" and the hint on its own line. */
export function formatDiagnostic(d: Pick<Diagnostic, 'message' | 'file' | 'line' | 'column' | 'hint'>): string {
  const place = [d.file, d.line, d.column].filter((p) => p !== undefined).join(':');
  return `${place ? `${place}: ` : ''}${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`;
}

/**
 * An error that is a diagnostic: thrown by a stage that knows what went wrong and where (XmlError,
 * ContentReadError, XliffReadError, TmxError, MtError) and turned into a LocflowError by `asLocflowError`.
 */
export class DiagnosticError extends Error implements Diagnostic {
  readonly id: string;
  readonly severity = 'error' as const;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;

  constructor(id: string, message: string, where: DiagnosticPlace = {}) {
    super(message, where.cause !== undefined ? { cause: where.cause } : undefined);
    this.id = id;
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.hint !== undefined) this.hint = where.hint;
  }

  /** "file:line:col: message" and the hint on its own line. */
  format(): string {
    return formatDiagnostic(this);
  }
}

/**
 * An error the user can act on: it names the file and place, says what is
 * wrong and what to do. The CLI prints it and exits with `exitCode`.
 */
export class LocflowError extends DiagnosticError {
  readonly exitCode: number;
  /** The findings behind a refusal (each unit an import refused), for programs; the message lists them. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(
    message: string,
    where: DiagnosticPlace & { exitCode?: number; id?: string; diagnostics?: readonly Diagnostic[] } = {},
  ) {
    super(where.id ?? 'locflow/refused', message, where);
    this.name = 'LocflowError';
    this.exitCode = where.exitCode ?? 2;
    this.diagnostics = where.diagnostics ?? [];
  }
}

/**
 * The one conversion of a stage's error into what the CLI reports: a DiagnosticError becomes a LocflowError
 * (exit 2) keeping its place and hint, with `file` and `hint` filled in where it gave none and the error as
 * its cause; an operating-system error becomes one naming the path (systemError). Undefined for any other
 * error, which stays an internal error.
 */
export function asLocflowError(err: unknown, where: { file?: string; hint?: string } = {}): LocflowError | undefined {
  if (err instanceof LocflowError) return err;
  if (err instanceof DiagnosticError) {
    const file = err.file ?? where.file;
    const hint = err.hint ?? where.hint;
    return new LocflowError(err.message, {
      id: err.id,
      ...(file !== undefined ? { file } : {}),
      // A place at line 0 is no place (a stream-level error).
      ...(err.line ? { line: err.line } : {}),
      ...(err.column ? { column: err.column } : {}),
      ...(hint !== undefined ? { hint } : {}),
      cause: err,
    });
  }
  return systemError(err, where.file);
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
