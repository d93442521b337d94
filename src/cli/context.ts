import { isAbsolute, join, resolve } from 'node:path';
import type { Project } from '../project/project.js';
import type { Output } from './output.js';
import { terminal } from './terminal.js';

/** Options every command inherits from the program. */
export type GlobalOptions = {
  cwd?: string | undefined;
  config?: string | undefined;
  quiet?: boolean | undefined;
  verbose?: boolean | undefined;
};

/** The folder --cwd names, from the folder the run started in (the current folder when it names none). */
export function projectFolder(opts: GlobalOptions): string {
  return resolve(terminal().cwd, opts.cwd ?? '.');
}

/**
 * A path as the command line gave it, for a run whose folder is not the process's: joined to the run's folder
 * (the process's own run keeps it as given, relative to its current folder).
 */
export function givenPath(path: string): string {
  const from = terminal().cwd;
  return isAbsolute(path) || from === process.cwd() ? path : join(from, path);
}

/** --cwd as it was given (see givenPath); the run's folder when there is none. */
export function givenFolder(opts: GlobalOptions): string {
  return opts.cwd === undefined ? terminal().cwd : givenPath(opts.cwd);
}

/** The sources as listed, told to a command before they are checked (loadProject's `listed`). */
export type Listed = (sources: readonly { readonly file: string }[]) => void;

export async function openProject(opts: GlobalOptions, listed?: Listed): Promise<Project> {
  const { loadProject } = await import('../project/load.js');
  const root = projectFolder(opts);
  return loadProject(root, opts.config ? resolve(root, opts.config) : undefined, listed);
}

/**
 * The project when there is one: the --config file (which must exist), else
 * locflow.config.json in the folder; undefined when the folder has none, for
 * commands that also work alone (check). A config that exists but is wrong is
 * still an error.
 */
export async function openProjectIfAny(opts: GlobalOptions): Promise<Project | undefined> {
  const { CONFIG_FILE } = await import('../config/config.js');
  const { loadProject } = await import('../project/load.js');
  const { existsSync } = await import('node:fs');
  const root = projectFolder(opts);
  if (opts.config) return loadProject(root, resolve(root, opts.config));
  return existsSync(resolve(root, CONFIG_FILE)) ? loadProject(root) : undefined;
}

/**
 * Runs a command body; a LocflowError (or an operating-system I/O error) becomes its message on stderr and its exit code.
 * `json`: the command's name when --json was given; a failure is then also told on stdout as
 * `{ "command", "error": { "message", "file", "line", "column", "hint", "exitCode" } }`.
 */
export async function run(body: () => Promise<number | void>, json?: string): Promise<void> {
  try {
    const code = await body();
    if (typeof code === 'number') terminal().setExitCode(code);
  } catch (err) {
    const { asLocflowError } = await import('../errors.js');
    // A LocflowError, a stage's diagnostic (a parse error, an engine's failure), or an I/O error from any
    // write (a full disk, a read-only folder) told as one.
    const known = asLocflowError(err);
    if (known) {
      terminal().stderr.write(`locflow: ${known.format()}\n`);
      terminal().setExitCode(known.exitCode);
      if (json !== undefined) {
        const { message, file, line, column, hint, exitCode } = known;
        const error = { message, file, line, column, hint, exitCode };
        terminal().stdout.write(`${JSON.stringify({ command: json, error }, null, 2)}\n`);
      }
      return;
    }
    terminal().stderr.write(
      `locflow: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    terminal().setExitCode(3);
  }
}

/**
 * Runs the body of a command that works in a project: opens the project (from --cwd/--config), gives the body
 * what it prints with (--quiet, --verbose, --json), and reports a failure as `run` does, named `command`.
 */
export function inProject(
  cmd: { optsWithGlobals(): unknown },
  command: string,
  json: boolean | undefined,
  body: (project: Project, out: Output) => Promise<number | void>,
  /** What the command does with the sources as soon as they are listed (its worker thread started: extract, build). */
  early?: () => Promise<Listed>,
): Promise<void> {
  return run(
    async () => {
      const { oneRun } = await import('../io/files.js');
      // One run from the project's opening to the command's end: each folder is checked for links once.
      return oneRun(async () => {
        const globals = cmd.optsWithGlobals() as GlobalOptions;
        const project = await openProject(globals, early && (await early()));
        const { output } = await import('./output.js');
        return body(project, output({ ...globals, json }));
      });
    },
    json ? command : undefined,
  );
}

export function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

export function rel(root: string, file: string): string {
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}

/** The program every command registers on. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Program = import('@commander-js/extra-typings').Command<[], {}, GlobalOptions>;
