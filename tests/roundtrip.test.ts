import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locflow, type CliResult } from './helpers.js';
import { hasApertium } from './mt-helpers.js';

/** A project with a Markdown page and an HTML page whose sentences carry paired codes (bold, links). */
function pagesProject(version: '1.2' | '2.0' = '1.2'): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-roundtrip-'));
  mkdirSync(join(dir, 'source'));
  writeFileSync(
    join(dir, 'source', 'pricing.md'),
    '# Pricing\n\nOur **Pro plan** costs more. See [the docs](https://example.com/docs) for details.\n',
  );
  writeFileSync(
    join(dir, 'source', 'about.html'),
    '<!doctype html>\n<html><body><p>Read <a href="/team">our team page</a> today.</p></body></html>\n',
  );
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify(
      {
        sourceLanguage: 'en',
        targetLanguages: ['es'],
        sources: ['source/*.md', 'source/*.html'],
        xliff: { version, path: 'xliff/{lang}/{doc}.xlf' },
      },
      null,
      2,
    ),
  );
  return dir;
}

function ok(r: CliResult): CliResult {
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code).toBe(0);
  return r;
}

const xlf = (dir: string, doc: string): string => join(dir, 'xliff', 'es', `${doc}.xlf`);

describe.skipIf(!hasApertium)('round trips with paired inline codes', () => {
  for (const version of ['1.2', '2.0'] as const) {
    it(`XLIFF ${version}: extract, translate, extract, extract goes through (paired codes are no "translations not imported")`, () => {
      const d = pagesProject(version);
      ok(locflow(d, 'extract'));
      ok(locflow(d, 'translate', '--engine', 'apertium', '--lang', 'es'));
      ok(locflow(d, 'extract'));
      ok(locflow(d, 'extract'));
      expect(readFileSync(xlf(d, 'pricing'), 'utf8')).toContain(version === '1.2' ? '<g id=' : '<pc id=');
    });
  }

  it('XLIFF 1.2: after --force and after a human import, extract still goes through', () => {
    const d = pagesProject('1.2');
    ok(locflow(d, 'extract'));
    ok(locflow(d, 'translate', '--engine', 'apertium', '--lang', 'es'));
    ok(locflow(d, 'extract', '--force'));
    ok(locflow(d, 'extract'));
    // A human fixes one machine draft and imports it.
    const file = xlf(d, 'about');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(
      /(<target[^>]*>)[^<]*(<g id="1"[^>]*>)[^<]*(<\/g>)[^<]*(<\/target>)/u,
      '$1Lea $2la página de nuestro equipo$3 hoy.$4',
    );
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    ok(locflow(d, 'import', file, '--overwrite'));
    ok(locflow(d, 'extract'));
    ok(locflow(d, 'extract'));
    expect(readFileSync(file, 'utf8')).toContain('la página de nuestro equipo</g> hoy.');
  });
});

