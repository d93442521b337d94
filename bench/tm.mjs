// npm run bench:tm — 10,000 look-ups (exact and fuzzy) against a 100,000-entry translation memory,
// beside Translate Toolkit's matcher on the same data when it is installed. Figures, not tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.cache', 'bench-tm');
const ENTRIES = Number(process.env.TM_ENTRIES ?? 100_000);
const LOOKUPS = Number(process.env.TM_LOOKUPS ?? 10_000);

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const rand = rng(11);

// Text with the statistics of real prose: a 30,000-word vocabulary of made-up words drawn with a Zipf law
// (exponent 1.07, as in English), sentences of 8–40 tokens with numbers and commas. The index's cost depends on
// these statistics, not on the words themselves, and the data needs no download.
const SYLLABLES = [
  'ka',
  'lo',
  'ter',
  'min',
  'as',
  'ro',
  'ven',
  'di',
  'sul',
  'pe',
  'tra',
  'on',
  'ex',
  'mar',
  'bi',
  'cu',
  'no',
  'gra',
  'hel',
  'fi',
  'st',
  'qua',
  'ze',
  'wo',
  'ly',
  'im',
  'port',
  'tion',
  'al',
  'ed',
];
const VOCAB = Array.from({ length: 30_000 }, (_, i) => {
  let w = '';
  let x = i + 7;
  do {
    w += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  } while (x > 0);
  return w;
});
const weights = VOCAB.map((_, r) => 1 / Math.pow(r + 1, 1.07));
const cumulative = [];
weights.reduce((acc, w, i) => (cumulative[i] = acc + w), 0);
const total = cumulative[cumulative.length - 1];
const zipfWord = () => {
  const x = rand() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo];
};
const sentence = () => {
  const n = 8 + Math.floor(rand() * 32);
  const words = [];
  for (let i = 0; i < n; i++) words.push(rand() < 0.06 ? String(Math.floor(rand() * 2000)) : zipfWord());
  if (n > 12) words[Math.floor(n / 2)] += ',';
  return words[0].charAt(0).toUpperCase() + words.slice(0).join(' ').slice(1) + '.';
};
const edit = (s) => {
  const w = s.split(' ');
  const i = Math.floor(rand() * w.length);
  w[i] = /\d/.test(w[i]) ? String(Number.parseInt(w[i], 10) + 1) : zipfWord();
  return w.join(' ');
};
const translateish = (s) => `ES ${s.split(' ').reverse().join(' ')}`;

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const { TranslationMemory } = await import(join(root, 'dist/tm/memory.js'));
const entries = Array.from({ length: ENTRIES }, () => {
  const source = sentence();
  return { sourceLang: 'en', targetLang: 'es', source, target: translateish(source) };
});
let t = performance.now();
const tm = new TranslationMemory(join(work, 'tm.db'));
tm.add(entries);
const build = (performance.now() - t) / 1000;

// Look-ups: a third exact, a third edited (a number or a word changed), a third new.
const queries = Array.from({ length: LOOKUPS }, (_, i) => {
  const e = entries[Math.floor(rand() * entries.length)].source;
  if (i % 3 === 0) return e;
  if (i % 3 === 1) return edit(e);
  return sentence();
});
t = performance.now();
let exact = 0;
let fuzzy = 0;
for (const q of queries) {
  if (tm.exact(q, 'en', 'es').length) exact++;
  else if (tm.fuzzy(q, 'en', 'es', 75, 3).length) fuzzy++;
}
const lookups = (performance.now() - t) / 1000;
tm.close();
console.log(`translation memory: ${ENTRIES} entries stored in ${build.toFixed(2)} s`);
console.log(
  `  locflow: ${LOOKUPS} look-ups in ${lookups.toFixed(2)} s (${((lookups / LOOKUPS) * 1000).toFixed(2)} ms each): ${exact} exact, ${fuzzy} fuzzy ≥ 75 %   [goal ≤ 10 s]`,
);

// Translate Toolkit: pot2po --tm over the same memory (as a PO file). Its matcher compares each query with
// every entry, so only a sample of the queries is run and the time is scaled to all of them.
const TT_QUERIES = Number(process.env.TT_QUERIES ?? 50);
if (spawnSync('pot2po', ['--version'], { encoding: 'utf8' }).status === 0) {
  const esc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n';
  writeFileSync(
    join(work, 'memory.po'),
    header + entries.map((e, i) => `msgctxt "${i}"\nmsgid "${esc(e.source)}"\nmsgstr "${esc(e.target)}"\n`).join('\n'),
  );
  writeFileSync(
    join(work, 'queries.pot'),
    header +
      queries
        .slice(0, TT_QUERIES)
        .map((q, i) => `msgctxt "q${i}"\nmsgid "${esc(q)}"\nmsgstr ""\n`)
        .join('\n'),
  );
  writeFileSync(join(work, 'empty.po'), header);
  t = performance.now();
  const p = spawnSync(
    'pot2po',
    [
      '--tm',
      join(work, 'memory.po'),
      '-s',
      '75',
      '-t',
      join(work, 'empty.po'),
      join(work, 'queries.pot'),
      join(work, 'out.po'),
    ],
    { encoding: 'utf8', timeout: 1_800_000 },
  );
  const ttSeconds = (performance.now() - t) / 1000;
  if (p.status === 0 && existsSync(join(work, 'out.po'))) {
    const lev = spawnSync('/usr/bin/python3', ['-c', 'import Levenshtein'], { encoding: 'utf8' }).status === 0;
    console.log(
      `  Translate Toolkit pot2po --tm: ${TT_QUERIES} look-ups in ${ttSeconds.toFixed(1)} s (${(ttSeconds / TT_QUERIES).toFixed(2)} s each, memory loading included; ≈ ${(((ttSeconds / TT_QUERIES) * LOOKUPS) / 60).toFixed(0)} min for ${LOOKUPS})${lev ? '' : ' — without python3-levenshtein, which makes it ~50× slower'}`,
    );
  } else console.log(`  Translate Toolkit pot2po: failed (${(p.stderr || '').trim().split('\n').pop()})`);
} else console.log('  Translate Toolkit: not installed (apt-get install translate-toolkit python3-levenshtein)');
