/**
 * Faults run through the command line, as a user meets them: kill -9 at random moments, several
 * writers at once, a full disk and a read-only folder. Each case checks that the store and the memory
 * are valid afterwards and that running the command again gives what an uninterrupted run gives.
 */
import { clearTimeout, setTimeout } from 'node:timers';
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseSeed, rng } from './rng.mjs';
import { changes, leftoverTemps, makeProject, memory, snapshot, storedTranslations } from './project.mjs';

const CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const { readXliff } = await import(new URL('../dist/xliff/read.js', import.meta.url).href);
const { writeXliff } = await import(new URL('../dist/xliff/write.js', import.meta.url).href);

const DOCS = ['a', 'b', 'c', 'd'];
/** A command that runs longer than this is a hang. */
const COMMAND_BOUND_MS = 60_000;

function locflow(cwd, args) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: COMMAND_BOUND_MS,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function locflowAsync(cwd, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_BOUND_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, signal, stderr });
    });
  });
}

/** A crash as the suite counts it: a stack trace, exit 3, a signal or a hang; undefined otherwise. */
function crashOf(r, what) {
  if (r.signal) return `${what}: ended by ${r.signal} (a hang past ${COMMAND_BOUND_MS / 1000} s, or a signal)`;
  if (r.code === 3 || /internal error|\n\s+at .+:\d+:\d+\)?/u.test(r.stderr))
    return `${what}: exit ${r.code}: ${r.stderr.slice(0, 300)}`;
  if (r.code !== 0 && r.code !== 1 && r.code !== 2) return `${what}: exit ${r.code}`;
  return undefined;
}

const translated = (runs) => runs.map((x) => (typeof x === 'string' ? `«${x.toUpperCase()}»` : x));

function fillFile(file, which = () => true) {
  const x = readXliff(readFileSync(file, 'utf8'));
  const files = x.files.map((f) => ({
    ...f,
    units: f.units.map((u, i) => (which(i) ? { ...u, target: translated(u.source), state: 'translated' } : u)),
  }));
  writeFileSync(file, writeXliff({ ...x, files }));
}

/** Everything the store and the memory hold, as one comparable value; throws when a file is damaged. */
function state(dir) {
  const meta = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const n of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, n.name);
      if (n.isDirectory()) walk(p);
      else if (n.name.endsWith('.meta.json')) {
        const m = JSON.parse(readFileSync(p, 'utf8'));
        for (const [id, v] of Object.entries(m.units ?? m))
          meta.push(`${relative(dir, p)}#${id}:${v.state}:${v.origin}`);
      }
    }
  };
  walk(join(dir, 'locales'));
  return {
    translations: [...storedTranslations(dir)].sort().map((e) => e.join('=')),
    meta: meta.sort(),
    memory: memory(dir),
  };
}

