import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import type { XliffDocument } from '../src/xliff/model.js';
import { loadProject } from '../src/project/load.js';
import { importRun } from '../src/workflow/import.js';
import { SPOOL_CHUNK } from '../src/tm/entry-spool.js';
import { memo } from '../src/model/memo.js';
import { SqliteMemory } from '../src/tm/sqlite.js';
import { CLI, locflow, locflowInProcess, numberWordsIn, read } from './helpers.js';

/** A project of `n` short articles, extracted for es. */
async function newsProject(n: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-import-batch-'));
  mkdirSync(join(dir, 'source'), { recursive: true });
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
  );
  for (let i = 0; i < n; i++)
    writeFileSync(
      join(dir, 'source', `story-${i}.txt`),
      `Story ${i}: officials met in the capital.\n\nThe talks lasted ${i + 2} hours, a spokesman said.\n\n` +
        `A second meeting is planned for ${i + 3} May.\n`,
    );
  expect((await locflowInProcess(dir, 'extract')).code).toBe(0);
  return dir;
}

const xliffOf = (dir: string, doc: string): XliffDocument => readXliff(read(join(dir, 'xliff', 'es', `${doc}.xlf`)));

/** The XLIFF with the units `keep` selects translated by `fill` (a person's translation, state translated). */
function translated(x: XliffDocument, keep: (i: number) => boolean, fill = (t: string) => numberWordsIn('es', t)) {
  const units = x.files[0]!.units.map((u, i) =>
    keep(i)
      ? { ...u, target: u.source.map((r) => (typeof r === 'string' ? fill(r) : r)), state: 'translated' as const }
      : u,
  );
  return writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }, x.version);
}

const bundleOf = (dir: string, doc: string): Record<string, string> | undefined => {
  const path = join(dir, 'locales', 'es', `${doc}.json`);
  return existsSync(path) ? (JSON.parse(read(path)) as Record<string, string>) : undefined;
};

