import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Content, InlineCode } from '../src/model/content.js';
import { contentToI18n, i18nToContent } from '../src/store/codes.js';
import { readTmx, writeTmx } from '../src/tm/tmx.js';
import { escapeText } from '../src/io/xml.js';
import { loadProject } from '../src/project/load.js';
import { build } from '../src/workflow/build.js';
import { importFiles } from '../src/workflow/import.js';
import { locflowInProcess } from './helpers.js';

/** Issue 10, item 9: data that looks like markup must stay data through import → store → build and TMX. */

const strong = (code: 'open' | 'close'): InlineCode => ({
  code,
  id: '1',
  type: 'tag',
  data: code === 'open' ? '<strong>' : '</strong>',
});

/** A project with one HTML paragraph (a pair of codes) and one plain-text sentence, extracted for es. */
async function project(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-markers-'));
  mkdirSync(join(dir, 'source'));
  writeFileSync(join(dir, 'source', 'a.html'), '<p>Some <strong>bold</strong> words.</p>\n');
  writeFileSync(join(dir, 'source', 'b.txt'), 'One sentence here.\n');
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.html', 'source/*.txt'] }),
  );
  expect((await locflowInProcess(dir, 'extract', '--lang', 'es')).code).toBe(0);
  return dir;
}

/** Puts `target` (raw XLIFF inline content) in the only unit of xliff/es/<doc>.xlf. */
function setTarget(dir: string, doc: string, target: string): void {
  const path = join(dir, 'xliff', 'es', `${doc}.xlf`);
  const xml = readFileSync(path, 'utf8').replace(
    /(<source>[\s\S]*?<\/source>)/u,
    (s) => `${s}\n        <target state="translated">${target}</target>`,
  );
  writeFileSync(path, xml);
}

const tmx = (header: string, src: string, tgt: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header ${header} segtype="sentence" adminlang="en" srclang="en" datatype="plaintext"/><body>` +
  `<tu><tuv xml:lang="en"><seg>${src}</seg></tuv><tuv xml:lang="es"><seg>${tgt}</seg></tuv></tu></body></tmx>`;

describe('text shaped like a store marker stays text', () => {
  it('a translation whose text is "{{bx1}}texto{{ex1}}" builds as that text, not as <strong>', async () => {
    const d = await project();
    setTarget(d, 'a', '{{bx1}}texto{{ex1}} <g id="1" ctype="x-tag">negrita</g>');
    const imp = await locflowInProcess(d, 'import', 'xliff/es/a.xlf');
    expect(imp.code, imp.stderr).toBe(0);
    expect((await locflowInProcess(d, 'build', '--lang', 'es')).code).toBe(0);
    const out = readFileSync(join(d, 'locales', 'es', 'a.html'), 'utf8').trim();
    expect(out).toBe('<p>{{bx1}}texto{{ex1}} <strong>negrita</strong></p>');
  });

  it('store strings keep text and codes apart both ways', () => {
    const content: Content = ['{{bx1}}a{{x2}} {', strong('open'), '{\\b{{', strong('close'), '{'];
    const stored = contentToI18n(content);
    expect(stored.match(/\{\{/gu)?.length).toBe(2); // only the two real markers
    expect(i18nToContent(stored, content)).toEqual(content);
  });

  it('an existing store without the escape reads as before', () => {
    const source: Content = ['Some ', strong('open'), 'bold', strong('close'), ' words.'];
    expect(i18nToContent('Unas {{bx1}}negritas{{ex1}} {{name}} palabras.', source)).toEqual([
      'Unas ',
      strong('open'),
      'negritas',
      strong('close'),
      ' {{name}} palabras.',
    ]);
  });
});

describe('code ids with marker syntax in them', () => {
  it('<ph x="1}} {{x9"> is one code, and goes back out with the same id', () => {
    const entries = readTmx(
      tmx(
        'creationtool="Other" o-tmf="x"',
        'A <ph x="1}} {{x9">&lt;br/&gt;</ph> b',
        'Una <ph x="1}} {{x9">&lt;br/&gt;</ph> b',
      ),
      'en',
      ['es'],
    );
    expect(entries).toHaveLength(1);
    const e = entries[0]!;
    expect(e.source.match(/\{\{/gu)?.length).toBe(1);
    const code: InlineCode = { code: 'standalone', id: '1}} {{x9', type: 'tag', data: '<br/>' };
    const source: Content = ['A ', code, ' b'];
    expect(e.source).toBe(contentToI18n(source));
    expect(i18nToContent(e.target, source)).toEqual(['Una ', code, ' b']);
    expect(writeTmx(entries, 'en')).toContain('<ph x="1}} {{x9">&lt;br/&gt;</ph>');
  });
});

describe('TMX text that only looks like an OmegaT short tag', () => {
  it('"&lt;h1&gt;" in a TMX from another tool is text', () => {
    const [e] = readTmx(
      tmx(
        'creationtool="Trados" o-tmf="TW4Win"',
        'Use &lt;h1&gt; for titles, &lt;x0/&gt; too.',
        'Usa &lt;h1&gt; para títulos, &lt;x0/&gt; también.',
      ),
      'en',
      ['es'],
    );
    expect(i18nToContent(e!.source, [])).toEqual(['Use <h1> for titles, <x0/> too.']);
    expect(i18nToContent(e!.target, [])).toEqual(['Usa <h1> para títulos, <x0/> también.']);
  });

  it('in OmegaT TMX, an unbalanced "<h1>" or a tag the source lacks is text; real short tags are codes', () => {
    const [e] = readTmx(
      tmx(
        'creationtool="OmegaT" o-tmf="OmegaT TMX"',
        'Use &lt;h1&gt; and &lt;g0&gt;this&lt;/g0&gt;.',
        'Usa &lt;h1&gt;, &lt;x5/&gt; y &lt;g0&gt;esto&lt;/g0&gt;.',
      ),
      'en',
      ['es'],
    );
    expect(e!.source).toBe('Use <h1> and {{bx1}}this{{ex1}}.');
    expect(e!.target).toBe('Usa <h1>, <x5/> y {{bx1}}esto{{ex1}}.');
  });
});

describe('property: any text round-trips import → store → build byte for byte', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      '{{',
      '}}',
      '{',
      '}',
      '\\',
      '{\\',
      '{{x1}}',
      '{{bx1}}',
      '{{ex1}}',
      '{{- x1}}',
      '{{x1, upper}}',
      '{{returnDetails}}',
      '<h1>',
      '<x0/>',
      '</g0>',
      '%s',
      '%1$s',
      '$t(a)',
      '&',
      '<',
      '>',
      '"',
      ' ',
      'é',
      '\t',
    ),
    fc.string({ maxLength: 6 }),
  );
  const text = fc
    .array(piece, { minLength: 1, maxLength: 12 })
    .map((a) => a.join(''))
    .filter((t) => t.trim() !== '' && t === t.trim() && !/[\r\n]/u.test(t));

  it('in a plain-text document and around a pair of codes in HTML (import and build in process)', async () => {
    const d = await project();
    const p = await loadProject(d);
    const xlf = {
      a: readFileSync(join(d, 'xliff', 'es', 'a.xlf'), 'utf8'),
      b: readFileSync(join(d, 'xliff', 'es', 'b.xlf'), 'utf8'),
    };
    const unescapeHtml = (s: string): string =>
      s
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&amp;', '&');
    await fc.assert(
      fc.asyncProperty(text, text, async (plain, inner) => {
        for (const doc of ['a', 'b'] as const) writeFileSync(join(d, 'xliff', 'es', `${doc}.xlf`), xlf[doc]);
        setTarget(d, 'b', escapeText(plain));
        setTarget(d, 'a', `${escapeText(plain)}<g id="1" ctype="x-tag">${escapeText(inner)}</g>${escapeText(plain)}`);
        // Neither refuses: a refusal fails the property with its message.
        await importFiles(p, ['xliff/es/a.xlf', 'xliff/es/b.xlf'], { overwrite: true });
        await build(p, { langs: ['es'] });
        expect(readFileSync(join(d, 'locales', 'es', 'b.txt'), 'utf8')).toBe(`${plain}\n`);
        const html = readFileSync(join(d, 'locales', 'es', 'a.html'), 'utf8');
        const m = /^<p>([\s\S]*)<strong>([\s\S]*)<\/strong>([\s\S]*)<\/p>\n$/u.exec(html);
        expect(m, html).not.toBeNull();
        expect([unescapeHtml(m![1]!), unescapeHtml(m![2]!), unescapeHtml(m![3]!)]).toEqual([plain, inner, plain]);
      }),
      { numRuns: 25, seed: 109 },
    );
  }, 120_000);

  it('store strings: contentToI18n then i18nToContent gives the content back', () => {
    const run = fc.oneof(text, fc.constantFrom(strong('open'), strong('close')));
    fc.assert(
      fc.property(fc.array(run, { maxLength: 8 }), (runs) => {
        const content: Content = runs.reduce<Content>(
          (acc, r) =>
            typeof r === 'string' && typeof acc[acc.length - 1] === 'string'
              ? [...acc.slice(0, -1), `${acc[acc.length - 1] as string}${r}`]
              : [...acc, r],
          [],
        );
        expect(i18nToContent(contentToI18n(content), [strong('open'), strong('close')])).toEqual(content);
      }),
      { numRuns: 500, seed: 109 },
    );
  });

  it('TMX: writeTmx then readTmx gives the stored strings back, codes and all', () => {
    const code = fc.constantFrom<InlineCode>(strong('open'), strong('close'), {
      code: 'standalone',
      id: '2}} {{x9',
      type: 'placeholder',
      data: '%s',
    });
    const content = fc
      .array(fc.oneof(text, code), { minLength: 1, maxLength: 6 })
      .filter((c) => c.some((r) => typeof r === 'string' && r.trim() !== ''));
    fc.assert(
      fc.property(content, content, (src, tgt) => {
        const codes = { bx1: '<strong>', ex1: '</strong>', 'x2%7D%7D%20%7B%7Bx9': '%s' };
        const entry = {
          sourceLang: 'en',
          targetLang: 'es',
          source: contentToI18n(src),
          target: contentToI18n(tgt),
          codes,
        };
        const [back] = readTmx(writeTmx([entry], 'en'), 'en', ['es']);
        expect([back!.source, back!.target]).toEqual([entry.source, entry.target]);
      }),
      { numRuns: 300, seed: 109 },
    );
  });
});
