import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOnly } from '../src/model/content.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { locflow, read, tempProject } from './helpers.js';

/**
 * Characters XML 1.0 cannot carry (NUL, ESC, U+001A…) in a source travel through XLIFF as codes
 * (2.0 <cp hex="…"/>, 1.2 <ph ctype="x-locflow-cp">) and come back as themselves.
 */
const SOURCE = 'Press \u001B to quit.\n\nEnd of file\u001A here. A nul\u0000 here.\n\n<b>\u0007</b> bell.\n';

describe.each(['1.2', '2.0'])('XLIFF %s', (version) => {
  it('extract writes them as codes, import reads them back, build gives the source back', () => {
    const d = tempProject(SOURCE);
    writeFileSync(join(d, 'locflow.config.json'), JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'], locales: { output: 'build/{lang}/{doc}{ext}' } }));
    const r = locflow(d, 'extract', '--xliff', version);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const path = join(d, 'xliff', 'es', 'article.xlf');
    const xml = read(path);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u);
    expect(xml).toContain(version === '2.0' ? '<cp hex="001B"/>' : 'ctype="x-locflow-cp"');
    const x = readXliff(xml);
    const texts = x.files[0]!.units.map((u) => textOnly(u.source));
    expect(texts.join('|')).toContain('Press \u001B to quit.');
    expect(texts.join('|')).toContain('A nul\u0000 here.');
    // A translation that keeps the characters: imported, and built with them in place.
    const units = x.files[0]!.units.map((u) => ({ ...u, target: u.source.map((run) => (typeof run === 'string' ? run.replace('Press', 'Pulse') : run)), state: 'translated' as const }));
    writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }));
    const imported = locflow(d, 'import', 'xliff/es/article.xlf');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(locflow(d, 'build').code).toBe(0);
    expect(read(join(d, 'build', 'es', 'article.txt'))).toBe(SOURCE.replace('Press', 'Pulse'));
    expect(locflow(d, 'build', '--lang', 'en').code).toBe(0);
    expect(read(join(d, 'build', 'en', 'article.txt'))).toBe(SOURCE);
  });
});
