// npm run bench:tm [-- --store sqlite|postgres] [--sizes 100000,1000000] [--lookups 3000] [--url postgres://…]
// [--reuse] [--work DIR] [--translate-toolkit]: time to store the entries, then per look-up (exact, else fuzzy ≥ 75 %,
// as extract asks)
// p50/p95 for ⅓ exact, ⅓ one word changed, ⅓ new sentences, from one client and from 4 concurrent clients
// (processes). PostgreSQL: --url or LOCFLOW_TM_URL, else a private cluster (scripts/pg-cluster.mjs) when PostgreSQL
// is installed; each size gets a new database. Each store's matches are digested; once both stores have run, the
// digests say whether they returned the same matches in the same order. Figures, not tests.
// --reuse keeps the stored memories in --work (default .cache/bench-tm: tm-<size>.db, and a private PostgreSQL
// cluster in pg/ with a database bench_<size>, stopped at the end but kept) and uses them again when they hold the
// benchmark's entries, so a look-up run at a million entries needs no new load (minutes) first.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    work: { type: 'string', default: join(root, '.cache', 'bench-tm') },
    store: { type: 'string', default: 'sqlite' },
    sizes: { type: 'string', default: process.env.TM_ENTRIES ?? '100000,1000000' },
    lookups: { type: 'string', default: process.env.TM_LOOKUPS ?? '3000' },
    url: { type: 'string' },
    clients: { type: 'string', default: '4' },
    'translate-toolkit': { type: 'boolean', default: false },
    client: { type: 'string' },
  },
});
const work = args.work;
const LOOKUPS = Number(args.lookups);
const sizes = args.sizes.split(',').map(Number);
const CLIENTS = Number(args.clients);

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const rand = rng(11);

// Text with the statistics of real prose: a 30,000-word vocabulary of made-up words drawn with a Zipf law
// (exponent 1.07, as in English), sentences of 8–40 tokens with numbers and commas. The index's cost depends on
// these statistics, not on the words themselves, and the data needs no download.
const SYLLABLES = [
  'ka',
  'lo',
  'ter',
  'min',
  'as',
  'ro',
  'ven',
  'di',
  'sul',
  'pe',
  'tra',
  'on',
  'ex',
  'mar',
  'bi',
  'cu',
  'no',
  'gra',
  'hel',
  'fi',
  'st',
  'qua',
  'ze',
  'wo',
  'ly',
  'im',
  'port',
  'tion',
  'al',
  'ed',
];
const VOCAB = Array.from({ length: 30_000 }, (_, i) => {
  let w = '';
  let x = i + 7;
  do {
    w += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  } while (x > 0);
  return w;
});
const weights = VOCAB.map((_, r) => 1 / Math.pow(r + 1, 1.07));
const cumulative = [];
weights.reduce((acc, w, i) => (cumulative[i] = acc + w), 0);
const total = cumulative[cumulative.length - 1];
const zipfWord = () => {
  const x = rand() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo];
};
const sentence = () => {
  const n = 8 + Math.floor(rand() * 32);
  const words = [];
  for (let i = 0; i < n; i++) words.push(rand() < 0.06 ? String(Math.floor(rand() * 2000)) : zipfWord());
  if (n > 12) words[Math.floor(n / 2)] += ',';
  return words[0].charAt(0).toUpperCase() + words.slice(0).join(' ').slice(1) + '.';
};
const edit = (s) => {
  const w = s.split(' ');
  const i = Math.floor(rand() * w.length);
  w[i] = /\d/.test(w[i]) ? String(Number.parseInt(w[i], 10) + 1) : zipfWord();
  return w.join(' ');
};
const translateish = (s) => `ES ${s.split(' ').reverse().join(' ')}`;

const cpuSeconds = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (x) => `${x.toFixed(2)} ms`;

