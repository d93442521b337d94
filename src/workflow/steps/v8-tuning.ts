import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings a command changes for a while, by heuristics that change how fast or how large it runs, never what it
 * does. Node warns that changing V8's flags after start may behave unpredictably: only such tuning flags are set, and
 * always here.
 *
 * V8 takes a module's code cache only under the flags it was made with: a flag is set once the command's modules are
 * loaded, and set back before the modules it loads at the end (the reports) and before a build writes code caches.
 */

/** Holds per flag: the last release sets it back. */
const holds = new Map<string, number>();

/** Whether the command line sets the flag itself: then it is left as asked. */
const askedFor = (name: string): boolean =>
  [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes(name));

/**
 * Sets a V8 flag (`set`, "--name" or "--name=value") until the returned function is called, which sets `reset` (the
 * flag's default). Holds of one flag nest: it is set back when the last is released; a release counts once.
 */
export function holdV8Flag(set: string, reset: string): () => void {
  const name = set.replace(/^--(?:no-)?/u, '').replace(/=.*$/u, '');
  if (askedFor(name)) return () => {};
  const n = holds.get(name) ?? 0;
  if (n === 0) setFlagsFromString(set);
  holds.set(name, n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = holds.get(name)! - 1;
    holds.set(name, left);
    if (left === 0) setFlagsFromString(reset);
  };
}

/**
 * V8 compiles the functions a run keeps calling and inlines into each the small functions it calls. In a check of a
 * few thousand pairs that compiler work, on V8's own threads, costs about as much CPU as the checking itself, and the
 * faster code has too little time to pay it back (docs/performance.md has the measurements).
 */
export function compileWithoutInlining(): () => void {
  return holdV8Flag('--no-turbo-inlining', '--turbo-inlining');
}
