import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText } from '../src/io/files.js';
import { parseXml, parseXmlSteps, type XmlElement } from '../src/io/xml.js';
import { NotPlainXml, scanXml, scanXmlSteps } from '../src/xliff/scan.js';
import { readXliff, readXliffFile, readXliffParsed, readXliffUnits } from '../src/xliff/read.js';
import { readAnyUnit12, readPlainUnit12 } from '../src/xliff/xliff12.js';
import { ROOT } from './helpers.js';
import { edited, edits, outcome } from './mutants.js';

/**
 * The scanner of plain XML (src/xliff/scan.ts) against the full parser (saxes): the same tree — elements,
 * attributes, text, lines and columns — and the same elements handed over as they close, however the text is cut;
 * whatever it does not read (anything saxes refuses among it) it leaves to the parser, which then says what it says.
 */

const folder = mkdtempSync(join(tmpdir(), 'locflow-xml-scan-'));

/** The elements handed over as they close, each with its ancestors' names, and the tree left. */
function stepped(
  steps: typeof parseXmlSteps,
  pieces: readonly string[],
  take: (el: XmlElement) => boolean,
): { closed: string[]; root?: XmlElement; error?: unknown } {
  const closed: string[] = [];
  try {
    const gen = steps(pieces, (el, ancestors) => {
      closed.push(`${ancestors.map((a) => a.name).join('/')}/${el.name}@${el.line}:${el.column}:${JSON.stringify(el)}`);
      return take(el);
    });
    for (;;) {
      const step = gen.next();
      if (step.done) return { closed, root: step.value };
    }
  } catch (error) {
    return { closed, error };
  }
}

const cut = (text: string, at: readonly number[]): string[] => {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
};

// ---------- generated plain XML: every construct the scanner reads, written every way XML allows ----------

const space = fc.constantFrom('', ' ', '  ', '\n', '\t', '\r\n', ' \n  ');
const someSpace = fc.constantFrom(' ', '\n', '\t', '\r\n', '  \r', ' \n  ');
const NAMES = ['xliff', 'file', 'body', 'trans-unit', 'source', 'g', 'x', 'mrk', 'xlf:unit', 'a_b', 'a.b-c', 'A9'];
const ATTRS = ['id', 'state', 'xml:lang', 'mq:status', 'equiv-text', 'constructor', 'toString', 'a.b-c', '_'];
const TEXT_BITS = [
  'word',
  ' ',
  'é',
  'ü€',
  '😀',
  '\n',
  '\r\n',
  '\r',
  '\t',
  'a>b',
  ']]',
  ']',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&#10;',
  '&#13;',
  '&#9;',
  '&#x1F600;',
  '&#xe9;',
  '&#65;',
  '&#x10FFFF;',
  '"',
  "'",
];
const text = fc.array(fc.constantFrom(...TEXT_BITS), { maxLength: 8 }).map((bits) => bits.join(''));
const attrValue = fc
  .array(fc.constantFrom(...TEXT_BITS.filter((b) => b !== '"' && b !== "'")), { maxLength: 6 })
  .map((bits) => bits.join(''));
const attribute = fc.tuple(fc.constantFrom(...ATTRS), space, space, fc.constantFrom('"', "'"), attrValue, fc.boolean());
const comment = fc.constantFrom('<!---->', '<!-- a comment -->', '<!-- - a - b -->', '<!--\r\n<x> & ]]> -->');

const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      fc.constantFrom(...NAMES),
      fc.uniqueArray(attribute, { maxLength: 4, selector: (a) => a[0] }),
      space,
      depth > 1
        ? fc.array(fc.oneof(text, element(depth - 1), comment), { maxLength: 5 })
        : fc.array(fc.oneof(text, comment), { maxLength: 2 }),
      fc.boolean(),
      space,
    )
    .map(([name, attrs, before, children, empty, endSpace]) => {
      const a = attrs
        .map(([k, s1, s2, q, v, quoteInside]) => {
          // The other quote may stand inside a value as it is.
          const value = quoteInside ? `${v}${q === '"' ? "'" : '"'}` : v;
          return ` ${k}${s1}=${s2}${q}${value}${q}`;
        })
        .join('');
      if (empty && !children.length) return `<${name}${a}${before}/>`;
      return `<${name}${a}${before}>${children.join('')}</${name}${endSpace}>`;
    }),
);

