import fc from 'fast-check';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programHash, SETTLED_MS } from '../src/formats/code-version.js';
import { readTextArticle } from '../src/formats/text-article.js';
import { markdownFormat } from '../src/formats/markdown.js';
import { htmlFormat } from '../src/formats/html.js';
import { i18nextFormat } from '../src/formats/i18next-json.js';
import { icuFormat } from '../src/formats/icu-json.js';
import { entriesOf, LAYOUT, SegmentationRecord, type ReadingKey } from '../src/formats/segmentation-record.js';
import type { Document, Unit } from '../src/model/index.js';
import { settingsFrom } from '../src/settings.js';
import { ARTICLE, locflow, projectWith, read } from './helpers.js';

const meta = { id: 'article', path: 'source/article.txt', sourceLang: 'en' };
const key: ReadingKey = { code: 'code-1', sourceLanguage: 'en', encoding: 'utf-8', text: {} };
const article = read(ARTICLE);

/** What a run asks the record for `text`: the document, and whether the format had to read it. */
function documentOf(
  root: string,
  text: string,
  reading: ReadingKey = key,
  reader: (text: string) => Document = (t) => readTextArticle(t, meta),
): { doc: Document; read: boolean; record: SegmentationRecord } {
  const record = SegmentationRecord.open(root, reading);
  let readByFormat = false;
  const doc = record.document(meta, text, () => {
    readByFormat = true;
    return reader(text);
  });
  return { doc, read: readByFormat, record };
}

/** A run over `text` that writes its record, as a build does at its end. */
async function recordRun(root: string, text: string, reading: ReadingKey = key): Promise<void> {
  await documentOf(root, text, reading).record.save();
}

const recordFile = (root: string): string => join(root, '.locflow', 'segmentation.json');
const project = (): string => mkdtempSync(join(tmpdir(), 'locflow-segrec-'));

/** Rewrites the record's entries through `change`, with the hash of its body made valid again (a forged record). */
function forgeEntries<E>(root: string, change: (entries: E[]) => void): void {
  const whole = readFileSync(recordFile(root), 'utf8');
  const nl = whole.indexOf('\n');
  const header = JSON.parse(whole.slice(0, nl)) as { layout: string; key: string; body: string };
  // One line per document: its path as JSON, a tab, its entry as JSON.
  const lines = whole
    .slice(nl + 1)
    .split('\n')
    .map((line) => [line.slice(0, line.indexOf('\t')), JSON.parse(line.slice(line.indexOf('\t') + 1)) as E] as const);
  const entries = lines.map(([, entry]) => entry);
  change(entries);
  const body = lines.map(([path], i) => `${path}\t${JSON.stringify(entries[i])}`).join('\n');
  header.body = createHash('sha256').update(body).digest('base64url');
  writeFileSync(recordFile(root), `${JSON.stringify(header)}\n${body}`);
}

