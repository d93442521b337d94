import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { bundlePath } from '../src/project/paths.js';
import { metaPathOf } from '../src/store/bundle.js';
import { LOCK_FILE } from '../src/io/lock.js';
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
/** Awaited by each gate run before it runs. */
let beforeGate: () => Promise<void> = () => Promise.resolve();
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
    gate: async (...args: Parameters<typeof original.gate>) => {
      events.push('gate');
      await beforeGate();
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

/** An engine that answers each segment with itself, in one batch begun early (as Apertium's is). */
function echoEngine(): Engine {
  return {
    name: 'fake',
    translate: () => Promise.reject(new Error('not used')),
    async begin(): Promise<EngineBatch> {
      const segments: string[] = [];
      return { add: (more) => segments.push(...more), end: async () => [...segments], cancel: () => undefined };
    },
  };
}

/** The files in a folder whose names say they are temporary (being written, not renamed yet). */
const temporaries = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('.') && f.endsWith('.tmp')) : [];

describe("a batch's save begun as the gate runs", () => {
  it("writes the translations' files while the gate runs, under the lock; the states once it has judged", async () => {
    const project = await loadProject(tempProject());
    const doc = { id: 'article' };
    const folder = dirname(bundlePath(project, 'es', doc));
    const seen: { lock: boolean; temporaries: number }[] = [];
    beforeGate = async () => {
      // (the save runs beside the gate: given a few turns, and time, to write)
      for (let i = 0; i < 200 && temporaries(folder).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      seen.push({ lock: existsSync(join(project.root, LOCK_FILE)), temporaries: temporaries(folder).length });
    };
    try {
      const engine = echoEngine();
      const results = await translate(project, {
        engine: 'fake',
        langs: ['es'],
        started: { langs: ['es'], engine, starter: BatchStarter.of(engine, 'en', 'es') },
      });
      expect(results.reduce((n, r) => n + r.translated, 0)).toBeGreaterThan(4);
    } finally {
      beforeGate = () => Promise.resolve();
    }
    expect(seen).toEqual([{ lock: true, temporaries: 1 }]);
    expect(temporaries(folder)).toEqual([]);
    expect(existsSync(join(project.root, LOCK_FILE))).toBe(false);
    const meta = JSON.parse(readFileSync(metaPathOf(bundlePath(project, 'es', doc)), 'utf8')) as {
      units: Record<string, { state: string }>;
    };
    const translations = JSON.parse(readFileSync(bundlePath(project, 'es', doc), 'utf8')) as Record<string, string>;
    expect(Object.keys(meta.units)).toEqual(Object.keys(translations));
  });

  it('a gate that fails leaves no file and no lock behind', async () => {
    const project = await loadProject(tempProject());
    const folder = dirname(bundlePath(project, 'es', { id: 'article' }));
    beforeGate = () => Promise.reject(new Error('the gate failed'));
    try {
      const engine = echoEngine();
      await expect(
        translate(project, {
          engine: 'fake',
          langs: ['es'],
          started: { langs: ['es'], engine, starter: BatchStarter.of(engine, 'en', 'es') },
        }),
      ).rejects.toThrow('the gate failed');
    } finally {
      beforeGate = () => Promise.resolve();
    }
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    expect(existsSync(join(project.root, LOCK_FILE))).toBe(false);
  });
});
