import { Script } from 'node:vm';

/**
 * A look at whether V8's flags are still those the process started with (there is no reading a flag back): V8 takes
 * a script's code cache only under the flags it was made with. The caches are made when the probe is made, so make
 * it before any flag is changed. Each probe script is checked once, under another name than it was made under (V8
 * would otherwise find it compiled in its memory); `name` keeps one file's probes apart from another's in a worker
 * that runs both.
 */
export interface FlagsProbe {
  /** Whether V8's flags are those of the process's start now (throws once every probe is used). */
  asStarted(): boolean;
  /** Probes not used yet. */
  left(): number;
}

export function flagsProbe(name: string, count: number): FlagsProbe {
  const source = (k: number): string => `function ${name}${k}(a) { return a + ${k}; } ${name}${k}(1);`;
  const caches = Array.from({ length: count }, (_, k) =>
    new Script(source(k), { filename: `${name}-made-${k}.js` }).createCachedData(),
  );
  let used = 0;
  return {
    asStarted() {
      const k = used++;
      if (k >= count) throw new Error(`flagsProbe ${name}: all ${count} probes used`);
      return !new Script(source(k), { filename: `${name}-checked-${k}.js`, cachedData: caches[k]! }).cachedDataRejected;
    },
    left: () => count - used,
  };
}
