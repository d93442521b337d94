// A private PostgreSQL cluster for the tests and the memory benchmark: initdb in a temporary folder, the server on
// a free loopback port (its Unix socket in that folder too), stopped by its pid and removed at the end. Debian's
// postgresql package puts the programs in /usr/lib/postgresql/<version>/bin. As root the server runs as the
// postgres user, since PostgreSQL refuses to run as root.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

/** Why a private cluster cannot start here, or null when it can. */
export function postgresMissing() {
  return postgresBin() ? null : 'PostgreSQL is not installed (apt-get install postgresql): PostgreSQL tests skipped';
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster; `settings` are extra server settings (name → value). `keep`: the cluster's folder, kept
 * after stop() and started again by the next call (a benchmark's stored databases); else a new temporary one.
 */
export async function startCluster(settings = {}, keep = undefined) {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresMissing());
  if (keep) mkdirSync(keep, { recursive: true });
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'locflow-pg-'));
  const data = join(dir, 'data');
  if (asRoot()) {
    const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
    chownSync(dir, id('-u'), id('-g'));
  }
  if (!existsSync(join(data, 'PG_VERSION'))) {
    const init = as(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  }
  const port = await freePort();
  const options = [`-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`]
    .concat(Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`))
    .join(' ');
  const log = join(dir, 'server.log');
  const start = as(bin, 'pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}\n${readFileSync(log, 'utf8')}`);
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return clusterAt({ dir, port, pid, ...(keep ? { kept: true } : {}) });
}

// Databases made by this process, over every handle on a cluster: two test files in one worker (one pid) each hold
// a handle on the run's shared cluster, and a count per handle gave both the name t<pid>_1. The random part keeps
// names apart should this module be loaded twice in one process.
let made = 0;
const instance = Math.random().toString(36).slice(2, 8);

/**
 * The cluster that startCluster started in `dir` (its `where`), from any process: another process can use it
 * (and stop it) knowing only where it is.
 */
export function clusterAt(where) {
  const { dir, port, pid, kept = false } = where;
  const url = (db) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  const sql = async (db, text, values = []) => {
    const client = new pg.Client({ connectionString: url(db) });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    port,
    where: { dir, port, pid, ...(kept ? { kept } : {}) },
    /** A new database; or the one called `name`, created if it is not there yet. */
    async database(name = undefined) {
      if (name && (await sql('postgres', 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length)
        return url(name);
      const db = name ?? `t${process.pid}_${instance}_${++made}`;
      await sql('postgres', `CREATE DATABASE ${db}`);
      return url(db);
    },
    sql,
    stop() {
      const bin = postgresBin();
      // A kept cluster is shut down cleanly (its next start needs no recovery); a throw-away one at once.
      const mode = kept ? 'fast' : 'immediate';
      if (!bin || as(bin, 'pg_ctl', ['-D', join(dir, 'data'), '-m', mode, '-w', 'stop']).status !== 0) {
        try {
          process.kill(pid, 'SIGQUIT');
        } catch {
          // already gone
        }
      }
      if (!kept) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const asRoot = () => process.getuid?.() === 0;

/** Runs one of PostgreSQL's programs, as the postgres user when this is root. */
function as(bin, cmd, args) {
  return asRoot()
    ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
    : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
}
