// npm run bench:qa-real [-- dir] — how locflow's QA checks behave on real professional translations
// (../shared/corpora/parallel-dev by default), beside Translate Toolkit's pofilter:
//   1. false alarms on the clean pairs, per language and per check;
//   2. recall on defects injected into those pairs (one seeded defective copy per pair and defect type);
//   3. pofilter on the same pairs and copies, and the time both take on the clean pairs.
// Figures, not tests. Flags:
//   --spelling                      run the spelling check too (off by default: it needs hunspell dictionaries)
//   --lang xx                       one language only
//   --show <check>[:error|warning]  print the clean pairs that check flags, then stop (at most --limit N, 20)
//   --missed <defect>               print the defective copies locflow misses at error level, then stop (--limit N)
//   --examples                      print 3 defective targets per defect type, the change marked ⟦old → new⟧
//   --no-pofilter, --no-cli         skip pofilter, or the timing of `locflow check` through the CLI
//   --runs N                        timed runs of the CLI and of pofilter, alternating (default 3; medians)
//   --json                          print everything as JSON instead of tables
//   --dist <dir>                    the compiled locflow to measure (default dist/)
//   --set key=value                 a "qa" option for every run (e.g. --set unlikeNames=error), repeatable
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFECTS, mulberry32, seedFor } from './qa-inject.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    spelling: { type: 'boolean', default: false },
    show: { type: 'string' },
    missed: { type: 'string' },
    lang: { type: 'string' },
    limit: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    examples: { type: 'boolean', default: false },
    'no-pofilter': { type: 'boolean', default: false },
    'no-cli': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist' },
    set: { type: 'string', multiple: true, default: [] },
  },
});
const dataDir = resolve(root, positionals[0] ?? '../shared/corpora/parallel-dev');
if (!existsSync(dataDir)) {
  console.log(
    `bench:qa-real: no data: it expects the parallel corpora in ${dataDir} (see its README.md) and needs them to run.`,
  );
  process.exit(0);
}
const limit = Number(opt.limit);
const work = join(root, '.cache', 'bench-qa-real');
// Other work rebuilds dist/ meanwhile: --dist runs a copy (inside the project, so node_modules resolves) for stable figures.
const dist = resolve(root, opt.dist);
const { runChecks } = await import(join(dist, 'qa/runner.js'));
const severities = { ...(opt.spelling ? {} : { spelling: 'off' }) };
// The "qa" options of every run, as a project's configuration would give them.
const settings = Object.fromEntries(
  opt.set.map((kv) => {
    const at = kv.indexOf('=');
    if (at < 1) throw new Error(`--set ${kv}: expected key=value`);
    return [kv.slice(0, at), kv.slice(at + 1)];
  }),
);
// Copies of one source with different targets would flag each other as inconsistent: not a finding about the defect.
const defectSeverities = { ...severities, consistency: 'off' };

// ---------- data: every X.en with its X.<lang> beside it ----------

const ORDER = ['es', 'fr', 'de', 'ar'];
const lines = (file) => {
  const l = readFileSync(file, 'utf8')
    .split('\n')
    .map((s) => s.replace(/\r$/u, ''));
  if (l.at(-1) === '') l.pop();
  return l;
};
const corpora = readdirSync(dataDir)
  .filter((f) => f.endsWith('.en'))
  .flatMap((f) => {
    const base = f.slice(0, -3);
    const other = readdirSync(dataDir).find(
      (g) => g.startsWith(`${base}.`) && g !== f && /^[a-z]{2,3}$/u.test(g.slice(base.length + 1)),
    );
    return other ? [{ name: base, lang: other.slice(base.length + 1) }] : [];
  })
  .filter((c) => !opt.lang || c.lang === opt.lang)
  .sort(
    (a, b) => (ORDER.indexOf(a.lang) + 1 || 99) - (ORDER.indexOf(b.lang) + 1 || 99) || a.lang.localeCompare(b.lang),
  );
