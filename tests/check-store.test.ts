import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { check } from '../src/workflow/check.js';
import { extract } from '../src/workflow/extract.js';
import { importFiles } from '../src/workflow/import.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { ARTICLE, projectWith, refusal } from './helpers.js';

const article = readFileSync(ARTICLE, 'utf8');
const paragraphs = article.split(/\n\s*\n/u);

/**
 * A store of three documents in two languages, translated with defects a check reports (numbers changed, one
 * sentence translated two ways): the store check reads it a document at a time.
 */
async function translatedStore(): Promise<string> {
  const third = Math.ceil(paragraphs.length / 3);
  const docs = ['a', 'b', 'c'];
  const d = projectWith(
    Object.fromEntries(
      docs.map((name, k) => [`source/${name}.txt`, paragraphs.slice(k * third, (k + 1) * third).join('\n\n') + '\n']),
    ),
    { sourceLanguage: 'en', targetLanguages: ['es', 'fr'], sources: ['source/*.txt'] },
  );
  const project = await loadProject(d);
  await extract(project);
  const files: string[] = [];
  for (const lang of ['es', 'fr'])
    for (const [k, name] of docs.entries()) {
      const path = join(d, 'xliff', lang, `${name}.xlf`);
      const x = readXliff(readFileSync(path, 'utf8'));
      const units = x.files[0]!.units.map((u, i) => ({
        ...u,
        target: u.source.map((r) =>
          typeof r === 'string' ? `${lang}${k} ${i % 3 === 0 ? r.replace(/\d/gu, '7') : r}` : r,
        ),
        state: 'translated' as const,
      }));
      writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }, x.version));
      files.push(path);
    }
  await importFiles(project, files);
  return d;
}

describe('check of the locale store', () => {
  it('reports as a run over every pair at once, document by document, language by language', async () => {
    const d = await translatedStore();
    const project = await loadProject(d);
    const streamed = await check(project);
    // (keepPairs: every pair read first and held, then checked as one list)
    const whole = await check(project, { keepPairs: true });
    expect(streamed.issues.length).toBeGreaterThan(10);
    expect(new Set(streamed.issues.map((i) => i.file)).size).toBe(6);
    expect(streamed.issues).toEqual(whole.issues);
    expect(streamed.notices).toEqual(whole.notices);
    expect(streamed.checked).toBe(whole.pairs.length);
    expect(streamed.pairs).toEqual([]);
  });

  it('names a source that cannot be read before a damaged bundle, a language or a glossary that cannot be', async () => {
    const d = await translatedStore();
    // The last document cannot be read; the first one's bundle is damaged.
    writeFileSync(join(d, 'source', 'c.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]));
    const sourceError = /c\.txt:1:1: source file is not valid UTF-8/u;
    const project = await loadProject(d);
    expect((await refusal(() => check(project, { glossary: 'missing.csv' }))).message).toMatch(sourceError);
    expect((await refusal(() => check(project, { langs: ['de'] }))).message).toMatch(sourceError);
    writeFileSync(join(d, 'locales', 'es', 'a.json'), '{ "damaged": ');
    expect((await refusal(() => check(project))).message).toMatch(sourceError);
  });
});

describe('check of the locale store in groups of documents', () => {
  it('learns of each group of whole documents alone, language by language, and checks every pair once', async () => {
    const d = await translatedStore();
    const project = await loadProject(d);
    const whole = await check(project);
    // Each document of each language a group of its own: the findings that are a pair's own are the whole run's,
    // in the same order; one group as large as the run is the run.
    const grouped = await check(project, { groupPairs: 1 });
    const own = (r: typeof whole): unknown[] => r.issues.filter((i) => i.check === 'numbers' || i.check === 'spelling');
    expect(grouped.checked).toBe(whole.checked);
    expect(own(whole).length).toBeGreaterThan(10);
    expect(own(grouped)).toEqual(own(whole));
    expect(new Set(grouped.issues.map((i) => i.file)).size).toBe(6);
    expect(await check(project, { groupPairs: whole.checked })).toEqual(whole);
  });
});
