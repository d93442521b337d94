import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocflowError } from '../../src/errors.js';
import { formatFor, loadFormats } from '../../src/formats/registry.js';
import { toPlainText } from '../../src/model/content.js';
import type { Document } from '../../src/model/index.js';
import { ARTICLE, read, ROOT } from '../helpers.js';

/**
 * One contract for every source format (the reader/writer pair the registry holds), as Translate Toolkit runs
 * one test suite over every store: read → write with each unit's own source gives the file back; what the
 * writer made reads back to the same units; a target is written where its unit was; broken input is refused
 * with its place.
 */
interface Row {
  /** The file as a project would name it: the registry picks the format by it. */
  readonly file: string;
  readonly text: string;
  /** The format's name in the registry. */
  readonly format: string;
  /** Broken input and the line the refusal names; none for a format that reads any text. */
  readonly broken?: { readonly text: string; readonly line: number };
}

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const ROWS: readonly Row[] = [
  { file: 'article.txt', format: 'text', text: read(ARTICLE) },
  {
    file: 'guide.md',
    format: 'markdown',
    text: read(join(FIXTURES, 'formats', 'guide.md')),
    broken: { text: `# Title\n\n${'> '.repeat(101)}deep\n`, line: 3 },
  },
  {
    file: 'page.html',
    format: 'html',
    text: read(join(FIXTURES, 'formats', 'page.html')),
    broken: { text: `<p>Title</p>\n${'<div>'.repeat(501)}deep\n`, line: 2 },
  },
  {
    file: 'app.json',
    format: 'i18next',
    text: read(join(FIXTURES, 'formats', 'app.json')),
    broken: { text: '{\n  "a": "one",\n  "b": \n}\n', line: 4 },
  },
  {
    file: 'app.icu.json',
    format: 'icu',
    text: read(join(FIXTURES, 'formats', 'app.icu.json')),
    broken: { text: '{\n  "a": "one",\n  "b": "{count, plural, one {#}"\n}\n', line: 3 },
  },
  {
    file: 'messages.xlf',
    format: 'xliff',
    text: read(join(FIXTURES, 'xliff-tools', 'angular-messages.fr.xlf')),
    broken: { text: '<?xml version="1.0"?>\n<xliff version="2.0">\n  <file id="f">\n</xliff>\n', line: 4 },
  },
];

// Each format's parser loads when a file of it is met, as loadProject does for a project's sources.
await loadFormats(ROWS.map((r) => r.file));

const meta = (row: Row) => ({ id: 'doc', path: row.file, sourceLang: 'en' });
const readRow = (row: Row, text = row.text): Document => formatFor(row.file).read(text, meta(row), {});
const sourceOf = (doc: Document) => doc.units.map((u) => toPlainText(u.source));

describe('the format contract', () => {
  it('every format of the registry has a row', () => {
    let known = '';
    try {
      formatFor('file.unknown-extension');
    } catch (err) {
      known = (err as LocflowError).hint ?? '';
    }
    const names = [...known.matchAll(/(\w+) \(/gu)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(ROWS.map((r) => r.format))).toEqual(new Set(names));
  });

  describe.each(ROWS)('$format ($file)', (row) => {
    const doc = readRow(row);

    it('is the format the registry picks for the file', () => {
      expect(formatFor(row.file).name).toBe(row.format);
    });

    it('reads units with text and unique ids', () => {
      expect(doc.units.length).toBeGreaterThan(2);
      expect(new Set(doc.units.map((u) => u.id)).size).toBe(doc.units.length);
      for (const u of doc.units) expect(toPlainText(u.source).trim()).not.toBe('');
    });

    it('read → write with the sources gives the file back byte for byte', () => {
      const written = formatFor(row.file).write(doc, (u) => toPlainText(u.source), 'en');
      expect(written).toBe(row.text);
    });

    it("writes each unit's target in its place, and what it writes reads again", () => {
      const target = (i: number) => `Zielsatz ${i + 1}`;
      const order = new Map(doc.units.map((u, i) => [u.id, i]));
      // British English has the source's plural forms: every unit keeps its place (a format drops the forms a language lacks).
      const written = formatFor(row.file).write(doc, (u) => target(order.get(u.id)!), 'en-GB');
      const places = doc.units.map((_, i) => written.indexOf(target(i)));
      expect(places.every((at) => at >= 0)).toBe(true);
      // In document order ("Zielsatz 1" is also the start of "Zielsatz 10": the places are searched one by one).
      expect(places.slice(0, 9)).toEqual([...places.slice(0, 9)].sort((a, b) => a - b));
      expect(written).not.toBe(row.text);
      expect(() => readRow(row, written)).not.toThrow();
      expect(sourceOf(readRow(row))).toEqual(sourceOf(doc)); // the reader is pure: the same text, the same units
    });

    it.runIf(row.broken !== undefined)('refuses broken input, naming the line', () => {
      let error: unknown;
      try {
        readRow(row, row.broken!.text);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(Error);
      expect((error as { line?: number }).line).toBe(row.broken!.line);
    });
  });
});