async function openStore(store, location) {
  if (store === 'postgres') {
    const { PostgresMemory } = await import(join(root, 'dist/tm/postgres.js'));
    return PostgresMemory.open(location, location.replace(/:[^:@/]*@/u, '@'));
  }
  const { SqliteMemory } = await import(join(root, 'dist/tm/sqlite.js'));
  return new SqliteMemory(location);
}

/** One look-up as extract makes it: an exact match, else the fuzzy ones. */
async function lookUp(tm, q) {
  const exact = await tm.exact(q, 'en', 'es');
  if (exact.length && exact[0].score === 100) return { kind: 'exact', matches: exact.slice(0, 1) };
  const fuzzy = await tm.fuzzy(q, 'en', 'es', 75, 3);
  return { kind: fuzzy.length ? 'fuzzy' : 'none', matches: fuzzy };
}

async function runLookups(tm, queries) {
  const times = [];
  const digest = createHash('sha256');
  const kinds = { exact: 0, fuzzy: 0, none: 0 };
  for (const q of queries) {
    const t0 = performance.now();
    const r = await lookUp(tm, q);
    times.push(performance.now() - t0);
    kinds[r.kind]++;
    digest.update(JSON.stringify(r.matches.map((m) => [m.target, m.score])));
  }
  return { times, kinds, digest: digest.digest('hex') };
}

// A concurrent client: its own process and connection, its share of the queries; prints its latencies.
if (args.client) {
  const job = JSON.parse(readFileSync(args.client, 'utf8'));
  const t = performance.now();
  const cpu = process.cpuUsage();
  const tm = await openStore(job.store, job.location);
  await tm.fuzzy(job.queries[0], 'en', 'es', 75, 3); // its own warm-up (index, token sample)
  if (job.first) {
    // A new process's first fuzzy look-up (SQLite: reading the index the file keeps), then nothing else.
    await tm.close();
    process.stdout.write(JSON.stringify({ wall: performance.now() - t, cpu: cpuSeconds(cpu) }));
    process.exit(0);
  }
  const r = await runLookups(tm, job.queries);
  await tm.close();
  process.stdout.write(JSON.stringify(r.times));
  process.exit(0);
}

let cluster = null;
async function location(store, size) {
  if (store === 'sqlite') return join(work, `tm-${size}.db`);
  const url = args.url ?? process.env.LOCFLOW_TM_URL;
  if (url) {
    // One database for every size: kept only where one size is asked for.
    if (!args.reuse || sizes.length > 1) await emptied(store, url);
    return url;
  }
  if (!cluster) {
    const { postgresMissing, startCluster } = await import(join(root, 'scripts/pg-cluster.mjs'));
    const missing = postgresMissing();
    if (missing) {
      console.log(`bench:tm --store postgres: ${missing.replace(/: .*$/u, '')}; give --url or LOCFLOW_TM_URL`);
      process.exit(0);
    }
    // A server as a team would run it: fsync on; shared_buffers sized for the memory.
    cluster = await startCluster(
      { shared_buffers: '1GB', max_wal_size: '4GB' },
      args.reuse ? join(work, 'pg') : undefined,
    );
    process.on('exit', () => cluster.stop());
  }
  return cluster.database(args.reuse ? `bench_${size}` : undefined);
}

/** Removes a stored memory: the SQLite file, or the PostgreSQL tables (the store creates them again). */
async function emptied(store, where) {
  if (store === 'sqlite') for (const f of [where, `${where}-wal`, `${where}-shm`]) rmSync(f, { force: true });
  else {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: where });
    await c.connect();
    await c.query('DROP TABLE IF EXISTS tm_entries, tm_schema');
    await c.end();
  }
}

/** Whether a stored memory holds exactly these entries (their number, and the first and last of them). */
async function holds(store, where, entries) {
  const tm = await openStore(store, where);
  try {
    if ((await tm.count()) !== entries.length) return false;
    for (const e of [entries[0], entries.at(-1)]) {
      const found = await tm.exact(e.source, 'en', 'es');
      if (!found.some((m) => m.score === 100 && m.target === e.target)) return false;
    }
    return true;
  } finally {
    await tm.close();
  }
}

