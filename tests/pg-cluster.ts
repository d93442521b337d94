/**
 * The private PostgreSQL cluster of the tests (scripts/pg-cluster.mjs, shared with the memory
 * benchmark), with the settings that make a throw-away cluster fast: no fsync, no waiting on commits.
 */
import { startCluster as start, type Cluster } from '../scripts/pg-cluster.mjs';

export { freePort, postgresMissing, type Cluster } from '../scripts/pg-cluster.mjs';

export function startCluster(): Promise<Cluster> {
  return start({ fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' });
}
