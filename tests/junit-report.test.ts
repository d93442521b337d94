import { describe, expect, it } from 'vitest';
import { junitReport } from '../src/qa/reporters/junit.js';
import type { Issue, QaPair } from '../src/qa/types.js';

const unit = (k: number): QaPair => ({
  id: `u${k}`,
  source: ['Source.'],
  target: ['Target.'],
  sourceLang: 'en',
  targetLang: 'es',
  file: 'big.xlf',
});
const issue = (k: number): Issue => ({
  id: 'qa/numbers',
  rule: 'numbers',
  check: 'numbers',
  severity: k % 2 ? 'error' : 'warning',
  message: 'number(s) missing from the target: 1',
  unit: `u${k}`,
  file: 'big.xlf',
  lang: 'es',
  source: 'Source.',
  target: 'Target.',
});

describe('JUnit report', () => {
  it('finds each unit of a large suite by its id, not by a search through the suite (linear in the run)', () => {
    const n = 60_000;
    const pairs = Array.from({ length: n }, (_, k) => unit(k));
    const issues = Array.from({ length: n / 3 }, (_, k) => issue(3 * k));
    const start = process.cpuUsage();
    const xml = junitReport(issues, pairs);
    const used = process.cpuUsage(start);
    // a search through the suite per unit and per issue took ≈ 9 s CPU here; a look-up by id ≈ 0.2 s
    expect((used.user + used.system) / 1e6).toBeLessThan(3);
    expect(xml).toContain(`<testsuite name="big.xlf [es]" tests="${n}" failures="${n / 6}"`);
    expect(xml.match(/<testcase /gu)).toHaveLength(n);
  });
});