mkdirSync(work, { recursive: true });
const store = args.store === 'postgres' ? 'postgres' : 'sqlite';
const all = Array.from({ length: Math.max(...sizes) }, () => sentence());
console.log(`translation memory benchmark, store: ${store}`);
for (const size of sizes) {
  const entries = all
    .slice(0, size)
    .map((source) => ({ sourceLang: 'en', targetLang: 'es', source, target: translateish(source), origin: 'human' }));
  const where = await location(store, size);
  const reused = args.reuse && (await holds(store, where, entries).catch(() => false));
  if (!reused && store === 'sqlite') await emptied(store, where);
  let t = performance.now();
  const tm = await openStore(store, where);
  // One call, as `tm import` of one file makes it (PostgreSQL: a first load that large takes the bulk path).
  let cpu = process.cpuUsage();
  if (!reused) await tm.add(entries);
  const stored = (performance.now() - t) / 1000;
  const storedCpu = cpuSeconds(cpu);
  // Look-ups: a third exact, a third with one word (or number) changed, a third new; the same for every store.
  const pick = rng(size);
  const queries = Array.from({ length: LOOKUPS }, (_, i) => {
    const e = entries[Math.floor(pick() * entries.length)].source;
    if (i % 3 === 0) return e;
    if (i % 3 === 1) return edit(e);
    return sentence();
  });
  t = performance.now();
  await tm.fuzzy(queries[1], 'en', 'es', 75, 3);
  const warm = performance.now() - t;
  const server = await serverCpu(tm);
  const serverBefore = server?.();
  cpu = process.cpuUsage();
  const one = await runLookups(tm, queries);
  const lookupCpu = cpuSeconds(cpu);
  const serverSpent = server ? server() - serverBefore : null;
  await tm.close();
  const sorted = [...one.times].sort((a, b) => a - b);
  const rows = `${(await count(store, where)).toLocaleString('en')} rows; load average ${loadavg()[0].toFixed(1)}`;
  console.log(
    reused
      ? `  ${size.toLocaleString('en')} entries: the memory stored by an earlier run (--reuse, ${rows})`
      : `  ${size.toLocaleString('en')} entries stored in ${stored.toFixed(1)} s, client CPU ${storedCpu.toFixed(1)} s (${rows})`,
  );
  console.log(
    `    1 client: ${LOOKUPS} look-ups, p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, mean ${ms(sorted.reduce((a, b) => a + b, 0) / sorted.length)} (first look-up ${ms(warm)}: SQLite builds the index and keeps it in the file, or reads the one kept; PostgreSQL plans its first queries); client CPU ${lookupCpu.toFixed(1)} s for all${serverSpent === null ? '' : `, server CPU ${serverSpent.toFixed(1)} s (${ms((serverSpent * 1000) / LOOKUPS)} per look-up)`}; ${one.kinds.exact} exact, ${one.kinds.fuzzy} fuzzy ≥ 75 %, ${one.kinds.none} none`,
  );
  const firstFile = join(work, 'client-first.json');
  writeFileSync(firstFile, JSON.stringify({ store, location: where, queries: [queries[1]], first: true }));
  const first = await client(firstFile);
  console.log(
    `    a new process: open and first fuzzy look-up ${ms(first.wall)} wall, ${first.cpu.toFixed(2)} s CPU (load average ${loadavg()[0].toFixed(1)})`,
  );
  // Concurrent clients: separate processes, each with its own connection (or file handle) and a share of the queries.
  const jobs = Array.from({ length: CLIENTS }, (_, c) => {
    const file = join(work, `client-${c}.json`);
    writeFileSync(
      file,
      JSON.stringify({ store, location: where, queries: queries.filter((_, i) => i % CLIENTS === c) }),
    );
    return file;
  });
  const lists = await Promise.all(jobs.map((file) => client(file)));
  const together = lists.flat().sort((a, b) => a - b);
  if (CLIENTS > 0)
    console.log(
      `    ${CLIENTS} concurrent clients: p50 ${ms(percentile(together, 50))}, p95 ${ms(percentile(together, 95))} per look-up`,
    );
  // Same matches as the other store? (Per list of sizes: the queries of a size depend on the sizes before it.)
  const digests = join(work, `digest-${sizes.join('_')}-${size}-${LOOKUPS}.json`);
  const known = existsSync(digests) ? JSON.parse(readFileSync(digests, 'utf8')) : {};
  known[store] = one.digest;
  writeFileSync(digests, JSON.stringify(known));
  if (known.sqlite && known.postgres)
    console.log(`    same matches, same order as the other store: ${known.sqlite === known.postgres ? 'yes' : 'NO'}`);
}

