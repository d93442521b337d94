import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { ARTICLE, copyProject, locflow, numberWordsIn, read, tempProject } from './helpers.js';

const XLF = (lang: string): string => `xliff/${lang}/article.xlf`;

/** Fills every target of an extracted XLIFF with `fill(source)`, state translated. */
function translateFile(dir: string, lang: string, fill: (text: string) => string, version?: '1.2' | '2.0'): void {
  const path = join(dir, XLF(lang));
  const x = readXliff(read(path));
  const units = x.files[0]!.units.map((u) => ({
    ...u,
    target: u.source.map((r) => (typeof r === 'string' ? fill(r) : r)),
    state: 'translated' as const,
  }));
  writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }, version ?? x.version));
}

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

  it('extract writes XLIFF 1.2 per language, with languages, notes and one unit per sentence', () => {
    const r = locflow(dir, 'extract', '--lang', 'es,fr');
    expect(r.code).toBe(0);
    const xml = read(join(dir, XLF('es')));
    expect(xml).toContain('source-language="en" target-language="es"');
    expect(xml.match(/<trans-unit /gu)).toHaveLength(17);
    expect(xml).toContain('<context context-type="x-role">credit</context>');
    expect(existsSync(join(dir, XLF('fr')))).toBe(true);
    expect(existsSync(join(dir, XLF('de')))).toBe(false);
  });

  it('extract --xliff 2.0 writes XLIFF 2.0 with the date as <ph/>', () => {
    const d = tempProject();
    expect(locflow(d, 'extract', '--xliff', '2.0', '--lang', 'es').code).toBe(0);
    const xml = read(join(d, XLF('es')));
    expect(xml).toContain('version="2.0" srcLang="en" trgLang="es"');
    expect(xml).toMatch(/Updated: <ph id="1" type="other" subType="locflow:date" dataRef="d1"/u);
  });

  it('identity: targets equal to the sources give back the source byte for byte (timestamp excepted), for 1.2 and 2.0', () => {
    for (const version of ['1.2', '2.0'] as const) {
      const d = tempProject();
      expect(locflow(d, 'extract', '--lang', 'es', '--xliff', version).code).toBe(0);
      translateFile(d, 'es', (t) => t);
      const imp = locflow(d, 'import', XLF('es'));
      expect(imp.stderr).toBe('');
      expect(locflow(d, 'build', '--lang', 'es,en').code).toBe(0);
      const source = read(ARTICLE);
      expect(read(join(d, 'locales/en/article.txt'))).toBe(source);
      const es = read(join(d, 'locales/es/article.txt'));
      expect(es).toBe(source.replace('December 05, 2023, 2:15 PM', '5 de diciembre de 2023 a las 14:15'));
    }
  });

  it('identity holds for generated articles too (property, through the CLI)', () => {
    const word = fc.constantFrom(
      'Troops',
      'left',
      'Kirkuk',
      'on',
      'Sunday',
      '1,200',
      'people.',
      'Mr.',
      'Smith',
      'said:',
      '"No."',
      'https://example.com/x',
      '62%',
    );
    const para = fc.array(word, { minLength: 1, maxLength: 15 }).map((ws) => ws.join(' '));
    const article = fc.array(para, { minLength: 2, maxLength: 6 }).map((ps) => ps.join('\n\n') + '\n');
    fc.assert(
      fc.property(article, (text) => {
        const d = tempProject(text);
        expect(locflow(d, 'extract', '--lang', 'es').code).toBe(0);
        translateFile(d, 'es', (t) => t);
        expect(locflow(d, 'import', XLF('es')).code).toBe(0);
        expect(locflow(d, 'build', '--lang', 'es').code).toBe(0);
        expect(read(join(d, 'locales/es/article.txt'))).toBe(text);
      }),
      { numRuns: 8 },
    );
  });

  it('build shows the timestamp in es, fr, de and ar and lists untranslated units', () => {
    const d = tempProject();
    const r = locflow(d, 'build');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/17 untranslated/u);
    const last = (lang: string): string =>
      read(join(d, `locales/${lang}/article.txt`))
        .trim()
        .split('\n')
        .pop()!;
    expect(last('es')).toBe('Updated: 5 de diciembre de 2023 a las 14:15');
    expect(last('fr')).toBe('Updated: 5 décembre 2023 à 14:15');
    expect(last('de')).toBe('Updated: 5. Dezember 2023 um 14:15');
    expect(last('ar')).toMatch(/^Updated: 5 ديسمبر 2023/u);
  });

  it('status counts units and words per state', () => {
    const d = tempProject();
    locflow(d, 'extract', '--lang', 'es');
    const path = join(d, XLF('es'));
    const x = readXliff(read(path));
    const units = x.files[0]!.units.map((u, i) =>
      i < 5 ? { ...u, target: [...u.source], state: (i < 2 ? 'needs-review' : 'translated') as 'translated' } : u,
    );
    writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }));
    expect(locflow(d, 'import', XLF('es')).code).toBe(0);
    const rows = (
      JSON.parse(locflow(d, 'status', '--json', '--lang', 'es').stdout) as {
        results: Array<Record<string, number | string>>;
      }
    ).results;
    expect(rows[0]).toMatchObject({ lang: 'es', units: 17, translated: 3, needsReview: 2, untranslated: 12, stale: 0 });
    expect(rows[0]!.words).toBe(323);
  });

  it('pseudo writes a translated XLIFF that imports and builds, digits and codes intact', () => {
    const d = tempProject();
    expect(locflow(d, 'pseudo', '--lang', 'fr').code).toBe(0);
    expect(locflow(d, 'import', XLF('fr')).code).toBe(0);
    expect(locflow(d, 'build', '--lang', 'fr').code).toBe(0);
    const out = read(join(d, 'locales/fr/article.txt'));
    expect(out).toContain('[Åîŕ šţŕîķé ķîľľš àţ ľéàšţ ƒîṽé ɱîľîţàñţš îñ ñöŕţĥéŕñ Îŕàǫ');
    expect(out).toContain('1,200');
    expect(out).toContain('5 décembre 2023 à 14:15');
    // Pseudo-translation accents names and month names on purpose; digits, codes and placeholders must come through.
    const report = JSON.parse(locflow(d, 'check', '--lang', 'fr', '--format', 'json').stdout) as {
      issues: Array<{ check: string; message: string }>;
    };
    // Spelled-out numbers ("five") are accented like any word, so only digits are expected intact.
    expect(
      report.issues.filter(
        (i) =>
          ['inline-codes', 'placeholders', 'urls-emails', 'empty'].includes(i.check) ||
          /number\(s\) missing from the target: \d|number not in the source: \d/u.test(i.message),
      ),
    ).toEqual([]);
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
    const d = tempProject();
    expect(locflow(d, 'extract', '--lang', 'es').code).toBe(0);
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

  it('an entity declaration (XXE) is refused', () => {
    const d = prepared();
    const path = join(d, XLF('es'));
    writeFileSync(path, read(path).replace('<xliff', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff'));
    const r = locflow(d, 'import', XLF('es'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DOCTYPE declares entities/u);
  });

  it('a wrong target language', () => {
    const d = prepared();
    const path = join(d, XLF('es'));
    writeFileSync(path, read(path).replaceAll('target-language="es"', 'target-language="it"'));
    const r = locflow(d, 'import', XLF('es'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/target language "it" is not a target of this project/u);
    const r2 = locflow(d, 'import', '--lang', 'fr', XLF('es').replace('es', 'es'));
    expect(r2.code).toBe(2);
  });

  it('ids unknown to the source, and stale sources', () => {
    const d = prepared();
    translateFile(d, 'es', (t) => t.toUpperCase());
    const path = join(d, XLF('es'));
    const someId = readXliff(read(path)).files[0]!.units[13]!.id;
    writeFileSync(
      path,
      read(path)
        .replace(`id="${someId}"`, 'id="u000000000000"')
        .replace('<source>Iraqi militia groups', '<source>Iraqi militia group'),
    );
    const r = locflow(d, 'import', XLF('es'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unit "u000000000000" is unknown/u);
    expect(r.stderr).toMatch(/is stale/u);
    expect(r.stderr).toMatch(/nothing was imported/u);
    expect(store(d)).toBeNull();
  });

  it('inline codes missing or added in the target', () => {
    const d = prepared();
    translateFile(d, 'es', (t) => t);
    const path = join(d, XLF('es'));
    const xml = read(path);
    writeFileSync(
      path,
      xml
        .replace(/(<target[^>]*>Updated: )<ph id="1" ctype="x-date">[^<]*<\/ph>/u, '$1')
        .replace(
          '<target xml:lang="es" state="translated">AP',
          '<target xml:lang="es" state="translated">AP<x id="7"/>',
        ),
    );
    const r = locflow(d, 'import', XLF('es'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lacks inline code\(s\) standalone:1 \(date "December 05, 2023, 2:15 PM"\)/u);
    expect(r.stderr).toMatch(/has inline code\(s\) the source does not: standalone:7/u);
  });

  it('an existing different translation is not overwritten without --overwrite', () => {
    const d = prepared();
    translateFile(d, 'es', (t) => `ES ${t}`);
    expect(locflow(d, 'import', XLF('es')).code).toBe(0);
    const before = store(d);
    translateFile(d, 'es', (t) => `OTRO ${t}`);
    const r = locflow(d, 'import', XLF('es'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already have a different translation; pass --overwrite/u);
    expect(store(d)).toBe(before);
    expect(locflow(d, 'import', '--overwrite', XLF('es')).code).toBe(0);
    expect(store(d)).toContain('OTRO ');
  });

  it('extract does not overwrite an XLIFF with translations that are not imported', () => {
    const d = prepared();
    translateFile(d, 'es', (t) => `ES ${t}`);
    const r = locflow(d, 'extract', '--lang', 'es');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not imported/u);
    expect(read(join(d, XLF('es')))).toContain('ES Air strike');
  });

  it('a file the user names outside the project is read, and refused when it is no XLIFF', () => {
    const d = prepared();
    const before = store(d);
    const r = locflow(d, 'import', '/etc/passwd');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/passwd/u);
    expect(store(d)).toBe(before);
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

  it('a bad configuration names the key or path', () => {
    const d = tempProject();
    const cfg = join(d, 'locflow.config.json');
    const base = JSON.parse(read(cfg)) as Record<string, unknown>;
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...base, targetLanguage: ['es'] }, /unknown key "targetLanguage"/u],
      [
        { ...base, targetLanguages: ['es', 'not a code'] },
        /targetLanguages\[1\]: "not a code" is not a language code/u,
      ],
      [{ ...base, sources: ['source/missing.txt'] }, /sources: "source\/missing.txt" does not exist/u],
      [{ ...base, xliff: { version: '1.1' } }, /xliff.version/u],
      [{ ...base, locales: { bundle: '../out/{lang}/{doc}.json' } }, /outside the project/u],
    ];
    for (const [config, message] of cases) {
      writeFileSync(cfg, JSON.stringify(config));
      const r = locflow(d, 'status');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('locflow.config.json');
    }
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
  it('imports a unit that fails a check, marks it needs-review and lists it', () => {
    const d = tempProject();
    expect(locflow(d, 'extract', '--lang', 'es').code).toBe(0);
    translateFile(d, 'es', (t) => numberWordsIn('es', t.replace('1,200', '1.300').replace('62', '26')));
    const r = locflow(d, 'import', XLF('es'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 unit\(s\) imported as needs-review because a check failed/u);
    expect(r.stdout).toMatch(/numbers: number\(s\) missing from the target: 1,200 \(1200\)/u);
    const meta = JSON.parse(read(join(d, 'locales/es/article.meta.json'))) as {
      units: Record<string, { state: string }>;
    };
    const states = Object.values(meta.units).map((u) => u.state);
    expect(states.filter((s) => s === 'needs-review')).toHaveLength(2);
    expect(states).toHaveLength(17);
    const rows = (
      JSON.parse(locflow(d, 'status', '--json', '--lang', 'es').stdout) as { results: Array<Record<string, number>> }
    ).results;
    expect(rows[0]).toMatchObject({ needsReview: 2, translated: 15 });
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
