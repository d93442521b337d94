import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { readHtml, writeHtml } from '../src/formats/html.js';
import { readMarkdown, writeMarkdown } from '../src/formats/markdown.js';
import type { Render } from '../src/formats/skeleton.js';
import { codesOf } from '../src/model/content.js';
import type { Unit } from '../src/model/unit.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { locflowInProcess, projectWith, read } from './helpers.js';
import { codeSlot, CODE_SLOTS } from '../src/formats/code-slots.js';

const meta = (path: string) => ({ id: 'doc', path, sourceLang: 'en' });

/**
 * A render like the build's: the translation's words (from `translate`, given the unit's words with
 * codes in their slots) are escaped by the format, then the codes are put back verbatim.
 */
const translating =
  (translate: (words: string, unit: Unit) => string): Render =>
  (unit, escape) => {
    const codes = codesOf(unit.source);
    let i = 0;
    const marked = unit.source.map((r) => (typeof r === 'string' ? r : codeSlot(i++))).join('');
    const t = translate(marked, unit);
    const words = escape ? escape(t) : t;
    return words.replace(CODE_SLOTS, (_m, n: string) => codes[Number(n)]!.data);
  };

type El = DefaultTreeAdapterMap['element'];
function elements(node: DefaultTreeAdapterMap['parentNode']): El[] {
  const out: El[] = [];
  const stack = [...(node.childNodes as DefaultTreeAdapterMap['node'][])];
  while (stack.length) {
    const n = stack.pop()!;
    if ('tagName' in n) {
      out.push(n);
      stack.push(...(n.childNodes as DefaultTreeAdapterMap['node'][]));
      if (n.tagName === 'template')
        stack.push(
          ...((n as unknown as { content: DefaultTreeAdapterMap['documentFragment'] }).content
            .childNodes as DefaultTreeAdapterMap['node'][]),
        );
    }
  }
  return out;
}
const attrsOf = (el: El): Record<string, string> => Object.fromEntries(el.attrs.map((a) => [a.name, a.value]));

describe('HTML builds escape translations for their context', () => {
  const page = [
    '<p>Search the site: <input type="search" placeholder="Search"> and <img src="a.png" alt="A photo"></p>',
    '<img src="b.png" alt="Picture" title=\'Hover text\'>',
    '<input placeholder=Find>',
    '<p>Plain <b>bold</b> text.</p>',
    '',
  ].join('\n');
  const doc = readHtml(page, meta('p.html'));
  const hostile: Record<string, string> = {
    Search: 'Buscar" autofocus onfocus="alert(1)',
    'A photo': 'Una "foto"',
    Picture: "L'image' onerror='alert(2)",
    'Hover text': 'Texte <b>"survol"</b> & co',
    Find: 'x onmouseover=alert(3) y',
    'Plain ': 'Llano <script>alert(4)</script> ',
  };
  const render = translating((words) => {
    for (const [from, to] of Object.entries(hostile)) words = words.split(from).join(to);
    return words;
  });
  const out = writeHtml(doc, render);
  const els = elements(parseFragment(out));

  it('a value that tries to close the attribute stays one inert attribute value', () => {
    const input = els.find((e) => e.tagName === 'input' && attrsOf(e).type === 'search')!;
    expect(attrsOf(input)).toEqual({ type: 'search', placeholder: 'Buscar" autofocus onfocus="alert(1)' });
    const unquoted = els.filter((e) => e.tagName === 'input' && !attrsOf(e).type)[0]!;
    expect(attrsOf(unquoted)).toEqual({ placeholder: 'x onmouseover=alert(3) y' });
  });

  it('quotes in ordinary translations keep the attribute whole, in either quoting', () => {
    const imgs = els.filter((e) => e.tagName === 'img');
    expect(attrsOf(imgs.find((e) => attrsOf(e).src === 'a.png')!)).toEqual({ src: 'a.png', alt: 'Una "foto"' });
    expect(attrsOf(imgs.find((e) => attrsOf(e).src === 'b.png')!)).toEqual({
      src: 'b.png',
      alt: "L'image' onerror='alert(2)",
      title: 'Texte <b>"survol"</b> & co',
    });
  });

  it('no element and no attribute the source did not have', () => {
    expect(els.map((e) => e.tagName).sort()).toEqual(
      elements(parseFragment(page))
        .map((e) => e.tagName)
        .sort(),
    );
    expect(out).not.toMatch(/<script/u);
    expect(out).toContain('Llano &lt;script>alert(4)&lt;/script> ');
  });

  it('the untranslated build is still byte-identical', () => {
    expect(
      writeHtml(
        doc,
        translating((w) => w),
      ),
    ).toBe(page);
  });

  it('a whole page too (parse, not fragment)', () => {
    const whole = `<!doctype html><html><head><title>Title</title></head><body>${page}</body></html>`;
    const built = writeHtml(readHtml(whole, meta('w.html')), render);
    const all = elements(parse(built));
    expect(all.some((e) => e.attrs.some((a) => a.name.startsWith('on') || a.name === 'autofocus'))).toBe(false);
  });
});

