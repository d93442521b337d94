import { describe, expect, it, vi } from 'vitest';
import { runChecks } from '../../src/qa/runner.js';
import type { QaPair } from '../../src/qa/types.js';

// The check modules loaded so far (each recorded on its first import).
const loaded: string[] = [];

vi.mock('../../src/qa/checks/spelling.js', async (importOriginal) => {
  loaded.push('spelling');
  return importOriginal();
});
vi.mock('../../src/qa/checks/repeated-words.js', async (importOriginal) => {
  loaded.push('repeated-words');
  return importOriginal();
});
vi.mock('../../src/qa/checks/whitespace.js', async (importOriginal) => {
  loaded.push('whitespace');
  return importOriginal();
});

const pair = (target: string): QaPair => ({
  id: 'k7',
  source: ['The harbour reopened on Monday.'],
  target: [target],
  sourceLang: 'en',
  targetLang: 'fr',
  file: 'port.txt',
});

describe('a check configured "off" is never loaded', () => {
  it('a run with spelling and repeated words off loads neither and reports the others as before', async () => {
    const { issues } = await runChecks([pair('Le le port  a rouvert lundi.')], {
      severities: { spelling: 'off', 'repeated-words': 'off' },
    });
    expect(issues.map((i) => i.check)).toContain('whitespace');
    expect(issues.map((i) => i.check)).not.toContain('repeated-words');
    expect(loaded).toContain('whitespace');
    expect(loaded).not.toContain('spelling');
    expect(loaded).not.toContain('repeated-words');
  });

  it('the same check left on is loaded and run', async () => {
    const { issues } = await runChecks([pair('Le le port  a rouvert lundi.')], { severities: { spelling: 'off' } });
    expect(issues.map((i) => i.check)).toContain('repeated-words');
    expect(loaded).toContain('repeated-words');
    expect(loaded).not.toContain('spelling');
  });
});
