import { describe, expect, it, vi } from 'vitest';
import { runChecks } from '../../src/qa/runner.js';
import type { QaPair } from '../../src/qa/types.js';

// The check modules loaded so far (each recorded on its first import).
const loaded: string[] = [];

vi.mock('../../src/qa/checks/spelling.js', async (importOriginal) => {
  loaded.push('spelling');
  return importOriginal();
});
vi.mock('../../src/qa/checks/numbers.js', async (importOriginal) => {
  loaded.push('numbers');
  return importOriginal();
});
vi.mock('../../src/qa/checks/whitespace.js', async (importOriginal) => {
  loaded.push('whitespace');
  return importOriginal();
});

const pair = (target: string): QaPair => ({
  id: 'k7',
  source: ['The harbour reopened on Monday after 3 weeks.'],
  target: [target],
  sourceLang: 'en',
  targetLang: 'fr',
  file: 'port.txt',
});

describe('a check configured "off" is never loaded', () => {
  it('a run with spelling and numbers off loads neither and reports the others as before', async () => {
    const { issues } = await runChecks([pair('Le port  a rouvert lundi après 4 semaines.')], {
      severities: { spelling: 'off', numbers: 'off' },
    });
    expect(issues.map((i) => i.check)).toEqual(['whitespace']);
    expect(loaded).toContain('whitespace');
    expect(loaded).not.toContain('spelling');
    expect(loaded).not.toContain('numbers');
  });

  it('the same check left on is loaded and run', async () => {
    const { issues } = await runChecks([pair('Le port  a rouvert lundi après 4 semaines.')], {
      severities: { spelling: 'off' },
    });
    expect(new Set(issues.map((i) => i.check))).toEqual(new Set(['numbers', 'whitespace']));
    expect(loaded).toContain('numbers');
    expect(loaded).not.toContain('spelling');
  });
});
