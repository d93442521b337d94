import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../src/project/paths.js';

/** A template filled as it always was: each placeholder replaced in turn, then the slashes of an empty {dir} tidied. */
function filledInTurn(template: string, values: { lang: string; doc: string; dir?: string; ext?: string }): string {
  const dir = values.dir ?? '';
  let rel = template
    .replaceAll('{lang}', values.lang)
    .replaceAll('{doc}', values.doc)
    .replaceAll('{ext}', values.ext ?? '');
  if (template.includes('{dir}')) {
    rel = rel.replaceAll('{dir}', dir).replace(/\/{2,}/gu, '/');
    if (dir === '' && !template.startsWith('/')) rel = rel.replace(/^\//u, '');
  }
  return rel;
}

const piece = fc.constantFrom('{lang}', '{doc}', '{dir}', '{ext}', '/', '//', 'xliff', '.xlf', '-', '{', '}', 'dir}');
const template = fc.array(piece, { maxLength: 9 }).map((pieces) => pieces.join(''));
const value = fc
  .array(fc.constantFrom('', 'es', 'a', '/', '{', '}', '{doc}', '{dir}', 'lang}', '.md', 'pro/deep'), { maxLength: 3 })
  .map((pieces) => pieces.join(''));

describe('path templates', () => {
  it('are filled as each placeholder replaced in turn, whatever the braces in templates and values', () => {
    fc.assert(
      fc.property(template, value, value, fc.option(value, { nil: undefined }), value, (t, lang, doc, dir, ext) => {
        const values = dir === undefined ? { lang, doc, ext } : { lang, doc, dir, ext };
        expect(fillTemplate(t, values)).toBe(filledInTurn(t, values));
        // Filled again (the template cut once is reused) the same.
        expect(fillTemplate(t, values)).toBe(filledInTurn(t, values));
      }),
      { numRuns: 3000 },
    );
  });

  it('a template with a stray brace next to a placeholder fills what a value makes of it', () => {
    // "{" + "{lang}" + "doc}" with the language "x" is "{xdoc}"; with the language "" it is "{doc}", then the document.
    expect(fillTemplate('{{lang}doc}.xlf', { lang: '', doc: 'a' })).toBe('a.xlf');
    expect(fillTemplate('{{lang}doc}.xlf', { lang: 'x', doc: 'a' })).toBe('{xdoc}.xlf');
  });
});
