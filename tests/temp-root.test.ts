import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run’s temp folder', () => {
  it('is one folder of its own under the system temp folder, so the run leaves nothing behind', () => {
    const root = process.env.LOCFLOW_TEST_TMP;
    expect(root).toMatch(/locflow-tests-/);
    expect(tmpdir()).toBe(root);
    expect(existsSync(dirname(root ?? ''))).toBe(true);
  });
});
