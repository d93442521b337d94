/**
 * The run's folder for its one PostgreSQL cluster (tests/pg-cluster.ts): a test file that needs the cluster starts
 * it there, or finds it started; the end of the run stops it. A run without such a file starts no cluster.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { clusterAt, type ClusterPlace } from '../scripts/pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for its PostgreSQL cluster: where it is, once a test file has started it. */
    postgresRun: string;
  }
}

/** Where the run's cluster is written down, in the run's folder. */
export const placeFile = (run: string): string => join(run, 'cluster.json');

export default function setup(project: TestProject): () => void {
  const run = mkdtempSync(join(tmpdir(), 'locflow-pg-run-'));
  project.provide('postgresRun', run);
  return () => {
    const file = placeFile(run);
    if (existsSync(file)) clusterAt(JSON.parse(readFileSync(file, 'utf8')) as ClusterPlace).stop();
    rmSync(run, { recursive: true, force: true });
  };
}