describe('import of many files in one run', () => {
  it('imports the accepted files, refuses a bad one as it would alone, and a later file sees an earlier one', async () => {
    const dir = await newsProject(3);
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    const x0 = xliffOf(dir, 'story-0');
    const total = x0.files[0]!.units.length;
    // Two halves of story-0 in two files, then a file that contradicts the first half: it must see the plan.
    writeFileSync(
      join(inbox, 'a1.xlf'),
      translated(x0, (i) => i < total / 2),
    );
    writeFileSync(
      join(inbox, 'a2.xlf'),
      translated(x0, () => true),
    );
    writeFileSync(
      join(inbox, 'a3.xlf'),
      translated(
        x0,
        (i) => i === 0,
        (t) => `${t} (otra)`,
      ),
    );
    // story-1's file is stale (its source was edited by hand): refused, whole.
    const stale = translated(xliffOf(dir, 'story-1'), () => true).replace('officials met', 'officials gathered');
    writeFileSync(join(inbox, 'b.xlf'), stale);
    writeFileSync(
      join(inbox, 'c.xlf'),
      translated(xliffOf(dir, 'story-2'), () => true),
    );
    const alone = mkdtempSync(join(tmpdir(), 'locflow-import-alone-'));
    cpSync(dir, alone, { recursive: true });
    const bAlone = await locflowInProcess(alone, 'import', 'inbox/b.xlf');
    expect([bAlone.code, (await locflowInProcess(alone, 'import', 'inbox/a1.xlf')).code]).toEqual([2, 0]);
    const conflictAlone = await locflowInProcess(alone, 'import', 'inbox/a3.xlf');
    expect(conflictAlone.code).toBe(2);

    const files = ['a1', 'a2', 'a3', 'b', 'c'].map((f) => `inbox/${f}.xlf`);
    const run = await importRun(await loadProject(dir), files);
    expect(run.results.map((r) => [r.doc, r.imported, r.unchanged])).toEqual([
      ['story-0', Math.ceil(total / 2), 0],
      // The first half is unchanged: a2 was checked against the bundle a1 planned, not the store on disk.
      ['story-0', total - Math.ceil(total / 2), Math.ceil(total / 2)],
      ['story-2', total, 0],
    ]);
    expect(run.refused.map((e) => e.file)).toEqual([join(dir, files[2]!), join(dir, files[3]!)]);
    expect(run.refused[0]!.message).toMatch(/the store has/u);
    // Each refusal says what the same file says when imported alone.
    expect(`locflow: ${run.refused[0]!.format()}\n`).toBe(conflictAlone.stderr.replaceAll(alone, dir));
    expect(`locflow: ${run.refused[1]!.format()}\n`).toBe(bAlone.stderr.replaceAll(alone, dir));
    expect(Object.keys(bundleOf(dir, 'story-0')!)).toHaveLength(total);
    expect(bundleOf(dir, 'story-1')).toBeUndefined();
    expect(Object.keys(bundleOf(dir, 'story-2')!)).toHaveLength(total);
    // The memory learned both imported documents' translations, in the one transaction.
    expect((await locflowInProcess(dir, 'tm', 'export', '-o', 'out.tmx', '--lang', 'es')).code).toBe(0);
    expect(read(join(dir, 'out.tmx')).match(/<tu[ >]/gu)).toHaveLength(2 * total);

    // The command line: the imported files' lines, each refusal on stderr, exit 2.
    const cli = await newsProject(3);
    cpSync(inbox, join(cli, 'inbox'), { recursive: true });
    const r = await locflowInProcess(cli, 'import', ...files);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/inbox\/c\.xlf → es\/story-2: \d+ imported/u);
    expect(r.stdout).toMatch(/in 3 files; 2 files refused/u);
    expect(r.stderr).toBe(
      [conflictAlone.stderr, bAlone.stderr].map((e) => e.replaceAll(alone, cli).replaceAll(dir, cli)).join(''),
    );
  }, 60_000);

  it('builds on a document planned many files earlier, its bundles already written aside', async () => {
    // Past a batch's first files, its temporary files are written on a thread of their own: the plan read back from
    // there must be the one written, whole.
    const n = 70;
    const dir = await newsProject(n);
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    const x0 = xliffOf(dir, 'story-0');
    const total = x0.files[0]!.units.length;
    const half = Math.ceil(total / 2);
    writeFileSync(
      join(inbox, 'first.xlf'),
      translated(x0, (i) => i < half),
    );
    for (let i = 1; i < n; i++)
      writeFileSync(
        join(inbox, `s${i}.xlf`),
        translated(xliffOf(dir, `story-${i}`), () => true),
      );
    writeFileSync(
      join(inbox, 'last.xlf'),
      translated(x0, () => true),
    );
    const files = [
      'inbox/first.xlf',
      ...Array.from({ length: n - 1 }, (_, i) => `inbox/s${i + 1}.xlf`),
      'inbox/last.xlf',
    ];
    const run = await importRun(await loadProject(dir), files);
    expect(run.refused).toEqual([]);
    expect(run.results.at(-1)).toMatchObject({ doc: 'story-0', imported: total - half, unchanged: half });
    expect(Object.keys(bundleOf(dir, 'story-0')!)).toHaveLength(total);
    for (let i = 1; i < n; i++) expect(Object.keys(bundleOf(dir, `story-${i}`)!)).toHaveLength(total);
    expect(readdirSync(join(dir, 'locales', 'es')).filter((f) => !f.endsWith('.json'))).toEqual([]);
  }, 120_000);

  it('lets go of what the checks remember once its files are checked, before its commit', async () => {
    const dir = await newsProject(2);
    for (const doc of ['story-0', 'story-1'])
      writeFileSync(
        join(dir, `${doc}.xlf`),
        translated(xliffOf(dir, doc), () => true),
      );
    let computed = 0;
    const remembered = memo((text: string) => {
      computed++;
      return text.length;
    });
    remembered('Story');
    remembered('Story');
    expect(computed).toBe(1);
    const run = await importRun(await loadProject(dir), ['story-0.xlf', 'story-1.xlf']);
    expect(run.refused).toEqual([]);
    expect(run.results.map((r) => r.imported)).toEqual([3, 3]);
    remembered('Story');
    expect(computed).toBe(2);
  });

  it('feeds the memory every approved translation of a run with more than a chunk of them (the rest read back)', async () => {
    const n = SPOOL_CHUNK + 150;
    const dir = mkdtempSync(join(tmpdir(), 'locflow-import-spool-'));
    mkdirSync(join(dir, 'source'), { recursive: true });
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
    );
    const line = (i: number): string => `Item ${i}: the council met for ${i + 2} hours.`;
    writeFileSync(join(dir, 'source', 'a.txt'), Array.from({ length: n }, (_, i) => line(i)).join('\n\n') + '\n');
    // a second document repeating the first's first sentences: the same places again, later in the run
    writeFileSync(join(dir, 'source', 'b.txt'), Array.from({ length: 5 }, (_, i) => line(i)).join('\n\n') + '\n');
    expect((await locflowInProcess(dir, 'extract')).code).toBe(0);
    for (const doc of ['a', 'b'])
      writeFileSync(
        join(dir, 'inbox-' + doc + '.xlf'),
        translated(
          xliffOf(dir, doc),
          () => true,
          (t) => `ES ${doc} ${t}`,
        ),
      );
    const project = await loadProject(dir);
    const run = await importRun(project, ['inbox-a.xlf', 'inbox-b.xlf']);
    expect(run.refused).toEqual([]);
    expect(run.results.map((r) => r.toMemory)).toEqual([n, 5]);
    const memory = new SqliteMemory(join(dir, project.config.tm.path));
    const all = await memory.all('en', 'es');
    await memory.close();
    // (a unit's place is its source and its neighbours': b's first four are a's, its fifth is a new place)
    const want = [...Array.from({ length: n }, (_, i) => `ES ${i < 4 ? 'b' : 'a'} ${line(i)}`), `ES b ${line(4)}`];
    expect(all.map((e) => e.target)).toEqual(want);
  }, 120_000);

  it('killed at any moment, leaves every bundle old or new, never torn, and the next run completes it', async () => {
    const n = 120;
    const dir = await newsProject(n);
    for (let i = 0; i < n; i++) {
      const path = join(dir, 'xliff', 'es', `story-${i}.xlf`);
      writeFileSync(
        path,
        translated(readXliff(read(path)), () => true),
      );
    }
    const files = readdirSync(join(dir, 'xliff', 'es')).map((f) => `xliff/es/${f}`);
    const whole = mkdtempSync(join(tmpdir(), 'locflow-import-whole-'));
    cpSync(dir, whole, { recursive: true });
    const started = Date.now();
    // A whole run's length is a process's, as the runs killed are.
    expect(locflow(whole, 'import', ...files).code).toBe(0);
    // Kills spread over a whole run's length, most near its end, where the bundles are renamed.
    const runMs = Date.now() - started;
    const stores = (d: string): Map<string, string> => {
      const folder = join(d, 'locales', 'es');
      const names = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')) : [];
      return new Map(names.map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
    };
    const next = stores(whole);
    expect(next.size).toBe(2 * n);
    for (const ms of [0.3, 0.6, 0.8, 0.9, 0.95, 1].map((f) => Math.round(f * runMs))) {
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'import', ...files], { cwd: dir, stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGKILL'), ms);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      // Old (no bundle yet) or new, whole: never a file cut short.
      for (const [file, text] of stores(dir)) expect(text, `${file} after a kill at ${ms} ms`).toBe(next.get(file));
    }
    expect((await locflowInProcess(dir, 'import', ...files)).code).toBe(0);
    expect(stores(dir)).toEqual(next);
    expect((await locflowInProcess(dir, 'tm', 'export', '-o', 'out.tmx', '--lang', 'es')).code).toBe(0);
    expect((await locflowInProcess(whole, 'tm', 'export', '-o', 'out.tmx', '--lang', 'es')).code).toBe(0);
    expect(read(join(dir, 'out.tmx')).match(/<tu[ >]/gu)!.length).toBe(
      read(join(whole, 'out.tmx')).match(/<tu[ >]/gu)!.length,
    );
  }, 180_000);
});

