/**
 * How much longer work takes on an 8× larger input, in CPU time: the fastest of three runs of each size (a pause
 * of the machine or the garbage collector lengthens one run, never all three), after a run of each kind to
 * compile the code paths. The large input stops at its first run within the bound: the fastest of three can only
 * be faster, so the verdict is the one three runs give, and linear work (the code when it is right) costs one large
 * run, not three. A verdict over the bound is measured again (up to ROUNDS rounds, keeping the fastest runs). A test
 * never fails because a machine is slow, only because work grows faster than its input.
 */
export const GROWTH_BOUND = 32; // 8× the input: linear work takes ≈ 8×, a quadratic step 64×

/** Rounds of measurement at most (each: three small runs, up to three large). */
const ROUNDS = 3;

/** The process's CPU milliseconds for `work`: on a loaded machine a long run is preempted more than a short one. */
export async function cpuMs(work: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** `prepare` makes each run's input outside the timing (a fresh object per run, as a real caller gives). */
export async function growth<T, P = T>(
  run: (input: P) => unknown,
  { small, large, warm }: { small: T; large: T; warm: readonly T[] },
  prepare: (input: T) => P = (input) => input as unknown as P,
): Promise<{ ratio: number; small: number; large: number }> {
  for (const input of warm) await run(prepare(input));
  const once = (input: T): Promise<number> => {
    const prepared = prepare(input);
    return cpuMs(() => run(prepared));
  };
  // Rounds go on only while the verdict is over the bound: on a machine busy with other processes a large run's CPU
  // time grows too (shared caches), and the fastest of more runs is nearer the work's own cost; quadratic work stays
  // over the bound in every round.
  let s = Infinity;
  let l = Infinity;
  const ratio = (): number => Math.round(l / Math.max(s, 10));
  for (let round = 0; round < ROUNDS && (round === 0 || ratio() > GROWTH_BOUND); round++) {
    s = Math.min(s, await once(small), await once(small), await once(small));
    for (let i = 0; i < 3 && ratio() > GROWTH_BOUND; i++) l = Math.min(l, await once(large));
  }
  return { ratio: ratio(), small: Math.max(s, 10), large: l };
}