for (const c of corpora) {
  const en = lines(join(dataDir, `${c.name}.en`));
  const xx = lines(join(dataDir, `${c.name}.${c.lang}`));
  if (en.length !== xx.length)
    throw new Error(`${c.name}: ${en.length} English lines but ${xx.length} ${c.lang} lines`);
  c.pairs = en.map((s, i) => ({
    id: `p${i + 1}`,
    source: [s],
    target: [xx[i]],
    sourceLang: 'en',
    targetLang: c.lang,
    file: c.name,
  }));
}
const LANGS = corpora.map((c) => c.lang);
const text = (p) => p.target[0];
const src = (p) => p.source[0];

// ---------- 1. clean pairs ----------

/** Findings per unit as sets of "check\0message": at error level, and at error or warning level. */
function keysByUnit(issues) {
  const by = new Map();
  for (const i of issues) {
    if (i.severity === 'info') continue;
    if (!by.has(i.unit)) by.set(i.unit, { error: new Set(), any: new Set(), issues: [] });
    const u = by.get(i.unit);
    const key = `${i.check}\u0000${i.message}`;
    if (i.severity === 'error') u.error.add(key);
    u.any.add(key);
    u.issues.push(i);
  }
  return by;
}

/** Wall and CPU seconds (this process: user + system) of an async step. */
async function timed(step) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await step();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const cleanCounts = { errors: 0, warnings: 0 };
// The first pass is what a `locflow check` run pays: word lists loaded, memories empty, code not yet optimised.
const firstPass = await timed(async () => {
  for (const c of corpora) {
    const { issues } = await runChecks(c.pairs, { severities, settings });
    c.clean = keysByUnit(issues);
    for (const i of issues) if (i.severity !== 'info') cleanCounts[`${i.severity}s`]++;
  }
});

const pct = (n, d) => (d ? (100 * n) / d : NaN);
const f1 = (x) => (Number.isNaN(x) ? '–' : x.toFixed(1));
const clean = {};
const checkIds = new Set();
for (const c of corpora) {
  const r = { pairs: c.pairs.length, errorPairs: 0, warningPairs: 0, byCheck: {} };
  for (const u of c.clean.values()) {
    const errs = new Set(u.issues.filter((i) => i.severity === 'error').map((i) => i.check));
    const warns = new Set(u.issues.filter((i) => i.severity === 'warning').map((i) => i.check));
    if (errs.size) r.errorPairs++;
    if (warns.size) r.warningPairs++;
    for (const [set, level] of [
      [errs, 'error'],
      [warns, 'warning'],
    ]) {
      for (const check of set) {
        checkIds.add(check);
        r.byCheck[check] ??= { error: 0, warning: 0 };
        r.byCheck[check][level]++;
      }
    }
  }
  r.errorPct = pct(r.errorPairs, r.pairs);
  r.warningPct = pct(r.warningPairs, r.pairs);
  for (const v of Object.values(r.byCheck))
    Object.assign(v, { errorPct: pct(v.error, r.pairs), warningPct: pct(v.warning, r.pairs) });
  clean[c.lang] = r;
}

if (opt.show) {
  const [check, level] = opt.show.split(':');
  let shown = 0;
  for (const c of corpora) {
    for (const p of c.pairs) {
      const hits = (c.clean.get(p.id)?.issues ?? []).filter(
        (i) => i.check === check && (!level || i.severity === level),
      );
      if (!hits.length || shown >= limit) continue;
      shown++;
      console.log(
        `[${c.lang} ${p.id}] ${hits.map((i) => `${i.severity}: ${i.message}`).join('\n    ')}\n  en: ${src(p)}\n  ${c.lang}: ${text(p)}\n`,
      );
    }
  }
  console.log(
    `${shown} pair(s) shown (limit ${limit}) for ${opt.show}${opt.lang ? ` in ${opt.lang}` : ''}, from ${dataDir}.`,
  );
  process.exit(0);
}

// ---------- 2. injected defects ----------

