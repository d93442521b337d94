import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { showDifference, unitKey } from '../src/model/readable.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { extractedProject, locflowInProcess, read, ROOT, tempProject } from './helpers.js';

const SCHEMAS = join(ROOT, '.cache', 'schemas');
const haveSchemas =
  existsSync(join(SCHEMAS, 'xliff-core-1.2-strict.xsd')) && spawnSync('xmllint', ['--version']).status === 0;

/** Fills every target of an XLIFF the way a translator would, keeping the version it was written in. */
function translateFile(path: string, fill: (text: string, key: string | undefined) => string): void {
  const x = readXliff(read(path));
  const files = x.files.map((f) => ({
    ...f,
    units: f.units.map((u) => ({
      ...u,
      target: u.source.map((r) => (typeof r === 'string' ? fill(r, unitKey(u.notes)) : r)),
      state: 'translated' as const,
    })),
  }));
  writeFileSync(path, writeXliff({ ...x, files }, x.version));
}

function i18nextProject(): string {
  const d = mkdtempSync(join(tmpdir(), 'locflow-keys-'));
  mkdirSync(join(d, 'source'));
  writeFileSync(
    join(d, 'source', 'app.json'),
    JSON.stringify(
      { common: { greeting: 'Hello, {{name}}!', farewell: 'See you in 3 days' }, nav: { home: 'Home' } },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(
    join(d, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.json'] }, null, 2),
  );
  return d;
}

describe('check names units as people know them', () => {
  it('the bundled article: roles and lines, the id kept beside them', async () => {
    const d = extractedProject();
    // The number of the headline is lost in translation: an error on line 1.
    translateFile(join(d, 'xliff/es/article.xlf'), (t) => t.replace('five', 'cinco').replace(/\b62\b/u, '26'));
    expect((await locflowInProcess(d, 'import', 'xliff/es/article.xlf')).code).toBe(0);
    const r = await locflowInProcess(d, 'check', '--lang', 'es');
    expect(r.stdout).toMatch(/^ {2}headline, line 1 \[es\] {2}\(unit u[0-9a-f]+\)$/mu);
    expect(r.stdout).toMatch(/^ {2}paragraph, line \d+ \[es\]/mu);
    const json = JSON.parse((await locflowInProcess(d, 'check', '--lang', 'es', '--format', 'json')).stdout) as {
      issues: Array<{ unit: string; label?: string }>;
    };
    expect(json.issues.length).toBeGreaterThan(0);
    for (const i of json.issues) {
      expect(i.unit).toMatch(/^u[0-9a-f]+$/u);
      expect(i.label).toMatch(
        /^(headline|standfirst|caption|credit|boilerplate|related-link|paragraph|timestamp), line \d+$/u,
      );
    }
    const html = (await locflowInProcess(d, 'check', '--lang', 'es', '--format', 'html')).stdout;
    expect(html).toMatch(
      /<td class="unit"><span class="label">headline, line 1<\/span>.*unit <code>u[0-9a-f]+<\/code>/u,
    );
  });

  it('two documents compared: the role and the line of the target', async () => {
    const d = tempProject();
    const article = read(join(d, 'source/article.txt'));
    writeFileSync(join(d, 'es.txt'), article.replace('at least five', 'at least 7'));
    const r = await locflowInProcess(
      d,
      'check',
      '--source',
      'source/article.txt',
      '--target',
      'es.txt',
      '--lang',
      'es',
    );
    expect(r.stdout).toMatch(/^ {2}headline, line 1 \[es\] {2}\(unit block 1 \(headline\)\)$/mu);
  });

  it('an i18next project: keys in the text, JSON, SARIF, JUnit and HTML reports', async () => {
    const d = i18nextProject();
    expect((await locflowInProcess(d, 'extract')).code).toBe(0);
    translateFile(join(d, 'xliff/es/app.xlf'), (t, key) => (key === 'common.farewell' ? 'Hasta dentro de 4 días' : t));
    expect((await locflowInProcess(d, 'import', 'xliff/es/app.xlf')).code).toBe(0);
    const text = await locflowInProcess(d, 'check');
    expect(text.stdout).toMatch(/^ {2}common\.farewell \[es\] {2}\(unit u[0-9a-f]+\)$/mu);
    expect(text.stdout).not.toMatch(/^ {2}unit u/mu);
    const json = JSON.parse((await locflowInProcess(d, 'check', '--format', 'json')).stdout) as {
      issues: Array<{ unit: string; label?: string }>;
    };
    expect(json.issues.map((i) => i.label)).toContain('common.farewell');
    const sarif = JSON.parse((await locflowInProcess(d, 'check', '--format', 'sarif')).stdout) as {
      runs: Array<{ results: Array<{ message: { text: string }; properties: { unit: string; label?: string } }> }>;
    };
    const result = sarif.runs[0]!.results.find((x) => x.properties.label === 'common.farewell')!;
    expect(result.properties.unit).toMatch(/^u[0-9a-f]+$/u);
    expect(result.message.text).toContain('common.farewell, unit u');
    expect((await locflowInProcess(d, 'check', '--format', 'junit')).stdout).toMatch(
      /<testcase [^>]*name="common\.farewell \(u[0-9a-f]+\)"/u,
    );
    expect((await locflowInProcess(d, 'check', '--format', 'html')).stdout).toContain(
      '<span class="label">common.farewell</span>',
    );
    // Checking the XLIFF itself: the key comes from the file.
    expect((await locflowInProcess(d, 'check', 'xliff/es/app.xlf')).stdout).toMatch(
      /^ {2}common\.farewell \[es\] {2}\(unit u[0-9a-f]+, at line \d+ of this file\)$/mu,
    );
  });
});

describe('XLIFF names an app string by its key', () => {
  let d: string;
  beforeAll(async () => {
    d = i18nextProject();
    expect((await locflowInProcess(d, 'extract')).code).toBe(0);
  });

  it('1.2: resname is the key', () => {
    const xml = read(join(d, 'xliff/es/app.xlf'));
    expect(xml).toMatch(/<trans-unit id="u[0-9a-f]+" resname="common\.greeting"/u);
    expect(xml).toMatch(/resname="nav\.home"/u);
    expect(xml).not.toMatch(/resname="message-/u);
  });

  it('2.0: name is the key', async () => {
    const e = mkdtempSync(join(tmpdir(), 'locflow-keys20-'));
    mkdirSync(join(e, 'source'));
    writeFileSync(join(e, 'source', 'app.json'), read(join(d, 'source/app.json')));
    writeFileSync(
      join(e, 'locflow.config.json'),
      JSON.stringify({
        sourceLanguage: 'en',
        targetLanguages: ['es'],
        sources: ['source/*.json'],
        xliff: { version: '2.0' },
      }),
    );
    const r = await locflowInProcess(e, 'extract');
    expect(r.code, r.stderr).toBe(0);
    const xml = read(join(e, 'xliff/es/app.xlf'));
    if (xml.includes('version="2.0"')) expect(xml).toMatch(/<unit id="u[0-9a-f]+" name="common\.greeting"/u);
  });

  it('a document keeps its role and place as resname', () => {
    const a = extractedProject();
    expect(read(join(a, 'xliff/es/article.xlf'))).toMatch(/resname="headline-1\.1"/u);
  });

  it.skipIf(!haveSchemas)('stays valid against the XLIFF 1.2 strict schema', () => {
    const schema = join(SCHEMAS, 'xliff-core-1.2-strict.xsd');
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, join(d, 'xliff/es/app.xlf')], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') },
    });
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('an import conflict shows where the texts differ', () => {
  it('a long common start is elided and both differing parts are shown', () => {
    const long = 'Bienvenido a nuestra tienda en línea. Aquí encontrará los mejores productos para su hogar y jardín.';
    const d = showDifference(long, long.replace('hogar', 'casa'));
    expect(d).toEqual({ a: '…para su hogar y jardín.', b: '…para su casa y jardín.' });
    expect(showDifference('Hola', 'Adiós')).toEqual({ a: 'Hola', b: 'Adiós' });
    // A long differing part is cut, never the whole text shown.
    const x = showDifference(`Comienzo ${'a'.repeat(200)}`, `Comienzo ${'b'.repeat(200)}`, 40);
    expect([...x.a].length).toBeLessThanOrEqual(40);
    expect(x.a).toMatch(/^Comienzo a+…$/u);
    expect(x.b).toMatch(/^Comienzo b+…$/u);
  });

  it('through the CLI: the key names the unit, and the part of a long text that differs is shown', async () => {
    const d = i18nextProject();
    const long =
      'Thank you for shopping with us. Your order has been received and will be shipped within two business days.';
    writeFileSync(join(d, 'source', 'app.json'), JSON.stringify({ order: { thanks: long } }, null, 2) + '\n');
    expect((await locflowInProcess(d, 'extract')).code).toBe(0);
    const xlf = join(d, 'xliff/es/app.xlf');
    const fresh = read(xlf);
    const es =
      'Gracias por comprar con nosotros. Su pedido ha sido recibido y se enviará en un plazo de dos días hábiles.';
    translateFile(xlf, () => es);
    expect((await locflowInProcess(d, 'import', 'xliff/es/app.xlf')).code).toBe(0);
    writeFileSync(xlf, fresh);
    translateFile(xlf, () => es.replace('dos días', 'tres días'));
    const r = await locflowInProcess(d, 'import', 'xliff/es/app.xlf');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /unit "order\.thanks" \(u[0-9a-f]+\): the store has "…plazo de dos días hábiles\.", the file "…plazo de tres días hábiles\."/u,
    );
  });
});

describe('the key of an app string is a field of its unit', () => {
  it('i18next and ICU readers set unit.key; labels and XLIFF names come from it, not from the note', async () => {
    const { readI18nextJson } = await import('../src/formats/i18next-json.js');
    const { readIcuJson } = await import('../src/formats/icu-json.js');
    const { unitLabel } = await import('../src/model/readable.js');
    const { unitName } = await import('../src/project/translations.js');
    const i18n = readI18nextJson(JSON.stringify({ nav: { home: 'Home', items_one: '{{count}} item' } }), {
      id: 'app',
      path: 'app.json',
      sourceLang: 'en',
    });
    expect(i18n.units.map((u) => u.key)).toEqual(['nav.home', 'nav.items_one']);
    const icu = readIcuJson(JSON.stringify({ 'cart.total': { defaultMessage: 'Total: {n}', description: 'x' } }), {
      id: 'm',
      path: 'm.json',
      sourceLang: 'en',
    });
    expect(icu.units[0]!.key).toBe('cart.total');
    // Without any note, the label and the XLIFF name are still the key.
    const bare = { ...i18n.units[0]!, notes: [] };
    expect(unitLabel(bare)).toBe('nav.home');
    expect(unitName(bare)).toBe('nav.home');
    // A document unit has no key: role and place.
    const { key: _key, ...doc } = bare;
    expect(unitLabel(doc, 4)).toBe('message, line 4');
    expect(unitName(doc)).toBe('message-1.1');
  });
});
