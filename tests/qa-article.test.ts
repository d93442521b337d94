import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, ROOT, locflowInProcess } from './helpers.js';

/**
 * The bundled article and its human Spanish translation, checked alone with no
 * glossary: a correct translation gets no error; four kinds of damage each do.
 */
const SPANISH = join(ROOT, 'locales', 'es', 'us-strike-northern-iraq.txt');

async function checkAgainst(target: string): Promise<{ status: number; errors: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'article-'));
  writeFileSync(join(dir, 'en.txt'), readFileSync(ARTICLE, 'utf8'));
  writeFileSync(join(dir, 'es.txt'), target);
  const r = await locflowInProcess(
    dir,
    'check',
    '--source',
    'en.txt',
    '--target',
    'es.txt',
    '--source-lang',
    'en',
    '--lang',
    'es',
    '--format',
    'json',
  );
  const report = JSON.parse(r.stdout) as { issues: Array<{ severity: string; check: string; message: string }> };
  return {
    status: r.code,
    errors: report.issues.filter((i) => i.severity === 'error').map((i) => `${i.check}: ${i.message}`),
  };
}

describe('the example article without a glossary', () => {
  const correct = readFileSync(SPANISH, 'utf8');

  it('a correct human translation gets no error (US → EE. UU./estadounidense, Tehran → Teherán, Pentagon → Pentágono…)', async () => {
    const r = await checkAgainst(correct);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('a changed number, a changed spelled-out number, a dropped name and a name split apart are each an error', async () => {
    const damaged = correct
      .replace('Al menos 62 efectivos', 'Al menos 63 efectivos')
      .replace('al menos a nueve milicianos', 'al menos a siete milicianos')
      .replace(' en Najaf, Irak', ' en Irak')
      .replace('miembros de Kataib Hezbollah', 'miembros de Kataib, la milicia Hezbollah');
    expect(damaged).not.toBe(correct);
    const r = await checkAgainst(damaged);
    expect(r.status).toBe(1);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^numbers: .*62/u),
        expect.stringMatching(/^numbers: .*"nine".*"siete"/u),
        expect.stringMatching(/^names: name "Najaf" is not in the target/u),
        expect.stringMatching(/^names: name "Kataib Hezbollah" is split apart/u),
      ]),
    );
    expect(r.errors).toHaveLength(4);
  });
});
