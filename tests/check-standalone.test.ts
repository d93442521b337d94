import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { locflow, tempProject } from './helpers.js';

/** `locflow check` without a project: any folder, files anywhere, nothing written. */

/** Every file under `dir` with its content, to prove a command wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const SOURCE = 'The museum is open every day.\nthe garden closes at night.\nTickets cost 12 euros.\n';
const TARGET = 'El museo abre todos los días.\nEl jardín cierra por la noche.\nLas entradas cuestan 12 euros.\n';

const xliff = (target: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="app.json" source-language="en" target-language="fr" datatype="plaintext">
    <body>
      <trans-unit id="greeting"><source>Hello {{name}}, welcome back.</source><target>${target}</target></trans-unit>
    </body>
  </file>
</xliff>
`;

describe('check without a project', () => {
  let work: string;
  let data: string;
  let before: Record<string, string>;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'locflow-alone-'));
    data = mkdtempSync(join(tmpdir(), 'locflow-files-'));
    writeFileSync(join(data, 'museum.en'), SOURCE);
    writeFileSync(join(data, 'museum.txt'), TARGET);
    writeFileSync(join(data, 'museum.es.txt'), TARGET);
    before = { ...snapshot(work), ...snapshot(data) };
  });
  const unchanged = (): void => expect({ ...snapshot(work), ...snapshot(data) }).toEqual(before);

  it('checks two plain texts line by line with --source-lang and --lang, exit 0 when clean', () => {
    const r = locflow(
      work,
      'check',
      '--source',
      join(data, 'museum.en'),
      '--target',
      join(data, 'museum.txt'),
      '--source-lang',
      'en',
      '--lang',
      'es',
      '--format',
      'json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { issues: Array<{ severity: string; check: string }> };
    // One pair per line, although line 2 of the source starts in lower case (no hard-wrap joining in a line-per-sentence text).
    expect(report.issues.filter((i) => i.check === 'alignment')).toEqual([]);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(
      locflow(work, 'check', '--source', join(data, 'museum.en'), '--target', join(data, 'museum.txt'), '--lang', 'es')
        .stdout,
    ).toMatch(/^3 unit\(s\) checked/u);
    unchanged();
  });

  it('exit 1 on an error, naming the line', () => {
    writeFileSync(join(data, 'bad.es'), TARGET.replace('El jardín', 'Véase https://example.org/b. El jardín'));
    writeFileSync(join(data, 'src.en'), SOURCE.replace('the garden', 'See https://example.org/a. the garden'));
    before = { ...snapshot(work), ...snapshot(data) };
    const r = locflow(work, 'check', '--source', join(data, 'src.en'), '--target', join(data, 'bad.es'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/line 2/u);
    expect(r.stdout).toMatch(/error\s+URL https:\/\/example\.org\/a is missing or changed in the target/u);
    unchanged();
  });

  it('reports lines added or lost', () => {
    writeFileSync(join(data, 'short.es'), TARGET.split('\n').slice(0, 2).join('\n'));
    const r = locflow(work, 'check', '--source', join(data, 'museum.en'), '--target', join(data, 'short.es'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/the target has 2 lines, the source 3/u);
  });

  it('takes the target language from a file suffix or folder, and says so', () => {
    const r = locflow(work, 'check', '--source', join(data, 'museum.en'), '--target', join(data, 'museum.es.txt'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the target's language is "es", from its file name/u);
    mkdirSync(join(data, 'fr'));
    writeFileSync(
      join(data, 'fr', 'museum.txt'),
      'Le musée est ouvert tous les jours.\nLe jardin ferme la nuit.\nLes billets coûtent 12 euros.\n',
    );
    before = { ...snapshot(work), ...snapshot(data) };
    const f = locflow(
      work,
      'check',
      '--source',
      join(data, 'museum.en'),
      '--target',
      join(data, 'fr', 'museum.txt'),
      '--format',
      'json',
    );
    expect(f.code).toBe(0);
    expect(f.stderr).toMatch(/"fr", from its folder/u);
    unchanged();
  });

  it('refuses a target whose language it cannot tell, with a hint (exit 2)', () => {
    const r = locflow(work, 'check', '--source', join(data, 'museum.en'), '--target', join(data, 'museum.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot tell the target document's language/u);
    expect(r.stderr).toMatch(/hint: pass --lang <code>/u);
    unchanged();
  });

  it('refuses malformed language tags (exit 2)', () => {
    const args = ['check', '--source', join(data, 'museum.en'), '--target', join(data, 'museum.txt')];
    const lang = locflow(work, ...args, '--lang', 'es!');
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/--lang: "es!" is not a valid language tag/u);
    const src = locflow(work, ...args, '--lang', 'es', '--source-lang', 'english please');
    expect(src.code).toBe(2);
    expect(src.stderr).toMatch(/--source-lang: "english please" is not a valid language tag/u);
    expect(locflow(work, ...args, '--lang', 'es_MX').code).toBe(0);
    unchanged();
  });

  it('checks an XLIFF file anywhere by the languages it names', () => {
    writeFileSync(join(data, 'ok.xlf'), xliff('Bonjour {{name}}, bon retour.'));
    writeFileSync(join(data, 'bad.xlf'), xliff('Bonjour {{nom}}, bon retour.'));
    before = { ...snapshot(work), ...snapshot(data) };
    expect(locflow(work, 'check', join(data, 'ok.xlf')).code).toBe(0);
    const bad = locflow(work, 'check', join(data, 'bad.xlf'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/placeholder \{\{name\}\} is missing from the target/u);
    expect(bad.stdout).toMatch(/\[fr\]/u);
    unchanged();
  });

  it('uses --glossary without a project', () => {
    writeFileSync(join(data, 'terms.csv'), 'en,es,type\ntickets,entradas,term\n');
    writeFileSync(
      join(data, 'tickets.es'),
      'El museo abre todos los días.\nEl jardín cierra por la noche.\nLos boletos cuestan 12 euros.\n',
    );
    before = { ...snapshot(work), ...snapshot(data) };
    const r = locflow(
      work,
      'check',
      '--source',
      join(data, 'museum.en'),
      '--target',
      join(data, 'tickets.es'),
      '--glossary',
      join(data, 'terms.csv'),
    );
    expect(r.stdout).toMatch(/glossary term "tickets" should be translated as "entradas"/u);
    unchanged();
  });

  it('writes a report only where -o says', () => {
    const out = mkdtempSync(join(tmpdir(), 'locflow-report-'));
    const r = locflow(
      work,
      'check',
      '--source',
      join(data, 'museum.en'),
      '--target',
      join(data, 'museum.es.txt'),
      '--format',
      'sarif',
      '-o',
      join(out, 'qa.sarif'),
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(readFileSync(join(out, 'qa.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
    unchanged();
  });

  it('with nothing to check, says what to give (exit 2)', () => {
    const r = locflow(work, 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no locflow\.config\.json here/u);
    expect(r.stderr).toMatch(/--source a\.txt --target b\.txt --lang es/u);
    unchanged();
  });

  it('in a project, reads documents outside it and writes the report where the user says', () => {
    const project = tempProject();
    const ok = locflow(
      project,
      'check',
      '--source',
      join(data, 'museum.en'),
      '--target',
      join(data, 'museum.txt'),
      '--lang',
      'es',
    );
    expect(ok.code).toBe(0);
    const reports = mkdtempSync(join(tmpdir(), 'reports-'));
    const out = locflow(
      project,
      'check',
      '--source',
      join(data, 'museum.en'),
      '--target',
      join(data, 'museum.txt'),
      '--lang',
      'es',
      '-o',
      join(reports, 'qa.txt'),
    );
    expect(out.code).toBe(0);
    expect(readFileSync(join(reports, 'qa.txt'), 'utf8')).toMatch(/0 error\(s\)/u);
    unchanged();
  });
});
