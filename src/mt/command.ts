import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strings, text } from '../settings.js';
import { runEngineCommand, type CommandAbout } from './run-command.js';
import { enginePlugin, MtError, type Engine, type LanguagePair } from './types.js';

/**
 * Any command-line translator: one process per batch, one segment per line in, one translation per line out,
 * in the same order. A segment is HTML-escaped text in which each protected span is an empty `<x id="N"/>`;
 * a line break inside a segment is sent as a space (in that text it is white space like any other).
 * `args` may hold `{source}` and `{target}` (the language tags as the project writes them) and `{input}`:
 * the path of a file holding the lines, for programs that read a file rather than their standard input.
 */
const ABOUT: CommandAbout = {
  setting: 'mt.command.command',
  program: 'a translator that reads one segment per line and writes one translation per line',
  install: 'install the program, or fix mt.command.command in locflow.config.json',
};

export function commandEngine(command: string, args: readonly string[]): Engine {
  return {
    name: 'command',
    async translate(segments, pair: LanguagePair, signal) {
      if (command === '')
        throw new MtError(
          'the command engine has no command: mt.command.command is not set',
          'set mt.command.command and mt.command.args in locflow.config.json ("apertium", ["-u", "eng-spa", "{input}"])',
        );
      if (segments.length === 0) return [];
      const lines = segments.map((s) => s.replace(/\r\n|[\r\n\u2028\u2029]/gu, ' ')).join('\n') + '\n';
      const fill = (arg: string, input: string): string =>
        arg.replaceAll('{source}', pair.source).replaceAll('{target}', pair.target).replaceAll('{input}', input);
      let stdout: string;
      if (args.some((a) => a.includes('{input}'))) {
        const dir = mkdtempSync(join(tmpdir(), 'locflow-command-'));
        try {
          const input = join(dir, 'segments.txt');
          writeFileSync(input, lines);
          stdout = await runEngineCommand(
            command,
            args.map((a) => fill(a, input)),
            '',
            signal,
            ABOUT,
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      } else
        stdout = await runEngineCommand(
          command,
          args.map((a) => fill(a, '')),
          lines,
          signal,
          ABOUT,
        );
      const out = stdout.replace(/\r?\n$/u, '').split(/\r?\n/u);
      if (out.length !== segments.length)
        throw new MtError(
          `"${command}" wrote ${out.length} lines for ${segments.length} segments`,
          'the command must write exactly one line per input line, in the same order',
        );
      return out.map((line) => line.trim());
    },
  };
}

export const command = enginePlugin({
  settings: { command: text(''), args: strings([]) },
  create: (settings) => commandEngine(settings.command, settings.args),
});