describe('segmentation record', () => {
  it('gives a document back without reading it, equal to what its format reads', async () => {
    const root = project();
    const first = documentOf(root, article);
    expect(first.read).toBe(true);
    await first.record.save();
    const again = documentOf(root, article);
    expect(again.read).toBe(false);
    expect(again.doc).toStrictEqual(readTextArticle(article, meta));
  });

  it('reads a document again when one byte of its text changed', async () => {
    const root = project();
    await recordRun(root, article);
    const changed = article.replace('Iraq', 'Iraw');
    const again = documentOf(root, changed);
    expect(again.read).toBe(true);
    expect(again.doc).toStrictEqual(readTextArticle(changed, meta));
  });

  it('reads again under another code version, source language, encoding or text settings', async () => {
    const root = project();
    await recordRun(root, article);
    expect(documentOf(root, article).read).toBe(false);
    for (const other of [
      { ...key, code: 'code-2' },
      { ...key, sourceLanguage: 'en-GB' },
      { ...key, encoding: 'windows-1252' },
      { ...key, text: { boilerplate: ['^Advertisement$'] } },
    ])
      expect(documentOf(root, article, other).read).toBe(true);
  });

  it('reads again when the record is damaged or missing, and gives the right document', async () => {
    const root = project();
    await recordRun(root, article);
    const whole = readFileSync(recordFile(root), 'utf8');
    const nl = whole.indexOf('\n');
    // A digit changed in the body keeps it valid JSON with other offsets; its hash in the first line tells.
    const digit = whole.indexOf('7', nl);
    const damaged = [
      whole.slice(0, whole.length - 10),
      whole.slice(0, digit) + '8' + whole.slice(digit + 1),
      whole.slice(0, nl),
      '',
      'not a record',
      `${whole.slice(0, nl)}\n[{"path":"source/article.txt"}]`,
    ];
    for (const text of damaged) {
      writeFileSync(recordFile(root), text);
      const again = documentOf(root, article);
      expect(again.read).toBe(true);
      expect(again.doc).toStrictEqual(readTextArticle(article, meta));
    }
  });

  it('an entry that does not fit the text is not used, even with a valid hash', async () => {
    const root = project();
    await recordRun(root, article);
    // The first unit made one character shorter: the entry's parts no longer reach the end of the text.
    forgeEntries<{ units: number[] }>(root, (entries) => (entries[0]!.units[0]! -= 1));
    const again = documentOf(root, article);
    expect(again.read).toBe(true);
    expect(again.doc).toStrictEqual(readTextArticle(article, meta));
  });

  it('an entry listing contents or context out of unit order, or for a unit without any, is not used', async () => {
    type Forged = { contents: Array<[number, unknown]>; extras: Array<[number, unknown]>; units: number[] };
    const forgeries: Array<(entry: Forged) => void> = [
      // Context for a unit the document does not have; then for one before another's.
      (entry) => entry.extras.push([entry.units.length, { previous: 'x' }]),
      (entry) => entry.extras.push([1, { previous: 'x' }], [0, { previous: 'y' }]),
      // Contents for the first unit, whose content is its plain text.
      (entry) => entry.contents.unshift([0, [entry.units[0]]]),
    ];
    for (const forge of forgeries) {
      const root = project();
      await recordRun(root, article);
      forgeEntries<Forged>(root, (entries) => forge(entries[0]!));
      const again = documentOf(root, article);
      expect(again.read, String(forge)).toBe(true);
      expect(again.doc).toStrictEqual(readTextArticle(article, meta));
    }
  });

  it('keeps a document whose path holds a tab or a line break (a line of the record each)', async () => {
    const root = project();
    const odd = { ...meta, id: 'a\tb\nc', path: 'source/a\tb\nc.txt' };
    const record = SegmentationRecord.open(root, key);
    record.document(odd, article, () => readTextArticle(article, odd));
    record.document(meta, article, () => readTextArticle(article, meta));
    await record.save();
    const again = SegmentationRecord.open(root, key);
    let read = 0;
    const reread = (m: typeof meta) => (): Document => (read++, readTextArticle(article, m));
    expect(again.document(odd, article, reread(odd))).toStrictEqual(readTextArticle(article, odd));
    expect(again.document(meta, article, reread(meta))).toStrictEqual(readTextArticle(article, meta));
    expect(read).toBe(0);
  });

  it('keeps each unit its own notes, lists of one, several or none that begin alike', async () => {
    const root = project();
    const lists = [['a'], ['a', 'b'], [], ['"a'], ['a'], ['["a","b"]'], ['a,b']];
    const noted = (t: string): Document => {
      const doc = readTextArticle(t, meta);
      return { ...doc, units: doc.units.map((u, i) => ({ ...u, notes: [...lists[i % lists.length]!] })) };
    };
    const first = documentOf(root, article, key, noted);
    expect(first.read).toBe(true);
    await first.record.save();
    const again = documentOf(root, article, key, noted);
    expect(again.read).toBe(false);
    expect(again.doc).toStrictEqual(noted(article));
  });

  it('keeps only what is asked for: a document no longer asked for is left out of the next record', async () => {
    const root = project();
    const other = { ...meta, id: 'other', path: 'source/other.txt' };
    const both = SegmentationRecord.open(root, key);
    both.document(meta, article, () => readTextArticle(article, meta));
    both.document(other, 'Other story.\n', () => readTextArticle('Other story.\n', other));
    await both.save();
    expect(readFileSync(recordFile(root), 'utf8')).toContain('source/other.txt');
    // A run of the article alone, from the record: the other document's entry goes.
    const first = documentOf(root, article);
    expect(first.read).toBe(false);
    await first.record.save();
    expect(readFileSync(recordFile(root), 'utf8')).not.toContain('source/other.txt');
    expect(documentOf(root, article).read).toBe(false);
  });

  it('a document the record cannot give back exactly is read every time', async () => {
    // Readers whose documents carry what an entry does not keep, or keep the same way.
    const changes: Array<(doc: Document) => Document> = [
      (doc) => ({ ...doc, units: doc.units.map((u) => ({ ...u, hint: 'kept by no record' })) }),
      (doc) => ({ ...doc, title: 'a document-level field' }) as Document,
      (doc) => ({ ...doc, units: doc.units.map((u) => ({ ...u, context: { ...u.context, speaker: 'A' } })) }),
      (doc) => ({ ...doc, units: doc.units.map((u) => ({ ...u, context: { ...u.context, previous: undefined } })) }),
      (doc) => ({ ...doc, units: doc.units.map((u) => ({ ...u, context: { ...u.context, block: 1.5 } })) }),
      (doc) => ({
        ...doc,
        units: doc.units.map((u) => ({
          ...u,
          source: u.source.map((r) => (typeof r === 'string' ? r : { ...r, ctype: 'x-date' })),
        })),
      }),
      (doc) => ({ ...doc, skeleton: doc.skeleton.map((p) => (typeof p === 'string' ? p : { ...p, note: 'n' })) }),
      (doc) => ({ ...doc, blocks: doc.blocks.map((b) => ({ ...b, translate: 'yes' as unknown as boolean })) }),
      (doc) => ({ ...doc, units: doc.units.map((u) => Object.assign(Object.create({ inherited: 1 }), u) as Unit) }),
      // A key the entry keeps, but not enumerable: given back, it would be (JSON and a worker see only the others).
      (doc) => ({
        ...doc,
        units: doc.units.map((u) => Object.defineProperty({ ...u }, 'key', { value: 'hidden', enumerable: false })),
      }),
      (doc) => ({ ...doc, id: 'another id' }),
      (doc) => ({ ...doc, sourceLang: 'en-GB' }),
    ];
    for (const change of changes) {
      const root = project();
      const reader = (t: string): Document => change(readTextArticle(t, meta));
      await documentOf(root, article, key, reader).record.save();
      const again = documentOf(root, article, key, reader);
      expect(again.read).toBe(true);
      expect(again.doc).toStrictEqual(reader(article));
    }
  });

  it('a block not to translate comes back as it was', async () => {
    const root = project();
    const reader = (t: string): Document => {
      const doc = readTextArticle(t, meta);
      return { ...doc, blocks: doc.blocks.map((b, i) => ({ ...b, translate: i % 2 === 0 })) };
    };
    await documentOf(root, article, key, reader).record.save();
    const again = documentOf(root, article, key, reader);
    expect(again.read).toBe(false);
    expect(again.doc).toStrictEqual(reader(article));
  });

  it('generated articles come back from the record as the reader reads them', async () => {
    const root = project();
    const word = fc.constantFrom('Iraq', 'U.S.', 'Mr.', '"quoted."', 'www.example.com/a', 'me@x.org', '{{name}}', '%d');
    const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => `${ws.join(' ')}.`);
    const line = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));
    const text = fc
      .tuple(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n\n', '\r\n\r\n', '\n \n'),
        fc.constantFrom('', 'Updated: December 05, 2023, 2:15 PM', 'A caption.  AP'),
      )
      .map(([lines, sep, last]) => [...lines, last].join(sep));
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        await recordRun(root, t);
        const again = documentOf(root, t);
        expect(again.read).toBe(false);
        expect(again.doc).toStrictEqual(readTextArticle(t, meta));
      }),
      { numRuns: 60 },
    );
  });

  it('Markdown and HTML documents come back from the record too; JSON ones equal, recorded or not', async () => {
    const fixtures = join(import.meta.dirname, 'fixtures', 'formats');
    const cases = [
      { file: 'guide.md', format: markdownFormat },
      { file: 'page.html', format: htmlFormat },
      { file: 'app.json', format: i18nextFormat },
      { file: 'app.icu.json', format: icuFormat },
    ];
    for (const { file, format } of cases) {
      const root = project();
      const text = readFileSync(join(fixtures, file), 'utf8');
      const reader = (t: string): Document => format.read(t, meta, settingsFrom(format.settings, {}));
      await documentOf(root, text, key, reader).record.save();
      const again = documentOf(root, text, key, reader);
      if (!file.endsWith('.json')) expect(again.read).toBe(false);
      expect(again.doc).toStrictEqual(reader(text));
    }
  });

  it('is neither read nor written through a link out of the project', async () => {
    const root = project();
    const outside = project();
    symlinkSync(outside, join(root, '.locflow'));
    await recordRun(root, article);
    expect(readdirSync(outside)).toEqual([]);
    expect(documentOf(root, article).read).toBe(true);
  });

  it('writes nothing when every document came from the record', async () => {
    const root = project();
    await recordRun(root, article);
    const before = readFileSync(recordFile(root), 'utf8');
    writeFileSync(recordFile(root), before); // same bytes, new time
    mkdirSync(join(root, '.locflow'), { recursive: true });
    const { mtimeMs } = (await import('node:fs')).statSync(recordFile(root));
    await recordRun(root, article);
    expect((await import('node:fs')).statSync(recordFile(root)).mtimeMs).toBe(mtimeMs);
  });
});

