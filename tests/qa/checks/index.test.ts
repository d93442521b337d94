import { describe, expect, it } from 'vitest';
import { CHECK_IDS, CHECK_SEVERITY, loadChecks } from '../../../src/qa/checks/index.js';

describe('the list of checks', () => {
  it("knows each check's own severity without loading it, as the check itself says", async () => {
    const loaded = await loadChecks();
    expect(Object.keys(CHECK_SEVERITY)).toEqual([...CHECK_IDS]);
    expect(Object.fromEntries(loaded.map((c) => [c.id, c.severity]))).toEqual(CHECK_SEVERITY);
  });
});

describe('the small checks loaded together', () => {
  it('are grouped by their own severity: a run asking for errors loads no warning-only check with them', async () => {
    const errors = Object.values(await import('../../../src/qa/checks/small-errors.js'));
    const warnings = Object.values(await import('../../../src/qa/checks/small-warnings.js'));
    expect(errors.length).toBeGreaterThan(0);
    expect(warnings.length).toBeGreaterThan(0);
    for (const check of errors) expect(CHECK_SEVERITY[check.id], check.id).toBe('error');
    for (const check of warnings) expect(CHECK_SEVERITY[check.id], check.id).toBe('warning');
  });
});
