import { describe, expect, it } from 'vitest';
import { keptInRun, type RunUnit } from '../../../src/qa/names/kept.js';

// Three units keep "Union" as written; the asker is a fourth unit with the name.
const keeping: RunUnit[] = [1, 2, 3].map((i) => ({
  source: `The Union met in room ${i}.`,
  target: `La Union se reunió en la sala ${i}.`,
  targetLang: 'es',
}));
const asker = 'The Union voted on Monday.';
// Units with the word in lower case whose targets keep it, and others whose targets translate it.
const lowerKept = (n: number): RunUnit[] =>
  Array.from({ length: n }, (_, i) => ({
    source: `a union of ${i} farms`,
    target: `una union de ${i} granjas`,
    targetLang: 'es',
  }));
const lowerTranslated = (n: number): RunUnit[] =>
  Array.from({ length: n }, (_, i) => ({
    source: `the union of ${i} towns`,
    target: `el sindicato de ${i} pueblos`,
    targetLang: 'es',
  }));
// Sources with the letters but not the word ("reunion"), or split between two units ("… uni" + "on …"), whose targets
// have "union": never in the lower-case sample.
const lookalikes: RunUnit[] = [
  { source: 'a family reunion', target: 'una union familiar', targetLang: 'es' },
  { source: 'the word uni', target: 'union', targetLang: 'es' },
  { source: 'on the way', target: 'union', targetLang: 'es' },
];

describe('keptInRun: the lower-case sample of a name kept elsewhere', () => {
  it('reads the first units with the word in lower case, in run order: kept there, it is a word of the language', () => {
    const units = [...keeping, ...lookalikes, ...lowerKept(30), ...lookalikes, ...lowerTranslated(40)];
    expect(keptInRun(units)('Union', asker, 'es')).toEqual({ withName: 3, keeping: 0 });
  });

  it('and translated there, the name stays kept by the others', () => {
    const units = [...keeping, ...lookalikes, ...lowerTranslated(30), ...lookalikes, ...lowerKept(40)];
    expect(keptInRun(units)('Union', asker, 'es')).toEqual({ withName: 3, keeping: 3 });
  });

  it('counts only units of the language asked about', () => {
    const french = lowerKept(30).map((u) => ({ ...u, targetLang: 'fr' }));
    // (a unit with the word twice is one unit)
    const twice: RunUnit = { source: 'a union and a union', target: 'una union y una union', targetLang: 'es' };
    const units = [...keeping, ...french, ...lookalikes, ...lowerTranslated(20), twice, ...lowerKept(8)];
    // 20 translated then 9 kept, of the Spanish units: 9 × 3 < 29.
    expect(keptInRun(units)('Union', asker, 'es')).toEqual({ withName: 3, keeping: 3 });
    const more = [...keeping, ...french, ...lookalikes, ...lowerTranslated(20), ...lowerKept(10)];
    // 10 × 3 ≥ 30.
    expect(keptInRun(more)('Union', asker, 'es')).toEqual({ withName: 3, keeping: 0 });
  });
});