const declaration = fc.constantFrom(
  '',
  '<?xml version="1.0"?>',
  '<?xml version="1.0" encoding="UTF-8"?>\n',
  "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n",
  '<?xml  version = "1.0"  encoding = "UTF-8" ?>',
);

const documents = fc
  .tuple(
    fc.constantFrom('', '\uFEFF'),
    declaration,
    fc.array(fc.oneof(someSpace, comment), { maxLength: 2 }),
    element(4),
    fc.array(fc.oneof(someSpace, comment), { maxLength: 2 }),
  )
  .map(([bom, decl, before, root, after]) => `${bom}${decl}${before.join('')}${root}${after.join('')}`);

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

describe('scanXml reads plain XML as the parser does', () => {
  it('the same tree, lines and columns included, for XML written every way it may be (property)', () => {
    fc.assert(
      fc.property(documents, (xml) => {
        expect(scanXml(xml)).toEqual(parseXml(xml));
      }),
      { numRuns: 600 },
    );
  });

  it('the same elements handed over as they close, and the same tree left, however the text is cut (property)', () => {
    fc.assert(
      fc.property(documents, cuts, fc.constantFrom('g', 'x', 'source', 'trans-unit'), (xml, at, name) => {
        const pieces = cut(xml, at);
        const take = (el: XmlElement): boolean => el.name === name;
        const fast = stepped(scanXmlSteps, pieces, take);
        expect(fast.error).toBeUndefined();
        expect(fast).toEqual(stepped(parseXmlSteps, pieces, take));
      }),
      { numRuns: 400 },
    );
  });

  it('a character outside the BMP cut between its two halves is read whole, wherever the cut falls', () => {
    const xml = '<?xml version="1.0"?>\n<xliff a="😀"><g>😀word 😀</g>😀</xliff>';
    const take = (el: XmlElement): boolean => el.name === 'g';
    const whole = stepped(parseXmlSteps, [xml], take);
    for (let at = 1; at < xml.length; at++) {
      const fast = stepped(scanXmlSteps, [xml.slice(0, at), xml.slice(at)], take);
      expect(fast.error).toBeUndefined();
      expect(fast).toEqual(whole);
    }
    // A half left alone at the very end is still no character.
    expect(stepped(scanXmlSteps, ['<a>x\uD83D', ''], take).error).toBeDefined();
  });

  const FRAGMENTS = [
    '<',
    '>',
    '&',
    ';',
    '&bogus;',
    '&#0;',
    '&#xD800;',
    '&#X41;',
    '"',
    "'",
    '=',
    '/',
    '--',
    ']]>',
    '<!DOCTYPE x [<!ENTITY e "e">]>',
    '<!DOCTYPE x>',
    '<![CDATA[<]]>',
    '<?pi data?>',
    '<?xml version="1.0"?>',
    '\u0000',
    '\u0001',
    '\uFFFE',
    '\uD800',
    '\uDC00',
    '😀',
    'é',
    '\r',
    '</a>',
    '<a>',
    '<a/>',
    '<é/>',
    ' a="1"',
    ' id="dup"',
    ' __proto__="x"',
    'x:y:z',
  ];

  it('changed XML: the parser’s tree, or NotPlainXml — never another tree, never a file the parser refuses (property)', () => {
    fc.assert(
      fc.property(documents, edits(FRAGMENTS, 3), cuts, (xml, changes, at) => {
        const text = edited(xml, changes);
        const pieces = cut(text, at);
        const take = (el: XmlElement): boolean => el.name === 'g';
        const full = stepped(parseXmlSteps, pieces, take);
        const fast = stepped(scanXmlSteps, pieces, take);
        if (fast.error !== undefined) {
          expect(fast.error).toBeInstanceOf(NotPlainXml);
          // What it handed over before is what the parser hands over first.
          expect(full.closed.slice(0, fast.closed.length)).toEqual(fast.closed);
        } else {
          expect(full.error).toBeUndefined();
          expect(fast).toEqual(full);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE xliff><xliff/>'],
    ['an entity declared', '<!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>'],
    ['an entity not predefined', '<x>&nbsp;</x>'],
    ['CDATA', '<x><![CDATA[a]]></x>'],
    ['a processing instruction', '<x><?pi x?></x>'],
    ['a processing instruction before the root', '<?xml-stylesheet href="a"?><x/>'],
    ['XML 1.1', '<?xml version="1.1"?><x/>'],
    ['another encoding declared', '<?xml version="1.0" encoding="ISO-8859-1"?><x/>'],
    ['a name outside ASCII', '<x><é/></x>'],
    ['an attribute given twice', '<x a="1" a="2"/>'],
    ['a character XML cannot carry', '<x>\u0001</x>'],
    ['a reference to one', '<x>&#1;</x>'],
    ['an unclosed element', '<x><y></x>'],
    ['text outside the root', '<x/>text'],
    ['a second root', '<x/><y/>'],
    ['no root', '  '],
  ])('%s is left to the parser', (_what, xml) => {
    expect(() => scanXml(xml)).toThrow(NotPlainXml);
  });

  it.each([
    ['a reference to a character XML cannot carry', '<x>&#1;</x>'],
    [']]> in text', '<x>a]]>b</x>'],
    ['a comment that ends in -', '<x><!-- a ---></x>'],
    ['-- in a comment', '<x><!-- a -- b --></x>'],
    ['an attribute given twice', '<x a="1" a=\'2\'/>'],
    ['< in an attribute value', '<x a="<"/>'],
    ['an attribute without quotes', '<x a=1/>'],
    ['attributes without a space between them', '<x a="1"b="2"/>'],
    ['an end tag of another element', '<x><y></z></x>'],
    ['&#X41; (a capital X)', '<x>&#X41;</x>'],
    ['an empty reference', '<x>&;</x>'],
    ['an XML declaration not at the start', ' <?xml version="1.0"?><x/>'],
  ])('malformed: %s is left to the parser, which refuses it', (_what, xml) => {
    expect(() => scanXml(xml)).toThrow(NotPlainXml);
    expect(() => parseXml(xml)).toThrow();
  });

  it('elements nested past the limit are left to the parser, which refuses them as before', () => {
    const xml = `${'<a>'.repeat(600)}${'</a>'.repeat(600)}`;
    expect(() => scanXml(xml)).toThrow(NotPlainXml);
    expect(() => parseXml(xml)).toThrow(/nest more than 500 levels/u);
  });
});

// ---------- XLIFF: the scanner's documents against the parser's ----------

const xmlText = fc
  .array(fc.constantFrom('Hello', ' ', 'é', '😀', '&amp;', '&lt;b&gt;', '&#10;', '\r\n', '\t', '"', '>', '5 %'), {
    maxLength: 6,
  })
  .map((bits) => bits.join(''));
const inline: fc.Memo<string> = fc.memo((depth) =>
  fc
    .array(
      fc.oneof(
        xmlText,
        xmlText.map((t) => `<ph id="p${t.length}" ctype="x-placeholder">{${t}}</ph>`),
        fc.constant('<x id="x1" equiv-text="&lt;br/&gt;"/>'),
        fc.constant("<x id='x2' ctype='x-image'/>"),
        fc.constant('<bx id="b1" rid="r1"/>'),
        fc.constant('<ex id="e1" rid="r1"/>'),
        fc.constant('<bpt id="7">&lt;i&gt;</bpt>'),
        fc.constant('<ept id="7">&lt;/i&gt;</ept>'),
        fc.constant('<it id="8" pos="open">&lt;u&gt;</it>'),
        fc.constant('<ph id="lf-cp1B-1" ctype="x-locflow-cp">U+001B</ph>'),
        depth > 1 ? inline(depth - 1).map((c) => `<g id="g${depth}" ctype="x-link">${c}</g>`) : xmlText,
        depth > 1 ? inline(depth - 1).map((c) => `<mrk mtype="term">${c}</mrk>`) : xmlText,
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join('')),
);
const STATES = ['', 'new', 'translated', 'needs-review-translation', 'signed-off', 'final', 'needs-translation'];
const QUALIFIERS = ['', 'leveraged-mt', 'exact-match', 'x-pseudo', 'rejected-spelling'];
const unit = fc
  .tuple(
    fc.constantFrom('u1', 'p&amp;2', 'a.b'),
    inline(3),
    fc.option(inline(3)),
    fc.constantFrom(...STATES),
    fc.constantFrom(...QUALIFIERS),
    fc.boolean(),
    fc.array(xmlText, { maxLength: 2 }),
    fc.boolean(),
    fc.boolean(),
    space,
  )
  .map(([id, source, target, state, qualifier, approved, notes, alt, context, ws]) => {
    const attrs = [` id="${id}"`, approved ? ` approved='yes'` : '', ' xml:space="preserve"'];
    if (id === 'a.b') attrs.reverse();
    const t =
      target === null
        ? ''
        : `${ws}<target xml:lang="es"${state ? ` state="${state}"` : ''}${qualifier ? ` state-qualifier='${qualifier}'` : ''}>${target}</target>`;
    return (
      `<trans-unit${attrs.join('')}${ws}>${ws}<source>${source}</source>${t}` +
      (alt
        ? `<alt-trans match-quality="80" origin="tm"><source>${source}</source><target>x</target></alt-trans>`
        : '') +
      (context ? '<context-group purpose="information"><context context-type="x-k">v</context></context-group>' : '') +
      notes.map((n) => `${ws}<note from="developer">${n}</note>`).join('') +
      `${ws}</trans-unit>`
    );
  });
const segmented = fc.constantFrom(
  '<trans-unit id="s"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source>' +
    '<target state="translated"><mrk mtype="seg" mid="1">a.</mrk> <mrk mtype="seg" mid="2"></mrk></target></trans-unit>',
  '<trans-unit id="m" mq:status="NotStarted"><source>x</source><target></target></trans-unit>',
  // Two of each: the first is read.
  '<trans-unit id="two"><source>first</source><source>second</source><target>t</target><target>u</target></trans-unit>',
);
const xliffDocs = fc
  .tuple(
    declaration,
    fc.array(fc.oneof(unit, segmented), { maxLength: 5 }),
    fc.array(unit, { maxLength: 3 }),
    fc.boolean(),
    space,
  )
  .map(
    ([decl, units, more, group, ws]) =>
      `${decl}<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">${ws}` +
      `<file original="a.txt" source-language="en" target-language="es" datatype="plaintext">${ws}` +
      `<header>${ws}<tool tool-id="t" tool-name="t"/>${ws}</header>${ws}<body>${ws}` +
      (group ? `<group id="g">${units.join(ws)}</group>` : units.join(ws)) +
      `${ws}</body>${ws}</file>${ws}` +
      `<file original="b.txt" source-language="en" target-language="es"><body>${more.join('')}</body></file></xliff>`,
  );

describe('XLIFF read through the scanner', () => {
  it('gives the document (or the refusal) the full parser gives, whole, from a file and unit by unit (property)', () => {
    const path = join(folder, 'generated.xlf');
    fc.assert(
      fc.property(xliffDocs, fc.constantFrom(64, 1000, 1 << 14), (xml, pieceBytes) => {
        const parsed = outcome(() => readXliffParsed(xml));
        expect(outcome(() => readXliff(xml))).toEqual(parsed);
        writeFileSync(path, xml);
        const fromFile = outcome(() => readXliffFile(path, { pieceBytes, scan: false }));
        expect(outcome(() => readXliffFile(path, { pieceBytes }))).toEqual(fromFile);
        expect(outcome(() => [...readXliffUnits(path, pieceBytes)])).toEqual(
          outcome(() => [...readXliffUnits(path, pieceBytes, false)]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the scanner reads these documents itself (none is left to the parser)', () => {
    fc.assert(
      fc.property(xliffDocs, (xml) => {
        expect(() => scanXml(xml)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  /** Every XLIFF file among the tests' fixtures (OmegaT, Translate Toolkit, Okapi, memoQ, Trados, Xcode, Angular…). */
  const corpus = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) return corpus(path);
      return /\.(?:xlf|xliff|sdlxliff|mqxliff)$/u.test(f) ? [path] : [];
    });
  const files = corpus(join(ROOT, 'tests'));

  it('finds the XLIFF fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s: the same document or refusal', (_name, path) => {
    // (a file that is not UTF-8 as it declares is refused before any XML is read)
    const { result: xml } = outcome(() => readText(path, 'XLIFF file')) as { result?: string };
    if (xml !== undefined) expect(outcome(() => readXliff(xml))).toEqual(outcome(() => readXliffParsed(xml)));
    for (const pieceBytes of [97, 1 << 14])
      expect(outcome(() => readXliffFile(path, { pieceBytes }))).toEqual(
        outcome(() => readXliffFile(path, { pieceBytes, scan: false })),
      );
  });

  it('a file the scanner leaves half way (CDATA in its last unit) gives each unit once, as the parser does', () => {
    const units = Array.from(
      { length: 40 },
      (_, i) => `<trans-unit id="u${i}"><source>s${i}</source><target state="translated">t${i}</target></trans-unit>`,
    );
    units.push('<trans-unit id="last"><source><![CDATA[a < b]]></source></trans-unit>');
    const xml =
      '<xliff version="1.2"><file original="a" source-language="en" target-language="es"><body>' +
      `${units.join('\n')}</body></file></xliff>`;
    expect(() => scanXml(xml)).toThrow(NotPlainXml);
    const path = join(folder, 'late-cdata.xlf');
    writeFileSync(path, xml);
    const read = [...readXliffUnits(path, 64)];
    expect(read).toEqual([...readXliffUnits(path, 64, false)]);
    expect(read.filter((r) => 'unit' in r).map((r) => ('unit' in r ? r.unit.id : ''))).toEqual([
      ...units.map((_, i) => (i < 40 ? `u${i}` : 'last')),
    ]);
    expect(readXliffFile(path, { pieceBytes: 64 })).toEqual(readXliffFile(path, { pieceBytes: 64, scan: false }));
  });

  it('a file with a DOCTYPE is refused as before, with the same message and place', () => {
    const xml = readFileSync(join(ROOT, 'tests', 'fixtures', 'xliff-tools', 'trados-partly.xlf'), 'utf8').replace(
      '<xliff',
      '<!DOCTYPE xliff [<!ENTITY e "x">]>\n<xliff',
    );
    expect(() => scanXml(xml)).toThrow(NotPlainXml);
    const refusal = outcome(() => readXliff(xml));
    expect(JSON.stringify(refusal)).toContain('internal subset');
    expect(refusal).toEqual(outcome(() => readXliffParsed(xml)));
  });
});

describe('readPlainUnit12 (a unit of text alone, in one walk)', () => {
  const unitsOf = (el: XmlElement): XmlElement[] =>
    el.children.flatMap((c) => (typeof c === 'string' ? [] : c.name === 'trans-unit' ? [c] : unitsOf(c)));

  it('gives the unit (or the error) readAnyUnit12 gives, whenever it reads one (property)', () => {
    let read = 0;
    let declined = 0;
    fc.assert(
      fc.property(xliffDocs, (xml) => {
        for (const el of unitsOf(parseXml(xml))) {
          const plain = outcome(() => readPlainUnit12(el));
          if (JSON.stringify(plain) === '{}') {
            declined++; // (undefined: left to readAnyUnit12)
            continue;
          }
          read++;
          expect(plain).toEqual(outcome(() => readAnyUnit12(el)));
        }
      }),
      { numRuns: 300 },
    );
    // Both kinds were met: units it reads and units it leaves.
    expect(read).toBeGreaterThan(50);
    expect(declined).toBeGreaterThan(50);
  });

  it.each([
    ['inline codes', '<source>a <x id="1"/></source>'],
    ['a <seg-source>', '<source>a</source><seg-source><mrk mtype="seg" mid="1">a</mrk></seg-source>'],
    ['a prefixed child', '<xlf:source>a</xlf:source><source>a</source>'],
    ['no <source>', '<target>a</target>'],
  ])('leaves a unit with %s to readAnyUnit12', (_what, inner) => {
    const el = parseXml(`<trans-unit id="u">${inner}</trans-unit>`);
    expect(readPlainUnit12(el)).toBeUndefined();
  });
});
