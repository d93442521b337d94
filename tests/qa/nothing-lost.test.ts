import { describe, expect, it } from 'vitest';
import { loadChecks } from '../../src/qa/checks/index.js';
import { nothingLost } from '../../src/qa/names/nothing-lost.js';
import { runChecks } from '../../src/qa/runner.js';
import { pair } from './helpers.js';

/** The names findings of each unit of one text (units in order), by unit id. */
async function findings(units: ReadonlyArray<readonly [string, string]>, lang: string): Promise<Map<string, string[]>> {
  const { issues } = await runChecks(
    units.map(([s, t], i) => pair(s, t, lang, `u${i}`)),
    { checks: await loadChecks(['names']) },
  );
  const by = new Map<string, string[]>();
  for (const i of issues) by.set(i.unit, [...(by.get(i.unit) ?? []), `${i.severity}: ${i.message}`]);
  return by;
}

describe('nothingLost: a unit the names check can have nothing to say on', () => {
  it('takes a unit without names, or whose names all stand in the target as written', () => {
    expect(nothingLost('the weather was fine all week.', 'il a fait beau toute la semaine.', 'en', 'fr', false)).toBe(
      true,
    );
    expect(
      nothingLost(
        'Talks between Petrova and the Zellweger Group ended in Tallinn.',
        'Las conversaciones entre Petrova y el Zellweger Group terminaron en Tallinn.',
        'en',
        'es',
        false,
      ),
    ).toBe(true);
    // (as many times as the source writes it)
    expect(
      nothingLost(
        'Okonkwo spoke first, and Okonkwo spoke last.',
        'Okonkwo habló primero, y Okonkwo habló al final.',
        'en',
        'es',
        false,
      ),
    ).toBe(true);
  });

  it('leaves to the check a name lost, translated or respelled, or written fewer times', () => {
    expect(nothingLost('Petrova met Brandt in Oslo.', 'Petrova se reunió con él en Oslo.', 'en', 'es', false)).toBe(
      false,
    );
    expect(nothingLost('The White House said no.', 'La Casa Blanca dijo que no.', 'en', 'es', false)).toBe(false);
    expect(nothingLost('Hamas fired rockets.', 'Hamás disparó cohetes.', 'en', 'es', false)).toBe(false);
    expect(
      nothingLost(
        'Okonkwo spoke first, and Okonkwo spoke last.',
        'Okonkwo habló primero y al final.',
        'en',
        'es',
        false,
      ),
    ).toBe(false);
  });

  it('counts a mention inside a longer name: "Varnier" of "Odile Varnier", then alone', () => {
    const source = 'The mayor Odile Varnier thanked them - Varnier praised them.';
    expect(nothingLost(source, 'La alcaldesa Odile Varnier les dio las gracias. los elogió.', 'en', 'es', false)).toBe(
      false,
    );
    expect(
      nothingLost(source, 'La alcaldesa Odile Varnier les dio las gracias; Varnier los elogió.', 'en', 'es', false),
    ).toBe(true);
  });

  it('leaves to the check a target with a name word misspelt by a swap beside it kept', () => {
    expect(
      nothingLost(
        'Tymoshenko and Tymoshenko allies met.',
        'Tymoshenko y los aliados de Tymoshneko se reunieron. Tymoshenko',
        'en',
        'es',
        false,
      ),
    ).toBe(false);
  });

  it('leaves to the check glossary names, web addresses and a text long enough to skip respellings', () => {
    const kept = ['Petrova left Oslo.', 'Petrova salió de Oslo.'] as const;
    expect(nothingLost(kept[0], kept[1], 'en', 'es', false)).toBe(true);
    expect(nothingLost(kept[0], kept[1], 'en', 'es', true)).toBe(false);
    expect(
      nothingLost(`${kept[0]} See www.petrova.example`, `${kept[1]} Ver www.petrova.example`, 'en', 'es', false),
    ).toBe(false);
    const long = Array.from({ length: 3100 }, (_, i) => `w${i.toString(36)}`).join(' ');
    expect(nothingLost('nothing here at all.', long, 'en', 'es', false)).toBe(false);
  });

  it('says nothing is lost only where the check finds nothing, among units it does flag', async () => {
    const units = [
      [
        'Mayor Halvorsen opened the Kestrava Bridge on Friday.',
        'El alcalde Halvorsen inauguró el viernes el puente Kestrava Bridge.',
      ],
      ['Halvorsen said the Kestrava Bridge cost less.', 'Halvorsen dijo que el puente costó menos.'],
      ['Critics in Dunmore disagreed with Halvorsen.', 'Los críticos de Dunmore no estaban de acuerdo con Halvorsen.'],
      ['Halvorsen and Ingrid Sandvik spoke.', 'Halvorsen e Ingrid Sandvki hablaron. Ingrid Sandvik'],
      ['the river was calm.', 'el río estaba en calma.'],
      ['Sandvik thanked Halvorsen, and Halvorsen smiled.', 'Sandvik agradeció a Halvorsen, y él sonrió.'],
    ] as const;
    const found = await findings(units, 'es');
    const taken = units.map(([s, t]) => nothingLost(s, t, 'en', 'es', false));
    expect(taken).toEqual([true, false, true, false, true, false]);
    // (the check has findings where the test declined: a name lost, a slip, a mention lost)
    units.forEach((_, i) => {
      if (taken[i]) expect(found.get(`u${i}`) ?? []).toEqual([]);
    });
    expect(found.get('u3')?.some((f) => f.includes('misspelt'))).toBe(true);
  });
});