describe.skipIf(!hasApertium)('post-edited machine translations', () => {
  for (const version of ['1.2', '2.0'] as const) {
    it(`XLIFF ${version}: a target a translator changed and marked final imports without --overwrite as a human translation, into the memory`, () => {
      const d = pagesProject(version);
      ok(locflow(d, 'extract'));
      ok(locflow(d, 'translate', '--engine', 'apertium', '--lang', 'es'));
      ok(locflow(d, 'extract'));
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
      const imp = ok(locflow(d, 'import', file));
      expect(imp.stdout).toMatch(/1 imported/u);

      const meta = JSON.parse(readFileSync(join(d, 'locales', 'es', 'about.meta.json'), 'utf8')) as {
        units: Record<string, { state: string; origin: string }>;
      };
      const post = Object.values(meta.units).find((m) => m.state === 'final')!;
      expect(post).toMatchObject({ state: 'final', origin: 'human' });

      const tmx = join(d, 'memory.tmx');
      ok(locflow(d, 'tm', 'export', '-o', 'memory.tmx'));
      expect(readFileSync(tmx, 'utf8')).toContain('la página de nuestro equipo');

      ok(locflow(d, 'extract'));
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

  it('a file whose target differs from a store that changed after the export is still a conflict', () => {
    const d = pagesProject('1.2');
    ok(locflow(d, 'extract'));
    ok(locflow(d, 'translate', '--engine', 'apertium', '--lang', 'es'));
    ok(locflow(d, 'extract'));
    const file = xlf(d, 'about');
    const sent = readFileSync(file, 'utf8');
    // Someone else's translation reaches the store after the file went out…
    const other = sent.replace(
      /(<target[^>]*>)[^<]*(<g id="1"[^>]*>)[^<]*(<\/g>)[^<]*(<\/target>)/u,
      '$1Vea $2el equipo$3 hoy.$4',
    );
    writeFileSync(file, other);
    ok(locflow(d, 'import', file, '--overwrite'));
    // …and the first translator's edit of the file as it was sent comes back.
    writeFileSync(
      file,
      sent.replace(/(<target[^>]*>)[^<]*(<g id="1"[^>]*>)[^<]*(<\/g>)[^<]*(<\/target>)/u, '$1Lea $2la página$3 hoy.$4'),
    );
    const r = locflow(d, 'import', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pass --overwrite/u);
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
  it('build refuses before writing anything when one output would land on the translation store', () => {
    const d = appProject();
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify(
        { sourceLanguage: 'en', targetLanguages: ['es'], sources: ['content/*.md', 'app/*.json'] },
        null,
        2,
      ),
    );
    ok(locflow(d, 'extract'));
    const r = locflow(d, 'build');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would be written over the translation store[\s\S]*locales\.output/u);
    expect(existsSync(join(d, 'locales', 'es', 'pricing.md'))).toBe(false);
    expect(existsSync(join(d, 'locales', 'es', 'common.json'))).toBe(false);
    expect(r.stderr).toMatch(/nothing was written/u);
  });

  it('init with JSON sources sets an output apart from the store: init, extract, build go through', () => {
    const d = appProject();
    ok(locflow(d, 'init', '--lang', 'es', '--sources', 'content/*.md,app/*.json'));
    const config = JSON.parse(readFileSync(join(d, 'locflow.config.json'), 'utf8')) as {
      locales: { bundle: string; output: string };
    };
    expect(config.locales.output).not.toBe(config.locales.bundle.replace('.json', '{ext}'));
    ok(locflow(d, 'extract'));
    const b = ok(locflow(d, 'build'));
    expect(b.stdout).toMatch(/common\.json/u);
    const built = (JSON.parse(readFileSync(join(d, 'build', 'es', 'common.json'), 'utf8')) as { title: string }).title;
    expect(built).toBe('Welcome');
    expect(readFileSync(join(d, 'build', 'es', 'pricing.md'), 'utf8')).toContain('Pricing');
  });

  it('init with Markdown sources only keeps the outputs beside the store', () => {
    const d = appProject();
    ok(locflow(d, 'init', '--lang', 'es', '--sources', 'content/*.md'));
    ok(locflow(d, 'build'));
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

  it('translate --engine pseudo refuses a real language, and fills it only with --force', () => {
    const d = project(['de', 'en-XA']);
    const r = locflow(d, 'translate', '--engine', 'pseudo', '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"de" is not a pseudo-locale[\s\S]*en-XA[\s\S]*--force/u);
    expect(existsSync(join(d, 'locales', 'de', 'pricing.json'))).toBe(false);
    // Without --lang, every target: refused while one of them is real, with nothing written.
    expect(locflow(d, 'translate', '--engine', 'pseudo').code).toBe(2);
    expect(existsSync(join(d, 'locales', 'en-XA', 'pricing.json'))).toBe(false);
    ok(locflow(d, 'translate', '--engine', 'pseudo', '--lang', 'de', '--force'));
    expect(readFileSync(join(d, 'locales', 'de', 'pricing.json'), 'utf8')).toMatch(/Ƥŕîçîñĝ|\[/u);
  });

  it('pseudo-locales (en-XA, ar-XB, qps-ploc) and private-use drafts (es-x-mt) are pseudo-translated without --force', () => {
    const d = project(['en-XA', 'ar-XB', 'qps-ploc', 'es-x-mt']);
    ok(locflow(d, 'translate', '--engine', 'pseudo'));
    // qps-ploc is stored under its canonical form, qps-Ploc.
    for (const lang of ['en-XA', 'ar-XB', 'qps-Ploc', 'es-x-mt'])
      expect(existsSync(join(d, 'locales', lang, 'pricing.json')), lang).toBe(true);
  });
});
