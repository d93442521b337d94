// npm run bench: prints locflow's figures. Benchmarks, not tests: nothing here fails on a slow machine.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'index.js');
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

const fmt = (m) => `${m.seconds.toFixed(3)} s${Number.isNaN(m.mb) ? '' : `, ${m.mb.toFixed(0)} MB peak`}`;

const main = import.meta.url === `file://${process.argv[1]}`;
const only = process.argv[2];

if (main && (!only || only === 'extract')) {
  const dir = join(root, '.cache', 'bench-corpus');
  const words = buildCorpus(dir);
  rmSync(join(dir, 'xliff'), { recursive: true, force: true });
  const m = measure(process.execPath, [cli, 'extract', '--force'], { cwd: dir, runs: 5 });
  console.log(
    `extract (sentences + XLIFF 1.2), ${words} words: ${fmt(m)}   [target ≤ 0.5 s, ≤ 300 MB; txt2po + po2xliff: 4.6 s]`,
  );
}

if (main && (!only || only === 'help')) {
  const node = measure(process.execPath, ['-e', '0'], { runs: 11 });
  const help = measure(process.execPath, [cli, '--help'], { runs: 11 });
  console.log(
    `locflow --help: ${fmt(help)}; node -e 0: ${fmt(node)}; ratio ${(help.seconds / node.seconds).toFixed(2)}   [target ≤ 2]`,
  );
}
