// npm run bench: locflow's speed and memory beside Translate Toolkit's, on a many-file newsroom corpus and the same
// text as one file (bench/news-corpus.mjs builds both from the bundled article's sentences, public domain as
// the project ships it). Runs alternate, A B A B, and the medians are printed. Benchmarks, not tests: nothing here
// fails on a slow machine. BENCH_WORDS (default 850000), BENCH_RUNS (default 3), BENCH_SCALES (check's scaling,
// default "1,4"), BENCH_MEMORY_SCALES (peak memory of the corpus as one file, default "1,4,16") and
// BENCH_MANY_SCALES (peak memory of import and check of the corpus as many XLIFF files and of the check of their store, default "1,4") size it. Reads nothing outside
// the repository but for one translate row: real news without repeats, the English side of WMT's newstest2012 from
// BENCH_NEWS_DIR (default ../shared/corpora/parallel-dev beside the repository), left out when it is not there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNewsCorpus } from './news-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The command as installed: the bundle npm run build writes (package.json's bin).
const cli = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin.locflow);
const hasTime = existsSync('/usr/bin/time');
const words = Number(process.env.BENCH_WORDS ?? 850_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const scales = (process.env.BENCH_SCALES ?? '1,4').split(',').map(Number);
const memoryScales = (process.env.BENCH_MEMORY_SCALES ?? '1,4,16').split(',').map(Number);
const manyScales = (process.env.BENCH_MANY_SCALES ?? '1,4').split(',').map(Number);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tt = has('txt2po') && has('po2xliff') && has('po2txt') && has('pofilter');

/** One run of a shell command: wall, CPU (user + sys, children included) seconds and peak RSS (MB). */
function once(script, cwd) {
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'sh', '-c', script], { cwd, encoding: 'utf8' })
    : spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr.slice(-400)}`);
  if (!hasTime) return { wall, cpu: NaN, mb: NaN };
  const [user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, mb: kb / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Each task is { cwd, prepare?, run }: prepare is not timed. Tasks run in turn, `runs` times each. */
function alternate(tasks) {
  const all = tasks.map(() => []);
  for (let i = 0; i < runs; i++)
    tasks.forEach((t, k) => {
      if (t.prepare) once(t.prepare, t.cwd);
      all[k].push(once(t.run, t.cwd));
    });
  return all.map((ms) => ({
    wall: median(ms.map((m) => m.wall)),
    cpu: median(ms.map((m) => m.cpu)),
    mb: Math.max(...ms.map((m) => m.mb)),
  }));
}

const fmt = (m) => `${m.wall.toFixed(2)} s wall, ${m.cpu.toFixed(2)} s CPU, ${m.mb.toFixed(0)} MB`;
const row = (name, a, b, bName) =>
  console.log(
    `${name.padEnd(34)} locflow ${fmt(a)}` +
      (b
        ? ` | ${bName} ${fmt(b)} | ratio ${(b.wall / a.wall).toFixed(1)}× wall, ${(b.cpu / a.cpu).toFixed(1)}× CPU`
        : ''),
  );

const locflow = (args) => `node ${cli} ${args} >/dev/null`;
const work = mkdtempSync(join(tmpdir(), 'locflow-bench-'));
/**
 * A shell command moving the earlier outputs (paths or globs) aside, into a folder of their own under `work`, which
 * goes at the end: deleted before each run, they would cost the next run, whichever tool it is. On ext4 without a
 * journal (as on the machines measured) every file created skips the inodes freed in the last 5 to 35 seconds, each
 * looked up, so a run of thousands of files right after `rm -rf` of thousands pays for that deletion (po2txt into an
 * emptied folder: 2.4 s CPU; into a new one: 1.1 s).
 */
const aside = (...paths) =>
  `to=$(mktemp -d ${work}/aside-XXXXXX) && for f in ${paths.join(' ')}; do if [ -e "$f" ]; then echo "$f"; fi; done` +
  ` | xargs -r sh -c 'mv "$@" "$0"/' "$to"`;
try {
  const corpus = buildNewsCorpus(join(work, 'x1'), { words });
  console.log(`corpus: ${corpus.files} files, ${corpus.words} words (and the same text as one file)`);
  console.log(`${runs} runs each, alternating; medians; peak memory is the largest process's`);
  const fresh = aside('xliff', '.locflow', 'locales', 'pot', 'po', 'xlf', 'out', 'pf');
  const ttExtract = 'txt2po --progress=none source po && po2xliff --progress=none po xlf';
  for (const [label, dir] of [
    ['many files', corpus.many],
    ['one file', corpus.one],
  ]) {
    // Many files are shared by one thread per core but one (on 2 cores: the main thread alone); beside it, the other
    // choice: one thread (LOCFLOW_THREADS=1) where the default is more, else the main thread and a worker.
    const many = dir === corpus.many;
    const other = availableParallelism() > 2 ? 1 : 2;
    const [a, b, single] = alternate([
      { cwd: dir, prepare: fresh, run: locflow('extract') },
      ...(tt ? [{ cwd: dir, prepare: fresh, run: ttExtract }] : []),
      ...(many ? [{ cwd: dir, prepare: fresh, run: `LOCFLOW_THREADS=${other} ${locflow('extract')}` }] : []),
    ]);
    row(`extract, ${label}`, a, b, 'txt2po + po2xliff');
    if (many) row(`extract, many files, ${other === 1 ? 'one thread' : 'two threads'}`, tt ? single : b);
    // A translated XLIFF to import, a store to build from and check: pseudo-translation fills every unit.
    once(`${fresh} && ${locflow('extract')} && ${locflow('pseudo --lang es')}`, dir);
    const [imp] = alternate([{ cwd: dir, prepare: aside('locales'), run: locflow('import xliff/es/*.xlf') }]);
    row(`import, ${label}`, imp);
    once(`${aside('po')} && txt2po --progress=none source po`, dir);
    // A build into a folder that is not there yet, as po2txt's into its new folder (the same conditions for both
    // tools): the same project, its outputs configured apart from the store; and again over its own outputs, which it
    // leaves as they are when their bytes do not change.
    const apart = 'build-apart.config.json';
    const config = JSON.parse(readFileSync(join(dir, 'locflow.config.json'), 'utf8'));
    writeFileSync(
      join(dir, apart),
      JSON.stringify({ ...config, locales: { ...config.locales, output: 'built/{lang}/{doc}{ext}' } }),
    );
    // A first build (no segmentation record: every source segmented, the record written) beside them; the many files
    // also on two threads (LOCFLOW_THREADS=2: the main thread and a worker; one thread is the default on 2 cores).
    const build = locflow(`--config ${apart} build --lang es`);
    const tasks = {
      build: { cwd: dir, prepare: aside('built'), run: build },
      ...(tt ? { po2txt: { cwd: dir, prepare: aside('out'), run: 'po2txt --progress=none -t source po out' } } : {}),
      again: { cwd: dir, run: build },
      first: { cwd: dir, prepare: aside('built', '.locflow/segmentation.json'), run: build },
      ...(many ? { twoThreads: { cwd: dir, prepare: aside('built'), run: `LOCFLOW_THREADS=2 ${build}` } } : {}),
    };
    const measured = Object.fromEntries(alternate(Object.values(tasks)).map((m, i) => [Object.keys(tasks)[i], m]));
    row(`build, ${label}`, measured.build, measured.po2txt, 'po2txt');
    row(`build again, ${label} (outputs unchanged)`, measured.again, measured.po2txt, 'po2txt');
    row(`first build, ${label}`, measured.first, measured.po2txt, 'po2txt');
    if (many) row('build, many files, two threads', measured.twoThreads, measured.po2txt, 'po2txt');
    const [check, pofilter] = alternate([
      { cwd: dir, run: `node ${cli} check --lang es --format json >/dev/null; test $? -le 1` },
      ...(tt
        ? [{ cwd: dir, prepare: aside('pf'), run: 'pofilter --progress=none -i xliff/es -o pf 2>/dev/null; true' }]
        : []),
    ]);
    row(`check (every check), ${label}`, check, pofilter, 'pofilter');
  }
  console.log('memory: the corpus as one file, 1×, 4×, 16× (goal: peak ≤ 300 MB whatever the size)');
  const peaks = [];
  const imports = [];
  const checks = [];
  for (const scale of memoryScales) {
    const c = scale === 1 ? corpus : buildNewsCorpus(join(work, `m${scale}`), { words, scale, manyFiles: false });
    const [ex] = alternate([{ cwd: c.one, prepare: fresh, run: locflow('extract') }]);
    peaks.push(`${scale}× (${c.words} words) ${ex.mb.toFixed(0)} MB, ${ex.cpu.toFixed(1)} s CPU`);
    // Its pseudo-translated XLIFF imported into an empty store: one file of all the units.
    once(`${fresh} && ${locflow('extract')} && ${locflow('pseudo --lang es')}`, c.one);
    const [imp] = alternate([{ cwd: c.one, prepare: aside('locales'), run: locflow('import xliff/es/news.xlf') }]);
    imports.push(`${scale}× ${imp.mb.toFixed(0)} MB, ${imp.cpu.toFixed(1)} s CPU`);
    // The same XLIFF checked (read twice as a stream, checked 500 units at a time).
    const [chk] = alternate([{ cwd: c.one, run: `${locflow('check xliff/es/news.xlf --json')}; test $? -le 1` }]);
    checks.push(`${scale}× ${chk.mb.toFixed(0)} MB, ${chk.cpu.toFixed(1)} s CPU`);
    if (scale !== 1) rmSync(join(work, `m${scale}`), { recursive: true, force: true });
  }
  console.log(`  extract peak: ${peaks.join('; ')}`);
  console.log(`  import peak (one XLIFF file): ${imports.join('; ')}`);
  console.log(`  check peak (the same XLIFF file): ${checks.join('; ')}`);
  // How a newsroom works: one XLIFF file per article, imported and checked together.
  const manyImports = [];
  const manyChecks = [];
  const manyStores = [];
  const manyHuman = [];
  for (const scale of manyScales) {
    const c = scale === 1 ? corpus : buildNewsCorpus(join(work, `n${scale}`), { words, scale });
    // (the 1× corpus is pseudo-translated already, above)
    if (scale !== 1) once(`${fresh} && ${locflow('extract')} && ${locflow('pseudo --lang es')}`, c.many);
    const [imp] = alternate([{ cwd: c.many, prepare: aside('locales'), run: locflow('import xliff/es/*.xlf') }]);
    manyImports.push(`${scale}× (${c.files} files) ${imp.mb.toFixed(0)} MB, ${imp.cpu.toFixed(1)} s CPU`);
    const [chk] = alternate([{ cwd: c.many, run: `${locflow('check xliff/es/*.xlf --json')}; test $? -le 1` }]);
    manyChecks.push(`${scale}× ${chk.mb.toFixed(0)} MB, ${chk.cpu.toFixed(1)} s CPU`);
    // The store the import wrote, checked (no files given: each document and its bundle read twice as a stream).
    const [store] = alternate([{ cwd: c.many, run: `${locflow('check --lang es --json')}; test $? -le 1` }]);
    manyStores.push(`${scale}× ${store.mb.toFixed(0)} MB, ${store.cpu.toFixed(1)} s CPU`);
    // The same files as a person's translations (the pseudo-translation's mark taken off): every unit also goes into
    // the translation memory, which the import feeds a chunk at a time (run last: it leaves a memory behind).
    const human = join(c.many, 'xliff-human');
    mkdirSync(human, { recursive: true });
    for (const f of readdirSync(join(c.many, 'xliff', 'es')))
      writeFileSync(
        join(human, f),
        readFileSync(join(c.many, 'xliff', 'es', f), 'utf8').replaceAll(' state-qualifier="x-pseudo"', ''),
      );
    const [person] = alternate([
      { cwd: c.many, prepare: aside('locales', 'tm'), run: locflow('import xliff-human/*.xlf') },
    ]);
    manyHuman.push(`${scale}× ${person.mb.toFixed(0)} MB, ${person.cpu.toFixed(1)} s CPU`);
    if (scale !== 1) rmSync(join(work, `n${scale}`), { recursive: true, force: true });
  }
  console.log(`  import peak (one XLIFF file per article): ${manyImports.join('; ')}`);
  console.log(`  check peak (the same XLIFF files): ${manyChecks.join('; ')}`);
  console.log(`  check peak (the store they were imported into): ${manyStores.join('; ')}`);
  console.log(
    `  import peak (the same files as a person's translations, into the memory too): ${manyHuman.join('; ')}`,
  );
  if (has('apertium') && spawnSync('apertium', ['-l'], { encoding: 'utf8' }).stdout.includes('eng-spa')) {
    // 22 articles through Apertium, beside raw Apertium on the same text in one call: the corpus's (its stories are
    // made of one article's sentences, so they repeat many, which translate sends once), and real news without
    // repeats, the row the goal is set against.
    const translateRow = (name, many) => {
      once(`${fresh} && ${locflow('extract')} && cat source/*.txt > all.html`, many);
      const xliff = join(many, 'xliff', 'es');
      const sources = readdirSync(xliff).flatMap((f) =>
        [...readFileSync(join(xliff, f), 'utf8').matchAll(/<source>([\s\S]*?)<\/source>/gu)].map((m) => m[1]),
      );
      const repeated = sources.length - new Set(sources).size;
      // Node's own CPU (Apertium's processes aside), each run's written down at its exit.
      const own = join(work, 'own-cpu');
      rmSync(own, { force: true });
      const [translate, raw] = alternate([
        {
          cwd: many,
          prepare: aside('locales'),
          run: `BENCH_OWN_CPU=${own} node --import ${join(root, 'bench', 'own-cpu.mjs')} ${cli} translate --engine apertium --lang es >/dev/null`,
        },
        { cwd: many, run: 'apertium -u -f html eng-spa all.html >/dev/null' },
      ]);
      row(name, translate, raw, 'raw apertium');
      const times = (k) => (translate[k] / raw[k]).toFixed(2);
      const runs = readFileSync(own, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ').map(Number));
      const node = median(runs.map(([whole]) => whole));
      // (Linux: the main thread's share; the rest runs beside it, on the other core when one is free)
      const main = runs.every((r) => r.length > 1) ? median(runs.map((r) => r[1])) : undefined;
      console.log(
        `  ${sources.length} units, ${repeated} repeated (${Math.round((100 * repeated) / sources.length)} %); ` +
          `translate takes ${times('wall')}× raw Apertium's wall time, ${times('cpu')}× its CPU   [goal ≤ 1.2×]; ` +
          `of its CPU, Node's own ${node.toFixed(2)} s` +
          `${main === undefined ? '' : ` (its main thread ${main.toFixed(2)} s, V8's compiler and GC threads the rest)`}` +
          `, Apertium's ${(translate.cpu - node).toFixed(2)} s`,
      );
    };
    const mt = join(work, 'mt');
    buildNewsCorpus(mt, { words: 8_700 });
    translateRow('translate --engine apertium, 8,700 words', join(mt, 'many'));
    const news = join(
      process.env.BENCH_NEWS_DIR ?? join(root, '..', 'shared', 'corpora', 'parallel-dev'),
      'newstest2012-enes.en',
    );
    if (existsSync(news)) {
      const real = join(work, 'mt-real');
      realNewsProject(real, readFileSync(news, 'utf8'), 8_700, 22);
      translateRow('translate, real news 8,700 words', real);
    } else console.log(`  (real news row left out: ${news} is not there)`);
  }
  console.log('scaling: the corpus 1×, 4× … as one file (extract peak memory; check time per unit)');
  for (const scale of scales) {
    const c = scale === 1 ? corpus : buildNewsCorpus(join(work, `x${scale}`), { words, scale });
    const [ex] = alternate([{ cwd: c.one, prepare: fresh, run: locflow('extract') }]);
    once(`${locflow('pseudo --lang es')} && ${locflow('import xliff/es/*.xlf')}`, c.one);
    const [check] = alternate([
      { cwd: c.one, run: `node ${cli} check --lang es --format json >/dev/null; test $? -le 1` },
    ]);
    console.log(`  ${String(scale).padStart(2)}× (${c.words} words): extract ${fmt(ex)}; check ${fmt(check)}`);
    if (scale !== 1) rmSync(join(work, `x${scale}`), { recursive: true, force: true });
  }
  const tiny = join(work, 'tiny');
  buildNewsCorpus(tiny, { words: 300 });
  const [one, node] = alternate([
    { cwd: join(tiny, 'one'), prepare: fresh, run: locflow('extract') },
    { cwd: root, run: 'node -e 0' },
  ]);
  console.log(
    `start-up: extract of one ${300}-word file ${fmt(one)}; node -e 0 ${fmt(node)}; ratio ${(one.wall / node.wall).toFixed(1)}× wall, ${(one.cpu / node.cpu).toFixed(1)}× CPU   [goal ≤ 2×]`,
  );
  if (!tt) console.log('Translate Toolkit is not installed: its columns are left out.');
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * A project of `files` articles of real news: the first sentences of a newstest file, one per line, up to `words`
 * words, in consecutive runs per article, three sentences a paragraph.
 */
function realNewsProject(dir, text, words, files) {
  const sentences = [];
  let count = 0;
  for (const line of text.split('\n')) {
    if (count >= words) break;
    if (!line.trim()) continue;
    sentences.push(line.trim());
    count += line.trim().split(/\s+/u).length;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'source'), { recursive: true });
  writeFileSync(
    join(dir, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
  );
  const size = Math.ceil(sentences.length / files);
  for (let f = 0; f < files; f++) {
    const own = sentences.slice(f * size, (f + 1) * size);
    const paragraphs = [];
    for (let k = 0; k < own.length; k += 3) paragraphs.push(own.slice(k, k + 3).join(' '));
    writeFileSync(join(dir, 'source', `story-${String(f + 1).padStart(5, '0')}.txt`), paragraphs.join('\n\n') + '\n');
  }
}
