import { describe, expect, it } from 'vitest';
import { growth, GROWTH_BOUND } from './growth.js';

/** Work that costs `ms` of this process's CPU time, whatever the machine's speed. */
function spin(ms: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
}

// The measure the linearity tests trust: work whose cost grows with the square of its input must be over the bound,
// linear work within it, and the verdict must come from runs of the work (not from a round that measured nothing).
describe('growth of work from a small input to an 8× larger one', () => {
  const unit = 12; // ms of CPU for the small input (over the 10 ms floor of a small run)

  it('finds work growing with the square of its input over the bound', { timeout: 60_000 }, async () => {
    const { ratio, small, large } = await growth((n: number) => spin(unit * n * n), {
      small: 1,
      large: 8,
      warm: [],
    });
    expect(small).toBeGreaterThanOrEqual(unit);
    expect(large).toBeGreaterThanOrEqual(64 * unit);
    expect(ratio).toBeGreaterThan(GROWTH_BOUND);
  });

  it('finds linear work within it', { timeout: 60_000 }, async () => {
    const { ratio, small, large } = await growth((n: number) => spin(unit * n), { small: 1, large: 8, warm: [] });
    expect(small).toBeGreaterThanOrEqual(unit);
    expect(large).toBeGreaterThanOrEqual(8 * unit);
    expect(ratio).toBeLessThanOrEqual(GROWTH_BOUND);
  });
});
