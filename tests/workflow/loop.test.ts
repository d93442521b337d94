import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { build } from '../../src/workflow/build.js';
import { check } from '../../src/workflow/check.js';
import { extract } from '../../src/workflow/extract.js';
import { importFiles } from '../../src/workflow/import.js';
import { pseudo } from '../../src/workflow/pseudo.js';
import { status } from '../../src/workflow/status.js';
import { readXliff } from '../../src/xliff/read.js';
import { writeXliff } from '../../src/xliff/write.js';
import { ARTICLE, numberWordsIn, read, refusal, tempProject, translateFile } from '../helpers.js';

/**
 * The translation loop called in process — extract, import, build, status, pseudo, check — on temporary
 * projects: what each step writes and refuses. The CLI's own tests (tests/cli.test.ts) keep its wiring,
 * exit codes and messages.
 */
const XLF = (lang: string): string => `xliff/${lang}/article.xlf`;

const open = (dir: string) => loadProject(dir);

describe('the loop, in process', () => {
  it('extract writes XLIFF 1.2 per language, with languages, notes and one unit per sentence', async () => {
    const dir = tempProject();
    const results = await extract(await open(dir), { langs: ['es', 'fr'] });
    expect(results.map((r) => r.lang)).toEqual(['es', 'fr']);
    const xml = read(join(dir, XLF('es')));
    expect(xml).toContain('source-language="en" target-language="es"');
    expect(xml.match(/<trans-unit /gu)).toHaveLength(17);
    expect(xml).toContain('<context context-type="x-role">credit</context>');
    expect(existsSync(join(dir, XLF('fr')))).toBe(true);
    expect(existsSync(join(dir, XLF('de')))).toBe(false);
  });

  it('extract with XLIFF 2.0 writes the date as <ph/>', async () => {
    const d = tempProject();
    await extract(await open(d), { version: '2.0', langs: ['es'] });
    const xml = read(join(d, XLF('es')));
    expect(xml).toContain('version="2.0" srcLang="en" trgLang="es"');
    expect(xml).toMatch(/Updated: <ph id="1" type="other" subType="locflow:date" dataRef="d1"/u);
  });

  it('identity: targets equal to the sources give back the source byte for byte (timestamp excepted), for 1.2 and 2.0', async () => {
    for (const version of ['1.2', '2.0'] as const) {
      const d = tempProject();
      const project = await open(d);
      await extract(project, { langs: ['es'], version });
      translateFile(d, 'es', (t) => t);
      const [imported] = await importFiles(project, [XLF('es')]);
      expect(imported).toMatchObject({ imported: 17, untranslated: 0 });
      await build(project, { langs: ['es', 'en'] });
      const source = read(ARTICLE);
      expect(read(join(d, 'locales/en/article.txt'))).toBe(source);
      const es = read(join(d, 'locales/es/article.txt'));
      expect(es).toBe(source.replace('December 05, 2023, 2:15 PM', '5 de diciembre de 2023 a las 14:15'));
    }
  });

  it('identity holds for generated articles too (property)', async () => {
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
    await fc.assert(
      fc.asyncProperty(article, async (text) => {
        const d = tempProject(text);
        const project = await open(d);
        await extract(project, { langs: ['es'] });
        translateFile(d, 'es', (t) => t);
        await importFiles(project, [XLF('es')]);
        await build(project, { langs: ['es'] });
        expect(read(join(d, 'locales/es/article.txt'))).toBe(text);
      }),
      { numRuns: 8 },
    );
  });

  it('build shows the timestamp in es, fr, de and ar and lists untranslated units', async () => {
    const d = tempProject();
    const results = await build(await open(d));
    expect(results.map((r) => r.untranslated.length)).toEqual([17, 17, 17, 17]);
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

  it('status counts units and words per state', async () => {
    const d = tempProject();
    const project = await open(d);
    await extract(project, { langs: ['es'] });
    const path = join(d, XLF('es'));
    const x = readXliff(read(path));
    const units = x.files[0]!.units.map((u, i) =>
      i < 5 ? { ...u, target: [...u.source], state: (i < 2 ? 'needs-review' : 'translated') as 'translated' } : u,
    );
    writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }));
    await importFiles(project, [XLF('es')]);
    const rows = status(project, { langs: ['es'] });
    expect(rows[0]).toMatchObject({ lang: 'es', units: 17, translated: 3, needsReview: 2, untranslated: 12, stale: 0 });
    expect(rows[0]!.words).toBe(323);
  });

  it('pseudo writes a translated XLIFF that imports and builds, digits and codes intact', async () => {
    const d = tempProject();
    const project = await open(d);
    pseudo(project, 'fr');
    await importFiles(project, [XLF('fr')]);
    await build(project, { langs: ['fr'] });
    const out = read(join(d, 'locales/fr/article.txt'));
    expect(out).toContain('[Åîŕ šţŕîķé ķîľľš àţ ľéàšţ ƒîṽé ɱîľîţàñţš îñ ñöŕţĥéŕñ Îŕàǫ');
    expect(out).toContain('1,200');
    expect(out).toContain('5 décembre 2023 à 14:15');
    // Pseudo-translation accents names and month names on purpose; digits, codes and placeholders must come through.
    const report = await check(project, { langs: ['fr'] });
    // Spelled-out numbers ("five") are accented like any word, so only digits are expected intact.
    expect(
      report.issues.filter(
        (i) =>
          ['inline-codes', 'placeholders', 'urls-emails', 'empty'].includes(i.check) ||
          /number\(s\) missing from the target: \d|number not in the source: \d/u.test(i.message),
      ),
    ).toEqual([]);
  });
});

