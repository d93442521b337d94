import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandBraces, fixedRoot } from '../src/project/glob.js';
import { locflow, read, tempProject, type CliResult } from './helpers.js';
import { fillTemplate } from '../src/project/paths.js';

function ok(r: CliResult): CliResult {
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code).toBe(0);
  return r;
}

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

describe('source patterns', () => {
  it('"**" matches at depth 0 and deeper; ids are paths from the fixed folder, and XLIFF, bundles and outputs keep the folders', () => {
    const d = nestedProject();
    write(d, 'content/.drafts/secret.md', '# Draft\n');
    write(d, 'content/node_modules/pkg/readme.md', '# Package\n');
    write(d, 'content/notes.txt', 'Not Markdown.\n');
    const r = ok(locflow(d, 'extract'));
    for (const id of ['index', 'en/pricing', 'pro/pricing', 'pro/deep/faq']) {
      expect(r.stdout).toContain(`xliff/es/${id}.xlf`);
      expect(existsSync(join(d, 'xliff', 'es', `${id}.xlf`)), id).toBe(true);
    }
    expect(r.stdout).not.toMatch(/secret|readme|notes/u);
    expect(read(join(d, 'xliff', 'es', 'pro', 'pricing.xlf'))).toContain('original="content/pro/pricing.md"');
  });

  it('nested Markdown with the same base name goes extract → import → build without collision', () => {
    const d = nestedProject();
    ok(locflow(d, 'extract'));
    const en = join(d, 'xliff', 'es', 'en', 'pricing.xlf');
    const pro = join(d, 'xliff', 'es', 'pro', 'pricing.xlf');
    translateXliff(en, 'ENES');
    translateXliff(pro, 'PROES');
    const imp = ok(locflow(d, 'import', en, pro));
    expect(imp.stdout).toMatch(/es\/en\/pricing: 2 imported/u);
    expect(imp.stdout).toMatch(/es\/pro\/pricing: 2 imported/u);
    ok(locflow(d, 'build'));
    const builtEn = read(join(d, 'locales', 'es', 'en', 'pricing.md'));
    const builtPro = read(join(d, 'locales', 'es', 'pro', 'pricing.md'));
    expect(builtEn).toContain('ENES The **basic** plan costs 10 dollars.');
    expect(builtPro).toContain('PROES The pro plan costs 30 dollars.');
    expect(builtPro).not.toContain('ENES');
    expect(existsSync(join(d, 'locales', 'es', 'en', 'pricing.json'))).toBe(true);
    expect(existsSync(join(d, 'locales', 'es', 'pro', 'pricing.meta.json'))).toBe(true);
    expect(existsSync(join(d, 'locales', 'es', 'index.md'))).toBe(true);
    // A second extract sees the imported translations in their own documents.
    const again = ok(locflow(d, 'extract'));
    expect(again.stdout).toMatch(/xliff\/es\/en\/pricing\.xlf: 2 units, \d+ words, 2 already translated/u);
    expect(again.stdout).toMatch(/xliff\/es\/index\.xlf: 2 units, \d+ words, 0 already translated/u);
  });

  it('two documents that would write the same path are refused at load, naming both sources (exit 2)', () => {
    const d = nestedProject({ xliff: { path: 'xliff/{lang}/{doc}.xlf' } });
    const r = locflow(d, 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('content/en/pricing.md');
    expect(r.stderr).toContain('content/pro/pricing.md');
    expect(r.stderr).toContain('xliff/es/pricing.xlf');
    expect(r.stderr).toContain('{dir}');
    expect(existsSync(join(d, 'xliff'))).toBe(false);
    // Every command refuses, not only the ones that write.
    expect(locflow(d, 'status').code).toBe(2);
    // Outputs collide too, even when the XLIFF paths differ.
    const o = nestedProject({
      locales: { bundle: 'locales/{lang}/{dir}/{doc}.json', output: 'site/{lang}/{doc}{ext}' },
    });
    const ro = locflow(o, 'build');
    expect(ro.code).toBe(2);
    expect(ro.stderr).toMatch(
      /content\/en\/pricing\.md and content\/pro\/pricing\.md would both write site\/es\/pricing\.md/u,
    );
  });

  it('two patterns giving the same id are refused with both paths', () => {
    const d = nestedProject({ sources: ['content/en/*.md', 'content/pro/*.md'] });
    const r = locflow(d, 'status');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/document id "pricing": content\/en\/pricing\.md and content\/pro\/pricing\.md/u);
    expect(r.stderr).toContain('content/**/*.md');
  });

  it('a pattern that matches nothing is refused; "?", "[...]" and "{a,b}" select files', () => {
    const none = nestedProject({ sources: ['docs/**/*.md'] });
    const r = locflow(none, 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"docs/**/*.md" matches no file');
    const d = nestedProject({ sources: ['content/{en,pro}/pric?ng.[m]d'] });
    const x = ok(locflow(d, 'extract'));
    expect(files(x.stdout).sort()).toEqual([
      expect.stringMatching(/^xliff\/es\/en\/pricing\.xlf/u),
      expect.stringMatching(/^xliff\/es\/pro\/pricing\.xlf/u),
    ]);
  });

  it('"**/*.md" from the project folder reads the README at depth 0 and never the pages locflow built', () => {
    const d = nestedProject({ sources: ['**/*.md'] });
    write(d, 'README.md', '# Read me\n\nAbout this site.\n');
    const first = ok(locflow(d, 'extract'));
    expect(first.stdout).toMatch(/^xliff\/es\/README\.xlf: /mu);
    expect(first.stdout).toMatch(/^xliff\/es\/content\/pro\/deep\/faq\.xlf: /mu);
    ok(locflow(d, 'translate', '--engine', 'pseudo', '--force'));
    ok(locflow(d, 'build'));
    expect(existsSync(join(d, 'locales', 'es', 'content', 'en', 'pricing.md'))).toBe(true);
    const again = ok(locflow(d, 'extract'));
    expect(files(again.stdout)).toHaveLength(5);
    expect(again.stdout).not.toMatch(/locales/u);
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['locales/**/*.md'] }),
    );
    const only = locflow(d, 'status');
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/"locales\/\*\*\/\*\.md" matches only files locflow writes/u);
  });

  it('links are followed only inside the project, and a link loop ends', () => {
    const outside = mkdtempSync(join(tmpdir(), 'locflow-outside-'));
    write(outside, 'leak.md', '# Leak\n\nPrivate text.\n');
    const d = nestedProject();
    symlinkSync(outside, join(d, 'content', 'elsewhere'));
    symlinkSync(join(outside, 'leak.md'), join(d, 'content', 'leak.md'));
    symlinkSync(join(d, 'content'), join(d, 'content', 'pro', 'loop'));
    const r = ok(locflow(d, 'extract'));
    expect(r.stdout).not.toMatch(/leak/u);
    expect(files(r.stdout)).toHaveLength(4);
    // Named as it is, a link that leads outside is refused.
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ targetLanguages: ['es'], sources: ['content/leak.md'] }),
    );
    const named = locflow(d, 'status');
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('"content/leak.md" is a link to a file outside the project folder');
  });
});

describe('flat projects are unchanged', () => {
  it('"source/*.txt" keeps the id "article" and the paths it always had', () => {
    const d = tempProject();
    const r = ok(locflow(d, 'extract', '--lang', 'es'));
    expect(r.stdout).toMatch(/^xliff\/es\/article\.xlf: /u);
    expect(read(join(d, 'xliff', 'es', 'article.xlf'))).toContain('original="source/article.txt"');
    ok(locflow(d, 'translate', '--engine', 'pseudo', '--lang', 'es', '--force'));
    expect(existsSync(join(d, 'locales', 'es', 'article.json'))).toBe(true);
    ok(locflow(d, 'build', '--lang', 'es'));
    expect(existsSync(join(d, 'locales', 'es', 'article.txt'))).toBe(true);
  });

  it('templates without {dir} (written by earlier versions) give the same paths for flat sources', () => {
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
    ok(locflow(d, 'extract'));
    expect(existsSync(join(d, 'xliff', 'es', 'article.xlf'))).toBe(true);
    ok(locflow(d, 'build'));
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

/** The per-file lines of extract's output (its last line is the total). */
function files(stdout: string): string[] {
  return stdout
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('total: '));
}
