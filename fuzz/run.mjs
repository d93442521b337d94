#!/usr/bin/env node
/**
 * locflow's fuzzing and fault suite. Seeded and bounded in time: the same seed tries the same cases.
 *
 *   npm run fuzz                         # the full run: ≥ 1,000 cases
 *   node fuzz/run.mjs --seed 7 --scale 0.1 --json
 *
 * Options: --seed N (default 1), --scale F (cases per category × F), --only <category substring>,
 * --case-timeout S (a case running longer is a hang: 60), --json (one JSON object on stdout).
 * Prints per category: tried, refused cleanly, accepted faithfully, crashes, data lost; exits 1 when
 * any case crashed or lost data. Needs a build (npm run fuzz builds first).
 */
import { clearTimeout, setTimeout } from 'node:timers';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FAULTS } from './faults.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = Number(opt('seed', '1'));
const scale = Number(opt('scale', '1'));
const only = opt('only', '');
const caseTimeout = Number(opt('case-timeout', '60')) * 1000;
const json = args.includes('--json');

/** Cases per category at scale 1. */
const IN_PROCESS = {
  'xliff 1.2 mutants': 300,
  'xliff 2.0 mutants': 300,
  'tmx mutants': 150,
  'hostile sources': 300,
  'links and paths': 60,
};

const log = (line) => {
  if (!json) process.stderr.write(`${line}\n`);
};

/** Runs cases [from, to) of an in-process category in a child, restarting past a case that hangs. */
function runInProcess(category, from, to, results) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./inprocess.mjs', import.meta.url)), category, String(seed), String(from), String(to)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let current = from;
    let buffer = '';
    let stderr = '';
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        results.push({
          category,
          i: current,
          name: 'unknown',
          outcome: 'crash',
          detail: `hang: no answer within ${caseTimeout / 1000} s`,
        });
        child.kill('SIGKILL');
      }, caseTimeout);
    };
    arm();
    child.stdout.on('data', (d) => {
      buffer += d.toString('utf8');
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const r = JSON.parse(line);
        current = r.i;
        arm();
        if (r.start) continue;
        results.push({ category, ...r });
        if (r.outcome === 'crash' || r.outcome === 'lost')
          log(`  ${category} #${r.i} ${r.outcome}: ${r.name}: ${String(r.detail).slice(0, 300)}`);
        current = r.i + 1;
      }
    });
    child.stderr.on('data', (d) => (stderr += d.toString('utf8')));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const done = new Set(results.filter((r) => r.category === category).map((r) => r.i));
      if (current < to && !done.has(current)) {
        results.push({
          category,
          i: current,
          name: 'unknown',
          outcome: 'crash',
          detail: `the process ended (${signal ?? code}): ${stderr.slice(-300)}`,
        });
        done.add(current);
      }
      const next = [...Array(to - from).keys()].map((k) => from + k).find((k) => !done.has(k));
      if (next === undefined) resolve();
      else runInProcess(category, next, to, results).then(resolve);
    });
  });
}

function table(results) {
  const rows = new Map();
  for (const r of results) {
    const row = rows.get(r.category) ?? { tried: 0, refused: 0, faithful: 0, crash: 0, lost: 0, skipped: 0 };
    if (r.outcome === 'skipped') row.skipped++;
    else {
      row.tried++;
      row[r.outcome]++;
    }
    rows.set(r.category, row);
  }
  return rows;
}

const started = Date.now();
const results = [];
for (const [category, n] of Object.entries(IN_PROCESS)) {
  if (only && !category.includes(only)) continue;
  const count = Math.max(1, Math.round(n * scale));
  log(`${category}: ${count} cases…`);
  await runInProcess(category, 0, count, results);
}
for (const [category, fault] of Object.entries(FAULTS)) {
  if (only && !category.includes(only)) continue;
  const count = Math.max(1, Math.round(fault.cases * scale));
  log(`${category}: ${count} cases…`);
  for (const r of await fault.run(seed, count, log)) {
    results.push({ category, ...r });
    if (r.outcome === 'crash' || r.outcome === 'lost')
      log(`  ${category} #${r.i} ${r.outcome}: ${r.name}: ${String(r.detail).slice(0, 300)}`);
  }
}

const rows = table(results);
const total = { tried: 0, refused: 0, faithful: 0, crash: 0, lost: 0, skipped: 0 };
for (const row of rows.values()) for (const k of Object.keys(total)) total[k] += row[k];
const seconds = Math.round((Date.now() - started) / 1000);
if (json) {
  process.stdout.write(
    `${JSON.stringify({ seed, scale, seconds, categories: Object.fromEntries(rows), total, failures: results.filter((r) => r.outcome === 'crash' || r.outcome === 'lost'), skipped: results.filter((r) => r.outcome === 'skipped') })}\n`,
  );
} else {
  const pad = (s, n) => String(s).padStart(n);
  const out = [
    `\nlocflow fuzz, seed ${seed}, ${seconds} s`,
    `${'category'.padEnd(24)}${pad('tried', 7)}${pad('refused', 9)}${pad('faithful', 10)}${pad('crashes', 9)}${pad('lost', 6)}`,
  ];
  for (const [category, row] of [...rows, ['total', total]])
    out.push(
      `${category.padEnd(24)}${pad(row.tried, 7)}${pad(row.refused, 9)}${pad(row.faithful, 10)}${pad(row.crash, 9)}${pad(row.lost, 6)}${row.skipped ? `  (${row.skipped} skipped)` : ''}`,
    );
  for (const s of results.filter((r) => r.outcome === 'skipped').slice(0, 1)) out.push(`skipped: ${s.detail}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
process.exitCode = total.crash + total.lost > 0 ? 1 : 0;
