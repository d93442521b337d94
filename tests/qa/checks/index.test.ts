import { describe, expect, it } from 'vitest';
import { CHECK_IDS, CHECK_SEVERITY, loadChecks } from '../../../src/qa/checks/index.js';

describe('the list of checks', () => {
  it("knows each check's own severity without loading it, as the check itself says", async () => {
    const loaded = await loadChecks();
    expect(Object.keys(CHECK_SEVERITY)).toEqual([...CHECK_IDS]);
    expect(Object.fromEntries(loaded.map((c) => [c.id, c.severity]))).toEqual(CHECK_SEVERITY);
  });
});