describe('code version', () => {
  it('changes with any byte of a module, script or JSON file, not with other files (a code cache)', () => {
    const root = project();
    // Looked at as the files are written (each changed lately: hashed by its bytes), whatever the machine's speed.
    const now = Date.now();
    mkdirSync(join(root, 'cli', 'deep'), { recursive: true });
    writeFileSync(join(root, 'cli', 'a.js'), 'export const a = 1;\n');
    writeFileSync(join(root, 'cli', 'deep', 'b.json'), '{"b":1}');
    writeFileSync(join(root, 'cli', 'a.cache'), 'x');
    writeFileSync(join(root, 'cli', 'a.script'), '(function () {})');
    const first = programHash(root, now);
    writeFileSync(join(root, 'cli', 'a.cache'), 'y');
    expect(programHash(root, now)).toBe(first);
    writeFileSync(join(root, 'cli', 'deep', 'b.json'), '{"b":2}');
    const second = programHash(root, now);
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'cli', 'a.js'), 'export const a = 2;\n');
    const third = programHash(root, now);
    expect(third).not.toBe(second);
    writeFileSync(join(root, 'cli', 'a.script'), '(function () { return 1; })');
    expect(programHash(root, now)).not.toBe(third);
  });
});

describe('code version of a settled program', () => {
  it('knows a file left as it is by its identity: touched, the same bytes give another hash; changed lately, its bytes', () => {
    const root = project();
    const now = Date.now();
    mkdirSync(join(root, 'cli'), { recursive: true });
    const file = join(root, 'cli', 'a.js');
    writeFileSync(file, 'export const a = 1;\n');
    writeFileSync(join(root, 'cli', 'b.script'), '(function () {})');
    // Looked at as they are written, every file changed lately: hashed by its bytes, whatever its times say.
    const recent = programHash(root, now);
    utimesSync(file, new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'));
    expect(programHash(root, now)).toBe(recent);
    // Looked at later than SETTLED_MS after, each file stands by its identity.
    const later = now + SETTLED_MS + 60_000;
    const settled = programHash(root, later);
    expect(settled).not.toBe(recent);
    expect(programHash(root, later)).toBe(settled);
    // The same bytes with other times (or another inode) are another file: read again, never read wrongly.
    utimesSync(file, new Date('2002-02-03T04:05:06Z'), new Date('2002-02-03T04:05:06Z'));
    const touched = programHash(root, later);
    expect(touched).not.toBe(settled);
    writeFileSync(file, 'export const a = 2;\n');
    expect(programHash(root, later)).not.toBe(touched);
  });
});

describe('record entries read from the bytes', () => {
  const keyOf = 'the-key';
  /** A record file of these lines (path as JSON, a tab, an entry), its header's hash made from the body's UTF-8. */
  const recordOf = (lines: readonly string[], key = keyOf): Buffer => {
    const body = lines.join('\n');
    const header = { layout: LAYOUT, key, body: createHash('sha256').update(body).digest('base64url') };
    return Buffer.from(`${JSON.stringify(header)}\n${body}`);
  };
  const all = (bytes: Buffer, key = keyOf): Record<string, string> => {
    const entries = entriesOf(bytes, key);
    return Object.fromEntries(entries.paths().map((path) => [path, entries.entry(path)!]));
  };

  it('gives each path its entry, characters past ASCII and escaped tabs and line breaks included', () => {
    const lines = [
      `${JSON.stringify('notas/artículo.txt')}\t{"notes":[["Überschrift: kurz — „knapp“ 見出し 🗞"]]}`,
      `${JSON.stringify('a\tb\nc.txt')}\t{"id":"a\\tb"}`,
      `${JSON.stringify('x.txt')}\t{"tab":"\t in an entry"}`,
    ];
    expect(all(recordOf(lines))).toEqual({
      'notas/artículo.txt': '{"notes":[["Überschrift: kurz — „knapp“ 見出し 🗞"]]}',
      'a\tb\nc.txt': '{"id":"a\\tb"}',
      'x.txt': '{"tab":"\t in an entry"}',
    });
  });

  it('keeps the last line of a path listed twice, as a map filled line by line', () => {
    const lines = ['"p.txt"\t{"n":1}', '"q.txt"\t{"n":2}', '"p.txt"\t{"n":3}'];
    const entries = entriesOf(recordOf(lines), keyOf);
    expect(entries.paths()).toEqual(['p.txt', 'q.txt']);
    expect(entries.entry('p.txt')).toBe('{"n":3}');
  });

  it('gives none for another key, a wrong hash, a line without a tab or path, an empty line, or a last newline', () => {
    const good = ['"p.txt"\t{"n":1}', '"q.txt"\t{"n":2}'];
    expect(entriesOf(recordOf(good), keyOf).paths()).toEqual(['p.txt', 'q.txt']);
    expect(entriesOf(recordOf(good), 'another').paths()).toEqual([]);
    const damaged = Buffer.from(recordOf(good).toString().replace('{"n":2}', '{"n":3}'));
    expect(entriesOf(damaged, keyOf).paths()).toEqual([]);
    for (const bad of [
      ['"p.txt" {"n":1}'],
      ['42\t{"n":1}'],
      ['"p.txt"\t{"n":1}', '', '"q.txt"\t{}'],
      ['"p.txt"\t{"n":1}', ''],
      ['not json\t{}'],
    ])
      expect(entriesOf(recordOf(bad), keyOf).paths()).toEqual([]);
    expect(entriesOf(Buffer.from('no line at all'), keyOf).paths()).toEqual([]);
    // A character's second byte changed (no longer UTF-8): not the text that was hashed.
    const broken = recordOf(['"é.txt"\t{}']);
    broken[broken.lastIndexOf(0xc3) + 1] = 0x28;
    expect(entriesOf(broken, keyOf).paths()).toEqual([]);
  });
});

describe('build with the segmentation record', () => {
  it('writes it (not on a dry run), and builds the same text from it; a changed source is read again', () => {
    const dir = projectWith(
      { 'source/article.txt': article },
      { sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] },
    );
    const output = join(dir, 'locales', 'es', 'article.txt');
    expect(locflow(dir, 'build', '--lang', 'es', '--dry-run').code).toBe(0);
    expect(existsSync(recordFile(dir))).toBe(false);
    const first = locflow(dir, 'build', '--lang', 'es');
    expect(first.code).toBe(0);
    expect(existsSync(recordFile(dir))).toBe(true);
    const built = read(output);
    // No translations: the source's own text, its timestamp formatted for Spanish.
    expect(built).toContain('Iraqi militia groups have vowed to increase their attacks.');
    rmSync(output);
    const again = locflow(dir, 'build', '--lang', 'es');
    expect(again.stdout).toBe(first.stdout);
    expect(read(output)).toBe(built);
    writeFileSync(join(dir, 'source', 'article.txt'), article.replace('Iraq', 'Iran'));
    expect(locflow(dir, 'build', '--lang', 'es').code).toBe(0);
    expect(read(output)).toBe(built.replace('Iraq', 'Iran'));
  });
});
