import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/config.js';
import { CHECK_IDS, loadChecks } from '../../src/qa/checks/index.js';
import { runChecks } from '../../src/qa/runner.js';
import { pair } from './helpers.js';

describe('check catalogue', () => {
  it('has one id per check, the same list the configuration accepts', async () => {
    const checks = await loadChecks();
    expect(new Set(checks.map((c) => c.id)).size).toBe(CHECK_IDS.length);
    // Each check is registered under its own id, and the configuration accepts exactly those ids.
    expect(checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    const severity = Object.fromEntries(CHECK_IDS.map((id) => [id, 'off']));
    const config = await validateConfig({ qa: { severity } }, 'locflow.config.json', '/tmp');
    expect(Object.keys(config.qa.severity)).toEqual([...CHECK_IDS]);
    await expect(
      validateConfig({ qa: { severity: { nonesuch: 'off' } } }, 'locflow.config.json', '/tmp'),
    ).rejects.toThrow(/unknown check "nonesuch"/u);
    for (const c of checks) expect(c.description.length).toBeGreaterThan(20);
  });
});

describe('configuration of the runner', () => {
  it('severities can be changed or turned off, and false alarms suppressed per unit', async () => {
    const p = pair('At least 62 injured.', 'Al menos heridos.');
    expect(
      (await runChecks([p], { severities: { numbers: 'warning' } })).issues.find((i) => i.check === 'numbers')!
        .severity,
    ).toBe('warning');
    expect(
      (await runChecks([p], { severities: { numbers: 'off' } })).issues.find((i) => i.check === 'numbers'),
    ).toBeUndefined();
    expect(
      (await runChecks([p], { suppress: [{ unit: 'u1', check: 'numbers' }] })).issues.find(
        (i) => i.check === 'numbers',
      ),
    ).toBeUndefined();
    expect(
      (await runChecks([p], { suppress: [{ unit: 'u1', check: 'numbers', lang: 'fr' }] })).issues.find(
        (i) => i.check === 'numbers',
      ),
    ).toBeDefined();
  });
});
