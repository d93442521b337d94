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

/**
 * Runs the in-process categories' cases, each job's [from, to), one after another in one child (one start-up and
 * one load of dist/ for every category), restarting past a case that hangs or ends the process.
 */
function runInProcess(jobs, results) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        fileURLToPath(new URL('./inprocess.mjs', import.meta.url)),
        String(seed),
        ...jobs.flatMap((j) => [j.category, String(j.from), String(j.to)]),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // The case running now, or the next one to run: a hang or the end of the process is that case's crash.
    let current = { category: jobs[0].category, i: jobs[0].from };
    const after = (category, i) => {
      const k = jobs.findIndex((j) => j.category === category);
      return i + 1 < jobs[k].to
        ? { category, i: i + 1 }
        : jobs[k + 1] && { category: jobs[k + 1].category, i: jobs[k + 1].from };
    };
    let buffer = '';
    let stderr = '';
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        results.push({
          ...current,
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
        current = { category: r.category, i: r.i };
        arm();
        if (r.start) {
          const job = jobs.find((j) => j.category === r.category);
          if (r.i === job.from) log(`${r.category}: ${job.to - job.from} cases…`);
          continue;
        }
        results.push(r);
        if (r.outcome === 'crash' || r.outcome === 'lost')
          log(`  ${r.category} #${r.i} ${r.outcome}: ${r.name}: ${String(r.detail).slice(0, 300)}`);
        current = after(r.category, r.i);
      }
    });
    child.stderr.on('data', (d) => (stderr += d.toString('utf8')));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const done = (category, i) => results.some((r) => r.category === category && r.i === i);
      if (current && !done(current.category, current.i))
        results.push({
          ...current,
          name: 'unknown',
          outcome: 'crash',
          detail: `the process ended (${signal ?? code}): ${stderr.slice(-300)}`,
        });
      // What is left: each job from its first case not done.
      const left = jobs
        .map((j) => ({
          ...j,
          from: [...Array(j.to - j.from).keys()].map((k) => j.from + k).find((k) => !done(j.category, k)),
        }))
        .filter((j) => j.from !== undefined);
      if (left.length === 0) resolve();
      else runInProcess(left, results).then(resolve);
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
const jobs = Object.entries(IN_PROCESS)
  .filter(([category]) => !only || category.includes(only))
  .map(([category, n]) => ({ category, from: 0, to: Math.max(1, Math.round(n * scale)) }));
if (jobs.length) await runInProcess(jobs, results);
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
