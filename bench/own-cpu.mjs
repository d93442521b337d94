// Loaded with `node --import` by the translate rows of bench/run.mjs: at exit, the process's own CPU seconds (user +
// system, its children aside) are added as a line to the file BENCH_OWN_CPU names, and on Linux, after a space, its
// main thread's share (the rest is V8's optimizing compiler and garbage collector threads and the file-system pool).
import { appendFileSync, readFileSync } from 'node:fs';

/** The main thread's CPU seconds, from /proc (its clock ticks: 1/100 s); undefined where there is no /proc. */
function mainThread() {
  try {
    // The fields after the command's name in parentheses; utime and stime are the 14th and 15th of the whole line.
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  const main = mainThread();
  if (process.env.BENCH_OWN_CPU)
    appendFileSync(
      process.env.BENCH_OWN_CPU,
      `${((user + system) / 1e6).toFixed(3)}${main === undefined ? '' : ` ${main.toFixed(2)}`}\n`,
    );
});
