import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText } from '../src/io/files.js';
import { parseXml, parseXmlPieces, type XmlElement } from '../src/io/xml.js';
import { readXliff, readXliffFile, readXliffUnits, type XliffUnitRead } from '../src/xliff/read.js';
import type { XliffDocument } from '../src/xliff/model.js';
import { ROOT, extractedProject } from './helpers.js';
import { edited, edits, outcome } from './mutants.js';

const folder = mkdtempSync(join(tmpdir(), 'locflow-xliff-stream-'));
const fixtures = join(ROOT, 'tests', 'fixtures', 'xliff-tools');

/** Translated XLIFF 1.2 and 2.0 as locflow and other tools write them. */
function samples(): string[] {
  const project = extractedProject();
  const own = readFileSync(join(project, 'xliff', 'es', 'article.xlf'), 'utf8');
  const translated = own.replace(
    /<source>([^<]*)<\/source>/gu,
    '<source>$1</source><target state="translated">«$1»</target>',
  );
  const grouped = translated
    .replace('<body>', '<body><group id="g1"><group id="g2">')
    .replace(
      '</body>',
      '</group></group><trans-unit id="late"><source>x</source></trans-unit></body><body><trans-unit id="second-body"><source>y</source></trans-unit></body>',
    );
  return [
    own,
    translated,
    grouped,
    ...readdirSync(fixtures)
      .filter((f) => f.endsWith('.xlf'))
      .map((f) => readFileSync(join(fixtures, f), 'utf8')),
  ];
}

