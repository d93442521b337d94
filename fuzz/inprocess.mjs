/**
 * Runs categories' cases inside this process, against the built workflow functions (dist/), and
 * prints one JSON line per case. run.mjs starts it as a child process and kills it when a case hangs.
 *
 *   node fuzz/inprocess.mjs <seed> <category> <from> <to> [<category> <from> <to>…]
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { caseSeed, rng } from './rng.mjs';
import { changes, copyProject, leftoverTemps, makeProject, memory, snapshot, storedTranslations } from './project.mjs';
import { mutate } from './xliff-mutants.mjs';
import { hostileSource } from './hostile-sources.mjs';
import { pathCase, PATH_CASES } from './paths.mjs';

const dist = new URL('../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);
const { LocflowError, systemError } = await load('errors.js');
const { loadProject } = await load('project/load.js');
const { extract } = await load('workflow/extract.js');
const { importFiles } = await load('workflow/import.js');
const { build } = await load('workflow/build.js');
const { pseudo } = await load('workflow/pseudo.js');
const { tmImport, tmExport } = await load('workflow/tm.js');
const { readTmx } = await load('tm/tmx.js');
const { readXliff } = await load('xliff/read.js');
const { writeXliff } = await load('xliff/write.js');
const { decodeText } = await load('io/encoding.js');
const { contentToI18n } = await load('store/codes.js');

/** Runs `fn`: its value, a clean refusal (a LocflowError or a known system error), or a crash. */
export async function attempt(fn) {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof LocflowError) return { ok: false, refused: err.message };
    const known = systemError(err);
    if (known) return { ok: false, refused: known.message };
    return {
      ok: false,
      crash: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' | ') : String(err),
    };
  }
}

const translated = (runs) => runs.map((r) => (typeof r === 'string' ? `«${r.toUpperCase()}»` : r));

/** Fills targets of the XLIFF at `file`: the units `which` picks, keeping targets it already has. */
function fill(file, which) {
  const x = readXliff(readFileSync(file, 'utf8'));
  const files = x.files.map((f) => ({
    ...f,
    units: f.units.map((u, i) =>
      u.target || !which(i) ? u : { ...u, target: translated(u.source), state: 'translated' },
    ),
  }));
  writeFileSync(file, writeXliff({ ...x, files }));
}

const DOCS = ['a', 'b', 'c', 'd'];

/**
 * A project whose store holds translations of every other unit (imported, then exported again, so the
 * XLIFF files carry them), and beside each XLIFF a fully translated copy: what the mutants start from.
 */
async function translatedProject(version) {
  const dir = makeProject(version);
  const project = await loadProject(dir);
  await extract(project);
  for (const lang of ['es', 'fr']) {
    const files = DOCS.map((d) => join(dir, 'xliff', lang, `${d}.xlf`));
    for (const f of files) fill(f, (i) => i % 2 === 0);
    await importFiles(project, files);
  }
  await extract(project);
  for (const d of DOCS) {
    const f = join(dir, 'xliff', 'es', `${d}.xlf`);
    fill(f, () => true);
  }
  return dir;
}

const bases = new Map();
async function base(version) {
  if (!bases.has(version)) bases.set(version, await translatedProject(version));
  return bases.get(version);
}
/** The store after a faithful import of the unmutated file. */
const faithful = new Map();
async function faithfulStore(version, doc) {
  const key = `${version}/${doc}`;
  if (!faithful.has(key)) {
    const dir = copyProject(await base(version));
    await importFiles(await loadProject(dir), [join(dir, 'xliff', 'es', `${doc}.xlf`)]);
    faithful.set(key, storedTranslations(dir));
    rmSync(dir, { recursive: true, force: true });
  }
  return faithful.get(key);
}

