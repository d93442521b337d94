import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText } from '../src/io/files.js';
import { readTmx, readTmxFile, writeTmx } from '../src/tm/tmx.js';
import type { TmEntry } from '../src/tm/memory.js';
import { ROOT } from './helpers.js';
import { edited, edits, outcome } from './mutants.js';

const folder = mkdtempSync(join(tmpdir(), 'locflow-tmx-stream-'));

const entries: TmEntry[] = Array.from({ length: 12 }, (_, i) => ({
  sourceLang: 'en',
  targetLang: 'es',
  source: `Sentence ${i} with {{x1}} a code & <b>tags</b>`,
  target: `Frase ${i} con {{x1}} un código`,
  codes: { x1: '<br/>' },
  origin: 'human',
}));

/** TMX as locflow writes it (both dialects), the example memory, and a header placed after the body. */
function samples(): string[] {
  const own = writeTmx(entries, 'en');
  const omegat = writeTmx(entries, 'en', { omegat: true });
  const late = omegat.replace(/(\s*<header[^>]*\/>)([\s\S]*<\/body>)/u, '$2$1');
  const headerless = own.replace(/\s*<header[^>]*\/>/u, '');
  return [own, omegat, late, headerless, readFileSync(join(ROOT, 'memories', 'newsroom.tmx'), 'utf8')];
}

const FRAGMENTS = [
  '<',
  '>',
  '&',
  '&bogus;',
  '</seg>',
  '<tu>',
  '</tu>',
  '<ph x="9">',
  '<!DOCTYPE x [<!ENTITY e "e">]>',
  'é€😀',
];

describe('TMX read from a file in pieces (readTmxFile)', () => {
  const texts = samples();

  it('gives readTmx’s entries, or its error at the same place, however the file is cut and changed', () => {
    const path = join(folder, 'mutant.tmx');
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        edits(FRAGMENTS, 2),
        fc.constantFrom(16, 97, 1 << 16),
        (which, changes, pieceBytes) => {
          const text = edited(texts[which]!, changes);
          writeFileSync(path, text);
          const whole = outcome(() => readTmx(readText(path, 'TMX file'), 'en', ['es']));
          expect(outcome(() => readTmxFile(path, 'en', ['es'], pieceBytes))).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a file whose declaration names an unknown encoding as readText does, whatever the piece size', () => {
    const path = join(folder, 'unknown-encoding.tmx');
    writeFileSync(path, texts[0]!.replace(/encoding="UTF-8"/u, 'encoding="<TF-8"'));
    const whole = outcome(() => readTmx(readText(path, 'TMX file'), 'en', ['es']));
    expect(whole).toMatchObject({ error: expect.arrayContaining(['LocflowError', 'locflow/refused']) as unknown });
    for (const pieceBytes of [16, 97, 1 << 16])
      expect(outcome(() => readTmxFile(path, 'en', ['es'], pieceBytes))).toEqual(whole);
  });

  it('reads OmegaT’s short tags as readTmx does when its header comes after the body', () => {
    const path = join(folder, 'late.tmx');
    writeFileSync(path, texts[2]!);
    const streamed = readTmxFile(path, 'en', ['es'], 64);
    expect(streamed).toEqual(readTmx(texts[1]!, 'en', ['es']).map((e) => ({ ...e, line: expect.any(Number) })));
    expect(streamed).toHaveLength(entries.length);
  });
});