const TYPES = DEFECTS.map(([type]) => type);
// A reference that already disagrees with its source where a defect type is checked ("1.6 billion" → "1,6
// Billionen") has no right answer there: a change injected into it may just as well repair it. Such pairs
// are left out of that type's recall, and counted.
const CHECK_OF = { 'name-deleted': 'names', 'name-misspelt': 'names', 'url-changed': 'urls-emails' };
const excluded = Object.fromEntries(TYPES.map((t) => [t, 0]));
for (const c of corpora) {
  c.copies = [];
  c.pairs.forEach((p, index) => {
    const disagrees = new Set(
      (c.clean.get(p.id)?.issues ?? []).filter((i) => i.severity === 'error').map((i) => i.check),
    );
    for (const [type, inject] of DEFECTS) {
      const defective = inject(src(p), text(p), c.lang, mulberry32(seedFor(c.lang, index, type)));
      if (defective === null || defective === text(p)) continue;
      if (disagrees.has(CHECK_OF[type] ?? 'numbers')) {
        excluded[type]++;
        continue;
      }
      c.copies.push({ ...p, id: `${p.id}~${type}`, target: [defective], type, of: p });
    }
  });
  // Each copy is checked inside the clean text, as a slip is met in real work: among the other units of its document
  // (checks that compare units, like names, see how those render a name), and in its place there, right after its own
  // pair (names asks what the text said before a unit). Findings on the clean pairs are dropped.
  const copyIds = new Set(c.copies.map((copy) => copy.id));
  const copiesOf = new Map();
  for (const copy of c.copies) copiesOf.set(copy.of, [...(copiesOf.get(copy.of) ?? []), copy]);
  const inPlace = c.pairs.flatMap((p) => [p, ...(copiesOf.get(p) ?? [])]);
  const { issues } = await runChecks(inPlace, { severities: defectSeverities, settings });
  c.defective = keysByUnit(issues.filter((i) => copyIds.has(i.unit)));
}

/** Whether a copy has a finding its clean pair lacks: at error level, or at error-or-warning level. */
function caught(found, before, copyId, pairId) {
  const after = found.get(copyId);
  const was = before.get(pairId);
  const fresh = (level) => [...(after?.[level] ?? [])].filter((k) => !was?.[level].has(k));
  return { error: fresh('error'), any: fresh('any') };
}

const recall = {};
for (const type of TYPES) {
  recall[type] = { total: { n: 0, error: 0, any: 0, by: {} } };
  for (const lang of LANGS) recall[type][lang] = { n: 0, error: 0, any: 0 };
}
for (const c of corpora) {
  for (const copy of c.copies) {
    const k = caught(c.defective, c.clean, copy.id, copy.of.id);
    copy.caught = k.error.length > 0;
    for (const r of [recall[copy.type][c.lang], recall[copy.type].total]) {
      r.n++;
      if (k.error.length) r.error++;
      if (k.any.length) r.any++;
    }
    // Which checks catch the type at error level, to read beside the figure.
    for (const check of new Set(k.error.map((key) => key.split('\u0000')[0])))
      recall[copy.type].total.by[check] = (recall[copy.type].total.by[check] ?? 0) + 1;
  }
}
for (const t of TYPES)
  for (const r of Object.values(recall[t])) Object.assign(r, { errorPct: pct(r.error, r.n), anyPct: pct(r.any, r.n) });

if (opt.missed) {
  if (!TYPES.includes(opt.missed))
    throw new Error(`--missed: no defect type "${opt.missed}"; the types are ${TYPES.join(', ')}`);
  let shown = 0;
  for (const c of corpora) {
    for (const copy of c.copies) {
      if (copy.type !== opt.missed || copy.caught || shown >= limit) continue;
      shown++;
      const found = (c.defective.get(copy.id)?.issues ?? []).map((i) => `${i.severity} ${i.check}: ${i.message}`);
      console.log(
        `[${c.lang} ${copy.id}]\n  en: ${src(copy)}\n  ${c.lang}: ${marked(text(copy.of), text(copy))}${found.length ? `\n  found: ${found.join('\n         ')}` : ''}\n`,
      );
    }
  }
  console.log(`${shown} missed ${opt.missed} cop(y/ies) shown (limit ${limit}), from ${dataDir}.`);
  process.exit(0);
}

