import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pseudoContent } from '../../src/mt/pseudo-text.js';
import { runCheckSlices, runChecks, slicesOf } from '../../src/qa/runner.js';
import type { CollectionCheck, QaPair } from '../../src/qa/types.js';
import type { Content } from '../../src/model/content.js';
import { checkPairSlices, checkPairs } from '../../src/workflow/steps/pseudo-reading.js';

// Pairs whose findings depend on the rest of the run (names and codes the other units keep, the same source
// translated twice, plural variants, pseudo-translations read back, units listed past 20 findings) and on
// each other's order (ids repeated in a file).
const TEXTS: ReadonlyArray<readonly [string, string | string[]]> = [
  [
    'Angela Merkel met Emmanuel Macron in Berlin on 12 March.',
    'Angela Merkel se reunió con Emmanuel Macron en Berlín el 12 de marzo.',
  ],
  ['Merkel said 45 people were injured.', 'Merkel dijo que 45 personas resultaron heridas.'],
  ['Merkel said 45 people were injured.', 'Dijo que 54 personas resultaron heridas.'],
  ['Later Merkel flew to Paris.', 'Más tarde voló a París.'],
  ['The ACE2 receptor binds the virus.', 'El receptor ACE2 se une al virus.'],
  ['The ACE2 receptor binds the virus.', 'El receptor ACE se une al virus.'],
  ['Deutsche Bank lost 3.5 billion euros.', 'Deutsche Bank perdió 3.500 millones de euros.'],
  ['Deutsche Bank lost 3.5 billion euros.', 'El banco perdió 3.500 millones de euros.'],
  ['Visit https://example.com today.', 'Visite https://example.org hoy.'],
  ['Hello world.', ''],
  ['Merkel visited Paris in 2019.', pseudoContent(['Merkel visited Paris in 2019.']) as string[]],
  ['Deutsche Bank lost 3.5 billion euros.', pseudoContent(['Deutsche Bank lost 4.5 billion euros.']) as string[]],
  ['{count, plural, one {# item} other {# items}}', '{count, plural, other {# artículos}}'],
  [
    'We met Kowalski, Nakamura, Okonkwo, Lindqvist, Papadopoulos, Ivanenko, Gutierrez, Fitzgerald, Dubois, ' +
      'Rossetti, Schneider, Yamamoto, Haddad, Oyelaran, Kristiansen, Novak, Horvath, Mendoza, Abernathy, ' +
      'Castellano, Wojcik, Bergstrom, Takahashi, Zielinski and Moreau there.',
    'Nos reunimos con todos ellos allí.',
  ],
  ['the the report was was late.', 'el el informe llegó llegó tarde.'],
];
const VARIANTS = ['%d files|==|plural.one', '%d files|==|plural.other', '/%d new:dict/n:dict/one:dict/:string'];

const pairArb = fc
  .record({
    text: fc.nat(TEXTS.length - 1),
    id: fc.oneof(
      fc.nat(12).map((n) => `u${n}`),
      fc.constantFrom(...VARIANTS),
    ),
    file: fc.constantFrom('a.xlf', 'b.xlf'),
    lang: fc.constantFrom('es', 'es', 'fr'),
  })
  .map(({ text, id, file, lang }): QaPair => {
    const [source, target] = TEXTS[text]!;
    return {
      id,
      source: [source],
      target: typeof target === 'string' ? (target ? [target] : []) : target,
      sourceLang: 'en',
      targetLang: lang,
      file,
    };
  });

/** The pairs again, as a file read twice gives them: equal pairs, other objects. */
const again = (pairs: readonly QaPair[]): QaPair[] => pairs.map((p) => structuredClone(p));

