import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from '../settings.js';
import { apertiumMode } from './languages.js';
import { runEngineCommand } from './run-command.js';
import { enginePlugin, MtError, type Engine, type LanguagePair } from './types.js';

/**
 * The local `apertium` command. One process per batch, never per sentence
 * (each start costs ~0.2 s): segments are joined with `<hr id="locflow-N"/>`
 * markers, which `-f html` passes through untouched, and split again after.
 * `-u` keeps unknown words free of "*".
 */
const MAX_BATCH_CHARS = 200_000;

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

export const apertium = enginePlugin({
  settings: { command: text('apertium') },
  create: (settings) => apertiumEngine(settings.command),
});