/**
 * The CPU time of a PostgreSQL store's server process so far (seconds), to tell the server's work from the client's
 * and from waiting on a loaded machine; null for SQLite or a server on another machine.
 */
async function serverCpu(tm) {
  // The store's own connection (a private field of the store, read here for the benchmark only).
  const connection = tm.client;
  if (!connection) return null;
  const pid = (await connection.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return null;
  const ticks = () => {
    const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  return ticks;
}

async function count(store, where) {
  const tm = await openStore(store, where);
  const n = await tm.count();
  await tm.close();
  return n;
}

function client(file) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--client', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`client exited ${code}`))));
  });
}

const TT_QUERIES = Number(process.env.TT_QUERIES ?? 50);
// Translate Toolkit: pot2po --tm over the first size's memory (as a PO file). Its matcher compares each query with
// every entry, so only a sample of the queries is run and the time is scaled to all of them.
const entries = all.slice(0, sizes[0]).map((source) => ({ source, target: translateish(source) }));
const queries = entries.slice(0, 50).map((e, i) => (i % 2 ? edit(e.source) : sentence()));
if (!args['translate-toolkit']) {
  // Opt-in: its sample takes minutes.
} else if (spawnSync('pot2po', ['--version'], { encoding: 'utf8' }).status === 0) {
  const esc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n';
  writeFileSync(
    join(work, 'memory.po'),
    header + entries.map((e, i) => `msgctxt "${i}"\nmsgid "${esc(e.source)}"\nmsgstr "${esc(e.target)}"\n`).join('\n'),
  );
  writeFileSync(
    join(work, 'queries.pot'),
    header +
      queries
        .slice(0, TT_QUERIES)
        .map((q, i) => `msgctxt "q${i}"\nmsgid "${esc(q)}"\nmsgstr ""\n`)
        .join('\n'),
  );
  writeFileSync(join(work, 'empty.po'), header);
  const t = performance.now();
  const p = spawnSync(
    'pot2po',
    [
      '--tm',
      join(work, 'memory.po'),
      '-s',
      '75',
      '-t',
      join(work, 'empty.po'),
      join(work, 'queries.pot'),
      join(work, 'out.po'),
    ],
    { encoding: 'utf8', timeout: 1_800_000 },
  );
  const ttSeconds = (performance.now() - t) / 1000;
  if (p.status === 0 && existsSync(join(work, 'out.po'))) {
    const lev = spawnSync('/usr/bin/python3', ['-c', 'import Levenshtein'], { encoding: 'utf8' }).status === 0;
    console.log(
      `  Translate Toolkit pot2po --tm: ${TT_QUERIES} look-ups in ${ttSeconds.toFixed(1)} s (${(ttSeconds / TT_QUERIES).toFixed(2)} s each, memory loading included; ≈ ${(((ttSeconds / TT_QUERIES) * LOOKUPS) / 60).toFixed(0)} min for ${LOOKUPS})${lev ? '' : ' — without python3-levenshtein, which makes it ~50× slower'}`,
    );
  } else console.log(`  Translate Toolkit pot2po: failed (${(p.stderr || '').trim().split('\n').pop()})`);
} else console.log('  Translate Toolkit: not installed (apt-get install translate-toolkit python3-levenshtein)');