describe('a run checked in slices', () => {
  it('reports what the run checked at once reports, in the same order, whatever the slices', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pairArb, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), async (pairs, size) => {
        const whole = await checkPairs(pairs, {});
        const sliced = await checkPairSlices(() => slicesOf(again(pairs), size), {});
        expect(sliced).toEqual(whole);
        // Without the pseudo-reading step, the runner alone.
        const direct = await runChecks(pairs, {});
        expect(await runCheckSlices(() => slicesOf(again(pairs), size), {})).toEqual(direct);
      }),
      { numRuns: 40 },
    );
    // (160 full runs of every check: about 20 s of CPU, which a machine shared by many gives slowly)
  }, 180_000);

  it('asks for the slices twice and holds none of them: each pass gets its own pairs', async () => {
    const pairs = Array.from({ length: 30 }, (_, i) => ({ ...TEXTS_PAIR(i % TEXTS.length), id: `u${i}` }));
    let passes = 0;
    const result = await runCheckSlices(() => {
      passes++;
      return slicesOf(again(pairs), 4);
    }, {});
    expect(passes).toBe(2);
    expect(result).toEqual(await runChecks(pairs, {}));
    // A run learns names the other units keep: a unit lacking one is told so only from the whole run.
    expect(result.issues.some((i) => i.check === 'names')).toBe(true);
    expect(result.issues.some((i) => i.message.startsWith('…and'))).toBe(true);
  });
});

describe('a run read in slices that fails', () => {
  it('lets a check go of what it holds (its files) whichever pass fails', async () => {
    const stopped: string[] = [];
    const holding: CollectionCheck = {
      id: 'holding',
      severity: 'warning',
      preconditions: [],
      description: 'a check that holds something outside memory while it learns a run',
      runAll: () => [],
      start: () => ({ learn: () => undefined, check: () => [], stop: () => void stopped.push('stopped') }),
    };
    const failing = (pass: number) => {
      let passes = 0;
      return function* (): Generator<QaPair[]> {
        yield [TEXTS_PAIR(0)];
        if (++passes === pass) throw new Error(`pass ${pass} failed`);
      };
    };
    for (const pass of [1, 2]) {
      stopped.length = 0;
      await expect(runCheckSlices(failing(pass), { checks: [holding] })).rejects.toThrow(`pass ${pass} failed`);
      expect(stopped).toEqual(['stopped']);
      stopped.length = 0;
      await expect(checkPairSlices(failing(pass), { checks: [holding] })).rejects.toThrow(`pass ${pass} failed`);
      expect(stopped).toEqual(['stopped']);
    }
  });
});

describe('a run whose pairs change between the passes (a file written while it is checked)', () => {
  it('is refused, not checked against what it learnt of other pairs', async () => {
    const counts = (first: number, second: number) => {
      let passes = 0;
      return (): Array<readonly QaPair[]> => {
        const n = passes++ === 0 ? first : second;
        return [Array.from({ length: n }, (_, i) => ({ ...TEXTS_PAIR(i % TEXTS.length), id: `u${i}` }))];
      };
    };
    for (const [first, second] of [
      [3, 2],
      [2, 3],
      [2, 0],
    ] as const) {
      await expect(runCheckSlices(counts(first, second), {})).rejects.toThrow(/changed while they were being checked/u);
      await expect(checkPairSlices(counts(first, second), {})).rejects.toThrow(/changed while/u);
    }
    expect((await runCheckSlices(counts(2, 2), {})).issues).toEqual((await runCheckSlices(counts(2, 2), {})).issues);
  });

  it('is refused when a pair read as a pseudo-translation the first time is not one the second time', async () => {
    const pseudo = pseudoContent(['The talks lasted 3 hours.']);
    const real = ['Las conversaciones duraron 3 horas.'];
    const flipping = (first: Content, second: Content) => {
      let passes = 0;
      return (): Array<readonly QaPair[]> => [[{ ...TEXTS_PAIR(0), target: passes++ === 0 ? first : second }]];
    };
    await expect(checkPairSlices(flipping(pseudo, real), {})).rejects.toThrow(/changed while/u);
    await expect(checkPairSlices(flipping(pseudo, pseudo), {})).resolves.toBeDefined();
  });
});

function TEXTS_PAIR(i: number): QaPair {
  const [source, target] = TEXTS[i]!;
  return {
    id: 'u',
    source: [source],
    target: typeof target === 'string' ? (target ? [target] : []) : target,
    sourceLang: 'en',
    targetLang: 'es',
    file: 'a.xlf',
  };
}
