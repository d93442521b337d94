import { describe, expect, it } from 'vitest';
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
