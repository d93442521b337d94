import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apertiumEngine } from '../src/mt/apertium.js';
import { hasApertium } from './mt-helpers.js';

/** An "apertium" that lists eng-spa, appends what it reads to a file and answers in capitals. */
function recordingApertium(): { command: string; inputs: () => string[] } {
  const d = mkdtempSync(join(tmpdir(), 'locflow-apertium-memory-'));
  const command = join(d, 'apertium');
  const log = join(d, 'inputs');
  writeFileSync(log, '');
  writeFileSync(
    command,
    '#!/bin/sh\nif [ "$1" = "-l" ]; then echo eng-spa; exit 0; fi\n' +
      `in=$(cat); printf '%s\\n\\0' "$in" >> '${log}'; printf '%s\\n' "$in" | tr a-z A-Z | sed 's/<HR ID="LOCFLOW-/<hr id="locflow-/'\n`,
  );
  chmodSync(command, 0o755);
  const inputs = (): string[] => readFileSync(log, 'utf8').split('\0').slice(0, -1);
  return { command, inputs };
}

const pair = { source: 'en', target: 'es' };
const segmentsIn = (input: string): string[] =>
  input
    .split(/\s*<hr id="locflow-\d+"\/>\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);

describe('Apertium: each distinct segment once in a run', () => {
  it('sends a repeated segment once and answers every place it had', async () => {
    const fake = recordingApertium();
    const engine = apertiumEngine(fake.command);
    const out = await engine.translate(['a dog', 'a cat', 'a dog', 'the end', 'a cat'], pair);
    expect(out).toEqual(['A DOG', 'A CAT', 'A DOG', 'THE END', 'A CAT']);
    expect(fake.inputs().map(segmentsIn)).toEqual([['a dog', 'a cat', 'the end']]);
  });

  it('sends nothing a batch before it in the run translated; a new engine (a new run) sends it again', async () => {
    const fake = recordingApertium();
    const engine = apertiumEngine(fake.command);
    const first = await engine.begin!(pair);
    first.add(['one <x id="1"/> two', 'three']);
    first.add(['three']);
    expect(await first.end()).toEqual(['ONE <X ID="1"/> TWO', 'THREE', 'THREE']);
    const second = await engine.begin!(pair);
    second.add(['three', 'four']);
    second.add(['one <x id="1"/> two']);
    expect(await second.end()).toEqual(['THREE', 'FOUR', 'ONE <X ID="1"/> TWO']);
    expect(await apertiumEngine(fake.command).translate(['three'], pair)).toEqual(['THREE']);
    expect(fake.inputs().map(segmentsIn)).toEqual([['one <x id="1"/> two', 'three'], ['four'], ['three']]);
  });
});

describe.skipIf(!hasApertium)('Apertium translates a segment alone', () => {
  it('gives a repeated segment the translation it has on its own, wherever it stands', async () => {
    // Headlines without a full stop, a sentence that ends in a question, one in an abbreviation, protected spans:
    // what comes before or after a segment never changes its translation.
    const segments = [
      'Strike reported near Baghdad',
      'The minister said it would rain.',
      'Is the <x id="1"/> bridge open?',
      'Officials met the U.S.',
      'present tense',
      'Strike reported near Baghdad',
      'can',
      'Officials met the U.S.',
      'The minister said it would rain.',
      'present tense',
      'Is the <x id="1"/> bridge open?',
      'can',
    ];
    const together = await apertiumEngine().translate(segments, pair);
    // Each distinct segment in a run of its own.
    const distinct = [...new Set(segments)];
    const alone = new Map<string, string>();
    for (const s of distinct) alone.set(s, (await apertiumEngine().translate([s], pair))[0]!);
    expect(together).toEqual(segments.map((s) => alone.get(s)));
  });
});
