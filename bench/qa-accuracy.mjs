// Recall and false alarms of locflow's QA on the labelled corpus in tests/fixtures/qa/.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function locflowAccuracy() {
  const { runChecks } = await import(join(root, 'dist/qa/runner.js'));
  const { loadGlossary } = await import(join(root, 'dist/qa/glossary.js'));
  const corpus = JSON.parse(readFileSync(join(root, 'tests/fixtures/qa/corpus.json'), 'utf8'));
  const glossary = loadGlossary(join(root, 'tests/fixtures/qa/glossary.csv'), 'en');
  const pairs = corpus.pairs.map((p) => ({
    id: p.id,
    source: p.source,
    target: p.target,
    sourceLang: 'en',
    targetLang: p.lang,
    file: 'corpus',
  }));
  const started = performance.now();
  const { issues } = await runChecks(pairs, { glossary });
  const ms = performance.now() - started;
  const flagged = new Set(issues.filter((i) => i.severity === 'error').map((i) => `${i.lang}\u0000${i.unit}`));
  return score(corpus.pairs, (p) => flagged.has(`${p.lang}\u0000${p.id}`), ms);
}

export function score(pairs, isFlagged, ms) {
  const clean = pairs.filter((p) => !p.defect);
  const broken = pairs.filter((p) => p.defect);
  const caught = broken.filter(isFlagged);
  const alarms = clean.filter(isFlagged);
  const byKind = {};
  for (const p of broken) {
    byKind[p.defect] ??= { total: 0, caught: 0 };
    byKind[p.defect].total++;
    if (isFlagged(p)) byKind[p.defect].caught++;
  }
  return {
    recall: caught.length / broken.length,
    falseAlarms: alarms.length / clean.length,
    caught: caught.length,
    defects: broken.length,
    alarms: alarms.length,
    clean: clean.length,
    byKind,
    missed: broken.filter((p) => !isFlagged(p)).map((p) => p.id),
    alarmed: alarms.map((p) => p.id),
    ms,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await locflowAccuracy();
  console.log(JSON.stringify({ ...r, missed: r.missed.slice(0, 40), alarmed: r.alarmed.slice(0, 40) }, null, 1));
}
