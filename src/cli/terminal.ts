import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where a command run starts from and prints to, and how it ends: the process's own (the `locflow` command), or
 * those of a caller that runs command lines in its own process (`runCommandLine`). Commands print through
 * `terminal()`, never through `process.stdout` or `console`, so one process can hold runs that do not mix.
 */

/** Standard output or standard error. */
export interface Sink {
  write(text: string): void;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

export interface Terminal {
  /** The folder relative paths start from (--cwd, the files named on the command line). */
  readonly cwd: string;
  readonly stdout: Sink;
  readonly stderr: Sink;
  /** The code the run exits with when it ends. */
  setExitCode(code: number): void;
  /** Ends the run now (a usage error, --help, --version). */
  exit(code: number): never;
}

const PROCESS: Terminal = {
  get cwd() {
    return process.cwd();
  },
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode(code) {
    process.exitCode = code;
  },
  exit(code) {
    process.exit(code);
  },
};

const current = new AsyncLocalStorage<Terminal>();

/** The terminal of the run in progress: the process's, unless the run was started by `withTerminal`. */
export function terminal(): Terminal {
  return current.getStore() ?? PROCESS;
}

/** Runs `body` (and everything it starts) with `t` as its terminal. */
export function withTerminal<T>(t: Terminal, body: () => T): T {
  return current.run(t, body);
}
