import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandBraces, fixedRoot } from '../src/project/glob.js';
import { loadProject } from '../src/project/load.js';
import { fillTemplate } from '../src/project/paths.js';
import { build } from '../src/workflow/build.js';
import { extract, type ExtractResult } from '../src/workflow/extract.js';
import { importFiles } from '../src/workflow/import.js';
import { translate } from '../src/workflow/translate.js';
import { locflowInProcess, read, refusal, tempProject } from './helpers.js';

/**
 * Source patterns, called in process (extract, import, translate, build on temporary projects); one CLI run
 * keeps the wiring of a refusal at load (exit 2 for every command).
 */

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** content/index.md at depth 0, two pricing.md in different folders, one page two folders down. */
function nestedProject(config: Record<string, unknown> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'locflow-glob-'));
  write(d, 'content/index.md', '# Home\n\nWelcome to our site.\n');
  write(d, 'content/en/pricing.md', '# Pricing\n\nThe **basic** plan costs 10 dollars.\n');
  write(d, 'content/pro/pricing.md', '# Pricing\n\nThe pro plan costs 30 dollars.\n');
  write(d, 'content/pro/deep/faq.md', '# Questions\n\nAsk us anything.\n');
  write(
    d,
    'locflow.config.json',
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['content/**/*.md'], ...config }, null, 2),
  );
  return d;
}

/** Gives every unit of an XLIFF 1.2 file a target: the source with a marker word in front, codes kept. */
function translateXliff(file: string, marker: string): void {
  const text = read(file);
  const done = text.replace(
    /<source>([\s\S]*?)<\/source>/gu,
    `<source>$1</source>\n        <target state="translated">${marker} $1</target>`,
  );
  expect(done).not.toBe(text);
  writeFileSync(file, done);
}

