import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { locflow, locflowInProcess, projectWith, read } from './helpers.js';

const SHARED = 'The ministry said 14 people were hurt in the blast.';

/** Every unit translated as the text itself, the shared sentence's number changed (a defect to be reported). */
function translateWithDefect(path: string): void {
  const x = readXliff(read(path));
  const files = x.files.map((f) => ({
    ...f,
    units: f.units.map((u) => ({
      ...u,
      target: u.source.map((r) => (typeof r === 'string' ? r.replace('14', '41') : r)),
      state: 'translated' as const,
    })),
  }));
  writeFileSync(path, writeXliff({ ...x, files }, x.version));
}

describe('check over XLIFF names a shared sentence by its own document', () => {
  it("a sentence two documents share is labelled with each document's line, not the last document's", async () => {
    const d = projectWith(
      {
        'source/a.txt': `Storm hits the coast\n\n${SHARED}\n`,
        'source/b.txt': `Rescue work goes on\n\nCrews worked through the night.\n\nRoads stayed closed.\n\n${SHARED}\n`,
      },
      { sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] },
    );
    expect(locflow(d, 'extract', '--lang', 'es').code).toBe(0);
    for (const f of ['a', 'b']) translateWithDefect(join(d, `xliff/es/${f}.xlf`));
    const r = await locflowInProcess(d, 'check', 'xliff/es/a.xlf', 'xliff/es/b.xlf', '--format', 'json');
    const json = JSON.parse(r.stdout) as { issues: Array<{ check: string; file: string; label?: string }> };
    const numbers = json.issues.filter((i) => i.check === 'numbers');
    // In a, the sentence follows the headline (its standfirst, line 3); in b, it is the third paragraph (line 7).
    expect([...new Set(numbers.map((i) => `${i.file}: ${i.label}`))].sort()).toEqual([
      'xliff/es/a.xlf: standfirst, line 3',
      'xliff/es/b.xlf: paragraph, line 7',
    ]);
  });
});
