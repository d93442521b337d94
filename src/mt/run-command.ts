import { execFile, spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
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

/** An engine command started before its input is complete: input written as it is made, output once it exits. */
export interface RunningCommand {
  write(text: string): void;
  /** No more input: resolves with the command's output once it has exited. */
  end(): Promise<string>;
  /** Tells the command's output as it comes, piece by piece (never a character cut in two): what `end` gives, joined. */
  onOutput(listener: (text: string) => void): void;
  /** Stops the command and everything it started. */
  kill(): void;
}

/**
 * Starts an engine's command now, its input to come (`write`, then `end`), so the command's own start-up (Apertium
 * loads a dozen dictionaries) runs while the input is still being made. The command reads a real pipe: through
 * `cat` in `sh`, since Node gives a child a socket, which Apertium's deformatters open by name and cannot. It runs
 * in a process group of its own, so `kill` (and the abort signal) stop the whole pipeline at once.
 */
export function startEngineCommand(
  command: string,
  args: readonly string[],
  signal?: AbortSignal,
  about: CommandAbout = APERTIUM,
  env?: NodeJS.ProcessEnv,
): RunningCommand {
  return startDetached('sh', ['-c', 'cat | exec "$0" "$@"', command, ...args], command, signal, about, env);
}

/**
 * A bash script started as startEngineCommand starts a command (a process group of its own, input to come), `args`
 * its $1, $2…: for a pipeline of programs run without the command that would run it.
 */
export function startEngineScript(
  script: string,
  args: readonly string[],
  signal?: AbortSignal,
  env?: NodeJS.ProcessEnv,
  about: CommandAbout = APERTIUM,
): RunningCommand {
  return startDetached('bash', ['-c', script, 'apertium', ...args], 'apertium', signal, about, env);
}

function startDetached(
  file: string,
  argv: readonly string[],
  command: string,
  signal: AbortSignal | undefined,
  about: CommandAbout,
  env?: NodeJS.ProcessEnv,
): RunningCommand {
  const child = spawn(file, argv, {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(env ? { env } : {}),
  });
  const kill = (): void => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  const onAbort = (): void => kill();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) kill();
  let stdinError: NodeJS.ErrnoException | undefined;
  let wrote = false;
  child.stdin.on('error', (err: NodeJS.ErrnoException) => {
    stdinError = err; // EPIPE: the command closed its input; reported once it has exited
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let told: { listener: (text: string) => void; decoder: StringDecoder } | undefined;
  child.stdout.on('data', (b: Buffer) => {
    out.push(b);
    if (!told) return;
    const text = told.decoder.write(b);
    if (text) told.listener(text);
  });
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const exited = new Promise<string>((resolve, reject) => {
    child.on('error', (e) => reject(e));
    child.on('close', (code, killedBy) => {
      signal?.removeEventListener('abort', onAbort);
      const rest = told?.decoder.end();
      if (rest) told!.listener(rest);
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (signal?.aborted) reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      else if (stdinError && wrote) reject(brokenPipe(command, stderr, about));
      else if (code === 127 && /not found/u.test(stderr))
        reject(new MtError(`"${command}" is not installed`, about.install));
      else if (code !== 0)
        reject(
          new MtError(`${command} failed: ${stderr || (killedBy ? `killed by ${killedBy}` : `exit code ${code}`)}`),
        );
      else resolve(Buffer.concat(out).toString('utf8'));
    });
  });
  exited.catch(() => undefined); // read by end(); a batch given up is not an unhandled rejection
  return {
    write(text) {
      if (!text) return;
      wrote = true;
      child.stdin.write(text);
    },
    end() {
      child.stdin.end();
      return exited;
    },
    onOutput(listener) {
      if (told) throw new Error('onOutput: one listener a command');
      // (what came before is told at once: the listener misses nothing)
      told = { listener, decoder: new StringDecoder('utf8') };
      const text = out.length ? told.decoder.write(Buffer.concat(out)) : '';
      if (text) listener(text);
    },
    kill,
  };
}
