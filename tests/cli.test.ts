import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARTICLE,
  copyProject,
  extractedProject,
  locflow,
  numberWordsIn,
  read,
  tempProject,
  translateFile,
} from './helpers.js';

const XLF = (lang: string): string => `xliff/${lang}/article.xlf`;

/**
 * The CLI end to end: its wiring, exit codes and messages. What each workflow step writes and refuses is tested
 * in process (tests/workflow/).
 */
describe('locflow CLI on a project', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempProject();
  });

  it('--help lists every command', () => {
    const r = locflow(dir, '--help');
    expect(r.code).toBe(0);
    for (const c of ['init', 'extract', 'import', 'build', 'status', 'check', 'pseudo', 'segment'])
      expect(r.stdout).toContain(c);
  });

  it('extract --xliff 2.0 writes XLIFF 2.0 with the date as <ph/>', () => {
    const d = tempProject();
    expect(locflow(d, 'extract', '--xliff', '2.0', '--lang', 'es').code).toBe(0);
    const xml = read(join(d, XLF('es')));
    expect(xml).toContain('version="2.0" srcLang="en" trgLang="es"');
    expect(xml).toMatch(/Updated: <ph id="1" type="other" subType="locflow:date" dataRef="d1"/u);
  });

  it('segment prints sentences or exact offsets', () => {
    const r = locflow(dir, 'segment', '--json', ARTICLE);
    const spans = JSON.parse(r.stdout) as Array<{ start: number; end: number; text: string }>;
    const text = read(ARTICLE);
    expect(spans.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
    expect(spans.length).toBeGreaterThan(15);
  });
});

describe('bad input is refused with a clear message, a non-zero exit and nothing lost', () => {
  function prepared(): string {
    const d = extractedProject();
    return d;
  }
  const store = (d: string): string | null =>
    existsSync(join(d, 'locales/es/article.json')) ? read(join(d, 'locales/es/article.json')) : null;

  it('malformed XML: names file, line and column', () => {
    const d = prepared();
    const path = join(d, XLF('es'));
    writeFileSync(path, read(path).replace('</source>', '</sorce>'));
    const r = locflow(d, 'import', XLF('es'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/xliff\/es\/article\.xlf:\d+:\d+: malformed XML/u);
    expect(store(d)).toBeNull();
  });

  it('an XLIFF back from a translator in a folder outside the project imports, and reports and TMX go where the user says', () => {
    const d = prepared();
    const downloads = mkdtempSync(join(tmpdir(), 'downloads-'));
    translateFile(d, 'es', (t) => `ES ${t}`);
    const returned = join(downloads, 'article.es.xlf');
    writeFileSync(returned, read(join(d, XLF('es'))));
    expect(locflow(d, 'import', returned).code).toBe(0);
    expect(store(d)).toContain('ES ');
    expect(locflow(d, 'check', '--lang', 'es', '--format', 'json', '-o', join(downloads, 'qa.json')).code).toBeLessThan(
      2,
    );
    expect(existsSync(join(downloads, 'qa.json'))).toBe(true);
    expect(locflow(d, 'tm', 'export', '-o', join(downloads, 'memory.tmx')).code).toBe(0);
    expect(read(join(downloads, 'memory.tmx'))).toContain('<tmx');
  });

  it('a bad configuration is exit 2, naming the key and the file (every case: tests/workflow/loop.test.ts)', () => {
    const d = tempProject();
    const cfg = join(d, 'locflow.config.json');
    const base = JSON.parse(read(cfg)) as Record<string, unknown>;
    writeFileSync(cfg, JSON.stringify({ ...base, targetLanguage: ['es'] }));
    const r = locflow(d, 'status');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key "targetLanguage"/u);
    expect(r.stderr).toContain('locflow.config.json');
  });

  it('an unknown source format lists the known ones', () => {
    const d = tempProject('# Title\n', 'article.rtf');
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ targetLanguages: ['es'], sources: ['source/article.rtf'] }),
    );
    const r = locflow(d, 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown source format ".rtf"[\s\S]*known formats: text/u);
  });

  it('init writes a valid config and refuses to replace it', () => {
    const d = tempProject();
    const r = locflow(d, 'init', '--force', '--lang', 'es,fr-CA');
    expect(r.code).toBe(0);
    expect(JSON.parse(read(join(d, 'locflow.config.json')))).toMatchObject({
      sourceLanguage: 'en',
      targetLanguages: ['es', 'fr-CA'],
    });
    expect(locflow(d, 'init').code).toBe(2);
    expect(locflow(d, 'init', '--force', '--lang', 'xx_YY_zz!').stderr).toMatch(/not a language code/u);
  });

  it('usage errors exit 2', () => {
    expect(locflow(tempProject(), 'extract', '--xliff', '3.0').code).toBe(2);
    expect(locflow(tempProject(), 'frobnicate').code).toBe(2);
  });
});