const declaresEncoding = (text: string): boolean => /^[^>]*encoding=["'](?!utf-8)/iu.test(text);

const FRAGMENTS = [
  '<',
  '>',
  '&',
  '&bogus;',
  '</target>',
  '<target>',
  '</trans-unit>',
  '<g id="9">',
  '<!DOCTYPE x [<!ENTITY e "e">]>',
  '\u0000',
  'é€😀',
  '\r\n',
  '<![CDATA[<]]>',
  '<trans-unit id="u">',
  'state-qualifier="bogus"',
  ' id="dup"',
];

describe('XLIFF read from a file in pieces (readXliffFile)', () => {
  const texts = samples();

  it('gives readXliff’s document, or its error at the same place, however the file is cut and changed', () => {
    const path = join(folder, 'mutant.xlf');
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        edits(FRAGMENTS, 3),
        fc.constantFrom(16, 97, 1024, 1 << 16),
        (which, changes, pieceBytes) => {
          const text = edited(texts[which]!, changes);
          writeFileSync(path, text);
          // Pieces this small cannot show the decoder an encoding declared further on: that is readTextPieces' part.
          if (pieceBytes < 1024 && declaresEncoding(text)) return;
          const whole = outcome(() => readXliff(readText(path, 'XLIFF file')));
          expect(outcome(() => readXliffFile(path, { pieceBytes }))).toEqual(whole);
          // Unit by unit: the same units in order, each with its <file>'s languages, then the same document or error.
          expect(outcome(() => unitByUnit(path, pieceBytes))).toEqual(whole);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses a file as readXliff does when a unit early on and the XML further on are both wrong: the XML first', () => {
    const path = join(folder, 'both.xlf');
    const text = texts[1]!.replace('state="translated"', 'state="translated" state-qualifier="bogus"');
    writeFileSync(path, `${text.replace(/<\/xliff>\s*$/u, '')}<unclosed>`);
    const whole = outcome(() => readXliff(readText(path, 'XLIFF file')));
    expect(JSON.stringify(whole)).toContain('xml/malformed');
    expect(outcome(() => readXliffFile(path, { pieceBytes: 64 }))).toEqual(whole);
    // And a <file> whose languages disagree, after the bad unit: the <file> is named, as readXliff names it.
    const mixed = text.replace(
      /<\/file>/u,
      '</file><file original="b" source-language="en" target-language="fr"><body/></file>',
    );
    writeFileSync(path, mixed);
    const languages = outcome(() => readXliff(readText(path, 'XLIFF file')));
    expect(JSON.stringify(languages)).toContain('disagree on their languages');
    expect(outcome(() => readXliffFile(path, { pieceBytes: 64 }))).toEqual(languages);
  });

  it('keeps the units `keep` wants, after reading and checking them all', () => {
    const path = join(folder, 'keep.xlf');
    writeFileSync(path, texts[2]!);
    const all = readXliffFile(path, { pieceBytes: 64 });
    const ids = all.files.flatMap((f) => f.units.map((u) => u.id));
    expect(ids).toContain('late');
    expect(ids).not.toContain('second-body'); // only a <file>'s first <body> holds its units, as readXliff reads it
    const kept = readXliffFile(path, { pieceBytes: 64, keep: (u) => u.id.endsWith('e') });
    expect(kept.files.flatMap((f) => f.units.map((u) => u.id))).toEqual(ids.filter((id) => id.endsWith('e')));
    // A unit that cannot be read refuses the file even when it would not be kept.
    writeFileSync(path, texts[1]!.replace('state="translated"', 'state="translated" state-qualifier="bogus"'));
    expect(outcome(() => readXliffFile(path, { keep: () => false }))).toEqual(
      outcome(() => readXliff(readText(path, 'XLIFF file'))),
    );
  });
});

/** The document readXliffUnits gives, its units put back into their <file>s, each <file> ended after its units. */
function unitByUnit(path: string, pieceBytes: number): XliffDocument {
  const units = readXliffUnits(path, pieceBytes);
  const read: XliffUnitRead[] = [];
  const ended: number[] = [];
  let next = units.next();
  for (; !next.done; next = units.next()) {
    const item = next.value;
    if ('end' in item) ended.push(item.end);
    else {
      expect(ended).not.toContain(item.file);
      read.push(item);
    }
  }
  const doc = next.value;
  expect(ended).toEqual(doc.files.map((_, i) => i));
  for (const r of read) {
    expect(r.sourceLang).toBe(doc.sourceLang);
    expect(r.targetLang).toBe(doc.targetLang);
    expect(r.original).toBe(doc.files[r.file]!.original);
  }
  const files = doc.files.map((f, i) => ({ ...f, units: read.filter((r) => r.file === i).map((r) => r.unit) }));
  // In document order: the units of each <file> after those of the <file>s before it.
  expect(read.map((r) => r.file)).toEqual([...read.map((r) => r.file)].sort((a, b) => a - b));
  return { ...doc, files };
}

describe('parseXmlPieces', () => {
  const xml =
    '<root a="1"><list>' +
    Array.from({ length: 50 }, (_, i) => `<item n="${i}">text of item number ${i}<b>bold</b></item>`).join('\n') +
    '</list><tail/></root>';

  it('hands over each element complete as it closes, before the pieces after it are read', () => {
    const size = 37;
    let read = 0;
    function* pieces(): Generator<string> {
      for (let i = 0; i < xml.length; i += size) {
        read = i + size;
        yield xml.slice(i, i + size);
      }
    }
    const seen: string[] = [];
    const root = parseXmlPieces(pieces(), (el, ancestors) => {
      if (el.name !== 'item') return false;
      const end = xml.indexOf('</item>', xml.indexOf(`<item n="${el.attrs.n}">`)) + '</item>'.length;
      expect(read).toBeLessThan(end + size + 1); // nothing read ahead beyond the piece that closes it
      expect(ancestors.map((a) => a.name)).toEqual(['root', 'list']);
      seen.push(`${el.attrs.n}:${JSON.stringify(el.children)}`);
      return true;
    });
    expect(seen).toHaveLength(50);
    // The elements taken are let go: the tree holds the rest, as parseXml reads it without them.
    const list = root.children[0] as XmlElement;
    expect(list.children.filter((c) => typeof c !== 'string')).toEqual([]);
    const full = parseXml(xml);
    const items = (full.children[0] as XmlElement).children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(seen).toEqual(items.map((item) => `${item.attrs.n}:${JSON.stringify(item.children)}`));
    expect(root.children[1]).toEqual(full.children[1]);
  });
});
