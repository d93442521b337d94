import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTextArticle, TextArticleReader, writeTextArticle } from '../src/formats/text-article.js';
import { toPlainText } from '../src/model/content.js';
import { ARTICLE, read } from './helpers.js';

const meta = { id: 'article', path: 'source/article.txt', sourceLang: 'en' };
/** Generated articles: sentences of awkward words, lines, blocks, CRLF, odd blank lines, a dateline, trailing space. */
const sentence = fc
  .array(
    fc.constantFrom(
      'Iraq',
      'said',
      'the',
      'U.S.',
      '1,200',
      'Mr.',
      '"quoted."',
      'www.example.com/a',
      'e-mail me@x.org',
      '{{name}}',
      '%d',
      '2:15 PM',
      'AP',
      'Powered',
      'by',
    ),
    { minLength: 1, maxLength: 12 },
  )
  .chain((ws) => fc.constantFrom('.', '?', '!', '').map((end) => ws.join(' ') + end));
const line = fc
  .array(sentence, { minLength: 1, maxLength: 4 })
  .chain((ss) => fc.constantFrom(' ', '  ', '\t').map((sep) => ss.join(sep)));
const block = fc
  .array(line, { minLength: 1, maxLength: 3 })
  .chain((ls) => fc.constantFrom('\n', '\r\n').map((nl) => ls.join(nl)));
const article = fc
  .tuple(
    fc.array(block, { minLength: 1, maxLength: 8 }),
    fc.constantFrom('\n\n', '\r\n\r\n', '\n \n', '\n\n\n'),
    fc.constantFrom('', '\n', '  \n'),
    fc.boolean(),
  )
  .map(
    ([blocks, sep, tail, stamp]) =>
      blocks.join(sep) + (stamp ? `${sep}Updated: December 05, 2023, 2:15 PM` : '') + tail,
  );

const identity = (text: string): string => writeTextArticle(readTextArticle(text, meta), (u) => toPlainText(u.source));

describe('text article reader', () => {
  const text = read(ARTICLE);
  const doc = readTextArticle(text, meta);

  it('finds the roles of a news article', () => {
    const roles = doc.units.map((u) => u.context.role);
    expect(roles.slice(0, 6)).toEqual(['headline', 'standfirst', 'caption', 'credit', 'boilerplate', 'related-link']);
    expect(roles[roles.length - 1]).toBe('timestamp');
    expect(roles.filter((r) => r === 'paragraph')).toHaveLength(10);
    const credit = doc.units.find((u) => u.context.role === 'credit')!;
    expect(toPlainText(credit.source)).toBe('AP');
  });

  it('makes the timestamp a date code that a build can re-format', () => {
    const ts = doc.units.find((u) => u.context.role === 'timestamp')!;
    expect(ts.source[0]).toBe('Updated: ');
    expect(ts.source[1]).toMatchObject({ type: 'date', data: 'December 05, 2023, 2:15 PM', value: '2023-12-05T14:15' });
  });

  it('gives the role to translators as a note and neighbours as context', () => {
    const headline = doc.units[0]!;
    expect(headline.notes.join(' ')).toMatch(/Headline/u);
    expect(headline.context.next).toBe(toPlainText(doc.units[1]!.source));
  });

  it('keeps ids stable: editing one sentence changes only its id', () => {
    const edited = text.replace('At least 62 US personnel', 'At least 63 US personnel');
    const before = doc.units.map((u) => u.id);
    const after = readTextArticle(edited, meta).units.map((u) => u.id);
    const changed = before.filter((id, i) => after[i] !== id);
    expect(after).toHaveLength(before.length);
    expect(changed).toHaveLength(1);
  });

  it('numbers repeated sentences with an occurrence counter', () => {
    const d = readTextArticle('Title\n\nStandfirst here\n\nIt rained. It rained.\n', meta);
    const ids = d.units.filter((u) => u.context.role === 'paragraph').map((u) => u.id);
    expect(ids[1]).toBe(`${ids[0]}-2`);
  });

  it('writes the bundled article back byte for byte', () => {
    expect(identity(text)).toBe(text);
  });

  it('writes generated articles back byte for byte (CRLF, tabs, trailing space, no final newline)', () => {
    fc.assert(
      fc.property(article, (a) => identity(a) === a),
      { numRuns: 300 },
    );
  });

  it('reads the same units from the text cut anywhere into pieces as from the whole', () => {
    fc.assert(
      fc.property(article, fc.array(fc.nat(), { maxLength: 6 }), (a, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (a.length + 1)))].sort((x, y) => x - y);
        const reader = new TextArticleReader(meta);
        const units = [];
        let from = 0;
        for (const to of [...at, a.length]) {
          units.push(...reader.push(a.slice(from, to)));
          from = to;
        }
        units.push(...reader.end());
        expect(units).toEqual(readTextArticle(a, meta).units);
      }),
      { numRuns: 300 },
    );
  });
});