/** The target with the injected change shown in place as ⟦old → new⟧. */
function marked(before, after) {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s])
    s++;
  // Widen to whole words, so "mil⟦ →  mil⟧lones" reads "⟦millones → mil millones⟧".
  const inWord = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  while (p > 0 && inWord(before[p - 1]) && (inWord(before[p]) || inWord(after[p]))) p--;
  while (
    s > 0 &&
    inWord(before[before.length - s]) &&
    (inWord(before[before.length - s - 1]) || inWord(after[after.length - s - 1]))
  )
    s--;
  return `${before.slice(0, p)}⟦${before.slice(p, before.length - s)} → ${after.slice(p, after.length - s)}⟧${before.slice(before.length - s)}`;
}

// Three examples per type, spread over the languages and over each corpus.
const examples = {};
for (const [t, type] of TYPES.entries()) {
  examples[type] = [];
  for (let k = 0; examples[type].length < 3 && k < LANGS.length * 3; k++) {
    const c = corpora[(t + k) % corpora.length];
    const of = c.copies.filter((x) => x.type === type);
    const copy = of[Math.floor(((Math.floor(k / corpora.length) + 1) * of.length) / 4)];
    if (copy && !examples[type].some((e) => e.id === copy.id && e.lang === c.lang))
      examples[type].push({
        lang: c.lang,
        id: copy.id,
        caught: copy.caught,
        target: marked(text(copy.of), text(copy)),
      });
  }
}

// ---------- 3. pofilter ----------

// pofilter's tests for what locflow's checks look at (no glossary is given, so no terminology or names list).
const POFILTER_TESTS = {
  empty: ['blank'],
  untranslated: ['untranslated', 'unchanged'],
  numbers: ['numbers'],
  names: ['acronyms'],
  'inline-codes': ['xmltags'],
  placeholders: ['printf', 'variables', 'pythonbraceformat'],
  'urls-emails': ['urls', 'emails'],
  length: ['long', 'short'],
  whitespace: ['doublespacing', 'startwhitespace', 'endwhitespace'],
  'end-punctuation': ['endpunc'],
  'brackets-quotes': ['brackets', 'doublequoting'],
  'repeated-words': ['doublewords'],
  ...(opt.spelling ? { spelling: ['spellcheck'] } : {}),
};
const TESTS = [...new Set(Object.values(POFILTER_TESTS).flat())];

const poString = (s) =>
  `"${s.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"').replace(/\n/gu, '\\n').replace(/\t/gu, '\\t').replace(/\r/gu, '\\r')}"`;
function writePo(file, lang, units) {
  const head = `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ${lang}\\n"\n`;
  writeFileSync(
    file,
    [
      head,
      ...units.map((u) => `msgctxt ${poString(u.id)}\nmsgid ${poString(src(u))}\nmsgstr ${poString(text(u))}\n`),
    ].join('\n'),
  );
}

/** pofilter writes only the failing units, each after comments "# (pofilter) test: message". */
function readPofilter(file) {
  const by = new Map();
  if (!existsSync(file)) return by;
  for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/u)) {
    const id = /^msgctxt "((?:[^"\\]|\\.)*)"/mu.exec(block)?.[1];
    if (id === undefined) continue;
    const keys = [...block.matchAll(/^# \(pofilter\) ([\w-]+): (.*)$/gmu)].map((m) => `${m[1]}\u0000${m[2]}`);
    by.set(id, { error: new Set(keys), any: new Set(keys), tests: new Set(keys.map((k) => k.split('\u0000')[0])) });
  }
  return by;
}

function pofilter(input, output, lang) {
  return timeProcess('pofilter', [
    '--progress=none',
    `--language=${lang}`,
    ...TESTS.flatMap((t) => ['-t', t]),
    input,
    output,
  ]);
}

const hasTime = existsSync('/usr/bin/time');
/**
 * Runs a command to its end: wall seconds, and with /usr/bin/time its CPU seconds (user + system) and peak MB.
 * Exit codes above `okStatus` fail (check exits 1 when it finds errors).
 */
function timeProcess(cmd, args, { cwd, okStatus = 0 } = {}) {
  const start = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', cmd, ...args], { cwd, encoding: 'utf8' })
    : spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (r.status === null || r.status > okStatus) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  if (!hasTime) return { seconds, cpu: NaN, mb: NaN };
  const [user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + sys, mb: kb / 1024 };
}

