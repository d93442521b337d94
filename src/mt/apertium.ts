import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apertiumMode } from './languages.js';
import { MtError, type Engine, type LanguagePair } from './types.js';

/**
 * The local `apertium` command. One process per batch, never per sentence
 * (each start costs ~0.2 s): segments are joined with `<hr id="locflow-N"/>`
 * markers, which `-f html` passes through untouched, and split again after.
 * `-u` keeps unknown words free of "*".
 */
const MAX_BATCH_CHARS = 200_000;

/**
 * Runs the engine command with `input` on its stdin. A command that exits before reading its input
 * (a wrong `mt.apertium.command`) breaks the pipe: that is reported as such, never an unhandled EPIPE.
 */
export function runEngineCommand(
  command: string,
  args: readonly string[],
  input: string,
  signal?: AbortSignal,
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
        if (code === 'ENOENT')
          reject(
            new MtError(
              `"${command}" is not installed`,
              'install Apertium: apt-get install apertium apertium-eng-spa (or another pair)',
            ),
          );
        else if (stdinError && input !== '') reject(brokenPipe(command, stderr));
        else reject(new MtError(`${command} failed: ${stderr.trim() || err.message}`));
        return;
      }
      if (stdinError && input !== '') {
        reject(brokenPipe(command, stderr));
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

function brokenPipe(command: string, stderr: string): MtError {
  return new MtError(
    `the engine command exited before reading its input: "${command}"${stderr.trim() ? ` (${stderr.trim().split('\n')[0]})` : ''}`,
    'check mt.apertium.command in the configuration: it must name the apertium program (or a wrapper that reads its standard input)',
  );
}

export function apertiumEngine(command = 'apertium'): Engine {
  let installed: Promise<string[]> | undefined;
  const pairs = (): Promise<string[]> =>
    (installed ??= runEngineCommand(command, ['-l'], '').then((out) => out.split(/\s+/u).filter(Boolean)));

  return {
    name: 'apertium',
    pairs,
    async translate(segments, pair: LanguagePair, signal) {
      const list = await pairs();
      const mode = apertiumMode(pair.source, pair.target, list);
      if (!mode) {
        throw new MtError(
          `Apertium has no ${pair.source}→${pair.target} pair installed`,
          `installed pairs: ${list.join(', ') || `none ("${command} -l" listed none)`}; Debian packages are named apertium-<pair>, e.g. apertium-eng-spa, apertium-eng-cat`,
        );
      }
      const out: string[] = [];
      for (let from = 0; from < segments.length;) {
        let to = from;
        let size = 0;
        while (to < segments.length && (to === from || size + segments[to]!.length < MAX_BATCH_CHARS))
          size += segments[to++]!.length + 32;
        const batch = segments.slice(from, to);
        const joined = batch.map((s, i) => `${s}\n<hr id="locflow-${i}"/>\n`).join('');
        // Input through a file: apertium's html deformatter refuses a socket on stdin, which is what Node gives a child.
        const dir = mkdtempSync(join(tmpdir(), 'locflow-apertium-'));
        let translated: string;
        try {
          const input = join(dir, 'batch.html');
          writeFileSync(input, joined);
          translated = await runEngineCommand(command, ['-u', '-f', 'html', mode, input], '', signal);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        const parts = translated.split(/\s*<hr id="locflow-\d+"\s*\/>\s*/u);
        if (parts.length < batch.length)
          throw new MtError(`Apertium returned ${parts.length} segments for ${batch.length}`);
        out.push(...parts.slice(0, batch.length).map((p) => p.trim()));
        from = to;
      }
      return out;
    },
  };
}
