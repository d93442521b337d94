import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InlineCode } from '../src/model/content.js';
import { pseudoContent, readPseudo } from '../src/mt/pseudo-text.js';
import { debianDictionary } from '../src/qa/checks/spelling.js';
import { loadProject } from '../src/project/load.js';
import { check } from '../src/workflow/check.js';
import { extract } from '../src/workflow/extract.js';
import { importFiles } from '../src/workflow/import.js';
import { pseudo } from '../src/workflow/pseudo.js';
import { translate } from '../src/workflow/translate.js';
import { copyProject, read } from './helpers.js';

const DOC = 'us-strike-northern-iraq';

describe('pseudo-translations are checked for what they say', () => {
  it('readPseudo gives back the source words of a pseudo-translation, codes in place; other text is not pseudo', () => {
    const code: InlineCode = { code: 'standalone', type: 'placeholder', id: '1', data: '{{name}}' };
    const source = ['Hello ', code, ', 62 US troops in Iraq!'];
    for (const options of [{}, { rtl: true }, { expansion: 1 }])
      expect(readPseudo(pseudoContent(source, options))).toEqual(source);
    expect(readPseudo(['Hola, 62 soldados.'])).toBeUndefined();
    expect(readPseudo(['[nota] texto ·]x'])).toBeUndefined();
    expect(readPseudo([code, '[x ·]'])).toBeUndefined();
  });

  it("the quickstart's pseudo draft (translate --engine pseudo) checks clean, and check says why", async () => {
    const project = await loadProject(copyProject());
    await extract(project, { langs: ['es-x-mt'] });
    const t = await translate(project, { engine: 'pseudo', langs: ['es-x-mt'] });
    expect(t.map((r) => r.translated)).toEqual([17]);
    expect(t.flatMap((r) => r.flagged)).toEqual([]);
    const r = await check(project, { langs: ['es-x-mt'] });
    expect(r.issues.filter((i) => i.severity === 'error' || i.severity === 'warning')).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.notices.join('\n')).toMatch(/es-x-mt: 17 pseudo-translated unit\(s\) checked as en text/u);
  });

  it('what a pseudo-translation must keep is still checked: a changed number, a lost name', async () => {
    const d = copyProject();
    const project = await loadProject(d);
    expect(pseudo(project, 'en-XA', { expansion: 0.3 })).toHaveLength(1);
    const file = join(d, 'xliff', 'en-XA', `${DOC}.xlf`);
    const xliff = read(file);
    // "62" becomes "26"; "Ţéĥŕàñ" (Tehran) is dropped.
    const broken = xliff.replace('Åţ ľéàšţ 62', 'Åţ ľéàšţ 26').replace('Ţéĥŕàñ-àľľîéđ', 'àľľîéđ');
    expect(broken).not.toBe(xliff);
    writeFileSync(file, broken);
    const imported = await importFiles(project, [file]);
    expect(imported.flatMap((r) => r.flagged)).toHaveLength(2);
    const r = await check(project, { langs: ['en-XA'] });
    expect(r.exitCode).toBe(1);
    expect([...new Set(r.issues.map((i) => i.check))].sort()).toEqual(['names', 'numbers']);
    // Reported on the pair as it is: its language and its pseudo text.
    expect(r.issues.every((i) => i.lang === 'en-XA' && i.target.startsWith('['))).toBe(true);
  });
});

describe('the spelling hint names a Debian package that exists', () => {
  it('per language and region', () => {
    expect(debianDictionary('en')).toBe('Debian: apt-get install hunspell-en-us');
    expect(debianDictionary('en-GB')).toBe('Debian: apt-get install hunspell-en-gb');
    expect(debianDictionary('de')).toBe('Debian: apt-get install hunspell-de-de');
    expect(debianDictionary('pt-BR')).toBe('Debian: apt-get install hunspell-pt-br');
    expect(debianDictionary('es-x-mt')).toBe('Debian: apt-get install hunspell-es');
    expect(debianDictionary('ja')).toMatch(/no hunspell package for "ja"/u);
  });

  const apt = spawnSync('apt-cache', ['--version']).status === 0;
  it.skipIf(!apt)('each package named is known to apt', () => {
    const packages = ['en', 'de', 'pt-BR', 'ar'].map(
      (lang) => /apt-get install (\S+)/u.exec(debianDictionary(lang))![1]!,
    );
    // One apt-cache for all: each start reads the whole package list (0.5 s, 3 s after an apt-get update).
    const r = spawnSync('apt-cache', ['show', ...packages], { encoding: 'utf8' });
    for (const pkg of packages) expect(r.stdout, pkg).toContain(`Package: ${pkg}`);
  });
});
