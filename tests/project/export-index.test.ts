import fc from 'fast-check';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/index.js';
import { DocsIndex } from '../../src/project/export-index.js';
import { changesSinceExport, sentHash, sentTargets } from '../../src/project/exports.js';
import { loadProject } from '../../src/project/load.js';
import { exposedGc } from '../exposed-gc.js';

/** What a full JSON.parse says of `text`: the "docs" object, or undefined when the text is not JSON of that shape. */
function parsedDocs(text: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const docs = (parsed as Record<string, unknown>).docs;
  return typeof docs === 'object' && docs !== null && !Array.isArray(docs)
    ? (docs as Record<string, unknown>)
    : undefined;
}

/** The compact read agrees with the full parse on every member, and knows no others. */
function agrees(written: string, others: readonly string[]): void {
  const bytes = Buffer.from(written);
  const text = bytes.toString('utf8'); // what a reader of the file sees (a lone surrogate is written as U+FFFD)
  const index = DocsIndex.of(bytes);
  const docs = parsedDocs(text);
  if (index === undefined) {
    // Refused: only text that is not an object with a "docs" object, not UTF-8, or not starting with "{".
    expect(docs !== undefined && text.startsWith('{')).toBe(false);
    return;
  }
  expect(docs).toBeDefined();
  for (const id of Object.keys(docs ?? {})) expect(index.get(id)).toEqual(docs?.[id]);
  for (const id of others) if (!Object.hasOwn(docs ?? {}, id)) expect(index.get(id)).toBeUndefined();
}

const ids = fc.string({ unit: 'binary', maxLength: 12 });
const records = fc.dictionary(ids, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 12 });

describe('DocsIndex: the compact read of a language export record', () => {
  it('reads every document as JSON.parse does, however the record is written', () => {
    fc.assert(
      fc.property(records, fc.array(ids, { maxLength: 4 }), fc.nat(3), (docs, others, spaces) => {
        const text = JSON.stringify({ version: 1, docs, after: [docs] }, null, spaces);
        agrees(text, [...others, 'constructor', '__proto__']);
      }),
      { numRuns: 400 },
    );
  });

  it('never reads damaged or unusual text differently from JSON.parse', () => {
    const texts = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.tuple(records, fc.nat(), fc.string({ maxLength: 3 })).map(([docs, at, junk]) => {
        const text = JSON.stringify({ docs });
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + junk + text.slice(cut + (junk.length % 2));
      }),
      fc.constantFrom(
        '{"docs":{"a":1},"docs":{"b":2}}',
        '{"docs":{"a":1,"a":[2]}}',
        '{"d\\u006fcs":{"x\\"y":{"units":["u"]}}}',
        '{"docs":{"a":01}}',
        '{"docs":{"a":1.}}',
        '{"docs":{"a":-}}',
        '{"docs":{"a":"\\x"}}',
        '{"docs":{"a":"tab\there"}}',
        '{"docs":{"a":tru}}',
        '{"docs":{"a":[1,]}}',
        '{"docs":{"a":{"b":1,}}}',
        '{"docs":{}} x',
        '{"docs":[{"a":1}]}',
        '{"docs":null}',
        ' {"docs":{"a":1}}',
        '{"docs":{"a":1e+5,"b":-0.5E-3,"c":[true,false,null,{}]}}',
      ),
    );
    fc.assert(
      fc.property(texts, (text) => agrees(text, ['a', 'b'])),
      { numRuns: 600 },
    );
  });

  it('refuses bytes that are not UTF-8, which the full read decodes otherwise', () => {
    expect(DocsIndex.of(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toBeUndefined();
  });

  it('keeps less than 50 bytes a document (a Map of the ids would keep ≈ 85), every id still found', () => {
    const n = 20_000;
    const docs: Record<string, number> = {};
    for (let d = 0; d < n; d++) docs[`story-${String(d).padStart(5, '0')}`] = d;
    // A repeated id and ids that differ only in a lone surrogate: the last member of a name counts, each found apart.
    const text = JSON.stringify({ docs }).replace(/\}\}$/u, ',"story-00007":-7,"\\ud800":-1,"\\udbff":-2}}');
    const bytes = Buffer.from(text);
    const gc = exposedGc();
    // What stays alive, measured across a full collection; on a loaded machine V8's sweeping may lag behind gc() and
    // count garbage as used, so the smallest of a few tries is taken (a Map of the ids is over the bound in each).
    const measure = (): { perDocument: number; index: ReturnType<typeof DocsIndex.of> } => {
      gc();
      gc();
      const before = process.memoryUsage();
      // (a reader that asks the text for the slice: the index holds neither the bytes nor the text)
      const index = DocsIndex.of(bytes, (start, end) => text.slice(start, end));
      gc();
      gc();
      const after = process.memoryUsage();
      return { perDocument: (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / n, index };
    };
    let { perDocument, index } = measure();
    for (let tries = 1; tries < 4 && perDocument >= 50; tries++) ({ perDocument, index } = measure());
    expect(perDocument).toBeLessThan(50);
    expect(index?.get('story-12345')).toBe(12_345);
    expect(index?.get('story-00007')).toBe(-7);
    expect(index?.get('\ud800')).toBe(-1);
    expect(index?.get('\udbff')).toBe(-2);
    expect(index?.get('\ufffd')).toBeUndefined();
    expect(index?.get('story-20000')).toBeUndefined();
  });
});

