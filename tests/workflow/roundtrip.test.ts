import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { build } from '../../src/workflow/build.js';
import { extract, type ExtractOptions } from '../../src/workflow/extract.js';
import { importFiles } from '../../src/workflow/import.js';
import { init } from '../../src/workflow/init.js';
import { tmExport } from '../../src/workflow/tm.js';
import { translate } from '../../src/workflow/translate.js';
import { projectWith, refusal } from '../helpers.js';
import { hasApertium } from '../mt-helpers.js';

/** The round trips called in process: extract, translate, import and build on temporary projects. */

/** A project with a Markdown page and an HTML page whose sentences carry paired codes (bold, links). */
function pagesProject(version: '1.2' | '2.0' = '1.2'): string {
  return projectWith(
    {
      'source/pricing.md':
        '# Pricing\n\nOur **Pro plan** costs more. See [the docs](https://example.com/docs) for details.\n',
      'source/about.html':
        '<!doctype html>\n<html><body><p>Read <a href="/team">our team page</a> today.</p></body></html>\n',
    },
    {
      sourceLanguage: 'en',
      targetLanguages: ['es'],
      sources: ['source/*.md', 'source/*.html'],
      xliff: { version, path: 'xliff/{lang}/{doc}.xlf' },
    },
  );
}

const extracted = async (d: string, options: ExtractOptions = {}) => extract(await loadProject(d), options);
const translated = async (d: string, engine: string, langs?: string[], force = false) =>
  translate(await loadProject(d), { engine, ...(langs ? { langs } : {}), force });
const imported = async (d: string, file: string, overwrite = false) =>
  importFiles(await loadProject(d), [file], { overwrite });
const built = async (d: string) => build(await loadProject(d));

const xlf = (dir: string, doc: string): string => join(dir, 'xliff', 'es', `${doc}.xlf`);

describe.skipIf(!hasApertium)('round trips with paired inline codes', () => {
  for (const version of ['1.2', '2.0'] as const) {
    it(`XLIFF ${version}: extract, translate, extract, extract goes through (paired codes are no "translations not imported")`, async () => {
      const d = pagesProject(version);
      await extracted(d);
      await translated(d, 'apertium', ['es']);
      await extracted(d);
      await extracted(d);
      expect(readFileSync(xlf(d, 'pricing'), 'utf8')).toContain(version === '1.2' ? '<g id=' : '<pc id=');
    });
  }

  it('XLIFF 1.2: after --force and after a human import, extract still goes through', async () => {
    const d = pagesProject('1.2');
    await extracted(d);
    await translated(d, 'apertium', ['es']);
    await extracted(d, { force: true });
    await extracted(d);
    // A human fixes one machine draft and imports it.
    const file = xlf(d, 'about');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(
      /(<target[^>]*>)[^<]*(<g id="1"[^>]*>)[^<]*(<\/g>)[^<]*(<\/target>)/u,
      '$1Lea $2la página de nuestro equipo$3 hoy.$4',
    );
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    await imported(d, file, true);
    await extracted(d);
    await extracted(d);
    expect(readFileSync(file, 'utf8')).toContain('la página de nuestro equipo</g> hoy.');
  });
});

describe.skipIf(!hasApertium)('post-edited machine translations', () => {
  for (const version of ['1.2', '2.0'] as const) {
    it(`XLIFF ${version}: a target a translator changed and marked final imports without --overwrite as a human translation, into the memory`, async () => {
      const d = pagesProject(version);
      await extracted(d);
      await translated(d, 'apertium', ['es']);
      await extracted(d);
      const file = xlf(d, 'about');
      const text = readFileSync(file, 'utf8');
      // The CAT tool keeps the machine-translation marks (state-qualifier / lf:origin); the translator changes the words and sets final.
      const edited =
        version === '1.2'
          ? text.replace(
              /<target([^>]*) state="translated"([^>]*)>[^<]*(<g id="1"[^>]*>)[^<]*(<\/g>)[^<]*<\/target>/u,
              '<target$1 state="final"$2>Lea $3la página de nuestro equipo$4 hoy.</target>',
            )
          : text.replace(
              /<segment([^>]*) state="translated">([\s\S]*?)<target([^>]*)>[^<]*(<pc id="1"[^>]*>)[^<]*(<\/pc>)[^<]*<\/target>/u,
              '<segment$1 state="final">$2<target$3>Lea $4la página de nuestro equipo$5 hoy.</target>',
            );
      expect(edited).not.toBe(text);
      expect(edited).toMatch(version === '1.2' ? /state-qualifier="leveraged-mt"/u : /lf:origin="mt:apertium"/u);
      writeFileSync(file, edited);
      const [imp] = await imported(d, file);
      expect(imp!.imported).toBe(1);

      const meta = JSON.parse(readFileSync(join(d, 'locales', 'es', 'about.meta.json'), 'utf8')) as {
        units: Record<string, { state: string; origin: string }>;
      };
      const post = Object.values(meta.units).find((m) => m.state === 'final')!;
      expect(post).toMatchObject({ state: 'final', origin: 'human' });

      const tmx = join(d, 'memory.tmx');
      await tmExport(await loadProject(d), tmx);
      expect(readFileSync(tmx, 'utf8')).toContain('la página de nuestro equipo');

      await extracted(d);
      const again = readFileSync(file, 'utf8');
      expect(again).toContain('la página de nuestro equipo');
      const unit =
        version === '1.2'
          ? /<trans-unit[^>]*>(?:(?!<\/trans-unit>)[\s\S])*página de nuestro equipo[\s\S]*?<\/trans-unit>/u
          : /<unit [^>]*>(?:(?!<\/unit>)[\s\S])*página de nuestro equipo[\s\S]*?<\/unit>/u;
      const written = unit.exec(again)![0];
      expect(written).not.toMatch(/leveraged-mt|lf:origin="mt/u);
      expect(written).toMatch(/final/u);
    });
  }

  it('a file whose target differs from a store that changed after the export is still a conflict', async () => {
    const d = pagesProject('1.2');
    await extracted(d);
    await translated(d, 'apertium', ['es']);
    await extracted(d);
    const file = xlf(d, 'about');
    const sent = readFileSync(file, 'utf8');
    // Someone else's translation reaches the store after the file went out…
    const other = sent.replace(
      /(<target[^>]*>)[^<]*(<g id="1"[^>]*>)[^<]*(<\/g>)[^<]*(<\/target>)/u,
      '$1Vea $2el equipo$3 hoy.$4',
    );
    writeFileSync(file, other);
    await imported(d, file, true);
    // …and the first translator's edit of the file as it was sent comes back.
    writeFileSync(
      file,
      sent.replace(/(<target[^>]*>)[^<]*(<g id="1"[^>]*>)[^<]*(<\/g>)[^<]*(<\/target>)/u, '$1Lea $2la página$3 hoy.$4'),
    );
    const r = await refusal(() => imported(d, file));
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/pass --overwrite/u);
  });
});

