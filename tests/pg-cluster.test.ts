import { afterAll, describe, expect, it } from 'vitest';
import { postgresMissing, sharedCluster, type Cluster } from './pg-cluster.js';

const missing = postgresMissing();

/** Test files in one worker share its pid and the run's cluster: each must still get databases of its own. */
describe.skipIf(missing)("the run's PostgreSQL cluster", () => {
  const handles: Cluster[] = [];
  afterAll(() => handles.forEach((h) => h.stop()));

  it('two handles in one process make databases of different names', async () => {
    handles.push(await sharedCluster(), await sharedCluster());
    const [a, b] = handles;
    const urls = [await a!.database(), await b!.database(), await a!.database(), await b!.database()];
    expect(new Set(urls).size).toBe(4);
  });
});
