import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHtml, writeHtml } from '../src/formats/html.js';
import type { Render } from '../src/formats/skeleton.js';
import { codesOf, textOnly, toPlainText } from '../src/model/content.js';
import { codeSlot, CODE_SLOTS } from '../src/formats/code-slots.js';

const meta = { id: 'doc', path: 'm.html', sourceLang: 'en' };
const same: Render = (u) => toPlainText(u.source);
/** A translation that upper-cases every word and keeps every code, rendered as the build does. */
const shout: Render = (unit, escape) => {
  const codes = codesOf(unit.source);
  let i = 0;
  const marked = unit.source.map((r) => (typeof r === 'string' ? r.toUpperCase() : codeSlot(i++))).join('');
  return (escape ? escape(marked) : marked).replace(CODE_SLOTS, (_m, n: string) => codes[Number(n)]!.data);
};

/** Malformed HTML: built in any language, every stretch of the file comes out once, in place. */
describe('malformed HTML sources', () => {
  const cases = [
    '<p>One <b>bold</p><p>Two</p>\n',
    '<p>One <b>bold <i>it</p><p>Two</p>\n',
    '<div>A <b>x</div><p>Two <i>y</b> z</i></p>\n',
    '<p><a href=x>link<p>next</a> after</p>\n',
    '<ul><li>One <em>a<li>Two</ul><p>Three</p>\n',
    '<p>Stray </span> end tag and <!-- a comment --> inside <b>bold</b>.</p>\n',
  ];
  for (const t of cases) {
    it(JSON.stringify(t), () => {
      const doc = readHtml(t, meta);
      expect(writeHtml(doc, same)).toBe(t);
      const built = writeHtml(doc, shout);
      expect(built.toLowerCase()).toBe(t.toLowerCase());
      // Every word is in one unit only.
      const words = doc.units.map((u) => textOnly(u.source)).join(' ');
      for (const w of ['bold', 'Two', 'link', 'next']) expect(words.split(w).length - 1).toBeLessThanOrEqual(1);
    });
  }

  it('the issue\'s example: "bold" once, "Two" a unit of its own', () => {
    const doc = readHtml('<p>One <b>bold</p><p>Two</p>', meta);
    expect(doc.units.map((u) => textOnly(u.source))).toEqual(['One bold', 'Two']);
    expect(writeHtml(doc, shout)).toBe('<p>ONE <b>BOLD</p><p>TWO</p>');
  });

  it('generated tag soup: the translated build is the source with its words changed, nothing read twice (property)', () => {
    const token = fc.constantFrom(
      'word',
      'more words',
      '<b>',
      '</b>',
      '<i>',
      '</i>',
      '<a href="u">',
      '</a>',
      '<p>',
      '</p>',
      '<div>',
      '</div>',
      '<li>',
      '<ul>',
      '</ul>',
      '<em>',
      '</span>',
      '<br>',
      '<table><tr><td>',
      '</td>',
      '&amp;',
      '<img alt="pic" src=x>',
    );
    const soup = fc.array(token, { minLength: 1, maxLength: 14 }).map((ts) => ts.join(' '));
    fc.assert(
      fc.property(soup, (t) => {
        const doc = readHtml(t, meta);
        return writeHtml(doc, same) === t && writeHtml(doc, shout).toLowerCase() === t.toLowerCase();
      }),
      { numRuns: 400 },
    );
  });
});
