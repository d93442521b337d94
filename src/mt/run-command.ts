import { execFile } from 'node:child_process';
import { MtError } from './types.js';

/** What an error about the command says: the setting that names it and how to install it. */
export interface CommandAbout {
  readonly setting: string;
  /** What the setting must name. */
  readonly program: string;
  readonly install: string;
}

const APERTIUM: CommandAbout = {
  setting: 'mt.apertium.command',
  program: 'the apertium program (or a wrapper that reads its standard input)',
  install: 'install Apertium: apt-get install apertium apertium-eng-spa (or another pair)',
};

/**
 * Runs an engine's command with `input` on its stdin. A command that exits before reading its input
 * (a wrong `mt.apertium.command`) breaks the pipe: that is reported as such, never an unhandled EPIPE.
 */
export function runEngineCommand(
  command: string,
  args: readonly string[],
  input: string,
  signal?: AbortSignal,
  about: CommandAbout = APERTIUM,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdinError: NodeJS.ErrnoException | undefined;
    let result: { err: Error | null; stdout: string; stderr: string } | undefined;
    let stdinDone = false;
    const settle = (): void => {
      if (!result || !stdinDone) return;
      const { err, stdout, stderr } = result;
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new MtError(`"${command}" is not installed`, about.install));
        else if (stdinError && input !== '') reject(brokenPipe(command, stderr, about));
        else reject(new MtError(`${command} failed: ${stderr.trim() || err.message}`));
        return;
      }
      if (stdinError && input !== '') {
        reject(brokenPipe(command, stderr, about));
        return;
      }
      resolve(stdout);
    };
    const child = execFile(
      command,
      args,
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(signal ? { signal } : {}) },
      (err, stdout, stderr) => {
        result = { err, stdout, stderr };
        settle();
      },
    );
    const stdin = child.stdin;
    if (!stdin) {
      stdinDone = true;
      return;
    }
    stdin.on('error', (err: NodeJS.ErrnoException) => {
      stdinError = err; // EPIPE, ECONNRESET: the command closed its input; reported once it has exited
    });
    stdin.on('close', () => {
      stdinDone = true;
      settle();
    });
    if (input === '') stdin.end();
    else stdin.end(input);
  });
}

function brokenPipe(command: string, stderr: string, about: CommandAbout): MtError {
  return new MtError(
    `the engine command exited before reading its input: "${command}"${stderr.trim() ? ` (${stderr.trim().split('\n')[0]})` : ''}`,
    `check ${about.setting} in the configuration: it must name ${about.program}`,
  );
}
