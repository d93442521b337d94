// One way to time a whole process for the benchmarks: median wall time over several runs, largest peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const hasTime = existsSync('/usr/bin/time');

/** Runs a command `runs` times; returns the median wall time (s) and the largest peak RSS (MB). */
export function measure(cmd, args, { cwd = root, runs = 5 } = {}) {
  const times = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd, encoding: 'utf8' })
      : spawnSync(cmd, args, { cwd, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    if (hasTime) peak = Math.max(peak, Number(r.stderr.trim().split('\n').pop()) / 1024);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], mb: hasTime ? peak : NaN };
}