describe('Markdown builds: a translation cannot bring markup the source did not have', () => {
  const md =
    '# Title\n\nRead [the guide](https://example.com/guide "The guide") and ![a diagram](d.png).\n\nPlain words here.\n\n| a | b |\n| - | - |\n| cell | two |\n';
  const doc = readMarkdown(md, meta('g.md'), { frontMatter: [] });
  const hostile: Record<string, string> = {
    'Plain words here.':
      'Hola <script>alert(1)</script> [clic](javascript:alert(2)) <javascript:alert(3)> ![x](javascript:alert(4)) \\\\<img src=x onerror=alert(5)>',
    Title: 'Título <img src=x onerror=alert(6)>',
    cell: 'cel | da',
    'the guide': 'la <b>guía</b>',
  };
  const out = writeMarkdown(
    doc,
    translating((words) => {
      for (const [from, to] of Object.entries(hostile)) words = words.split(from).join(to);
      return words;
    }),
  );
  const tree = fromMarkdown(out, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const kinds = new Map<string, number>();
  const urls: string[] = [];
  const stack: Array<{ type: string; children?: unknown[]; url?: string }> = [tree as never];
  while (stack.length) {
    const n = stack.pop()!;
    kinds.set(n.type, (kinds.get(n.type) ?? 0) + 1);
    if (n.url) urls.push(n.url);
    if (n.children) stack.push(...(n.children as never[]));
  }

  it('no raw HTML, no new links or images, no javascript: URL', () => {
    expect(kinds.get('html')).toBeUndefined();
    expect(kinds.get('link')).toBe(1);
    expect(kinds.get('image')).toBe(1);
    expect(urls).toEqual(expect.arrayContaining(['https://example.com/guide', 'd.png']));
    expect(urls.some((u) => /javascript:/iu.test(u))).toBe(false);
  });

  it('the words still read as written, and the table keeps its two columns', () => {
    expect(out).toContain('Hola \\<script>alert(1)\\</script>');
    expect(kinds.get('tableCell')).toBe(4);
  });

  it('the untranslated build is still byte-identical', () => {
    expect(
      writeMarkdown(
        doc,
        translating((w) => w),
      ),
    ).toBe(md);
  });
});

describe('end to end: an injected placeholder is imported but built inert', () => {
  it('extract → hostile target → import → build', async () => {
    const d = projectWith(
      {
        'source/form.html': '<form><input type="search" placeholder="Search"><img src="p.png" alt="A photo"></form>\n',
      },
      { targetLanguages: ['es'], sources: ['source/form.html'], locales: { output: 'build/{lang}/{doc}{ext}' } },
    );
    expect((await locflowInProcess(d, 'extract', '--lang', 'es')).code).toBe(0);
    const path = join(d, 'xliff', 'es', 'form.xlf');
    const x = readXliff(read(path));
    const targets: Record<string, string> = { Search: 'Buscar" autofocus onfocus="alert(1)', 'A photo': 'Una "foto"' };
    const units = x.files[0]!.units.map((u) => ({
      ...u,
      target: u.source.map((r) => (typeof r === 'string' ? (targets[r] ?? r) : r)),
      state: 'translated' as const,
    }));
    writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }));
    expect((await locflowInProcess(d, 'import', 'xliff/es/form.xlf')).code).toBe(0);
    expect((await locflowInProcess(d, 'build', '--lang', 'es')).code).toBe(0);
    const built = read(join(d, 'build', 'es', 'form.html'));
    const els = elements(parseFragment(built));
    expect(els).toHaveLength(3);
    expect(els.map((e) => attrsOf(e))).toEqual(
      expect.arrayContaining([
        {},
        { type: 'search', placeholder: 'Buscar" autofocus onfocus="alert(1)' },
        { src: 'p.png', alt: 'Una "foto"' },
      ]),
    );
  });
});

