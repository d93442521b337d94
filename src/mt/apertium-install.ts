import { findApertiumScript, pipelineCommand } from './apertium-script.js';
import { startEnginePipeline, type RunningCommand } from './run-command.js';

export { withHugePages } from './apertium-script.js';

/**
 * The Apertium installation behind the `apertium` command, read from that command itself: a bash script naming its
 * data folder and its programs' folder. Its modes are the files in the data folder's `modes` (what `apertium -l`
 * lists), and a mode's pipeline runs as the script runs it for `-u -f html`, without the script around it — as APy
 * runs a mode: the deformatter, the mode's programs (with the script's word-bound-blank helpers) and the reformatter,
 * under a UTF-8 locale. That saves the script's own work (a bash and two gawk copies of the whole text, a temporary
 * file, `apertium -l` forking a dozen helpers) for the same bytes out.
 */
export interface ApertiumInstall {
  /** The installed modes ("eng-spa"), sorted. */
  readonly modes: readonly string[];
  /** A mode's pipeline started, its input to come: what `apertium -u -f html <mode>` does with its standard input. */
  start(mode: string, signal?: AbortSignal): RunningCommand;
}

/** The installation behind `apertium` on the PATH, or undefined when that is not Apertium's own script. */
export function findApertium(env: NodeJS.ProcessEnv = process.env): ApertiumInstall | undefined {
  const found = findApertiumScript(env);
  if (!found) return undefined;
  return {
    modes: found.modes,
    start: (mode, signal) => startEnginePipeline(pipelineCommand(found, mode, env), signal),
  };
}
