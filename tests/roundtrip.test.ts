import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locflow, type CliResult } from './helpers.js';
import { hasApertium } from './mt-helpers.js';

/** A project with a Markdown page and an HTML page whose sentences carry paired codes (bold, links). */
function pagesProject(version: '1.2' | '2.0' = '1.2'): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-roundtrip-'));
  mkdirSync(join(dir, 'source'));
  writeFileSync(join(dir, 'source', 'pricing.md'), '# Pricing\n\nOur **Pro plan** costs more. See [the docs](https://example.com/docs) for details.\n');
  writeFileSync(join(dir, 'source', 'about.html'), '<!doctype html>\n<html><body><p>Read <a href="/team">our team page</a> today.</p></body></html>\n');
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.md', 'source/*.html'], xliff: { version, path: 'xliff/{lang}/{doc}.xlf' } }, null, 2),
  );
  return dir;
}

function ok(r: CliResult): CliResult {
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code).toBe(0);
  return r;
}

const xlf = (dir: string, doc: string): string => join(dir, 'xliff', 'es', `${doc}.xlf`);

describe.skipIf(!hasApertium)('round trips with paired inline codes', () => {
  for (const version of ['1.2', '2.0'] as const) {
    it(`XLIFF ${version}: extract, translate, extract, extract goes through (paired codes are no "translations not imported")`, () => {
      const d = pagesProject(version);
      ok(locflow(d, 'extract'));
      ok(locflow(d, 'translate', '--engine', 'apertium', '--lang', 'es'));
      ok(locflow(d, 'extract'));
      ok(locflow(d, 'extract'));
      expect(readFileSync(xlf(d, 'pricing'), 'utf8')).toContain(version === '1.2' ? '<g id=' : '<pc id=');
    });
  }

  it('XLIFF 1.2: after --force and after a human import, extract still goes through', () => {
    const d = pagesProject('1.2');
    ok(locflow(d, 'extract'));
    ok(locflow(d, 'translate', '--engine', 'apertium', '--lang', 'es'));
    ok(locflow(d, 'extract', '--force'));
    ok(locflow(d, 'extract'));
    // A human fixes one machine draft and imports it.
    const file = xlf(d, 'about');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/(<target[^>]*>)[^<]*(<g id="1"[^>]*>)[^<]*(<\/g>)[^<]*(<\/target>)/u, '$1Lea $2la página de nuestro equipo$3 hoy.$4');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    ok(locflow(d, 'import', file, '--overwrite'));
    ok(locflow(d, 'extract'));
    ok(locflow(d, 'extract'));
    expect(readFileSync(file, 'utf8')).toContain('la página de nuestro equipo</g> hoy.');
  });
});
