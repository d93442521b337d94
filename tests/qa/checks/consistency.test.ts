import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, toPlainText } from '../../../src/model/content.js';
import { loadChecks } from '../../../src/qa/checks/index.js';
import { runChecks } from '../../../src/qa/runner.js';
import type { QaPair } from '../../../src/qa/types.js';
import { issues, pair } from '../helpers.js';

const units = (rows: Array<[string, string]>): QaPair[] => rows.map(([s, t], i) => pair(s, t, 'es', `u${i + 1}`));

describe('consistency', () => {
  it.each<[string, Array<[string, string]>, Array<[string, string]>]>([
    [
      'one translation per source',
      [
        ['Air strike.', 'Ataque aéreo.'],
        ['Strike.', 'Huelga.'],
      ],
      [],
    ],
    [
      'one source, two translations',
      [
        ['Air strike.', 'Ataque aéreo.'],
        ['Air strike.', 'Bombardeo.'],
      ],
      [['warning', 'the same source has 2 different translations (units u1, u2)']],
    ],
    [
      'one translation for two sources',
      [
        ['Strike.', 'Bombardeo.'],
        ['Bombing.', 'Bombardeo.'],
      ],
      [['info', 'the same translation is used for 2 different sources (units u1, u2)']],
    ],
    [
      'both at once',
      [
        ['Air strike.', 'Ataque aéreo.'],
        ['Air strike.', 'Bombardeo.'],
        ['Strike.', 'Bombardeo.'],
      ],
      [
        ['warning', 'the same source has 2 different translations (units u1, u2)'],
        ['info', 'the same translation is used for 2 different sources (units u2, u3)'],
      ],
    ],
  ])('%s', async (_name, rows, expected) => {
    expect((await issues('consistency', units(rows))).map((i) => [i.severity, i.message])).toEqual(expected);
  });

  it('a group of many units is one finding, naming twenty units and counting the rest', async () => {
    const rows = Array.from({ length: 118 }, (_, i): [string, string] => [`Label number ${i}`, 'TODO']);
    const found = await issues('consistency', units(rows));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^the same translation is used for 118 different sources \(units u1, u2, /u);
    expect(found[0]!.message).toMatch(/, u20 and 98 more\)$/u);
  });
});

/** The check as a list of groups held whole (a group an object with its ids and its other side's texts): the reference. */
function reference(pairs: readonly QaPair[]): Array<[string, string, string]> {
  type Group = { first: number; ids: string[]; count: number; others: Set<string> };
  const sides = [new Map<string, Group>(), new Map<string, Group>()];
  pairs.forEach((p, i) => {
    const texts = [normalizeText(toPlainText(p.source)), normalizeText(toPlainText(p.target))];
    for (const side of [0, 1]) {
      const key = `${p.targetLang}\u0000${texts[side]!}`;
      const g = sides[side]!.get(key) ?? { first: i, ids: [], count: 0, others: new Set<string>() };
      sides[side]!.set(key, g);
      g.count++;
      if (g.ids.length < 20) g.ids.push(p.id);
      g.others.add(texts[1 - side]!);
    }
  });
  const out: Array<[string, string, string]> = [];
  pairs.forEach((p, i) => {
    for (const side of [0, 1])
      for (const g of sides[side]!.values()) {
        if (g.first !== i || g.others.size < 2) continue;
        const units = `units ${g.ids.join(', ')}${g.count > 20 ? ` and ${g.count - 20} more` : ''}`;
        out.push(
          side === 0
            ? [p.id, 'warning', `the same source has ${g.others.size} different translations (${units})`]
            : [p.id, 'info', `the same translation is used for ${g.others.size} different sources (${units})`],
        );
      }
  });
  return out;
}

describe('consistency, against the groups held whole', () => {
  it('finds the same groups, on the same units, with the same words (property)', async () => {
    const checks = await loadChecks(['consistency']);
    const texts = ['Air strike.', 'Air  strike. ', 'Strike.', 'Bombardeo.', 'Huelga.', 'Ataque aéreo.', 'TODO'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            s: fc.integer({ min: 0, max: 4 }),
            t: fc.integer({ min: 2, max: 6 }),
            lang: fc.constantFrom('es', 'fr'),
          }),
          { maxLength: 70 },
        ),
        async (rows) => {
          const pairs = rows.map(({ s, t, lang }, i) => pair(texts[s]!, texts[t]!, lang, `u${i + 1}`));
          const found = (await runChecks(pairs, { checks })).issues.map((i) => [i.unit, i.severity, i.message]);
          expect(found).toEqual(reference(pairs));
        },
      ),
      { numRuns: 300 },
    );
  });
});
