// Loaded with `node --import` by the translate rows of bench/run.mjs: at exit, the process's own CPU seconds (user +
// system, its children aside) are added as a line to the file BENCH_OWN_CPU names.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  if (process.env.BENCH_OWN_CPU) appendFileSync(process.env.BENCH_OWN_CPU, `${((user + system) / 1e6).toFixed(3)}\n`);
});
