import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/model/index.js';
import { openStore } from '../../src/tm/open.js';
import type { TranslationMemory } from '../../src/tm/memory.js';
import { contextOf } from '../../src/project/memory.js';
import { gate } from '../../src/workflow/steps/gate.js';
import { leverage } from '../../src/workflow/steps/leverage.js';

const pair = (file: string, id: string, source: string, target: string) => ({
  id,
  source: [source],
  target: [target],
  sourceLang: 'en',
  targetLang: 'es',
  file,
});

describe('the QA gate', () => {
  it('gives the pairs an error-level check fails, with "check: message" reasons, and passes the others', async () => {
    const good = pair('a.txt', 'u1', 'Three soldiers, 12 tanks.', 'Tres soldados, 12 tanques.');
    const badNumber = pair('a.txt', 'u2', 'He paid 45 dollars.', 'Pagó 54 dólares.');
    const empty = pair('a.txt', 'u3', 'Hello there.', '');
    const failing = await gate([good, badNumber, empty], {});
    expect(failing.has(good)).toBe(false);
    expect(failing.get(badNumber)?.some((p) => p.startsWith('numbers: '))).toBe(true);
    expect(failing.get(empty)?.some((p) => p.startsWith('empty: '))).toBe(true);
    expect([...failing.keys()]).toEqual([badNumber, empty]);
  });

  it('runs only error-level checks: a warning (a doubled space) lets the pair pass', async () => {
    const spaced = pair('a.txt', 'u1', 'The end.', 'El  fin.');
    expect((await gate([spaced], {})).size).toBe(0);
    // The same pair fails once the whitespace check is raised to error level.
    const raised = await gate([spaced], { severities: { whitespace: 'error' } });
    expect(raised.get(spaced)?.[0]).toMatch(/^whitespace: /u);
  });

  it('matches findings by file and unit: the same unit id in two documents is two pairs', async () => {
    const inA = pair('a.txt', 'p1', 'He paid 45 dollars.', 'Pagó 45 dólares.');
    const inB = pair('b.txt', 'p1', 'He paid 45 dollars.', 'Pagó 46 dólares.');
    const failing = await gate([inA, inB], {});
    expect(failing.has(inA)).toBe(false);
    expect(failing.has(inB)).toBe(true);
  });

  it('honours the project settings it is given (a check turned off does not gate)', async () => {
    const badNumber = pair('a.txt', 'u2', 'He paid 45 dollars.', 'Pagó 54 dólares.');
    expect((await gate([badNumber], { severities: { numbers: 'off' } })).size).toBe(0);
  });
});

describe('exact translation-memory leverage', () => {
  let memory: TranslationMemory | null = null;
  afterEach(async () => {
    await memory?.close();
    memory = null;
  });

  const unit = (id: string, text: string, previous?: string, next?: string): Unit => ({
    id,
    source: [text],
    context: { role: 'paragraph', block: 1, sentence: 1, ...(previous ? { previous } : {}), ...(next ? { next } : {}) },
    notes: [],
  });

  it('fills an in-context match as translated, an exact one from elsewhere as needs-review, nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locflow-leverage-'));
    memory = await openStore({ store: 'sqlite', path: join(dir, 'tm.db'), shown: 'tm.db' }, true);
    const here = unit('a', 'The convoy left at dawn.', 'Before.', 'After.');
    const elsewhere = unit('b', 'The convoy left at dawn.', 'Other.', 'Text.');
    const spacing = unit('c', 'The  convoy  left  at  dawn.');
    const unknown = unit('d', 'Nobody translated this.');
    await memory!.add([
      {
        sourceLang: 'en',
        targetLang: 'es',
        source: 'The convoy left at dawn.',
        target: 'El convoy partió al amanecer.',
        context: contextOf(here),
        origin: 'human',
      },
    ]);
    const found = await leverage(memory!, [here, elsewhere, spacing, unknown], 'en', 'es');
    expect(found).toEqual([
      { target: 'El convoy partió al amanecer.', state: 'translated', inContext: true },
      { target: 'El convoy partió al amanecer.', state: 'needs-review', inContext: false },
      // A match that differs in whitespace scores 99: not exact, left to the fuzzy matches.
      undefined,
      undefined,
    ]);
    // Another language pair has no match.
    expect(await leverage(memory!, [here], 'en', 'fr')).toEqual([undefined]);
    // A project without a memory leaves every unit to the engine.
    expect(await leverage(null, [here, unknown], 'en', 'es')).toEqual([undefined, undefined]);
  });
});
