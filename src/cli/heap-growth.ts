import { setFlagsFromString } from 'node:v8';

/**
 * How far past what a full collection left alive V8 may let the heap grow before the next one, in percent, while a
 * command works through a batch of files. Left to itself, V8 picks a factor of up to 4 (on a machine with a heap
 * limit of 2 GB or more): a command that keeps 50 MB alive while it turns over gigabytes of short-lived data file
 * after file ends with a heap of 200 MB of garbage waiting. At 1.5 the peak stays near 1.5 × what is alive, for a few
 * more full collections (each marks only what is alive).
 */
export const BATCH_HEAP_GROWTH_PERCENT = 50;

let holds = 0;

/**
 * Bounds the heap's growth until the returned function is called (V8 reads the setting at each full collection); a
 * heap that needs more still gets it, up to the process's usual limit. Set it once the command's code is loaded: V8
 * rejects the code cache of a script compiled while the setting differs from the process's start. Holds nest.
 */
export function boundHeapGrowth(): () => void {
  if (holds++ === 0) setFlagsFromString(`--heap-growing-percent=${BATCH_HEAP_GROWTH_PERCENT}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds === 0) setFlagsFromString('--heap-growing-percent=0');
  };
}