describe('source patterns', async () => {
  it('"**" matches at depth 0 and deeper; ids are paths from the fixed folder, and XLIFF, bundles and outputs keep the folders', async () => {
    const d = nestedProject();
    write(d, 'content/.drafts/secret.md', '# Draft\n');
    write(d, 'content/node_modules/pkg/readme.md', '# Package\n');
    write(d, 'content/notes.txt', 'Not Markdown.\n');
    const r = await extract(await loadProject(d));
    for (const id of ['index', 'en/pricing', 'pro/pricing', 'pro/deep/faq']) {
      expect(files(d, r)).toContain(`xliff/es/${id}.xlf`);
      expect(existsSync(join(d, 'xliff', 'es', `${id}.xlf`)), id).toBe(true);
    }
    expect(files(d, r).join('\n')).not.toMatch(/secret|readme|notes/u);
    expect(r).toHaveLength(4);
    expect(read(join(d, 'xliff', 'es', 'pro', 'pricing.xlf'))).toContain('original="content/pro/pricing.md"');
  });

  it('nested Markdown with the same base name goes extract → import → build without collision', async () => {
    const d = nestedProject();
    const project = await loadProject(d);
    await extract(project);
    const en = join(d, 'xliff', 'es', 'en', 'pricing.xlf');
    const pro = join(d, 'xliff', 'es', 'pro', 'pricing.xlf');
    translateXliff(en, 'ENES');
    translateXliff(pro, 'PROES');
    const imp = await importFiles(project, [en, pro]);
    expect(imp.map((r) => [`${r.lang}/${r.doc}`, r.imported])).toEqual([
      ['es/en/pricing', 2],
      ['es/pro/pricing', 2],
    ]);
    await build(project);
    const builtEn = read(join(d, 'locales', 'es', 'en', 'pricing.md'));
    const builtPro = read(join(d, 'locales', 'es', 'pro', 'pricing.md'));
    expect(builtEn).toContain('ENES The **basic** plan costs 10 dollars.');
    expect(builtPro).toContain('PROES The pro plan costs 30 dollars.');
    expect(builtPro).not.toContain('ENES');
    expect(existsSync(join(d, 'locales', 'es', 'en', 'pricing.json'))).toBe(true);
    expect(existsSync(join(d, 'locales', 'es', 'pro', 'pricing.meta.json'))).toBe(true);
    expect(existsSync(join(d, 'locales', 'es', 'index.md'))).toBe(true);
    // A second extract sees the imported translations in their own documents.
    const again = await extract(project);
    const byFile = new Map(again.map((r) => [relative(d, r.file), r]));
    expect(byFile.get('xliff/es/en/pricing.xlf')).toMatchObject({ units: 2, translated: 2 });
    expect(byFile.get('xliff/es/index.xlf')).toMatchObject({ units: 2, translated: 0 });
  });

  it('two documents that would write the same path are refused at load, naming both sources (exit 2)', async () => {
    const d = nestedProject({ xliff: { path: 'xliff/{lang}/{doc}.xlf' } });
    const r = await refusal(async () => extract(await loadProject(d)));
    expect(r.code).toBe(2);
    expect(r.message).toContain('content/en/pricing.md');
    expect(r.message).toContain('content/pro/pricing.md');
    expect(r.message).toContain('xliff/es/pricing.xlf');
    expect(r.message).toContain('{dir}');
    expect(existsSync(join(d, 'xliff'))).toBe(false);
    // Every command refuses, not only the ones that write (the CLI's wiring: exit 2, the message on stderr).
    const status = await locflowInProcess(d, 'status');
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('xliff/es/pricing.xlf');
    // Outputs collide too, even when the XLIFF paths differ.
    const o = nestedProject({
      locales: { bundle: 'locales/{lang}/{dir}/{doc}.json', output: 'site/{lang}/{doc}{ext}' },
    });
    const ro = await refusal(async () => build(await loadProject(o)));
    expect(ro.code).toBe(2);
    expect(ro.message).toMatch(
      /content\/en\/pricing\.md and content\/pro\/pricing\.md would both write site\/es\/pricing\.md/u,
    );
  });

  it('two patterns giving the same id are refused with both paths', async () => {
    const d = nestedProject({ sources: ['content/en/*.md', 'content/pro/*.md'] });
    const r = await refusal(() => loadProject(d));
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/document id "pricing": content\/en\/pricing\.md and content\/pro\/pricing\.md/u);
    expect(r.message).toContain('content/**/*.md');
  });

  it('a pattern that matches nothing is refused; "?", "[...]" and "{a,b}" select files', async () => {
    const none = nestedProject({ sources: ['docs/**/*.md'] });
    const r = await refusal(async () => extract(await loadProject(none)));
    expect(r.code).toBe(2);
    expect(r.message).toContain('"docs/**/*.md" matches no file');
    const d = nestedProject({ sources: ['content/{en,pro}/pric?ng.[m]d'] });
    const x = await extract(await loadProject(d));
    expect(files(d, x).sort()).toEqual(['xliff/es/en/pricing.xlf', 'xliff/es/pro/pricing.xlf']);
  });

  it('"**/*.md" from the project folder reads the README at depth 0 and never the pages locflow built', async () => {
    const d = nestedProject({ sources: ['**/*.md'] });
    write(d, 'README.md', '# Read me\n\nAbout this site.\n');
    const project = await loadProject(d);
    const first = files(d, await extract(project));
    expect(first).toContain('xliff/es/README.xlf');
    expect(first).toContain('xliff/es/content/pro/deep/faq.xlf');
    await translate(project, { engine: 'pseudo', force: true });
    await build(project);
    expect(existsSync(join(d, 'locales', 'es', 'content', 'en', 'pricing.md'))).toBe(true);
    // Loaded again (as the next command would), the pages built under locales/ are not sources.
    const again = files(d, await extract(await loadProject(d)));
    expect(again).toHaveLength(5);
    expect(again.join('\n')).not.toMatch(/locales/u);
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['locales/**/*.md'] }),
    );
    const only = await refusal(() => loadProject(d));
    expect(only.code).toBe(2);
    expect(only.message).toMatch(/"locales\/\*\*\/\*\.md" matches only files locflow writes/u);
  });

  it('links are followed only inside the project, and a link loop ends', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'locflow-outside-'));
    write(outside, 'leak.md', '# Leak\n\nPrivate text.\n');
    const d = nestedProject();
    symlinkSync(outside, join(d, 'content', 'elsewhere'));
    symlinkSync(join(outside, 'leak.md'), join(d, 'content', 'leak.md'));
    symlinkSync(join(d, 'content'), join(d, 'content', 'pro', 'loop'));
    const r = files(d, await extract(await loadProject(d)));
    expect(r.join('\n')).not.toMatch(/leak/u);
    expect(r).toHaveLength(4);
    // Named as it is, a link that leads outside is refused.
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ targetLanguages: ['es'], sources: ['content/leak.md'] }),
    );
    const named = await refusal(() => loadProject(d));
    expect(named.code).toBe(2);
    expect(named.message).toContain('"content/leak.md" is a link to a file outside the project folder');
  });
});

