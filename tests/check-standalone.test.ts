import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderReport } from '../src/qa/reporters/index.js';
import { check, type CheckOptions, type CheckResult } from '../src/workflow/check.js';
import { locflowInProcess, refusal, tempProject } from './helpers.js';

/**
 * `locflow check` without a project: any folder, files anywhere, nothing written. The checks are called in
 * process (the workflow's check, the text report); the CLI keeps its wiring: -o, nothing to check, a project.
 */

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
  /** The check as the CLI runs it from the folder `work`, without a project. */
  const alone = (options: CheckOptions): Promise<CheckResult> => check(undefined, { cwd: work, ...options });
  const doc = (source: string, target: string): CheckOptions => ({
    document: { source: join(data, source), target: join(data, target) },
  });
  const text = async (r: CheckResult): Promise<string> => renderReport('text', r.issues, r.pairs);

  it('checks two plain texts line by line with --source-lang and --lang, exit 0 when clean', async () => {
    const r = await alone({ ...doc('museum.en', 'museum.txt'), sourceLang: 'en', langs: ['es'] });
    expect(r.notices).toEqual([]);
    expect(r.exitCode).toBe(0);
    // One pair per line, although line 2 of the source starts in lower case (no hard-wrap joining in a line-per-sentence text).
    expect(r.issues.filter((i) => i.check === 'alignment')).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect((await alone({ ...doc('museum.en', 'museum.txt'), langs: ['es'] })).pairs).toHaveLength(3);
    unchanged();
  });

  it('exit 1 on an error, naming the line', async () => {
    writeFileSync(join(data, 'bad.es'), TARGET.replace('El jardín', 'Véase https://example.org/b. El jardín'));
    writeFileSync(join(data, 'src.en'), SOURCE.replace('the garden', 'See https://example.org/a. the garden'));
    before = { ...snapshot(work), ...snapshot(data) };
    const r = await alone(doc('src.en', 'bad.es'));
    expect(r.exitCode).toBe(1);
    expect(await text(r)).toMatch(/line 2/u);
    expect(await text(r)).toMatch(/error\s+URL https:\/\/example\.org\/a is missing or changed in the target/u);
    unchanged();
  });

  it('reports lines added or lost', async () => {
    writeFileSync(join(data, 'short.es'), TARGET.split('\n').slice(0, 2).join('\n'));
    const r = await alone(doc('museum.en', 'short.es'));
    expect(r.exitCode).toBe(1);
    expect(await text(r)).toMatch(/the target has 2 lines, the source 3/u);
  });

  it('takes the target language from a file suffix or folder, and says so', async () => {
    const r = await alone(doc('museum.en', 'museum.es.txt'));
    expect(r.exitCode).toBe(0);
    expect(r.notices.join('\n')).toMatch(/the target's language is "es", from its file name/u);
    mkdirSync(join(data, 'fr'));
    writeFileSync(
      join(data, 'fr', 'museum.txt'),
      'Le musée est ouvert tous les jours.\nLe jardin ferme la nuit.\nLes billets coûtent 12 euros.\n',
    );
    before = { ...snapshot(work), ...snapshot(data) };
    const f = await alone(doc('museum.en', join('fr', 'museum.txt')));
    expect(f.exitCode).toBe(0);
    expect(f.notices.join('\n')).toMatch(/"fr", from its folder/u);
    unchanged();
  });

  it('refuses a target whose language it cannot tell, with a hint (exit 2)', async () => {
    const r = await refusal(() => alone(doc('museum.en', 'museum.txt')));
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/cannot tell the target document's language/u);
    expect(r.message).toMatch(/hint: pass --lang <code>/u);
    unchanged();
  });

  it('refuses malformed language tags (exit 2)', async () => {
    const museum = doc('museum.en', 'museum.txt');
    const lang = await refusal(() => alone({ ...museum, langs: ['es!'] }));
    expect(lang.code).toBe(2);
    expect(lang.message).toMatch(/--lang: "es!" is not a valid language tag/u);
    const src = await refusal(() => alone({ ...museum, langs: ['es'], sourceLang: 'english please' }));
    expect(src.code).toBe(2);
    expect(src.message).toMatch(/--source-lang: "english please" is not a valid language tag/u);
    expect((await alone({ ...museum, langs: ['es_MX'] })).exitCode).toBe(0);
    unchanged();
  });

  it('checks an XLIFF file anywhere by the languages it names', async () => {
    writeFileSync(join(data, 'ok.xlf'), xliff('Bonjour {{name}}, bon retour.'));
    writeFileSync(join(data, 'bad.xlf'), xliff('Bonjour {{nom}}, bon retour.'));
    before = { ...snapshot(work), ...snapshot(data) };
    expect((await alone({ files: [join(data, 'ok.xlf')] })).exitCode).toBe(0);
    const bad = await alone({ files: [join(data, 'bad.xlf')] });
    expect(bad.exitCode).toBe(1);
    expect(await text(bad)).toMatch(/placeholder \{\{name\}\} is missing from the target/u);
    expect(await text(bad)).toMatch(/\[fr\]/u);
    unchanged();
  });

  it('uses --glossary without a project', async () => {
    writeFileSync(join(data, 'terms.csv'), 'en,es,type\ntickets,entradas,term\n');
    writeFileSync(
      join(data, 'tickets.es'),
      'El museo abre todos los días.\nEl jardín cierra por la noche.\nLos boletos cuestan 12 euros.\n',
    );
    before = { ...snapshot(work), ...snapshot(data) };
    const r = await alone({ ...doc('museum.en', 'tickets.es'), glossary: join(data, 'terms.csv') });
    expect(await text(r)).toMatch(/glossary term "tickets" should be translated as "entradas"/u);
    unchanged();
  });

  it('writes a report only where -o says', async () => {
    const out = mkdtempSync(join(tmpdir(), 'locflow-report-'));
    const r = await locflowInProcess(
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

  it('with nothing to check, says what to give (exit 2)', async () => {
    const r = await locflowInProcess(work, 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no locflow\.config\.json here/u);
    expect(r.stderr).toMatch(/--source a\.txt --target b\.txt --lang es/u);
    unchanged();
  });

  it('in a project, reads documents outside it and writes the report where the user says', async () => {
    const project = tempProject();
    const ok = await locflowInProcess(
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
    const out = await locflowInProcess(
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