function sameState(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function difference(a, b) {
  for (const k of ['translations', 'meta', 'memory']) {
    const x = new Set(a[k]);
    const y = new Set(b[k]);
    const missing = [...x].filter((e) => !y.has(e));
    const extra = [...y].filter((e) => !x.has(e));
    if (missing.length || extra.length)
      return `${k}: ${missing.length} missing (${String(missing[0] ?? '').slice(0, 80)}), ${extra.length} extra (${String(extra[0] ?? '').slice(0, 80)})`;
  }
  return 'same';
}

let prepared;
/** An extracted project whose Spanish XLIFF files are translated, and a TMX of another project's memory. */
function prepare() {
  if (prepared) return prepared;
  const dir = makeProject('1.2');
  if (locflow(dir, ['extract']).code !== 0) throw new Error('extract failed while preparing the fault project');
  for (const d of DOCS) fillFile(join(dir, 'xliff', 'es', `${d}.xlf`));
  const other = mkdtempSync(join(tmpdir(), 'locflow-fuzz-tmx-'));
  cpSync(dir, other, { recursive: true });
  for (const d of DOCS) fillFile(join(other, 'xliff', 'fr', `${d}.xlf`));
  locflow(other, ['import', ...DOCS.map((d) => `xliff/fr/${d}.xlf`)]);
  locflow(other, ['tm', 'export', '-o', join(dir, 'memory.tmx')]);
  rmSync(other, { recursive: true, force: true });
  prepared = dir;
  return dir;
}

const COMMANDS = {
  import: DOCS.map((d) => `xliff/es/${d}.xlf`),
  extract: ['--force'],
  'tm import': ['memory.tmx'],
  build: [],
};
const argv = (command) => [...command.split(' '), ...COMMANDS[command]];

/** What an uninterrupted run of `command` leaves, per command. */
const reference = new Map();
function referenceState(command) {
  if (!reference.has(command)) {
    const dir = copy(prepare());
    const r = locflow(dir, argv(command));
    if (r.code !== 0) throw new Error(`${command} failed on the fault project: ${r.stderr}`);
    reference.set(command, { state: state(dir), files: snapshot(dir) });
    rmSync(dir, { recursive: true, force: true });
  }
  return reference.get(command);
}

function copy(from, base = tmpdir()) {
  const dir = mkdtempSync(join(base, 'locflow-fuzz-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function killCase(i, r) {
  const command = r.pick(['import', 'import', 'extract', 'tm import', 'build']);
  const name = `kill -9 during ${command}`;
  const ref = referenceState(command);
  const dir = copy(prepare());
  try {
    const before = state(dir);
    const child = spawn(process.execPath, [CLI, ...argv(command)], { cwd: dir, stdio: 'ignore' });
    const closed = new Promise((resolve) => child.on('close', resolve));
    const delay = r.int(0, 900);
    await sleep(delay);
    child.kill('SIGKILL');
    await closed;
    let mid;
    try {
      mid = state(dir);
    } catch (err) {
      return {
        i,
        name,
        outcome: 'lost',
        detail: `after kill -9 at ${delay} ms the store or memory is damaged: ${err.message}`,
      };
    }
    // Whatever the moment, what is stored is what was there, or (part of) what the command writes, never anything else.
    for (const e of mid.translations)
      if (!before.translations.includes(e) && !ref.state.translations.includes(e))
        return { i, name, outcome: 'lost', detail: `after kill -9 at ${delay} ms: ${e}` };
    for (const e of before.translations)
      if (!mid.translations.includes(e))
        return { i, name, outcome: 'lost', detail: `kill -9 at ${delay} ms lost ${e}` };
    const again = locflow(dir, argv(command));
    const crash = crashOf(again, `${command} after kill -9`);
    if (crash) return { i, name, outcome: 'crash', detail: crash };
    if (again.code !== 0)
      return {
        i,
        name,
        outcome: 'lost',
        detail: `the rerun after kill -9 at ${delay} ms failed: ${again.stderr.slice(0, 300)}`,
      };
    const after = state(dir);
    if (!sameState(after, ref.state))
      return {
        i,
        name,
        outcome: 'lost',
        detail: `the rerun after kill -9 at ${delay} ms did not converge: ${difference(ref.state, after)}`,
      };
    const temps = leftoverTemps(dir);
    if (temps.length)
      return { i, name, outcome: 'lost', detail: `temporary files left after the rerun: ${temps.join(', ')}` };
    // Killed before it wrote, after it finished, or in between: each left a valid store the rerun completed.
    const moment = sameState(mid, before)
      ? 'before any write'
      : sameState(mid, ref.state)
        ? 'after the writes'
        : 'mid-write';
    return { i, name, outcome: 'faithful', detail: `killed at ${delay} ms, ${moment}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** XLIFF files that each translate a part of the documents: the units with i % parts === part. */
function partFiles(dir, parts) {
  const files = [];
  for (let p = 0; p < parts; p++)
    for (const d of DOCS) {
      const x = readXliff(readFileSync(join(dir, 'xliff', 'es', `${d}.xlf`), 'utf8'));
      const f = join(dir, `part${p}-${d}.xlf`);
      writeFileSync(
        f,
        writeXliff({
          ...x,
          files: x.files.map((xf) => ({
            ...xf,
            units: xf.units.map((u, k) => (k % parts === p ? u : { ...u, target: undefined, state: 'new' })),
          })),
        }),
      );
      files.push({ part: p, file: f });
    }
  return files;
}

async function parallelCase(i, r) {
  const parts = r.int(2, 5);
  const extra = r.pick(['none', 'tm import', 'extract', 'build']);
  const name = `${parts} imports at once${extra === 'none' ? '' : ` and a ${extra}`}`;
  const dir = copy(prepare());
  try {
    const files = partFiles(dir, parts);
    const runs = [];
    for (let p = 0; p < parts; p++)
      runs.push(locflowAsync(dir, ['import', ...files.filter((f) => f.part === p).map((f) => relative(dir, f.file))]));
    if (extra !== 'none') runs.push(locflowAsync(dir, argv(extra)));
    const results = await Promise.all(runs);
    for (const [k, res] of results.entries()) {
      const crash = crashOf(res, k < parts ? `import ${k}` : extra);
      if (crash) return { i, name, outcome: 'crash', detail: crash };
    }
    const ref = referenceState('import').state;
    const got = state(dir);
    if (results.every((res) => res.code === 0)) {
      const lostUnits = ref.translations.filter((e) => !got.translations.includes(e));
      if (lostUnits.length)
        return {
          i,
          name,
          outcome: 'lost',
          detail: `${lostUnits.length} translations lost though every import exited 0 (${lostUnits[0]})`,
        };
      return { i, name, outcome: 'faithful' };
    }
    // A writer that waited too long for the lock is refused cleanly; nothing of the others may be lost.
    const refusedBy = results
      .map((res, k) => (res.code === 0 ? null : `${k}: ${res.stderr.split('\n')[0]}`))
      .filter(Boolean);
    return { i, name, outcome: 'refused', detail: refusedBy.join('; ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether this machine lets us mount a small tmpfs (root, or a user namespace); the reason when not. */
function canMount() {
  const probe = mkdtempSync(join(tmpdir(), 'locflow-fuzz-mnt-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { encoding: 'utf8' });
  if (r.status === 0) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return r.status === 0 ? undefined : (r.stderr || r.error?.message || 'mount failed').trim();
}

async function diskCase(i, r) {
  const mode = r.pick(['full disk', 'full disk', 'read-only']);
  const command = r.pick(['import', 'extract', 'tm import', 'build']);
  const name = `${mode} during ${command}`;
  const ref = referenceState(command);
  const mnt = mkdtempSync(join(tmpdir(), 'locflow-fuzz-disk-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt], { encoding: 'utf8' });
  if (mount.status !== 0)
    return { i, name, outcome: 'skipped', detail: `cannot mount a tmpfs here (${mount.stderr.trim()})` };
  try {
    const dir = join(mnt, 'p');
    cpSync(prepare(), dir, { recursive: true });
    const before = state(dir);
    const files = snapshot(dir);
    if (mode === 'full disk') {
      // Fill the disk, leaving a random few bytes: somewhere between nothing and enough for part of the writes.
      const free = Number(spawnSync('df', ['-B1', '--output=avail', mnt], { encoding: 'utf8' }).stdout.split('\n')[1]);
      const leave = r.int(0, 64) * 1024;
      if (free > leave) writeFileSync(join(mnt, 'filler'), Buffer.alloc(free - leave));
    } else spawnSync('mount', ['-o', 'remount,ro', mnt]);
    const res = locflow(dir, argv(command));
    // Space again, writable again, before looking: SQLite cannot open a memory in WAL mode on a full or read-only disk.
    if (mode === 'read-only') spawnSync('mount', ['-o', 'remount,rw', mnt]);
    rmSync(join(mnt, 'filler'), { force: true });
    const crash = crashOf(res, command);
    if (crash) return { i, name, outcome: 'crash', detail: crash };
    if (res.code !== 0) {
      const changed = changes(files, snapshot(dir)).filter((c) => /^[-+~]locales\//u.test(c));
      if (changed.length)
        return {
          i,
          name,
          outcome: 'lost',
          detail: `refused (${res.stderr.split('\n')[0]}) but changed ${changed.join(', ')}`,
        };
      if (!sameState(state(dir), before))
        return { i, name, outcome: 'lost', detail: 'refused but the store or memory changed' };
    }
    // The same command must now give the uninterrupted result.
    const again = locflow(dir, argv(command));
    const crash2 = crashOf(again, `${command} again`);
    if (crash2) return { i, name, outcome: 'crash', detail: crash2 };
    if (again.code !== 0)
      return { i, name, outcome: 'lost', detail: `the rerun failed: ${again.stderr.slice(0, 300)}` };
    const after = state(dir);
    if (!sameState(after, ref.state))
      return { i, name, outcome: 'lost', detail: `the rerun did not converge: ${difference(ref.state, after)}` };
    const temps = leftoverTemps(dir);
    if (temps.length) return { i, name, outcome: 'lost', detail: `temporary files left: ${temps.join(', ')}` };
    return { i, name, outcome: res.code === 0 ? 'faithful' : 'refused', detail: res.stderr.split('\n')[0] };
  } finally {
    spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  }
}

function category(cases, one, needsMount = false) {
  return {
    cases,
    run: async (seed, count, log) => {
      if (needsMount) {
        const why = canMount();
        if (why) {
          log(
            `  skipped: cannot mount a small tmpfs on this machine (${why}); run as root to test full and read-only disks`,
          );
          return [{ i: 0, name: 'disk faults', outcome: 'skipped', detail: why }];
        }
      }
      const out = [];
      for (let i = 0; i < count; i++) {
        try {
          out.push(await one(i, rng(caseSeed(seed, one.name, i))));
        } catch (err) {
          out.push({ i, name: 'harness', outcome: 'crash', detail: `the case itself failed: ${err.stack ?? err}` });
        }
      }
      return out;
    },
  };
}

export const FAULTS = {
  'kill -9': category(40, killCase),
  'parallel writers': category(12, parallelCase),
  'full and read-only disks': category(24, diskCase, true),
};
