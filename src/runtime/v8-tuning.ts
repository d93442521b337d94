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

/** Whether the command line sets the flag itself (V8 reads "_" as "-"): then it is left as asked. */
const askedFor = (name: string): boolean =>
  [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.replaceAll('_', '-').includes(name));

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

/**
 * How far past what a full collection left live V8's heap may grow, in percent, while a check read as a stream runs.
 * By default V8 lets a heap that collects fast grow to up to four times what is live before it collects the old
 * generation again: a large check reads its run group after group (see GROUP_PAIRS), and each group's facts, let go
 * for the next, are garbage that then stays until the heap is four times one group's (the check of 157,020 pairs in
 * 9,312 files, in groups: 461 MB peak, 93 MB live after its last full collection; 270–281 MB at 50 %, 242 MB at 25 %).
 */
export const CHECK_HEAP_GROWTH_PERCENT = 25;

/**
 * The same for an import of many files, which turns over gigabytes of short-lived data file after file (the import of
 * those 9,312 files as a person's translations: 411–455 → 238–278 MB peak at 50 %; at 16×, 37,213 files, 598–699 →
 * 347–361 MB, and 346 MB at 25 % for twice the full collections).
 */
export const IMPORT_HEAP_GROWTH_PERCENT = 50;

/**
 * Bounds V8's heap growth to `percent` past what is live until the function it returns is called (0 is the flag's
 * default: V8's own choice).
 */
export function boundHeapGrowth(percent = CHECK_HEAP_GROWTH_PERCENT): () => void {
  return holdV8Flag(`--heap-growing-percent=${percent}`, '--heap-growing-percent=0');
}
