import { describe, expect, it, vi } from 'vitest';
import { runChecks } from '../../src/qa/runner.js';
import type { QaPair } from '../../src/qa/types.js';

// The check modules loaded so far (each recorded on its first import).
const loaded: string[] = [];

vi.mock('../../src/qa/checks/length.js', async (importOriginal) => {
  loaded.push('length');
  return importOriginal();
});
vi.mock('../../src/qa/checks/spelling.js', async (importOriginal) => {
  loaded.push('spelling');
  return importOriginal();
});
vi.mock('../../src/qa/checks/numbers.js', async (importOriginal) => {
  loaded.push('numbers');
  return importOriginal();
});

const pair = (target: string): QaPair => ({
  id: 'u1',
  source: ['The bridge opened in 1998 after four years of work.'],
  target: [target],
  sourceLang: 'en',
  targetLang: 'es',
  file: 'a.txt',
});

describe('a run that asks only for some severities loads only the checks that can reach them', () => {
  it("the gates' errors-only run: no warning-only check module, the same errors", async () => {
    const { issues } = await runChecks([pair('El puente se abrió en 1989 tras cuatro años de obras.')], {
      only: ['error'],
    });
    expect(issues.map((i) => i.check)).toEqual(['numbers']);
    expect(loaded).toEqual(['numbers']);
  });

  it('a warning-level check configured as an error is loaded and run', async () => {
    const long = `El puente se abrió en 1998 ${'tras muchos, muchísimos años de obras '.repeat(8)}`;
    const { issues } = await runChecks([pair(long)], { only: ['error'], severities: { length: 'error' } });
    expect(issues.map((i) => `${i.check} ${i.severity}`)).toEqual(['length error']);
    expect(loaded).toContain('length');
    expect(loaded).not.toContain('spelling');
  });
});