describe('bad input is refused with a clear message, exit code 2 and nothing lost', () => {
  async function prepared(): Promise<string> {
    const d = tempProject();
    await extract(await open(d), { langs: ['es'] });
    return d;
  }
  const store = (d: string): string | null =>
    existsSync(join(d, 'locales/es/article.json')) ? read(join(d, 'locales/es/article.json')) : null;
  const importing = async (d: string, files: string[], options = {}) =>
    refusal(async () => importFiles(await open(d), files, options));

  it('an entity declaration (XXE) is refused', async () => {
    const d = await prepared();
    const path = join(d, XLF('es'));
    writeFileSync(path, read(path).replace('<xliff', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff'));
    const r = await importing(d, [XLF('es')]);
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/DOCTYPE declares entities/u);
  });

  it('a wrong target language', async () => {
    const d = await prepared();
    const path = join(d, XLF('es'));
    writeFileSync(path, read(path).replaceAll('target-language="es"', 'target-language="it"'));
    const r = await importing(d, [XLF('es')]);
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/target language "it" is not a target of this project/u);
    const r2 = await importing(d, [XLF('es')], { lang: 'fr' });
    expect(r2.code).toBe(2);
  });

  it('ids unknown to the source, and stale sources', async () => {
    const d = await prepared();
    translateFile(d, 'es', (t) => t.toUpperCase());
    const path = join(d, XLF('es'));
    const someId = readXliff(read(path)).files[0]!.units[13]!.id;
    writeFileSync(
      path,
      read(path)
        .replace(`id="${someId}"`, 'id="u000000000000"')
        .replace('<source>Iraqi militia groups', '<source>Iraqi militia group'),
    );
    const r = await importing(d, [XLF('es')]);
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/unit "u000000000000" is unknown/u);
    expect(r.message).toMatch(/is stale/u);
    expect(r.message).toMatch(/nothing was imported/u);
    expect(store(d)).toBeNull();
  });

  it('inline codes missing or added in the target', async () => {
    const d = await prepared();
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
    const r = await importing(d, [XLF('es')]);
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/lacks inline code\(s\) standalone:1 \(date "December 05, 2023, 2:15 PM"\)/u);
    expect(r.message).toMatch(/has inline code\(s\) the source does not: standalone:7/u);
  });

  it('an existing different translation is not overwritten without overwrite', async () => {
    const d = await prepared();
    const project = await open(d);
    translateFile(d, 'es', (t) => `ES ${t}`);
    await importFiles(project, [XLF('es')]);
    const before = store(d);
    translateFile(d, 'es', (t) => `OTRO ${t}`);
    const r = await importing(d, [XLF('es')]);
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/already have a different translation; pass --overwrite/u);
    expect(store(d)).toBe(before);
    await importFiles(project, [XLF('es')], { overwrite: true });
    expect(store(d)).toContain('OTRO ');
  });

  it('extract does not overwrite an XLIFF with translations that are not imported', async () => {
    const d = await prepared();
    translateFile(d, 'es', (t) => `ES ${t}`);
    const r = await refusal(async () => extract(await open(d), { langs: ['es'] }));
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/not imported/u);
    expect(read(join(d, XLF('es')))).toContain('ES Air strike');
  });

  it('a file the user names outside the project is read, and refused when it is no XLIFF', async () => {
    const d = await prepared();
    const before = store(d);
    const r = await importing(d, ['/etc/passwd']);
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/passwd/u);
    expect(store(d)).toBe(before);
  });

  it('an XLIFF back from a translator in a folder outside the project imports', async () => {
    const d = await prepared();
    const downloads = mkdtempSync(join(tmpdir(), 'downloads-'));
    translateFile(d, 'es', (t) => `ES ${t}`);
    const returned = join(downloads, 'article.es.xlf');
    writeFileSync(returned, read(join(d, XLF('es'))));
    await importFiles(await open(d), [returned]);
    expect(store(d)).toContain('ES ');
  });

  it('a bad configuration names the key or path, and the file', async () => {
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
      const r = await refusal(() => open(d));
      expect(r.code).toBe(2);
      expect(r.message).toMatch(message);
      expect(r.message).toContain('locflow.config.json');
    }
  });
});

describe('import runs the error-level checks', () => {
  it('imports a unit that fails a check, marks it needs-review and lists it with the reason', async () => {
    const d = tempProject();
    const project = await open(d);
    await extract(project, { langs: ['es'] });
    const numbers = (t: string) => t.replace('1,200', '1.300').replace('62', '26');
    translateFile(d, 'es', (t) => numberWordsIn('es', numbers(t)));
    const [r] = await importFiles(project, [XLF('es')]);
    expect(r!.flagged).toHaveLength(2);
    expect(r!.flagged.flatMap((f) => f.problems)).toContainEqual(
      expect.stringMatching(/^numbers: number\(s\) missing from the target: 1,200 \(1200\)/u),
    );
    const meta = JSON.parse(read(join(d, 'locales/es/article.meta.json'))) as {
      units: Record<string, { state: string }>;
    };
    const states = Object.values(meta.units).map((u) => u.state);
    expect(states.filter((s) => s === 'needs-review')).toHaveLength(2);
    expect(states).toHaveLength(17);
    expect(status(project, { langs: ['es'] })[0]).toMatchObject({ needsReview: 2, translated: 15 });
  });
});
