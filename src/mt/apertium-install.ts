import { readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { onPath } from '../io/on-path.js';
import { startEngineScript, type RunningCommand } from './run-command.js';

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

/**
 * The script's HTML route (Apertium 3.8): `apertium-deshtml | setvar_wrap | bash <(apertium-wblank-mode <mode>)
 * "$OPTION" "$OPTION_TAGGER" | setvar_unwrap | apertium-rehtml`, where the gawk wrappers copy their input unchanged
 * unless AP_SETVAR is set, `-u` makes OPTION `-n` and OPTION_TAGGER is empty. LC_CTYPE: the script's own choice, the
 * first UTF-8 locale `locale -a` lists. The deformatter reads its standard input (a socket from Node is fine here;
 * the script hands it /dev/stdin by name, which a socket is not).
 */
const HTML_ROUTE = `LC_CTYPE=$(locale -a | grep -i -m1 'utf[.-]*8')
if [ -z "$LC_CTYPE" ]; then echo "Error: Install an UTF-8 locale in your system" >&2; exit 1; fi
export LC_CTYPE
PATH="$2:$PATH"
set -o pipefail
apertium-deshtml | bash <(apertium-wblank-mode "$1") -n "" | apertium-rehtml`;

/** Lines of the script whose behaviour HTML_ROUTE reproduces: another version of it is run as it is. */
const SCRIPT_MARKS = [
  'APERTIUM_PATH="${APERTIUM_PATH:-',
  'APERTIUM_DATADIR="${APERTIUM_DATADIR:-',
  'bash <(apertium-wblank-mode "${NULL_FLUSH[@]}" "$DATADIR/modes/$PAIR.mode")',
  'apertium-deshtml "${FORMAT_OPTIONS[@]}" "$INFILE"',
  'RT=="\\0"        { fflush() }',
];

/** The installation behind `apertium` on the PATH, or undefined when that is not Apertium's own script. */
export function findApertium(env: NodeJS.ProcessEnv = process.env): ApertiumInstall | undefined {
  const script = onPath('apertium', env);
  if (!script) return undefined;
  let text: string;
  try {
    text = readFileSync(script, 'utf8');
  } catch {
    return undefined;
  }
  if (!text.startsWith('#!') || SCRIPT_MARKS.some((m) => !text.includes(m))) return undefined;
  const programs = env.APERTIUM_PATH || defaultOf(text, 'APERTIUM_PATH');
  const data = env.APERTIUM_DATADIR || defaultOf(text, 'APERTIUM_DATADIR');
  if (!programs || !data) return undefined;
  // With Transfuse installed (and not turned off) the script takes another route for HTML: left to the script.
  const transfuse = env.APERTIUM_TRANSFUSE;
  const path = `${programs}${delimiter}${env.PATH ?? ''}`;
  if (transfuse !== '0' && transfuse !== 'no' && onPath('tf-extract', { PATH: path })) return undefined;
  let modes: string[];
  try {
    modes = readdirSync(join(data, 'modes'))
      .filter((f) => f.endsWith('.mode'))
      .map((f) => f.slice(0, -'.mode'.length))
      .sort();
  } catch {
    return undefined;
  }
  return {
    modes,
    start: (mode, signal) =>
      startEngineScript(HTML_ROUTE, [join(data, 'modes', `${mode}.mode`), programs], signal, withHugePages(env)),
  };
}

/**
 * The environment with glibc's malloc told to back its heap with transparent huge pages (`glibc.malloc.hugetlb=1`,
 * glibc 2.35 and later; an older glibc or another C library ignores it). Apertium's programs load their dictionaries
 * into the heap at every start — some 31,000 page faults for the pipeline of eng-spa, each a kernel trap — and with
 * 2 MB pages far fewer are taken. What the programs write is the same. A hugetlb the environment sets already stands.
 */
export function withHugePages(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const tunables = env.GLIBC_TUNABLES;
  if (tunables !== undefined && /(?:^|:)glibc\.malloc\.hugetlb=/u.test(tunables)) return env;
  return { ...env, GLIBC_TUNABLES: tunables ? `${tunables}:${HUGE_PAGES}` : HUGE_PAGES };
}
const HUGE_PAGES = 'glibc.malloc.hugetlb=1';

/** The default a script gives a variable in `NAME="${NAME:-default}"`. */
function defaultOf(text: string, name: string): string | undefined {
  const start = text.indexOf(`${name}="\${${name}:-`);
  if (start < 0) return undefined;
  const from = start + `${name}="\${${name}:-`.length;
  const end = text.indexOf('}"', from);
  return end < 0 ? undefined : text.slice(from, end);
}
