import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { apertiumMode } from './apertium-modes.js';
import { findApertiumScript, pipelineCommand } from './apertium-script.js';

/**
 * Apertium's pipeline for `locflow translate --engine apertium`, started as the program starts, before the modules of
 * the command load (mt/apertium-early-start.ts is the program's first import): the dictionaries load meanwhile, as
 * raw `apertium` starts loading them at once. The engine takes it over when it starts the very same pipeline — the
 * same bash script, arguments and environment (startEnginePipeline); a pipeline nothing took over is stopped when
 * the process exits. Only the plain case is guessed, from the command line and the configuration file as they are:
 * anything else (another option, --dry-run, --help, a configured Apertium command, a configuration this cannot read)
 * starts nothing here, and the engine starts its pipeline as it always did.
 */
export function startApertiumEarly(
  args: readonly string[] = process.argv.slice(2),
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (early || !args.includes('translate')) return;
  const line = commandLine(args);
  if (!line) return;
  const pair = languagePair(line, cwd);
  if (!pair) return;
  const found = findApertiumScript(env);
  const mode = found && apertiumMode(pair.source, pair.target, found.modes);
  if (!found || !mode) return;
  const { file, argv, env: childEnv } = pipelineCommand(found, mode, env);
  const { spawn } = process.getBuiltinModule('node:child_process');
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawn(file, argv, { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: childEnv });
  } catch {
    return; // (an environment spawn refuses: the engine's own start meets it and says so, as it always did)
  }
  const started: Early = { key: keyOf(file, argv, childEnv), child, gone: false };
  early = started;
  // (a pipeline that failed or ended before it was taken over is not taken: the engine starts its own, and tells why)
  child.on('error', () => (started.gone = true));
  child.on('exit', () => (started.gone = true));
  child.stdin.on('error', () => undefined);
  process.on('exit', () => {
    if (early === started && !started.gone && child.pid !== undefined)
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
  });
}

/** The pipeline started early, if it is this one and still running: taken over (once). */
export function takeEarlyPipeline(
  file: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): ChildProcessWithoutNullStreams | undefined {
  const started = early;
  if (!started || started.gone || started.key !== keyOf(file, argv, env)) return undefined;
  early = undefined;
  return started.child;
}

interface Early {
  readonly key: string;
  readonly child: ChildProcessWithoutNullStreams;
  gone: boolean;
}

let early: Early | undefined;

const keyOf = (file: string, argv: readonly string[], env: NodeJS.ProcessEnv): string =>
  JSON.stringify([file, argv, Object.entries(env)]);

/** What the command line says, when it is `translate --engine apertium` with nothing this does not know. */
interface CommandLine {
  readonly cwd?: string;
  readonly config?: string;
  /** --lang as given (comma-separated). */
  readonly lang?: string;
}

function commandLine(args: readonly string[]): CommandLine | undefined {
  let translate = false;
  let engine: string | undefined;
  const line: { cwd?: string; config?: string; lang?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : args[++i]);
    if (name === '-q' || name === '--quiet' || name === '-v' || name === '--verbose' || name === '--json') {
      if (eq > 0 || (name === '--json' && !translate)) return undefined;
    } else if (name === '-C' || name === '--cwd') line.cwd = value();
    else if (name === '--config') line.config = value();
    else if (!translate) {
      if (arg !== 'translate') return undefined;
      translate = true;
    } else if (name === '--engine') engine = value();
    else if (name === '--lang' && line.lang === undefined) line.lang = value();
    else return undefined;
    if (Object.values(line).some((v) => v === undefined)) return undefined;
  }
  return translate && engine === 'apertium' ? line : undefined;
}

/**
 * The run's first language pair, as the configuration file gives it (its source language; --lang's first language,
 * else its first target): undefined when the file cannot be read as plain JSON with both, or configures Apertium's
 * command.
 */
function languagePair(line: CommandLine, cwd: string): { source: string; target: string } | undefined {
  const root = resolve(cwd, line.cwd ?? '.');
  let config: unknown;
  try {
    config = JSON.parse(
      readFileSync(line.config ? resolve(root, line.config) : join(root, 'locflow.config.json'), 'utf8'),
    );
  } catch {
    return undefined;
  }
  if (typeof config !== 'object' || config === null) return undefined;
  const { sourceLanguage: source, targetLanguages: targets, mt } = config as Record<string, unknown>;
  if (typeof mt === 'object' && mt !== null && 'apertium' in mt) return undefined;
  const target =
    line.lang !== undefined
      ? line.lang
          .split(',')
          .map((s) => s.trim())
          .find(Boolean)
      : Array.isArray(targets)
        ? (targets as unknown[])[0]
        : undefined;
  return typeof source === 'string' && typeof target === 'string' && target ? { source, target } : undefined;
}