describe('export records read one document at a time', () => {
  const root = mkdtempSync(join(tmpdir(), 'locflow-exports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function projectWith(record: string): Promise<Awaited<ReturnType<typeof loadProject>>> {
    const dir = mkdtempSync(join(root, 'p-'));
    mkdirSync(join(dir, '.locflow', 'exports'), { recursive: true });
    mkdirSync(join(dir, 'source'));
    writeFileSync(join(dir, 'source', 'news.txt'), 'News.\n');
    writeFileSync(
      join(dir, 'locflow.config.json'),
      '{"sourceLanguage":"en","targetLanguages":["es"],"sources":["source/*.txt"]}',
    );
    writeFileSync(join(dir, '.locflow', 'exports', 'es.json'), record);
    return loadProject(dir);
  }

  const documentNamed = (id: string): Document => ({
    id,
    path: `source/${id}.txt`,
    sourceLang: 'en',
    format: 'txt',
    blocks: [],
    units: [],
    skeleton: [],
  });

  it("keeps far less than the parsed record alive: the run holds one document's record at a time", async () => {
    const docs: Record<string, { exported: string; units: string[]; targets: Record<string, string> }> = {};
    for (let d = 0; d < 20_000; d++) {
      const units = Array.from({ length: 20 }, (_, u) => `u${(d * 7919 + u).toString(16).padStart(14, '0')}`);
      docs[`story-${d}`] = { exported: '2026-01-01T00:00:00.000Z', units, targets: { [units[0]!]: sentHash(`t${d}`) } };
    }
    const text = JSON.stringify({ docs }) + '\n';
    const project = await projectWith(text);
    const gc = exposedGc();
    gc();
    const before = process.memoryUsage();
    const sent = sentTargets(project, 'es', { id: 'story-123' });
    gc();
    const live = process.memoryUsage().heapUsed - before.heapUsed;
    // Nor the file's bytes (outside the heap): a document's record is read from the file when it is asked for. (V8
    // frees the backing stores of collected buffers on another thread, a moment after the collection.)
    let held = process.memoryUsage().arrayBuffers - before.arrayBuffers;
    for (let tries = 0; tries < 50 && held >= text.length / 20; tries++) {
      await new Promise((done) => setTimeout(done, 20));
      gc();
      held = process.memoryUsage().arrayBuffers - before.arrayBuffers;
    }
    expect(held).toBeLessThan(text.length / 20);
    expect(sentTargets(project, 'es', { id: 'story-19999' })(docs['story-19999']!.units[0]!, 't19999')).toBe(true);
    expect(sent(docs['story-123']!.units[0]!, 't123')).toBe(true);
    expect(sent(docs['story-123']!.units[0]!, 't124')).toBe(false);
    expect(sent(docs['story-123']!.units[1]!, 't123')).toBeUndefined();
    // Parsed whole, the record is ≈ 3.5× its size in objects; the index is two numbers and an id per document.
    expect(live).toBeLessThan(text.length / 3);
  }, 60_000);

  it('reads a record changed or replaced since the last one asked from the file as it is now', async () => {
    const record = (target: string): string =>
      JSON.stringify({ docs: { news: { exported: 'x', units: ['u1'], targets: { u1: sentHash(target) } } } }) + '\n';
    const project = await projectWith(record('uno'));
    const file = join(project.root, '.locflow', 'exports', 'es.json');
    expect(sentTargets(project, 'es', { id: 'news' })('u1', 'uno')).toBe(true);
    writeFileSync(file, record('dos, changed in place'));
    expect(sentTargets(project, 'es', { id: 'news' })('u1', 'dos, changed in place')).toBe(true);
    writeFileSync(`${file}.new`, record('tres'));
    renameSync(`${file}.new`, file);
    expect(sentTargets(project, 'es', { id: 'news' })('u1', 'tres')).toBe(true);
    rmSync(file);
    expect(sentTargets(project, 'es', { id: 'news' })('u1', 'tres')).toBeUndefined();
  });

  it('a document named like an Object property was never exported unless the record says so', async () => {
    const project = await projectWith('{"docs":{"news":{"exported":"2026-01-01T00:00:00.000Z","units":["u1"]}}}\n');
    expect(changesSinceExport(project, 'es', documentNamed('constructor'))).toBeNull();
    expect(changesSinceExport(project, 'es', documentNamed('toString'))).toBeNull();
    expect(changesSinceExport(project, 'es', documentNamed('news'))).toEqual({
      added: [],
      removed: ['u1'],
      exported: '2026-01-01T00:00:00.000Z',
    });
    const damaged = await projectWith('{"docs":{"news":{"units":["u1"]}}');
    expect(changesSinceExport(damaged, 'es', documentNamed('news'))).toBeNull();
  });
});