function canonical(tag) {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

function sameRuns(a, b) {
  return contentToI18n(a) === contentToI18n(b);
}

/** What a faithful import of `bytes` stores: "lang/doc#unit" → text, as the file says. */
function expectedFrom(bytes) {
  const x = readXliff(decodeText(bytes, 'mutant.xlf').text);
  const lang = canonical(x.targetLang);
  const out = new Map();
  for (const f of x.files)
    for (const u of f.units) {
      if (u.target === undefined || (u.state === 'new' && sameRuns(u.target, u.source))) continue;
      out.set(`${lang}/${basename(f.original, extname(f.original))}#${u.id}`, contentToI18n(u.target));
    }
  return out;
}

/** Differences that lose or inject data, comparing the store before and after an accepted import. */
function storeLosses(before, after, expected) {
  const lost = [];
  for (const [k, v] of before) {
    if (!after.has(k)) lost.push(`${k} removed`);
    else if (after.get(k) !== v && expected.get(k) !== after.get(k))
      lost.push(`${k} changed to what the file does not say`);
  }
  for (const [k, v] of after)
    if (!before.has(k) && expected.get(k) !== v) lost.push(`${k} added though the file does not say it`);
  for (const [k, v] of expected)
    if (after.get(k) !== v && before.get(k) === after.get(k) && !before.has(k))
      lost.push(`${k} in the file but not imported`);
  return lost;
}

async function xliffCase(version, r) {
  const doc = r.pick(DOCS);
  const dir = copyProject(await base(version));
  try {
    const file = join(dir, 'xliff', 'es', `${doc}.xlf`);
    const m = mutate(readFileSync(file, 'utf8'), r);
    writeFileSync(file, m.bytes);
    const before = storedTranslations(dir);
    const snap = snapshot(dir);
    const res = await attempt(async () => importFiles(await loadProject(dir), [file]));
    const name = `${version} ${m.name} (${doc})`;
    if (res.crash) return { name, outcome: 'crash', detail: res.crash };
    const temps = leftoverTemps(dir);
    if (temps.length) return { name, outcome: 'lost', detail: `temporary files left: ${temps.join(', ')}` };
    if (!res.ok) {
      const changed = changes(snap, snapshot(dir)).filter((c) => !c.includes('xliff'));
      if (changed.length)
        return { name, outcome: 'lost', detail: `refused (${res.refused}) but changed ${changed.join(', ')}` };
      if (m.faithful)
        return { name, outcome: 'lost', detail: `a file in another encoding was refused: ${res.refused}` };
      return { name, outcome: 'refused', detail: res.refused };
    }
    const after = storedTranslations(dir);
    const lost = storeLosses(before, after, expectedFrom(m.bytes));
    if (m.faithful) {
      const want = await faithfulStore(version, doc);
      for (const [k, v] of want)
        if (after.get(k) !== v) lost.push(`${k} differs from the import of the same file in UTF-8`);
    }
    if (lost.length) return { name, outcome: 'lost', detail: lost.slice(0, 3).join('; ') };
    const built = await attempt(async () => build(await loadProject(dir)));
    if (built.crash) return { name, outcome: 'crash', detail: `build after the import: ${built.crash}` };
    return { name, outcome: 'faithful' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A project whose memory holds half the translations, and memory.tmx: a TMX export of a memory
 * that holds them all, what the TMX mutants start from.
 */
let tmxBase;
async function tmxProject() {
  if (tmxBase) return tmxBase;
  const dir = await base('1.2');
  const full = copyProject(dir);
  await importFiles(
    await loadProject(full),
    DOCS.map((d) => join(full, 'xliff', 'es', `${d}.xlf`)),
  );
  tmxBase = copyProject(dir);
  await tmExport(await loadProject(full), join(tmxBase, 'memory.tmx'), r0.chance(0.5) ? {} : { omegat: true });
  rmSync(full, { recursive: true, force: true });
  return tmxBase;
}
const r0 = rng(1);

async function tmxCase(r) {
  const dir = copyProject(await tmxProject());
  try {
    const file = join(dir, 'memory.tmx');
    const m = mutate(readFileSync(file, 'utf8'), r);
    writeFileSync(file, m.bytes);
    const name = `tmx ${m.name}`;
    const before = memory(dir);
    const res = await attempt(async () => tmImport(await loadProject(dir), [file]));
    if (res.crash) return { name, outcome: 'crash', detail: res.crash };
    const after = memory(dir);
    const lostEntries = before.filter((e) => !after.includes(e));
    if (lostEntries.length)
      return {
        name,
        outcome: 'lost',
        detail: `${lostEntries.length} memory entries lost: ${lostEntries[0]} → ${after.find((e) => !before.includes(e)) ?? 'none'}`,
      };
    if (!res.ok) {
      if (after.length !== before.length)
        return { name, outcome: 'lost', detail: `refused (${res.refused}) but the memory changed` };
      if (m.faithful)
        return { name, outcome: 'lost', detail: `a file in another encoding was refused: ${res.refused}` };
      return { name, outcome: 'refused', detail: res.refused };
    }
    // Every entry added is one the file holds, as the TMX reader reads it.
    const project = await loadProject(dir);
    const said = new Set(
      readTmx(decodeText(m.bytes, 'memory.tmx').text, 'en', project.config.targetLanguages).map(
        (e) => `${e.targetLang.toLowerCase()}\u0000${e.source}\u0000${e.target}`,
      ),
    );
    const added = after.filter((e) => !before.includes(e)).map((e) => JSON.parse(e));
    const invented = added.filter((e) => !said.has(`${e.tgt_lang}\u0000${e.source}\u0000${e.target}`));
    if (invented.length)
      return {
        name,
        outcome: 'lost',
        detail: `entries the file does not hold: ${JSON.stringify(invented[0]).slice(0, 200)}`,
      };
    return { name, outcome: 'faithful' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PATTERNS = {
  txt: 'source/*.txt',
  md: 'source/*.md',
  html: 'source/*.html',
  json: 'source/doc.json',
  icu: 'source/*.icu.json',
};

async function sourceCase(r) {
  const src = hostileSource(r);
  const dir = makeProject('1.2', {});
  try {
    writeFileSync(join(dir, 'source', src.name), src.bytes);
    const config = JSON.parse(readFileSync(join(dir, 'locflow.config.json'), 'utf8'));
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ ...config, sources: [PATTERNS[src.format]], targetLanguages: ['es'] }),
    );
    const name = `${src.format} (${src.bytes.length} bytes)`;
    const steps = [
      ['extract', async () => extract(await loadProject(dir))],
      ['build --lang en', async () => build(await loadProject(dir), { langs: ['en'] })],
      ['pseudo', async () => pseudo(await loadProject(dir), 'es')],
      [
        'import',
        async () =>
          importFiles(await loadProject(dir), [join(dir, 'xliff', 'es', src.name.replace(/\.[^.]*$/u, '.xlf'))]),
      ],
      ['build', async () => build(await loadProject(dir))],
    ];
    for (const [step, fn] of steps) {
      const res = await attempt(fn);
      if (res.crash) return { name, outcome: 'crash', detail: `${step}: ${res.crash}` };
      if (!res.ok) {
        if (step !== 'extract')
          return { name, outcome: 'lost', detail: `extract accepted the source, then ${step} refused: ${res.refused}` };
        return { name, outcome: 'refused', detail: res.refused };
      }
      if (step === 'build --lang en') {
        // A UTF-8 source builds back byte for byte; one in another encoding is built as UTF-8 on purpose.
        const out = join(dir, 'build', 'en', src.name);
        if (decodeText(src.bytes, src.name).encoding === 'utf-8' && !readFileSync(out).equals(src.bytes))
          return { name, outcome: 'lost', detail: 'build --lang en differs from the source' };
      }
    }
    const temps = leftoverTemps(dir);
    if (temps.length) return { name, outcome: 'lost', detail: `temporary files left: ${temps.join(', ')}` };
    return { name, outcome: 'faithful' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CATEGORIES = {
  'xliff 1.2 mutants': (r) => xliffCase('1.2', r),
  'xliff 2.0 mutants': (r) => xliffCase('2.0', r),
  'tmx mutants': (r) => tmxCase(r),
  'hostile sources': (r) => sourceCase(r),
  'links and paths': (r, i) =>
    pathCase(PATH_CASES[i % PATH_CASES.length], r, { attempt, extract, importFiles, build, loadProject, fill }),
};
export const IN_PROCESS = Object.keys(CATEGORIES);

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const [seed, ...jobs] = process.argv.slice(2);
  for (let j = 0; j < jobs.length; j += 3) {
    const [category, from, to] = jobs.slice(j, j + 3);
    const run = CATEGORIES[category];
    if (!run) throw new Error(`unknown category ${category}`);
    for (let i = Number(from); i < Number(to); i++) {
      const t = Date.now();
      process.stdout.write(`${JSON.stringify({ category, i, start: true })}\n`);
      const r = rng(caseSeed(Number(seed), category, i));
      let result;
      try {
        result = await run(r, i);
      } catch (err) {
        result = { name: 'harness', outcome: 'crash', detail: `the case itself failed: ${err.stack ?? err}` };
      }
      process.stdout.write(`${JSON.stringify({ category, i, ms: Date.now() - t, ...result })}\n`);
    }
  }
}