const hasPofilter = !opt['no-pofilter'] && spawnSync('pofilter', ['--version'], { encoding: 'utf8' }).status === 0;
let po = null;
if (hasPofilter) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  po = { tests: TESTS, clean: {}, recall: {} };
  for (const type of TYPES) po.recall[type] = { total: { n: 0, error: 0 } };
  for (const c of corpora) {
    const [cleanIn, cleanOut, defIn, defOut] = ['clean.po', 'clean.out.po', 'defects.po', 'defects.out.po'].map((f) =>
      join(work, `${c.lang}.${f}`),
    );
    writePo(cleanIn, c.lang, c.pairs);
    writePo(defIn, c.lang, c.copies);
    pofilter(cleanIn, cleanOut, c.lang);
    pofilter(defIn, defOut, c.lang);
    const before = readPofilter(cleanOut);
    const after = readPofilter(defOut);
    const r = { pairs: c.pairs.length, flagged: before.size, byTest: {} };
    for (const u of before.values()) for (const t of u.tests) r.byTest[t] = (r.byTest[t] ?? 0) + 1;
    r.flaggedPct = pct(r.flagged, r.pairs);
    po.clean[c.lang] = r;
    for (const copy of c.copies) {
      const hit = caught(after, before, copy.id, copy.of.id).error.length > 0;
      for (const x of [(po.recall[copy.type][c.lang] ??= { n: 0, error: 0 }), po.recall[copy.type].total]) {
        x.n++;
        if (hit) x.error++;
      }
    }
  }
  for (const t of TYPES) for (const x of Object.values(po.recall[t])) x.errorPct = pct(x.error, x.n);
}

// ---------- timings: the clean pairs of every language ----------

const warm = [];
for (let i = 0; i < 2; i++)
  warm.push(
    await timed(async () => {
      for (const c of corpora) await runChecks(c.pairs, { severities, settings });
    }),
  );
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const timings = {
  pairs: corpora.reduce((n, c) => n + c.pairs.length, 0),
  // (the first pass, as a run of the command pays it; the later passes find memories filled and code optimised)
  inProcess: {
    first: firstPass,
    warm: { seconds: median(warm.map((w) => w.seconds)), cpu: median(warm.map((w) => w.cpu)) },
  },
  pofilter: null,
  byCheck: {},
  cli: null,
};
// Each check alone, to see where locflow's time goes (warm: after the passes above).
const { loadChecks } = await import(join(dist, 'qa/checks/index.js'));
for (const check of (await loadChecks()).filter((k) => severities[k.id] !== 'off')) {
  const t0 = performance.now();
  for (const c of corpora) await runChecks(c.pairs, { severities, settings, checks: [check] });
  timings.byCheck[check.id] = (performance.now() - t0) / 1000;
}