describe('import of a file read as a stream', () => {
  it('refuses for the first <file> in order, one without units included, and for the XML before either', async () => {
    const dir = await newsProject(2);
    const x0 = xliffOf(dir, 'story-0');
    const x1 = xliffOf(dir, 'story-1');
    // A <file> with a stale unit comes second: the empty <file> naming no source, first, is what refuses the file.
    const stale = { ...x1.files[0]!, units: x1.files[0]!.units.map((u) => ({ ...u, source: ['Changed.'] })) };
    const empty = { ...x0.files[0]!, original: 'source/nonesuch.txt', units: [] };
    const both = join(dir, 'both.xlf');
    writeFileSync(both, writeXliff({ ...x0, files: [empty, stale] }, x0.version));
    const project = await loadProject(dir);
    const { refused } = await importRun(project, [both]);
    expect(refused[0]?.message).toMatch(/original "source\/nonesuch\.txt" is not a source/u);
    // The other way round, the stale unit is what is refused.
    writeFileSync(both, writeXliff({ ...x0, files: [stale, empty] }, x0.version));
    expect((await importRun(project, [both])).refused[0]?.message).toMatch(/stale/u);
    // And broken XML at the end of the file comes before both.
    writeFileSync(both, `${writeXliff({ ...x0, files: [stale, empty] }, x0.version)}<oops>`);
    expect((await importRun(project, [both])).refused[0]?.message).toMatch(/malformed XML/u);
    expect(bundleOf(dir, 'story-1')).toBeUndefined();
  });
});
