import { Command } from '@commander-js/extra-typings';
import { TOOL } from '../version.js';
import { registerInit } from './commands/init.js';
import { registerExtract } from './commands/extract.js';
import { registerImport } from './commands/import.js';
import { registerBuild } from './commands/build.js';
import { registerStatus } from './commands/status.js';
import { registerPseudo } from './commands/pseudo.js';
import { registerCheck } from './commands/check.js';
import { registerTranslate } from './commands/translate.js';
import { registerTm } from './commands/tm.js';
import { registerSegment } from './commands/segment.js';
import { terminal, withTerminal, type Terminal } from './terminal.js';
import type { Program } from './context.js';

/** The `locflow` program with every command: a new one per run, as commander keeps the options it parsed. */
export function createProgram(): Program {
  const program = new Command()
    .name('locflow')
    .description(
      'Segment articles and app strings, hand them out as XLIFF, import translations, rebuild and check localized output.',
    )
    .version(TOOL.version)
    .option('-C, --cwd <dir>', 'project folder (default: the current folder)')
    .option('--config <file>', 'configuration file (default: locflow.config.json in the project folder)')
    .option('-q, --quiet', 'print nothing but errors (the exit code tells the rest)')
    .option('-v, --verbose', 'print more: lists of units in full, the work planned, what goes to the memory')
    // Every command's help lists these too: they work after the command name as well.
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError()
    .configureOutput({
      writeOut: (str) => terminal().stdout.write(str),
      writeErr: (str) => terminal().stderr.write(str),
      getOutHelpWidth: () => (terminal().stdout.isTTY ? terminal().stdout.columns : undefined) ?? 80,
      getErrHelpWidth: () => (terminal().stderr.isTTY ? terminal().stderr.columns : undefined) ?? 80,
      outputError: (str, write) => write(`locflow: ${str.replace(/^error: /u, '')}`),
    })
    .exitOverride((err) => {
      // Usage errors exit 2, like every other input error; --help and --version exit 0.
      terminal().exit(err.exitCode === 0 ? 0 : 2);
    });
  for (const register of [
    registerInit,
    registerExtract,
    registerTranslate,
    registerImport,
    registerBuild,
    registerStatus,
    registerCheck,
    registerPseudo,
    registerTm,
    registerSegment,
  ])
    register(program);
  return program;
}

/** What a command line run in this process did: as a `locflow` process would have exited and printed. */
export interface CommandLineResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A run's end before its last line (a usage error, --help): unwinds to `runCommandLine`. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/**
 * Runs one command line (the arguments after `locflow`) in this process, from the folder `cwd`, and gives back
 * its exit code and what it printed. The run does not touch the process's exit code or output.
 */
export async function runCommandLine(cwd: string, args: readonly string[]): Promise<CommandLineResult> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const t: Terminal = {
    cwd,
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    setExitCode: (c) => void (code = c),
    exit: (c) => {
      throw new Exit(c);
    },
  };
  try {
    await withTerminal(t, () => createProgram().parseAsync([...args], { from: 'user' }));
  } catch (err) {
    if (!(err instanceof Exit)) throw err;
    code = err.code;
  }
  return { code, stdout, stderr };
}