// The CLI needs a project: a config with the languages (spelling as above) and a source file it never reads here.
let cliRun = null;
if (!opt['no-cli']) {
  try {
    const { writeXliff } = await import(join(dist, 'xliff/write.js'));
    const project = join(work, 'project');
    mkdirSync(join(project, 'source'), { recursive: true });
    writeFileSync(join(project, 'source', 'corpus.txt'), 'Corpus\n');
    writeFileSync(
      join(project, 'locflow.config.json'),
      JSON.stringify({
        sourceLanguage: 'en',
        targetLanguages: LANGS,
        sources: ['source/*.txt'],
        qa: { severity: severities },
      }),
    );
    const files = corpora.map((c) => {
      const units = c.pairs.map((p) => ({ id: p.id, source: p.source, target: p.target, state: 'final', notes: [] }));
      writeFileSync(
        join(project, `${c.lang}.xlf`),
        writeXliff({ version: '1.2', sourceLang: 'en', targetLang: c.lang, files: [{ original: c.name, units }] }),
      );
      return `${c.lang}.xlf`;
    });
    // The command as installed (the bundle, its chunks started from V8's code cache), else the unbundled build.
    const bundled = join(dist, 'bundle', 'cli', 'locflow.js');
    const cli = existsSync(bundled) ? bundled : join(dist, 'cli', 'index.js');
    // check exits 1 when it finds errors, as it will here.
    cliRun = () =>
      timeProcess(process.execPath, [cli, 'check', '--format', 'json', '-o', 'report.json', ...files], {
        cwd: project,
        okStatus: 1,
      });
    cliRun.project = project;
    cliRun.files = files.length;
  } catch (err) {
    timings.cli = { skipped: String(err.message ?? err).split('\n')[0] };
  }
}
// The command and pofilter (one run per language, as its command line takes one language), alternating: A B A B.
const runs = Math.max(1, Number(opt.runs));
const cliRuns = [];
const poRuns = [];
for (let r = 0; r < runs; r++) {
  if (cliRun) cliRuns.push(cliRun());
  if (po) {
    const each = corpora.map((c) =>
      pofilter(join(work, `${c.lang}.clean.po`), join(work, `${c.lang}.clean.out.po`), c.lang),
    );
    poRuns.push({
      seconds: each.reduce((a, b) => a + b.seconds, 0),
      cpu: each.reduce((a, b) => a + b.cpu, 0),
      mb: Math.max(...each.map((e) => e.mb)),
    });
  }
}
const summary = (xs) => ({
  seconds: median(xs.map((x) => x.seconds)),
  cpu: median(xs.map((x) => x.cpu)),
  mb: Math.max(...xs.map((x) => x.mb)),
  runs: xs.length,
});
if (poRuns.length) timings.pofilter = summary(poRuns);
if (cliRuns.length) {
  const report = JSON.parse(readFileSync(join(cliRun.project, 'report.json'), 'utf8'));
  timings.cli = { ...summary(cliRuns), files: cliRun.files, summary: report.summary };
}
timings.load = loadavg()[0];

// ---------- output ----------

// ---------- the hand review of flagged pairs (bench/qa-real-review/<lang>-<check>.tsv) ----------
// Each error-level finding on a clean pair was read by a reviewer: "real" when the reference really lacks or
// changes what the finding names (a slip of the reference), "false" when it renders it another way. A pair is a
// false alarm when every check that flags it was reviewed false there; pairs flagged since the review are "unread".
const reviewDir = join(root, 'bench', 'qa-real-review');
const reviewed = {};
for (const c of corpora) {
  const verdicts = new Map();
  for (const check of ['names', 'numbers']) {
    const file = join(reviewDir, `${c.lang}-${check}.tsv`);
    if (!existsSync(file)) continue;
    for (const row of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [pair, , verdict] = row.split('\t');
      if (!pair) continue;
      const key = `${pair}\u0000${check}`;
      verdicts.set(key, verdicts.get(key) === 'real' || verdict === 'real' ? 'real' : verdict);
    }
  }
  if (verdicts.size === 0) continue;
  const r = { real: 0, false: 0, unread: 0 };
  for (const [id, u] of c.clean) {
    const checks = [...new Set(u.issues.filter((i) => i.severity === 'error').map((i) => i.check))];
    if (checks.length === 0) continue;
    const v = checks.map((check) => verdicts.get(`${id}\u0000${check}`));
    if (v.includes('real')) r.real++;
    else if (v.every((x) => x === 'false')) r.false++;
    else r.unread++;
  }
  reviewed[c.lang] = {
    ...r,
    falsePct: pct(r.false, c.pairs.length),
    boundPct: pct(r.false + r.unread, c.pairs.length),
  };
}

if (opt.json) {
  console.log(
    JSON.stringify(
      {
        data: dataDir,
        dist,
        spelling: opt.spelling,
        clean,
        reviewed,
        recall,
        excluded,
        examples,
        pofilter: po,
        timings,
      },
      null,
      1,
    ),
  );
  process.exit(0);
}

const out = [];
const say = (s = '') => out.push(s);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