/** The hash as ids were always written (cyrb53, its 53 bits in hex through Number#toString): ids must not change. */
function cyrb53Hex(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 & 0x1fffff).toString(16).padStart(6, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

describe('unit ids', async () => {
  const { normalizedTextHash, textHash } = await import('../src/model/ids.js');
  const { normalizeText } = await import('../src/model/content.js');
  it('are the hash they always were, 14 hex digits for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(textHash(s)).toBe(cyrb53Hex(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('hash runs of every ASCII white space, control characters and the last ASCII characters as the general path does', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            'Z',
            ' ',
            '\t',
            '\n',
            '\v',
            '\f',
            '\r',
            '\u0001',
            '\u001f',
            '~',
            '\u007f',
            '\u00a0',
            '\u2003',
            'é',
          ),
        }),
        (s) => {
          expect(normalizedTextHash(s)).toBe(textHash(normalizeText(s)));
        },
      ),
      { numRuns: 3000 },
    );
    for (const s of [' a', 'a ', ' ', '\t\n', 'a \t b', 'a\u0001 b', ' a\u007f', 'a  \u00a0b', '~ ~'])
      expect(normalizedTextHash(s), JSON.stringify(s)).toBe(textHash(normalizeText(s)));
  });

  it('hash every UTF-16 code unit, between letters, spaces or itself, as the general path does', () => {
    // (the one-pass hash takes Latin letters and typographic punctuation as they are: any of them that NFC or the
    // space folding would change gives another id than before)
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`a${ch}b`, ` ${ch} `, `${ch}${ch}`, `${ch}\u0301`])
        if (normalizedTextHash(s) !== textHash(normalizeText(s))) expect(JSON.stringify(s)).toBe('hashed alike');
    }
  });

  it('hash Latin letters, typographic punctuation and what NFC or the folding changes beside them as the general path does', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            'é',
            'e',
            '\u0301',
            '\u02ff',
            '\u0300',
            '\u00a0',
            '\u00ad',
            '\u2010',
            '“',
            '…',
            '\u2027',
            '\u2028',
            '\u2029',
            '\u200a',
            '\u202f',
            '\u212b',
            '\u1100',
            '\u1161',
            'Å',
          ),
        }),
        (s) => {
          expect(normalizedTextHash(s)).toBe(textHash(normalizeText(s)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('hash the whitespace-folded text: the one-pass hash equals hashing the normalized string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'B', ' ', '  ', '\n', '\t', 'é', 'e\u0301', '.', '\u00a0') }),
        (s) => {
          expect(normalizedTextHash(s)).toBe(textHash(normalizeText(s)));
        },
      ),
    );
    expect(normalizedTextHash('  Kirkuk  province ')).toBe(normalizedTextHash('Kirkuk province'));
    expect(textHash('Kirkuk province')).toBe('1eb2ed9e2427be');
    expect(normalizedTextHash('Kirkuk province')).not.toBe(normalizedTextHash('Kirkuk provinces'));
  });
});
