import { join } from 'node:path';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { readMarkdown, writeMarkdown } from '../src/formats/markdown.js';
import { readHtml, writeHtml } from '../src/formats/html.js';
import { toPlainText, textOnly, type Content } from '../src/model/content.js';
import type { Unit } from '../src/model/unit.js';
import { read } from './helpers.js';

const FIXTURES = join(__dirname, 'fixtures', 'formats');
const meta = (path: string) => ({ id: 'doc', path, sourceLang: 'en' });
const same = (u: Unit): string => toPlainText(u.source);
const words = (c: Content): string => textOnly(c);
/** A translation that changes every word and keeps every code. */
const upper =
  (escape?: (t: string) => string) =>
  (u: Unit): string =>
    u.source
      .map((r) => (typeof r === 'string' ? (escape ? escape(r.toUpperCase()) : r.toUpperCase()) : r.data))
      .join('');

describe('Markdown', () => {
  const text = read(join(FIXTURES, 'guide.md'));
  const doc = readMarkdown(text, meta('guide.md'), { frontMatter: ['title', 'description'] });

  it('headings, paragraphs, list items, quotes and table cells are units; code blocks and URLs are not', () => {
    const texts = doc.units.map((u) => words(u.source));
    expect(texts).toContain('Getting started with locflow');
    expect(texts).toContain('A short guide to the loop');
    expect(texts).toContain('Cell one');
    expect(texts.join(' ')).not.toMatch(/notTranslated|post|example\.com/u);
    const para = doc.units.find((u) => words(u.source).startsWith('Read the'))!;
    // Link text and title are words, the URL and the inline code are not; the image alt is words.
    expect(words(para.source)).toBe('Read the full guideThe guide or run .');
    // Paragraphs are cut into sentences, like the article's, and each knows its neighbours.
    const next = doc.units[doc.units.indexOf(para) + 1]!;
    expect(words(next.source)).toBe('Images: A diagram of the loop.');
    expect(next.context).toMatchObject({ block: para.context.block, sentence: 2 });
    expect(next.context.previous).toContain('Read the [full guide]');
  });

  it('identity: byte for byte; a translation keeps the markup and parses', () => {
    expect(writeMarkdown(doc, same)).toBe(text);
    const out = writeMarkdown(doc, upper());
    expect(out).toContain('# GETTING **STARTED**');
    expect(out).toContain('[FULL GUIDE](https://example.com/guide "THE GUIDE")');
    expect(out).toContain('const notTranslated = "Read the guide";');
    expect(() => fromMarkdown(out)).not.toThrow();
  });

  it('front matter: values of the configured keys, located by the YAML parser; block scalars and other keys left alone', () => {
    const md =
      "---\ntitle: 'It''s \"quoted\"'\ndescription: plain words\nsummary: |\n  a block\nlayout: post\n---\n\nBody.\n";
    const d = readMarkdown(md, meta('f.md'), { frontMatter: ['title', 'description', 'summary'] });
    expect(d.units.map((u) => words(u.source))).toEqual(['It\'\'s "quoted"', 'plain words', 'Body.']);
    expect(writeMarkdown(d, same)).toBe(md);
    expect(writeMarkdown(d, upper())).toContain(
      "title: 'IT''S \"QUOTED\"'\ndescription: PLAIN WORDS\nsummary: |\n  a block\nlayout: post",
    );
  });

  it('identity on generated documents (property)', () => {
    const inlineMd = fc
      .array(
        fc.constantFrom(
          'word',
          'two words',
          '*em*',
          '**strong**',
          '`code`',
          '[link](http://x.y "t")',
          '![alt](i.png)',
          '\\*',
          'a_b',
          '1.5',
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((p) => p.join(' '));
    const block = fc.oneof(
      inlineMd,
      inlineMd.map((t) => `# ${t}`),
      inlineMd.map((t) => `> ${t}`),
      inlineMd.map((t) => `- ${t}\n- ${t}`),
      fc.constant('```\ncode *x*\n```'),
      inlineMd.map((t) => `| a | b |\n| - | - |\n| ${t.replace(/\|/gu, '')} | c |`),
    );
    const docs = fc.array(block, { minLength: 1, maxLength: 6 }).map((bs) => bs.join('\n\n') + '\n');
    fc.assert(
      fc.property(docs, (t) => writeMarkdown(readMarkdown(t, meta('g.md'), { frontMatter: [] }), same) === t),
      { numRuns: 200 },
    );
  });
});

describe('HTML', () => {
  const text = read(join(FIXTURES, 'page.html'));
  const doc = readHtml(text, meta('page.html'));

  it('block text is units, inline tags codes, translate="no" and scripts untouched, alt/title/placeholder translatable, entities kept as written', () => {
    const texts = doc.units.map((u) => words(u.source));
    expect(texts).toContain('Air strike kills five militants');
    expect(texts).toContain('Funeral in Najaf');
    expect(texts).toContain('Search the site');
    expect(texts.join(' ')).not.toMatch(/Do not translate|not text|Centcom|color/u);
    const story = doc.units.find((u) => words(u.source).startsWith('Read the'))!;
    expect(words(story.source)).toContain('Full story');
    expect(story.source.filter((r) => typeof r !== 'string').map((c) => (c as { data: string }).data)).toContain(
      '&mdash;',
    );
  });

  it('identity: byte for byte; a translation stays well-formed HTML with the same elements', () => {
    expect(writeHtml(doc, same)).toBe(text);
    const out = writeHtml(doc, (u, escape) => upper(escape)(u));
    expect(out).toContain('<a href="https://example.com/x?a=1&amp;b=2" title="FULL STORY">FULL STORY</a> &mdash;');
    expect(out).toContain('<p translate="no">Do not translate this</p>');
    const count = (html: string): number => (html.match(/<[a-z]/gu) ?? []).length;
    expect(count(out)).toBe(count(text));
    expect(() => parse(out)).not.toThrow();
  });

  it('a sentence never ends inside a paired code', () => {
    const d = readHtml('<p>First one. <a href="x">Inside. Still inside.</a> Last one.</p>\n', meta('s.html'));
    expect(d.units.map((u) => toPlainText(u.source))).toEqual([
      'First one.',
      '<a href="x">Inside. Still inside.</a> Last one.',
    ]);
    expect(writeHtml(d, same)).toBe('<p>First one. <a href="x">Inside. Still inside.</a> Last one.</p>\n');
  });

  it('a "<" or "&" typed by a translator is escaped, codes are not', () => {
    const d = readHtml('<p>Tom &amp; <b>Jerry</b></p>\n', meta('p.html'));
    const out = writeHtml(d, (u, escape) =>
      u.source
        .map((r) => (typeof r === 'string' ? (escape ?? ((t: string) => t))(r.replace('Tom', 'Tom <3 & co')) : r.data))
        .join(''),
    );
    expect(out).toBe('<p>Tom &lt;3 &amp; co &amp; <b>Jerry</b></p>\n');
  });

  it('identity on generated pages (property)', () => {
    const inline = fc
      .array(
        fc.constantFrom(
          'text',
          'more words',
          '<b>bold</b>',
          '<a href="u?a=1&amp;b=2">link</a>',
          '&amp;',
          '&eacute;',
          '<br>',
          '<img src="x" alt="pic">',
          '<span translate="no">X</span>',
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((p) => p.join(' '));
    const block = fc.oneof(
      inline.map((t) => `<p>${t}</p>`),
      inline.map((t) => `<h2>${t}</h2>`),
      inline.map((t) => `<ul><li>${t}</li></ul>`),
      fc.constant('<script>var a = "<b>";</script>'),
      inline.map((t) => `<div>${t}<p>${t}</p></div>`),
    );
    const pages = fc.array(block, { minLength: 1, maxLength: 5 }).map((bs) => bs.join('\n') + '\n');
    fc.assert(
      fc.property(pages, (t) => writeHtml(readHtml(t, meta('g.html')), same) === t),
      { numRuns: 200 },
    );
  });
});

describe('identity through the whole loop, for every format', () => {
  it('extract, targets equal to the sources, import, build: byte-exact', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { loadProject } = await import('../src/project/load.js');
    const { extract } = await import('../src/workflow/extract.js');
    const { importFiles } = await import('../src/workflow/import.js');
    const { build } = await import('../src/workflow/build.js');
    const { readXliff } = await import('../src/xliff/read.js');
    const { writeXliff } = await import('../src/xliff/write.js');
    const d = mkdtempSync(join(tmpdir(), 'locflow-formats-'));
    mkdirSync(join(d, 'source'));
    const files = ['guide.md', 'page.html', 'app.json', 'app.icu.json'];
    for (const f of files) writeFileSync(join(d, 'source', f), read(join(FIXTURES, f)));
    // en-GB has English plural categories, so no plural form is added and the app strings must come back unchanged
    // (Spanish would rightly gain "many", new in CLDR for es).
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({
        targetLanguages: ['en-GB'],
        sources: files.map((f) => `source/${f}`),
        locales: { output: 'build/{lang}/{doc}{ext}' },
      }),
    );
    // In process: each step resolves (a refusal fails the test with its message).
    const project = await loadProject(d);
    await extract(project, { langs: ['en-GB'] });
    for (const f of ['guide', 'page', 'app', 'app.icu']) {
      const path = join(d, 'xliff', 'en-GB', `${f}.xlf`);
      const x = readXliff(read(path));
      const units = x.files[0]!.units.map((u) => ({ ...u, target: u.source, state: 'translated' as const }));
      writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }));
      await importFiles(project, [`xliff/en-GB/${f}.xlf`]);
    }
    await build(project, { langs: ['en-GB'] });
    for (const f of files) expect(read(join(d, 'build', 'en-GB', f))).toBe(read(join(FIXTURES, f)));
  });
});
