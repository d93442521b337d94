/**
 * The private PostgreSQL cluster of the tests (scripts/pg-cluster.mjs, shared with the memory benchmark), with the
 * settings that make a throw-away cluster fast: no fsync, no waiting on commits. One cluster serves the whole run:
 * the first test file that asks for it starts it, the others find it in the run's folder (tests/global-postgres.ts),
 * and the run stops it at its end; each file still works in databases of its own.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { clusterAt, startCluster as start, type Cluster, type ClusterPlace } from '../scripts/pg-cluster.mjs';
import { placeFile } from './global-postgres.js';

export { clusterAt, freePort, postgresMissing, type Cluster } from '../scripts/pg-cluster.mjs';

export function startCluster(): Promise<Cluster> {
  return start({ fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' });
}

/**
 * The run's cluster, started by the first file that asks (a lock folder keeps two workers from starting one each).
 * Its stop() leaves it running for the other files: the run stops it. Without a run folder (a file run outside
 * vitest's global setup), a cluster of its own, which stop() stops.
 */
export async function sharedCluster(): Promise<Cluster> {
  const run: string | undefined = inject('postgresRun');
  if (!run) return startCluster();
  const lock = join(run, 'lock');
  for (let waited = 0; ; waited += 50) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || waited > 120_000) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    const file = placeFile(run);
    let place: ClusterPlace;
    if (existsSync(file)) place = JSON.parse(readFileSync(file, 'utf8')) as ClusterPlace;
    else {
      place = (await startCluster()).where;
      writeFileSync(file, JSON.stringify(place));
    }
    return { ...clusterAt(place), stop: () => undefined };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