/** A Markdown page and an i18next file, laid out as apps are. */
function appProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-app-'));
  mkdirSync(join(dir, 'content'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'content', 'pricing.md'), '# Pricing\n\nOur plans start at $5.\n');
  writeFileSync(
    join(dir, 'app', 'common.json'),
    JSON.stringify(
      { title: 'Welcome', inbox: { count_one: '{{count}} message', count_other: '{{count}} messages' } },
      null,
      2,
    ),
  );
  return dir;
}

describe('build writes all or nothing; init keeps JSON builds off the store', () => {
  it('build refuses before writing anything when one output would land on the translation store', async () => {
    const d = appProject();
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify(
        { sourceLanguage: 'en', targetLanguages: ['es'], sources: ['content/*.md', 'app/*.json'] },
        null,
        2,
      ),
    );
    await extracted(d);
    const r = await refusal(() => built(d));
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/would be written over the translation store[\s\S]*locales\.output/u);
    expect(existsSync(join(d, 'locales', 'es', 'pricing.md'))).toBe(false);
    expect(existsSync(join(d, 'locales', 'es', 'common.json'))).toBe(false);
    expect(r.message).toMatch(/nothing was written/u);
  });

  it('init with JSON sources sets an output apart from the store: init, extract, build go through', async () => {
    const d = appProject();
    init(d, { targetLanguages: ['es'], sources: ['content/*.md', 'app/*.json'] });
    const config = JSON.parse(readFileSync(join(d, 'locflow.config.json'), 'utf8')) as {
      locales: { bundle: string; output: string };
    };
    expect(config.locales.output).not.toBe(config.locales.bundle.replace('.json', '{ext}'));
    await extracted(d);
    const b = await built(d);
    expect(b.map((r) => r.file)).toContainEqual(expect.stringMatching(/common\.json$/u));
    const title = (JSON.parse(readFileSync(join(d, 'build', 'es', 'common.json'), 'utf8')) as { title: string }).title;
    expect(title).toBe('Welcome');
    expect(readFileSync(join(d, 'build', 'es', 'pricing.md'), 'utf8')).toContain('Pricing');
  });

  it('init with Markdown sources only keeps the outputs beside the store', async () => {
    const d = appProject();
    init(d, { targetLanguages: ['es'], sources: ['content/*.md'] });
    await built(d);
    expect(existsSync(join(d, 'locales', 'es', 'pricing.md'))).toBe(true);
  });
});

describe('pseudo-translation belongs to pseudo-locales', () => {
  function project(targets: readonly string[]): string {
    const d = appProject();
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: targets, sources: ['content/*.md'] }, null, 2),
    );
    return d;
  }

  it('translate --engine pseudo refuses a real language, and fills it only with --force', async () => {
    const d = project(['de', 'en-XA']);
    const r = await refusal(() => translated(d, 'pseudo', ['de']));
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/"de" is not a pseudo-locale[\s\S]*en-XA[\s\S]*--force/u);
    expect(existsSync(join(d, 'locales', 'de', 'pricing.json'))).toBe(false);
    // Without --lang, every target: refused while one of them is real, with nothing written.
    expect((await refusal(() => translated(d, 'pseudo'))).code).toBe(2);
    expect(existsSync(join(d, 'locales', 'en-XA', 'pricing.json'))).toBe(false);
    await translated(d, 'pseudo', ['de'], true);
    expect(readFileSync(join(d, 'locales', 'de', 'pricing.json'), 'utf8')).toMatch(/Ƥŕîçîñĝ|\[/u);
  });

  it('pseudo-locales (en-XA, ar-XB, qps-ploc) and private-use drafts (es-x-mt) are pseudo-translated without --force', async () => {
    const d = project(['en-XA', 'ar-XB', 'qps-ploc', 'es-x-mt']);
    await translated(d, 'pseudo');
    // qps-ploc is stored under its canonical form, qps-Ploc.
    for (const lang of ['en-XA', 'ar-XB', 'qps-Ploc', 'es-x-mt'])
      expect(existsSync(join(d, 'locales', lang, 'pricing.json')), lang).toBe(true);
  });
});