describe('flat projects are unchanged', async () => {
  it('"source/*.txt" keeps the id "article" and the paths it always had', async () => {
    const d = tempProject();
    const project = await loadProject(d);
    expect(files(d, await extract(project, { langs: ['es'] }))).toEqual(['xliff/es/article.xlf']);
    expect(read(join(d, 'xliff', 'es', 'article.xlf'))).toContain('original="source/article.txt"');
    await translate(project, { engine: 'pseudo', langs: ['es'], force: true });
    expect(existsSync(join(d, 'locales', 'es', 'article.json'))).toBe(true);
    await build(project, { langs: ['es'] });
    expect(existsSync(join(d, 'locales', 'es', 'article.txt'))).toBe(true);
  });

  it('templates without {dir} (written by earlier versions) give the same paths for flat sources', async () => {
    const d = tempProject();
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({
        targetLanguages: ['es'],
        sources: ['source/*.txt'],
        xliff: { version: '2.0', path: 'xliff/{lang}/{doc}.xlf' },
        locales: { bundle: 'locales/{lang}/{doc}.json', output: 'out/{lang}/{doc}{ext}' },
      }),
    );
    const project = await loadProject(d);
    await extract(project);
    expect(existsSync(join(d, 'xliff', 'es', 'article.xlf'))).toBe(true);
    await build(project);
    expect(existsSync(join(d, 'out', 'es', 'article.txt'))).toBe(true);
  });
});

describe('templates and patterns', () => {
  it('an empty {dir} leaves no doubled or leading slash', () => {
    expect(fillTemplate('xliff/{lang}/{dir}/{doc}.xlf', { lang: 'es', doc: 'article', dir: '' })).toBe(
      'xliff/es/article.xlf',
    );
    expect(fillTemplate('xliff/{lang}/{dir}/{doc}.xlf', { lang: 'es', doc: 'pricing', dir: 'pro/deep' })).toBe(
      'xliff/es/pro/deep/pricing.xlf',
    );
    expect(fillTemplate('{dir}/{lang}/{doc}{ext}', { lang: 'de', doc: 'index', dir: '', ext: '.md' })).toBe(
      'de/index.md',
    );
    expect(fillTemplate('{dir}/{lang}/{doc}{ext}', { lang: 'de', doc: 'index', dir: 'guide', ext: '.md' })).toBe(
      'guide/de/index.md',
    );
    expect(fillTemplate('locales/{lang}/{doc}.json', { lang: 'es', doc: 'article', dir: 'x' })).toBe(
      'locales/es/article.json',
    );
  });

  it('the fixed folder is everything before the first segment with pattern syntax', () => {
    expect(fixedRoot('content/**/*.md')).toEqual({ root: 'content', rest: ['**', '*.md'] });
    expect(fixedRoot('source/*.txt')).toEqual({ root: 'source', rest: ['*.txt'] });
    expect(fixedRoot('source/article.txt')).toEqual({ root: 'source', rest: ['article.txt'] });
    expect(fixedRoot('./docs/{a,b}/*.md')).toEqual({ root: 'docs', rest: ['{a,b}', '*.md'] });
    expect(fixedRoot('*.md')).toEqual({ root: '', rest: ['*.md'] });
    expect(expandBraces('a/{b,c}/{d,e{f,g}}.md')).toEqual([
      'a/b/d.md',
      'a/b/ef.md',
      'a/b/eg.md',
      'a/c/d.md',
      'a/c/ef.md',
      'a/c/eg.md',
    ]);
  });
});

/** The XLIFF files an extract wrote, relative to the project (as the CLI prints them). */
function files(root: string, results: readonly ExtractResult[]): string[] {
  return results.map((r) => relative(root, r.file));
}
