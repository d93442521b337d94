import type { QueryResultRow } from 'pg';

/** Where a cluster is: enough for another process to use it and stop it. */
export interface ClusterPlace {
  readonly dir: string;
  readonly port: number;
  readonly pid: number;
  /** Kept after stop() (startCluster's `keep`). */
  readonly kept?: boolean;
}

export interface Cluster {
  readonly port: number;
  readonly where: ClusterPlace;
  /** A URL for a new, empty database of its own; or for the database `name`, created if it is not there yet. */
  database(name?: string): Promise<string>;
  /** Runs SQL as the superuser in database `db`. */
  sql<R extends QueryResultRow = QueryResultRow>(db: string, text: string, values?: unknown[]): Promise<R[]>;
  /** Stops the server (by its pid if pg_ctl cannot) and removes its folder (not a kept one). */
  stop(): void;
}
export function postgresBin(): string | null;
export function postgresMissing(): string | null;
export function freePort(): Promise<number>;
/** `keep`: the cluster's folder, kept after stop() and started again by the next call. */
export function startCluster(settings?: Readonly<Record<string, string | number>>, keep?: string): Promise<Cluster>;
export function clusterAt(where: ClusterPlace): Cluster;
