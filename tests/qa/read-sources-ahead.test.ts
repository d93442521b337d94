import { describe, expect, it, vi } from 'vitest';
import { readSourcesAhead, runChecks } from '../../src/qa/runner.js';
import type { Content } from '../../src/model/content.js';
import type { PairCheck, QaPair } from '../../src/qa/types.js';

// The source texts read for their quantities as the numbers check reads a source (with the text's conventions).
const sourceReads: string[] = [];

vi.mock('../../src/locale/numbers.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/locale/numbers.js')>();
  return {
    ...original,
    findQuantities: (...args: Parameters<typeof original.findQuantities>) => {
      if (args[2] === true) sourceReads.push(args[0]);
      return original.findQuantities(...args);
    },
  };
});

const pair = (source: string, target: string): QaPair => ({
  id: 'u1',
  source: [source],
  target: [target],
  sourceLang: 'en',
  targetLang: 'es',
  file: 'a.txt',
});

/** A check that says which sources it was given to read ahead. */
function reader(id: string, severity: PairCheck['severity'], read: string[]): PairCheck {
  return {
    id,
    severity,
    description: id,
    preconditions: [],
    run: () => [],
    readSource: (source: Content, lang: string) => void read.push(`${id}:${lang}:${String(source[0])}`),
  };
}

describe('sources read ahead, while their targets are being made', () => {
  it('for the checks the run would run: their severities, the configured ones, only those asked for', async () => {
    const read: string[] = [];
    const checks = [reader('a', 'error', read), reader('b', 'warning', read), reader('c', 'error', read)];
    const sources = [
      { source: ['One.'], sourceLang: 'en' },
      { source: ['Two.'], sourceLang: 'de' },
    ];
    await readSourcesAhead(sources, { checks, only: ['error'], severities: { c: 'off' } });
    expect(read).toEqual(['a:en:One.', 'a:de:Two.']);
    read.length = 0;
    await readSourcesAhead(sources, { checks, severities: { b: 'error' } });
    expect(read).toEqual(['a:en:One.', 'b:en:One.', 'c:en:One.', 'a:de:Two.', 'b:de:Two.', 'c:de:Two.']);
  });

  it('numbers: a source read ahead is not read again by the run, which finds what it finds without it', async () => {
    const source = 'The bridge opened in 1998 after four years, at a cost of 12 million euros.';
    const target = 'El puente se abrió en 1989 tras cuatro años, con un coste de 12 euros.';
    await readSourcesAhead([{ source: [source], sourceLang: 'en' }], { only: ['error'] });
    expect(sourceReads).toEqual([source]);
    const ahead = await runChecks([pair(source, target)], { only: ['error'] });
    expect(sourceReads).toEqual([source]);
    // The same pair in fresh modules, nothing read ahead: the same report.
    vi.resetModules();
    const fresh = await import('../../src/qa/runner.js');
    const without = await fresh.runChecks([pair(source, target)], { only: ['error'] });
    expect(sourceReads).toEqual([source, source]);
    expect(ahead.issues.length).toBeGreaterThan(1);
    expect(ahead).toEqual(without);
  });
});
