import { describe, expect, it, vi } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { translate } from '../src/workflow/translate.js';
import { BatchStarter } from '../src/workflow/steps/engine-start.js';
import type { Engine, EngineBatch } from '../src/mt/types.js';
import type { ApprovedPair } from '../src/qa/names/learnt.js';
import { readyGate } from '../src/workflow/steps/gate.js';
import { tempProject } from './helpers.js';

// What happens when, in order: the engine asked, the gate made ready (done), the batch's sources read ahead (done),
// the engine's answer, a gate run.
const events: string[] = [];
/** The sources read ahead, in all. */
let readAhead = 0;
let ready: () => void = () => undefined;
const gateReady = (): Promise<void> => new Promise<void>((resolve) => (ready = resolve));

vi.mock('../src/workflow/steps/gate.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/workflow/steps/gate.js')>();
  return {
    ...original,
    readyGate: async (...args: Parameters<typeof original.readyGate>) => {
      await original.readyGate(...args);
      events.push('ready');
    },
    readAhead: async (...args: Parameters<typeof original.readAhead>) => {
      await original.readAhead(...args);
      events.push('ahead');
      readAhead += args[0].length;
      ready();
    },
    gate: (...args: Parameters<typeof original.gate>) => {
      events.push('gate');
      return original.gate(...args);
    },
  };
});

/**
 * The engine's answer (the segments as they came) once the gate is ready, or after 20 s when it never is (a loaded
 * machine may take seconds to load the checks).
 */
function answer(segments: readonly string[], isReady: Promise<void>): Promise<string[]> {
  return Promise.race([isReady, new Promise((r) => setTimeout(r, 20_000))]).then(() => {
    events.push('answer');
    return [...segments];
  });
}

describe('the QA gate made ready while the engine works, not after its answer', () => {
  it('an engine given whole batches: ready during the first one, once a language, before any gate run', async () => {
    events.length = 0;
    readAhead = 0;
    const project = await loadProject(tempProject());
    let calls = 0;
    const engine: Engine = {
      name: 'fake',
      translate(segments) {
        events.push('asked');
        return answer(segments, calls++ === 0 ? gateReady() : Promise.resolve());
      },
    };
    const results = await translate(project, {
      engine: 'fake',
      langs: ['es'],
      batchSize: 2,
      started: { langs: ['es'], engine, starter: undefined },
    });
    const translated = results.reduce((n, r) => n + r.translated, 0);
    expect(translated).toBeGreaterThan(4);
    expect(events.slice(0, 5)).toEqual(['asked', 'ready', 'ahead', 'answer', 'gate']);
    expect(events.filter((e) => e === 'ready')).toHaveLength(1);
    expect(events.filter((e) => e === 'gate').length).toBeGreaterThan(2);
    // Each batch's sources, while the engine translates it.
    expect(events.filter((e) => e === 'ahead')).toHaveLength(events.filter((e) => e === 'gate').length);
    expect(readAhead).toBe(translated);
  });

  it('an engine that takes a batch while it is filled (Apertium): ready before its answer is read', async () => {
    events.length = 0;
    readAhead = 0;
    const project = await loadProject(tempProject());
    const engine: Engine = {
      name: 'fake',
      translate: () => Promise.reject(new Error('not used')),
      async begin(): Promise<EngineBatch> {
        const segments: string[] = [];
        const isReady = gateReady();
        return {
          add: (more) => segments.push(...more),
          end: () => {
            events.push('asked');
            return answer(segments, isReady);
          },
          cancel: () => undefined,
        };
      },
    };
    const starter = BatchStarter.of(engine, 'en', 'es');
    const results = await translate(project, {
      engine: 'fake',
      langs: ['es'],
      started: { langs: ['es'], engine, starter },
    });
    const translated = results.reduce((n, r) => n + r.translated, 0);
    expect(translated).toBeGreaterThan(4);
    expect(events).toEqual(['asked', 'ready', 'ahead', 'answer', 'gate']);
    expect(readAhead).toBe(translated);
  });

  it("makes no index of the project's approved translations: the real gate run makes its own", async () => {
    let read = 0;
    const approved = new (class extends Array<ApprovedPair> {
      override [Symbol.iterator](): ArrayIterator<ApprovedPair> {
        read++;
        return super[Symbol.iterator]();
      }
    })();
    approved.push({ source: 'The Danube flows.', target: 'El Danubio fluye.', targetLang: 'es' });
    const pair = { id: 'u1', source: ['Budapest lies on the Danube.'], target: ['Budapest lies on the Danube.'] };
    await readyGate({ ...pair, sourceLang: 'en', targetLang: 'es', file: 'a.txt' }, { approved });
    expect(read).toBe(0);
  });
});
