import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOnly } from '../src/model/content.js';
import { readTmx, writeTmx } from '../src/tm/tmx.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { locflowInProcess, read, tempProject } from './helpers.js';

/**
 * Characters XML 1.0 cannot carry (NUL, ESC, U+001A…) in a source travel through XLIFF as codes
 * (2.0 <cp hex="…"/>, 1.2 <ph ctype="x-locflow-cp">) and come back as themselves.
 */
const SOURCE = 'Press \u001B to quit.\n\nEnd of file\u001A here. A nul\u0000 here.\n\n<b>\u0007</b> bell.\n';

describe.each(['1.2', '2.0'])('XLIFF %s', (version) => {
  it('extract writes them as codes, import reads them back, build gives the source back', async () => {
    const d = tempProject(SOURCE);
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({
        sourceLanguage: 'en',
        targetLanguages: ['es'],
        sources: ['source/*.txt'],
        locales: { output: 'build/{lang}/{doc}{ext}' },
      }),
    );
    const r = await locflowInProcess(d, 'extract', '--xliff', version);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const path = join(d, 'xliff', 'es', 'article.xlf');
    const xml = read(path);

    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u);
    expect(xml).toContain(version === '2.0' ? '<cp hex="001B"/>' : 'ctype="x-locflow-cp"');
    const x = readXliff(xml);
    const texts = x.files[0]!.units.map((u) => textOnly(u.source));
    expect(texts.join('|')).toContain('Press \u001B to quit.');
    expect(texts.join('|')).toContain('A nul\u0000 here.');
    // A translation that keeps the characters: imported, and built with them in place.
    const units = x.files[0]!.units.map((u) => ({
      ...u,
      target: u.source.map((run) => (typeof run === 'string' ? run.replace('Press', 'Pulse') : run)),
      state: 'translated' as const,
    }));
    writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }));
    const imported = await locflowInProcess(d, 'import', 'xliff/es/article.xlf');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect((await locflowInProcess(d, 'build')).code).toBe(0);
    expect(read(join(d, 'build', 'es', 'article.txt'))).toBe(SOURCE.replace('Press', 'Pulse'));
    expect((await locflowInProcess(d, 'build', '--lang', 'en')).code).toBe(0);
    expect(read(join(d, 'build', 'en', 'article.txt'))).toBe(SOURCE);
  });
});

describe('TMX', () => {
  it('tm export writes them as <ph type="x-locflow-cp">, tm import reads them back', () => {
    const entry = {
      sourceLang: 'en',
      targetLang: 'es',
      source: 'Press \u001B {{x1}} now\u0000.',
      target: 'Pulse \u001B {{x1}} ya\u0000.',
      codes: { x1: '<br/>' },
      origin: 'human',
    };
    const tmx = writeTmx([entry], 'en');

    expect(tmx).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u);
    const [back] = readTmx(tmx, 'en', ['es']);
    expect(back).toMatchObject({ source: entry.source, target: entry.target, codes: entry.codes });
    // OmegaT cannot carry them: shown as Control Pictures, and still well-formed.
    expect(writeTmx([entry], 'en', { omegat: true })).toContain('Press \u241B');
  });

  it('on the command line: import, tm export, tm import into another project', async () => {
    const d = tempProject(SOURCE);
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
    );
    expect((await locflowInProcess(d, 'extract')).code).toBe(0);
    const path = join(d, 'xliff', 'es', 'article.xlf');
    const x = readXliff(read(path));
    writeFileSync(
      path,
      writeXliff({
        ...x,
        files: [
          {
            ...x.files[0]!,
            units: x.files[0]!.units.map((u) => ({ ...u, target: u.source, state: 'translated' as const })),
          },
        ],
      }),
    );
    expect((await locflowInProcess(d, 'import', 'xliff/es/article.xlf')).code).toBe(0);
    const exported = await locflowInProcess(d, 'tm', 'export', '-o', 'out.tmx');
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(
      readTmx(read(join(d, 'out.tmx')), 'en', ['es'])
        .map((e) => e.target)
        .join('|'),
    ).toContain('Press \u001B to quit.');
    const other = tempProject();
    writeFileSync(join(other, 'out.tmx'), read(join(d, 'out.tmx')));
    const imported = await locflowInProcess(other, 'tm', 'import', 'out.tmx');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  });
});
