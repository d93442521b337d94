import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { bundlePath } from '../src/project/paths.js';
import { readBundle } from '../src/store/bundle.js';
import { translate } from '../src/workflow/translate.js';
import { BatchStarter } from '../src/workflow/steps/engine-start.js';
import { PART_CHARACTERS, Parts } from '../src/workflow/steps/gate-parts.js';
import type { Engine, EngineBatch } from '../src/mt/types.js';
import { tempProject } from './helpers.js';

const ARTICLE = 'Budget\n\nThe bridge cost 45 dollars in 2019.\n\nThe river is wide.\n';
/** The sentence with its numbers lost: the gate's numbers check refuses it. */
const broken = (s: string): string => s.replace(/\d+/gu, '');

/**
 * An engine begun early (as Apertium's batch is) that tells each segment's translation as it is added (`each`) and
 * gives them all at the end: `told` and `given` make each of the two from a segment.
 */
function tellingEngine(told: (s: string) => string, given: (s: string) => string, log: string[]): Engine {
  return {
    name: 'fake',
    translate: () => Promise.reject(new Error('not used')),
    async begin(): Promise<EngineBatch> {
      const segments: string[] = [];
      let listener: ((i: number, t: string) => void) | undefined;
      let tellable = 0;
      const tell = (): void => {
        for (; listener && tellable < segments.length; tellable++) listener(tellable, told(segments[tellable]!));
      };
      return {
        add(more) {
          segments.push(...more);
          tell();
        },
        each(l) {
          listener = l;
          tell();
        },
        async end() {
          log.push(`end after ${tellable} told`);
          await new Promise((r) => setTimeout(r, 50));
          return segments.map(given);
        },
        cancel: () => undefined,
      };
    },
  };
}

async function run(told: (s: string) => string, given: (s: string) => string) {
  const project = await loadProject(tempProject(ARTICLE));
  const log: string[] = [];
  const engine = tellingEngine(told, given, log);
  const [result] = await translate(project, {
    engine: 'fake',
    langs: ['es'],
    started: { langs: ['es'], engine, starter: BatchStarter.of(engine, 'en', 'es') },
  });
  const path = bundlePath(project, 'es', { id: 'article' });
  const { translations, meta } = readBundle(path);
  return { result: result!, log, translations, meta };
}

describe('the QA gate over translations as the engine tells them (EngineBatch.each), part by part', () => {
  it('judges what the engine told and stores it', async () => {
    const { result, log, translations, meta } = await run(broken, broken);
    expect(log).toEqual(['end after 3 told']);
    expect(result.translated).toBe(3);
    expect(result.flagged).toHaveLength(1);
    expect(result.flagged[0]!.problems.join(' ')).toMatch(/^numbers: /u);
    expect(Object.values(translations).join('|')).toMatch(/The bridge cost +dollars in \./u);
    expect(
      Object.values(meta)
        .map((m) => m.state)
        .sort(),
    ).toEqual(['needs-review', 'translated', 'translated']);
  });

  it('judges and stores what the engine gave when it told something else', async () => {
    // Told clean, given broken: judged on what was told, the broken sentence would pass.
    const given = await run((s) => s, broken);
    expect(given.result.flagged).toHaveLength(1);
    expect(Object.values(given.translations).join('|')).toMatch(/The bridge cost +dollars in \./u);
    // Told broken, given clean: nothing to flag, nothing broken stored.
    const clean = await run(broken, (s) => s);
    expect(clean.result.flagged.map((f) => f.problems)).toEqual([]);
    expect(Object.values(clean.translations)).toContain('The bridge cost 45 dollars in 2019.');
    expect(Object.values(clean.meta).every((m) => m.state === 'translated')).toBe(true);
  });
});

describe("a batch's parts, judged each on its own by the gate", () => {
  it('ends a part at the first document boundary once it has PART_CHARACTERS, never inside a document', () => {
    const parts = new Parts();
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c' };
    // a: two units, as long as a part together; b: one short; c: one.
    parts.add(a, PART_CHARACTERS - 10);
    parts.add(a, 20);
    parts.add(b, 5);
    parts.add(b, PART_CHARACTERS);
    parts.add(c, 1);
    parts.close();
    expect(parts.ends).toEqual([2, 4, 5]);
  });

  it('is one part for a batch shorter than a part; none for an empty one', () => {
    const parts = new Parts();
    parts.add('a', 10);
    parts.add('b', 10);
    parts.close();
    expect(parts.ends).toEqual([2]);
    const none = new Parts();
    none.close();
    expect(none.ends).toEqual([]);
  });
});
