// npm run bench:qa — accuracy of locflow's QA on the labelled corpus beside Translate Toolkit's pofilter,
// and the speed of `locflow check` against pofilter on the same XLIFF. Figures, not tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locflowAccuracy, score } from './qa-accuracy.mjs';
import { measure } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.cache', 'bench-qa');
const { writeXliff } = await import(join(root, 'dist/xliff/write.js'));
const { loadGlossary } = await import(join(root, 'dist/qa/glossary.js'));
const corpus = JSON.parse(readFileSync(join(root, 'tests/fixtures/qa/corpus.json'), 'utf8'));
const glossary = loadGlossary(join(root, 'tests/fixtures/qa/glossary.csv'), 'en');
const LANGS = ['es', 'fr', 'de', 'ar'];
// pofilter's checks for the defects in the corpus: numbers, names (notranslatewords), tags, placeholders…
const FILTERS = [
  'numbers',
  'notranslatewords',
  'xmltags',
  'variables',
  'printf',
  'pythonbraceformat',
  'urls',
  'emails',
  'blank',
  'untranslated',
  'acronyms',
];

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
writeFileSync(
  join(work, 'names.txt'),
  glossary.entries
    .filter((e) => e.isName)
    .map((e) => e.source)
    .join('\n') + '\n',
);

function xliffFor(lang, pairs, copies = 1) {
  const units = [];
  for (let c = 0; c < copies; c++) {
    for (const p of pairs)
      units.push({ id: c ? `${p.id}~${c}` : p.id, source: p.source, target: p.target, state: 'final', notes: [] });
  }
  return writeXliff({ version: '1.2', sourceLang: 'en', targetLang: lang, files: [{ original: 'corpus', units }] });
}

const hasPofilter = spawnSync('pofilter', ['--version'], { encoding: 'utf8' }).status === 0;
const ours = await locflowAccuracy();
let theirs = null;
if (hasPofilter) {
  const flagged = new Set();
  for (const lang of LANGS) {
    const file = join(work, `${lang}.xlf`);
    writeFileSync(
      file,
      xliffFor(
        lang,
        corpus.pairs.filter((p) => p.lang === lang),
      ),
    );
    const out = join(work, `${lang}.out.xlf`);
    const r = spawnSync(
      'pofilter',
      [...FILTERS.flatMap((f) => ['-t', f]), '--notranslatefile', join(work, 'names.txt'), file, out],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    if (!existsSync(out)) continue;
    for (const m of readFileSync(out, 'utf8').matchAll(/<(?:[\w-]+:)?trans-unit[^>]*\bid="([^"]+)"/gu))
      flagged.add(`${lang}\u0000${m[1]}`);
  }
  theirs = score(corpus.pairs, (p) => flagged.has(`${p.lang}\u0000${p.id}`), NaN);
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;
console.log(`QA accuracy on ${ours.clean} clean pairs and ${ours.defects} injected defects (en→es/fr/de/ar):`);
console.log(
  `  locflow check : recall ${pct(ours.recall)} (${ours.caught}/${ours.defects}), false alarms ${pct(ours.falseAlarms)} (${ours.alarms}/${ours.clean})   [goal ≥ 99 %, ≤ 1 %]`,
);
if (theirs)
  console.log(
    `  pofilter      : recall ${pct(theirs.recall)} (${theirs.caught}/${theirs.defects}), false alarms ${pct(theirs.falseAlarms)} (${theirs.alarms}/${theirs.clean})   (-t ${FILTERS.join(' -t ')})`,
  );
else console.log('  pofilter      : not installed (apt-get install translate-toolkit)');
console.log('  recall by defect:');
for (const [kind, v] of Object.entries(ours.byKind)) {
  const t = theirs?.byKind[kind];
  console.log(`    ${kind.padEnd(15)} locflow ${v.caught}/${v.total}${t ? `   pofilter ${t.caught}/${t.total}` : ''}`);
}

// Speed: one XLIFF through both tools — the clean Spanish pairs repeated to 10,000 units, a file as it is before publication.
const esPairs = corpus.pairs.filter((p) => p.lang === 'es' && !p.defect);
const copies = Math.ceil(10_000 / esPairs.length);
const big = join(work, 'project');
mkdirSync(join(big, 'source'), { recursive: true });
writeFileSync(join(big, 'source', 'corpus.txt'), 'Corpus\n');
writeFileSync(
  join(big, 'locflow.config.json'),
  JSON.stringify({ targetLanguages: ['es'], sources: ['source/corpus.txt'], qa: { glossary: 'glossary.csv' } }),
);
writeFileSync(join(big, 'glossary.csv'), readFileSync(join(root, 'tests/fixtures/qa/glossary.csv')));
writeFileSync(join(big, 'big.xlf'), xliffFor('es', esPairs, copies));
const units = esPairs.length * copies;
const cli = join(root, 'dist', 'cli', 'index.js');
const check = (() => {
  try {
    return measure(process.execPath, [cli, 'check', '--format', 'json', '-o', 'report.json', 'big.xlf'], {
      cwd: big,
      runs: 3,
    });
  } catch {
    // check exits 1 when it finds errors, as it must here
    return measure('sh', ['-c', `node ${cli} check --format json -o report.json big.xlf; test $? -le 1`], {
      cwd: big,
      runs: 3,
    });
  }
})();
console.log(`\ncheck speed, ${units} units of XLIFF 1.2:`);
console.log(
  `  locflow check : ${check.seconds.toFixed(2)} s, ${check.mb.toFixed(0)} MB peak (all ${15} checks, spelling included)`,
);
if (hasPofilter) {
  const po = measure(
    'pofilter',
    [...FILTERS.flatMap((f) => ['-t', f]), '--notranslatefile', join(work, 'names.txt'), 'big.xlf', 'po.out.xlf'],
    { cwd: big, runs: 1 },
  );
  const poAll = measure('pofilter', ['big.xlf', 'po-all.out.xlf'], { cwd: big, runs: 1 });
  console.log(
    `  pofilter      : ${po.seconds.toFixed(2)} s with the ${FILTERS.length} filters above, ${poAll.seconds.toFixed(2)} s with its default set`,
  );
  console.log(
    `  speed-up      : ${(po.seconds / check.seconds).toFixed(1)}× / ${(poAll.seconds / check.seconds).toFixed(1)}×   [goal ≥ 10×]`,
  );
}