say(`QA checks on real professional translations, data from ${dataDir}`);
say(
  `(${corpora.map((c) => `${c.name} en→${c.lang}`).join(', ')}; spelling ${opt.spelling ? 'on' : 'off'}${opt.set.length ? `; ${opt.set.join(', ')}` : ''}; locflow from ${dist})`,
);
say();
say('1. Clean pairs: % of pairs with ≥1 finding (false alarms, or a real slip in the reference)');
say(`   ${pad('', 18)}${LANGS.map((l) => lpad(l, 13)).join('')}`);
say(`   ${pad('pairs', 18)}${LANGS.map((l) => lpad(clean[l].pairs, 13)).join('')}`);
say(`   ${pad('any error', 18)}${LANGS.map((l) => lpad(f1(clean[l].errorPct), 13)).join('')}`);
say(`   ${pad('any warning', 18)}${LANGS.map((l) => lpad(f1(clean[l].warningPct), 13)).join('')}`);
say(`   per check, error % / warning %:`);
for (const check of [...checkIds].sort()) {
  say(
    `   ${pad(check, 18)}${LANGS.map((l) => lpad(`${f1(clean[l].byCheck[check]?.errorPct ?? 0)} / ${f1(clean[l].byCheck[check]?.warningPct ?? 0)}`, 13)).join('')}`,
  );
}
say(`   (read them: --show <check>[:error|warning] [--lang xx] [--limit N])`);
if (Object.keys(reviewed).length) {
  say(
    `   pairs with an error, by the hand review in bench/qa-real-review (real slips of the reference / false alarms / unread):`,
  );
  say(
    `   ${pad('reviewed', 18)}${LANGS.map((l) => lpad(reviewed[l] ? `${reviewed[l].real}/${reviewed[l].false}/${reviewed[l].unread}` : '–', 13)).join('')}`,
  );
  say(
    `   ${pad('false alarms %', 18)}${LANGS.map((l) => lpad(reviewed[l] ? f1(reviewed[l].falsePct) : '–', 13)).join('')}`,
  );
  say(
    `   ${pad('… with unread', 18)}${LANGS.map((l) => lpad(reviewed[l] ? f1(reviewed[l].boundPct) : '–', 13)).join('')}`,
  );
}
say();
say('2. Injected defects (one seeded copy per pair and type): caught at error level / at error or warning level');
say(`   ${pad('defect', 18)}${LANGS.map((l) => lpad(l, 19)).join('')}${lpad('all', 19)}   caught by (error)`);
for (const type of TYPES) {
  const cell = (r) => (r.n ? `${r.n}: ${f1(r.errorPct)}/${f1(r.anyPct)}` : '0: –');
  const by = Object.entries(recall[type].total.by)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  say(
    `   ${pad(type, 18)}${LANGS.map((l) => lpad(cell(recall[type][l]), 19)).join('')}${lpad(cell(recall[type].total), 19)}   ${by}`,
  );
}
say(
  `   (cells: applicable copies: error %/warning %; the copies' runs have consistency off. Misses: --missed <defect>)`,
);
say(
  `   (left out, the reference already disagreeing with its source at error level in that check: ${TYPES.map((t) => `${t} ${excluded[t]}`).join(', ')})`,
);
if (opt.examples) {
  say();
  say('   Examples (⟦old → new⟧ marks the injected change):');
  for (const type of TYPES) {
    say(`   ${type}:`);
    for (const e of examples[type]) say(`     [${e.lang} ${e.id}${e.caught ? '' : ', missed'}] ${e.target}`);
  }
}
say();
if (po) {
  say(
    `3. pofilter ${spawnSync('pofilter', ['--version'], { encoding: 'utf8' })
      .stdout.trim()
      .replace(/^pofilter /u, '')}, -t ${TESTS.join(' -t ')}`,
  );
  say(
    `   (matching locflow's ${Object.keys(POFILTER_TESTS).join(', ')}; pofilter has no severities: every failure counts)`,
  );
  say(`   ${pad('flagged clean %', 18)}${LANGS.map((l) => lpad(f1(po.clean[l].flaggedPct), 13)).join('')}`);
  for (const t of TESTS.filter((t) => LANGS.some((l) => po.clean[l].byTest[t])))
    say(
      `   ${pad(`  ${t}`, 18)}${LANGS.map((l) => lpad(f1(pct(po.clean[l].byTest[t] ?? 0, po.clean[l].pairs)), 13)).join('')}`,
    );
  say(`   recall per defect, %: ${TYPES.map((t) => `${t} ${f1(po.recall[t].total.errorPct)}`).join(', ')}`);
  say(`   (PO files and pofilter's output in ${work})`);
} else
  say(
    `3. pofilter: ${opt['no-pofilter'] ? 'skipped (--no-pofilter)' : 'not installed (apt-get install translate-toolkit)'}`,
  );
