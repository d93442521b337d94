import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

interface Row {
  tried: number;
  refused: number;
  faithful: number;
  crash: number;
  lost: number;
  skipped: number;
}
interface Report {
  seed: number;
  categories: Record<string, Row>;
  total: Row;
  failures: Array<{ category: string; name: string; outcome: string; detail: string }>;
}

/** A small seeded part of `npm run fuzz`: every category, a few cases each. */
function fuzz(seed: number, scale: number): Report {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'fuzz', 'run.mjs'), '--seed', String(seed), '--scale', String(scale), '--json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    },
  );
  expect(r.status, r.stderr).not.toBeNull();
  return JSON.parse(r.stdout) as Report;
}

describe('fuzzing and fault suite (a seeded sample of npm run fuzz)', () => {
  it('no case crashes or loses data, in every category', () => {
    const report = fuzz(20_260_101, 0.03);
    expect(report.failures, JSON.stringify(report.failures, null, 2)).toEqual([]);
    expect(report.total.crash).toBe(0);
    expect(report.total.lost).toBe(0);
    expect(Object.keys(report.categories)).toEqual(
      expect.arrayContaining([
        'xliff 1.2 mutants',
        'xliff 2.0 mutants',
        'hostile sources',
        'links and paths',
        'kill -9',
        'parallel writers',
      ]),
    );
    // Both oracles ran: some inputs were refused (store compared unchanged), some accepted (store compared to the file).
    expect(report.total.refused).toBeGreaterThan(0);
    expect(report.total.faithful).toBeGreaterThan(0);
    for (const row of Object.values(report.categories)) expect(row.tried + row.skipped).toBeGreaterThan(0);
  }, 300_000);
});
