import { text } from '../settings.js';
import { findApertium, withHugePages, type ApertiumInstall } from './apertium-install.js';
import { apertiumMode, iso6393 } from './languages.js';
import { runEngineCommand, startEngineCommand, type RunningCommand } from './run-command.js';
import { enginePlugin, MtError, type Engine, type EngineBatch, type LanguagePair } from './types.js';

/**
 * The local `apertium` command. One process per batch, never per sentence
 * (each start costs ~0.2 s): segments are joined with `<hr id="locflow-N"/>`
 * markers, which `-f html` passes through untouched, and split again after.
 * `-u` keeps unknown words free of "*". A batch's process is started before
 * its segments are known (`begin`): Apertium loads its dictionaries while
 * the documents are read, and translates the segments as they come.
 * The plain `apertium` of the PATH, Apertium's own script, is read rather than run (mt/apertium-install.ts): the
 * pairs are its modes folder, and a batch is the mode's pipeline started directly, as the script would run it.
 * Each distinct segment goes to Apertium once in a run (a memory of the run, per mode): a newsroom's articles repeat
 * headlines, credits and whole sentences, and Apertium translates a segment alone (each ends a sentence of its own,
 * the deformatter puts a sentence end before every marker), so a repeat's translation is the first one's.
 */
const MAX_BATCH_CHARS = 200_000;

export function apertiumEngine(
  command = 'apertium',
  // The command by its plain name is Apertium's own script on the PATH, whose pipelines run without it (null: run
  // the command itself).
  install: ApertiumInstall | null = command === 'apertium' ? (findApertium() ?? null) : null,
): Engine {
  let installed: Promise<string[]> | undefined;
  const memories = new Map<string, Map<string, string>>();
  const memoryOf = (mode: string): Map<string, string> => {
    let memory = memories.get(mode);
    if (!memory) memories.set(mode, (memory = new Map()));
    return memory;
  };
  const pairs = (): Promise<string[]> =>
    (installed ??= install
      ? Promise.resolve([...install.modes])
      : runEngineCommand(command, ['-l'], '').then((out) => out.split(/\s+/u).filter(Boolean)));
  const noPair = (pair: LanguagePair, list: readonly string[]): MtError =>
    new MtError(
      `Apertium has no ${pair.source}→${pair.target} pair installed`,
      `installed pairs: ${list.join(', ') || `none ("${command} -l" listed none)`}; Debian packages are named apertium-<pair>, e.g. apertium-eng-spa, apertium-eng-cat`,
    );

  const begin = async (pair: LanguagePair, signal?: AbortSignal): Promise<EngineBatch> => {
    if (install) {
      // The installation read: the mode is known at once, its pipeline started without the script.
      const mode = apertiumMode(pair.source, pair.target, install.modes);
      if (!mode) throw noPair(pair, install.modes);
      return apertiumBatch(install.start(mode, signal), memoryOf(mode));
    }
    const args = (mode: string): string[] => ['-u', '-f', 'html', mode];
    // (the command's programs on huge pages too, as the mode's pipeline run directly: see withHugePages)
    const start = (mode: string): RunningCommand =>
      startEngineCommand(command, args(mode), signal, undefined, withHugePages(process.env));
    // Started at once with the mode most pairs have ("eng-spa"), while the installed pairs are listed (each
    // call of the apertium script forks a dozen helpers): restarted with the right one if the list says otherwise.
    const likely = `${iso6393(pair.source)}-${iso6393(pair.target)}`;
    const early = start(likely);
    let list: string[];
    try {
      list = await pairs();
    } catch (err) {
      early.kill();
      throw err;
    }
    const mode = apertiumMode(pair.source, pair.target, list);
    if (mode === likely) return apertiumBatch(early, memoryOf(mode));
    early.kill();
    if (!mode) throw noPair(pair, list);
    return apertiumBatch(start(mode), memoryOf(mode));
  };

  return {
    name: 'apertium',
    pairs,
    begin,
    async translate(segments, pair: LanguagePair, signal) {
      const out: string[] = [];
      for (let from = 0; from < segments.length;) {
        let to = from;
        let size = 0;
        while (to < segments.length && (to === from || size + segments[to]!.length < MAX_BATCH_CHARS))
          size += segments[to++]!.length + 32;
        const batch = await begin(pair, signal);
        batch.add(segments.slice(from, to));
        out.push(...(await batch.end()));
        from = to;
      }
      return out;
    },
  };
}

/**
 * One Apertium process: each segment not translated yet in the run followed by its marker on the way in (once, however
 * often it comes), split at the markers on the way out. The run's memory gets the batch's translations once it ends.
 * Apertium's output comes in pieces as its pipeline works through the text: a segment is told (`each`) once the marker
 * after it has come, as `end` splits and trims it.
 */
function apertiumBatch(running: RunningCommand, memory: Map<string, string>): EngineBatch {
  // The segments this process translates, by their place in its input.
  const sent = new Map<string, number>();
  const wanted: string[] = [];
  // Told so far: the translations of the segments sent, in order, the output after the last marker, the next told.
  const arrived: string[] = [];
  let rest = '';
  let next = 0;
  let listener: ((index: number, translation: string) => void) | undefined;
  const tell = (): void => {
    for (; next < wanted.length; next++) {
      const s = wanted[next]!;
      const i = sent.get(s);
      const translation = i === undefined ? memory.get(s) : arrived[i];
      if (translation === undefined) return;
      listener!(next, translation);
    }
  };
  const take = (text: string): void => {
    rest += text;
    let from = 0;
    for (const m of rest.matchAll(/<hr id="locflow-\d+"\s*\/>/gu)) {
      arrived.push(rest.slice(from, m.index).trim());
      from = m.index + m[0].length;
    }
    rest = rest.slice(from);
    tell();
  };
  return {
    add(segments) {
      let input = '';
      for (const s of segments) {
        wanted.push(s);
        if (memory.has(s) || sent.has(s)) continue;
        input += `${s}\n<hr id="locflow-${sent.size}"/>\n`;
        sent.set(s, sent.size);
      }
      running.write(input);
      if (listener) tell();
    },
    async end() {
      const translated = await running.end();
      const parts = translated.split(/\s*<hr id="locflow-\d+"\s*\/>\s*/u);
      if (parts.length < sent.size) throw new MtError(`Apertium returned ${parts.length} segments for ${sent.size}`);
      for (const [s, i] of sent) memory.set(s, parts[i]!.trim());
      return wanted.map((s) => memory.get(s)!);
    },
    each(told) {
      listener = told;
      running.onOutput(take);
      tell();
    },
    cancel: () => running.kill(),
  };
}

export const apertium = enginePlugin({
  settings: { command: text('apertium') },
  create: (settings, env) =>
    apertiumEngine(settings.command, settings.command === 'apertium' ? (findApertium(env) ?? null) : null),
});