say();

say('## QA on real translations');
say();
say(
  `Data: ${corpora.map((c) => `${c.name} (en→${c.lang}, ${c.pairs.length} pairs)`).join(', ')}, from \`${dataDir.replace(`${resolve(root, '..')}/`, '../')}\`. Spelling ${opt.spelling ? 'on' : 'off'}.`,
);
say();
say(
  `| lang | pairs | locflow: pairs with an error | of them, false alarms on review (unread) | locflow: pairs with a warning | pofilter: pairs flagged |`,
);
say(`|---|---:|---:|---:|---:|---:|`);
for (const l of LANGS) {
  const r = reviewed[l];
  const review = r ? `${f1(r.falsePct)} % (${r.unread} unread)` : '–';
  say(
    `| ${l} | ${clean[l].pairs} | ${f1(clean[l].errorPct)} % | ${review} | ${f1(clean[l].warningPct)} % | ${po ? `${f1(po.clean[l].flaggedPct)} %` : '–'} |`,
  );
}
say();
say(
  `| injected defect | copies (${LANGS.join('/')}) | locflow: caught as error | locflow: error or warning | pofilter: caught |`,
);
say(`|---|---:|---:|---:|---:|`);
for (const t of TYPES) {
  const r = recall[t].total;
  say(
    `| ${t} | ${r.n} (${LANGS.map((l) => recall[t][l].n).join('/')}) | ${f1(r.errorPct)} % | ${f1(r.anyPct)} % | ${po ? `${f1(po.recall[t].total.errorPct)} %` : '–'} |`,
  );
}
say();
const secs = (t) => `${t.seconds.toFixed(2)} s wall, ${Number.isNaN(t.cpu) ? '–' : t.cpu.toFixed(2)} s CPU`;
const ratio = (a, b) => (b > 0 && a > 0 ? `${(b / a).toFixed(2)}×` : '–');
say(
  `| time, the ${timings.pairs} clean pairs (load average ${timings.load.toFixed(1)}) | wall, CPU | pofilter ÷ locflow, wall / CPU |`,
);
say(`|---|---:|---:|`);
const po1 = timings.pofilter;
if (po1)
  say(
    `| pofilter, ${TESTS.length} tests, one run per language (median of ${po1.runs}, process start included; ${po1.mb.toFixed(0)} MB peak) | ${secs(po1)} | |`,
  );
const vsPo = (t) => (po1 ? `${ratio(t.seconds, po1.seconds)} / ${ratio(t.cpu, po1.cpu)}` : '–');
if (timings.cli && !timings.cli.skipped) {
  const c = timings.cli;
  say(
    `| \`locflow check\` CLI, ${c.files} XLIFF files (median of ${c.runs}, alternating with pofilter; process start included; ${c.mb.toFixed(0)} MB peak; ${c.summary.errors} errors, ${c.summary.warnings} warnings, in process ${cleanCounts.errors} and ${cleanCounts.warnings}) | ${secs(c)} | ${vsPo(c)} |`,
  );
} else say(`| \`locflow check\` CLI | ${timings.cli ? `skipped: ${timings.cli.skipped}` : 'skipped (--no-cli)'} | |`);
say(
  `| locflow runChecks in process, first pass (as a run pays it) | ${secs(timings.inProcess.first)} | ${vsPo(timings.inProcess.first)} |`,
);
say(
  `| locflow runChecks in process, later passes (median of 2: memories filled, code optimised) | ${secs(timings.inProcess.warm)} | ${vsPo(timings.inProcess.warm)} |`,
);
say();
say(
  `Time per locflow check alone: ${Object.entries(timings.byCheck)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
    .join(', ')}.`,
);
console.log(out.join('\n'));