describe('Markdown front matter: a translation cannot end its YAML value and add keys', () => {
  const md =
    '---\ntitle: "A \\"quoted\\" title"\nsubtitle: \'It\'\'s single\'\ndescription: plain words\nlayout: post\n---\n\nBody.\n';
  const doc = readMarkdown(md, meta('f.md'), { frontMatter: ['title', 'subtitle', 'description'] });
  const hostile: Record<string, string> = {
    'A \\"quoted\\" title': 'Un "título"\nlayout: evil\\',
    "It''s single": "C'est simple'\nlayout: evil",
    'plain words': 'palabras: llanas\nlayout: evil #',
  };
  const out = writeMarkdown(
    doc,
    translating((w) => hostile[w] ?? w),
  );
  const yamlText = out.split('---\n')[1]!;

  it("the values are the translations, and the keys are the source's", async () => {
    const { parse: parseYaml } = await import('yaml');
    const data = parseYaml(yamlText) as Record<string, unknown>;
    expect(data).toEqual({
      title: 'Un "título"\nlayout: evil\\',
      subtitle: "C'est simple' layout: evil",
      description: 'palabras: llanas\nlayout: evil #',
      layout: 'post',
    });
  });

  it('a plain value that would read as another type is quoted', async () => {
    const { parse: parseYaml } = await import('yaml');
    const d = readMarkdown('---\ndescription: plain\n---\n\nBody.\n', meta('t.md'), { frontMatter: ['description'] });
    for (const v of ['true', 'null', '12', 'No', '- item']) {
      const built = writeMarkdown(
        d,
        translating((w) => (w === 'plain' ? v : w)),
      );
      expect((parseYaml(built.split('---\n')[1]!) as Record<string, unknown>).description).toBe(v);
    }
  });

  it('the untranslated build is still byte-identical', () => {
    expect(
      writeMarkdown(
        doc,
        translating((w) => w),
      ),
    ).toBe(md);
  });
});

describe("the build's code slots: U+E000 and U+E001 in a source or translation inject nothing", () => {
  it('a translation that spells a slot neither copies a code nor crashes, and reads back as typed', async () => {
    const d = projectWith(
      {
        'source/a.html':
          '<p>Read <a href="https://example.com/x">the guide</a> \uE0000\uE001 now.</p>\n<p><img src="p.png" alt="A photo"></p>\n',
      },
      { targetLanguages: ['es'], sources: ['source/a.html'], locales: { output: 'build/{lang}/{doc}{ext}' } },
    );
    expect((await locflowInProcess(d, 'extract')).code).toBe(0);
    // Untranslated, the private-use characters of the source are text and come back byte for byte.
    expect((await locflowInProcess(d, 'build', '--lang', 'en')).code).toBe(0);
    expect(read(join(d, 'build', 'en', 'a.html'))).toBe(read(join(d, 'source', 'a.html')));
    const path = join(d, 'xliff', 'es', 'a.xlf');
    const x = readXliff(read(path));
    const hostile: Record<string, string> = {
      'Read ': 'Lee \uE0000\uE001 y \uE00099\uE001 ',
      'A photo': 'Una \uE0000\uE001" onerror="alert(1)',
    };
    const units = x.files[0]!.units.map((u) => ({
      ...u,
      target: u.source.map((r) => (typeof r === 'string' ? (hostile[r] ?? r) : r)),
      state: 'translated' as const,
    }));
    writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }));
    expect((await locflowInProcess(d, 'import', 'xliff/es/a.xlf')).code).toBe(0);
    const b = await locflowInProcess(d, 'build', '--lang', 'es');
    expect(b.code, b.stderr).toBe(0);
    const built = read(join(d, 'build', 'es', 'a.html'));
    expect(built.match(/<a /gu)).toHaveLength(1);
    expect(built).toContain('Lee \uE0000\uE001 y \uE00099\uE001 <a href');
    const img = elements(parseFragment(built)).find((e) => e.tagName === 'img')!;
    expect(attrsOf(img)).toEqual({ src: 'p.png', alt: 'Una \uE0000\uE001" onerror="alert(1)' });
  });
});