describe('the bundled example project', () => {
  it('ships a Spanish translation that builds and passes check', () => {
    const d = copyProject();
    expect(locflow(d, 'build', '--lang', 'es').code).toBe(0);
    const es = read(join(d, 'locales/es/us-strike-northern-iraq.txt'));
    expect(es).toMatch(/^Un ataque aéreo mata al menos a cinco milicianos/u);
    expect(es).toContain('Actualizado: 5 de diciembre de 2023 a las 14:15');
    const r = locflow(d, 'check', '--lang', 'es');
    expect(r.code).toBe(0);
    expect(readdirSync(join(d, 'locales/es'))).toContain('us-strike-northern-iraq.meta.json');
    expect(readFileSync(join(d, 'locales/es/us-strike-northern-iraq.json'), 'utf8')).toContain('unas 1200 personas');
  });
});

describe('import runs the error-level checks', () => {
  it('prints the units imported as needs-review with the reason (states: tests/workflow/loop.test.ts)', () => {
    const d = extractedProject();
    translateFile(d, 'es', (t) => numberWordsIn('es', t.replace('1,200', '1.300').replace('62', '26')));
    const r = locflow(d, 'import', XLF('es'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 unit\(s\) imported as needs-review because a check failed/u);
    expect(r.stdout).toMatch(/numbers: number\(s\) missing from the target: 1,200 \(1200\)/u);
  });
});

describe('check catches an Apertium-style broken translation of the article', () => {
  it('fails and says which name and which number are wrong', () => {
    const d = copyProject();
    const mt = read(join(__dirname, 'fixtures', 'apertium-es.txt')).replace(
      'Al menos 62 personal',
      'Al menos 26 personal',
    );
    writeFileSync(join(d, 'mt.txt'), mt);
    const r = locflow(
      d,
      'check',
      '--source',
      'source/us-strike-northern-iraq.txt',
      '--target',
      'mt.txt',
      '--lang',
      'es',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /error\s+name "Central Command" is missing from the target \(approved: "Comando Central"\)/u,
    );
    expect(r.stdout).toMatch(/error\s+number\(s\) missing from the target: 62/u);
    expect(r.stdout).toMatch(/warning\s+number not in the source: 26/u);
    expect(r.stdout).toMatch(/warning\s+"1,200" is written in the source's number format/u);
  });

  it('reports for CI as SARIF 2.1.0 and JUnit XML', () => {
    const d = copyProject();
    writeFileSync(join(d, 'mt.txt'), read(join(__dirname, 'fixtures', 'apertium-es.txt')));
    const args = ['check', '--source', 'source/us-strike-northern-iraq.txt', '--target', 'mt.txt', '--lang', 'es'];
    const sarif = JSON.parse(locflow(d, ...args, '--format', 'sarif').stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<{
          ruleId: string;
          level: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
        }>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('numbers');
    expect(
      sarif.runs[0]!.results.some(
        (r) =>
          r.ruleId === 'names' &&
          r.level === 'error' &&
          r.locations[0]!.physicalLocation.artifactLocation.uri === 'mt.txt',
      ),
    ).toBe(true);
    const junit = locflow(d, ...args, '--format', 'junit');
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(/<testsuites name="locflow check" tests="\d+" failures="[1-9]\d*">/u);
    expect(junit.stdout).toMatch(/<failure type="names" message="name &quot;Central Command&quot; is missing/u);
  });

  it('--max-warnings turns warnings into a failing exit code', () => {
    const d = copyProject();
    expect(locflow(d, 'build', '--lang', 'es').code).toBe(0);
    writeFileSync(
      join(d, 'es.txt'),
      read(join(d, 'locales/es/us-strike-northern-iraq.txt')).replace('unas 1200 personas', 'unas 1,200 personas'),
    );
    const args = ['check', '--source', 'source/us-strike-northern-iraq.txt', '--target', 'es.txt', '--lang', 'es'];
    expect(locflow(d, ...args).code).toBe(0);
    expect(locflow(d, ...args, '--max-warnings', '0').code).toBe(1);
  });
});
