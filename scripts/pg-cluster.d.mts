import type { QueryResultRow } from 'pg';

/** Where a cluster is: enough for another process to use it and stop it. */
export interface ClusterPlace {
  readonly dir: string;
  readonly port: number;
  readonly pid: number;
}

export interface Cluster {
  readonly port: number;
  readonly where: ClusterPlace;
  /** A URL for a new, empty database of its own. */
  database(): Promise<string>;
  /** Runs SQL as the superuser in database `db`. */
  sql<R extends QueryResultRow = QueryResultRow>(db: string, text: string, values?: unknown[]): Promise<R[]>;
  /** Stops the server (by its pid if pg_ctl cannot) and removes its folder. */
  stop(): void;
}
export function postgresBin(): string | null;
export function postgresMissing(): string | null;
export function freePort(): Promise<number>;
export function startCluster(settings?: Readonly<Record<string, string | number>>): Promise<Cluster>;
export function clusterAt(where: ClusterPlace): Cluster;
