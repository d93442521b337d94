import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EntrySpool } from '../src/tm/entry-spool.js';
import type { TmEntry } from '../src/tm/memory.js';

const folder = mkdtempSync(join(tmpdir(), 'locflow-spool-test-'));
const spoolDirs = (): string[] => readdirSync(folder).filter((f) => f.startsWith('locflow-entries-'));

const entry = (source: string, target: string, more: Partial<TmEntry> = {}): TmEntry => ({
  sourceLang: 'en',
  targetLang: 'es',
  source,
  target,
  ...more,
});

describe('the entries a run adds to the memory at its end', () => {
  it('come back in their order, a chunk at a time, the same entries whether held or read back from the file', () => {
    expect(spoolDirs()).toEqual([]);
    const spool = new EntrySpool(3, folder);
    // Line breaks, lone surrogates, astral characters, a line longer than a read (64 KB) and than twice that, codes and empty fields.
    const long = `${'ñ'.repeat(700_000)}😀`;
    const entries = [
      entry('One.', 'Uno.', { origin: 'human', doc: 'd', unit: 'u1', context: 'c1', codes: { x1: '<br/>' } }),
      entry('Two\nlines.', 'Dos\r\nlíneas.'),
      entry('Half \ud800 pair.', 'Medio \udfff par.'),
      entry(long, `${long}!`, { codes: {} }),
      entry('😀 first', '😀 primero', { context: '' }),
      // Longer than two reads: a read with no line break in it, and characters of 3 and 4 bytes cut between reads.
      entry('€'.repeat(800_001), '😀'.repeat(300_001)),
      entry('Seven.', 'Siete.'),
    ];
    spool.add(entries.slice(0, 2));
    expect(spoolDirs()).toEqual([]);
    spool.add(entries.slice(2));
    // Two chunks of 3 went to the file, one entry is held.
    expect(spoolDirs().length).toBe(1);
    expect(spool.count).toBe(7);
    const chunks = [...spool.chunks()];
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 1]);
    expect(chunks.flat()).toEqual(entries);
    spool.remove();
    expect(spoolDirs()).toEqual([]);
  });

  it('keeps any strings as they were, across chunk and read boundaries (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        (pairs, size) => {
          const spool = new EntrySpool(size, folder);
          const entries = pairs.map(([s, t]) => entry(s, t));
          spool.add(entries);
          try {
            expect([...spool.chunks()].flat()).toEqual(entries);
          } finally {
            spool.remove();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads the file back 250 entries at a time, each line decoded on its own, whatever the chunk it was written in', () => {
    const spool = new EntrySpool(undefined, folder);
    // Lines of about 1 KB: many to a read, and reads that end inside a line and inside a 2-byte character.
    const entries = Array.from({ length: 4_100 }, (_, i) =>
      entry(`${'é'.repeat(i % 700)} ${i}.`, `${i} ${'ñ'.repeat(300)}`),
    );
    spool.add(entries);
    const chunks = [...spool.chunks()];
    // 4,000 written (two chunks of 2,000) and read back 250 at a time; the last 100 held.
    expect(chunks.map((c) => c.length)).toEqual([...Array<number>(16).fill(250), 100]);
    expect(chunks.flat()).toEqual(entries);
    spool.remove();
  });

  it('holds a small run in memory and makes no file', () => {
    const spool = new EntrySpool(undefined, folder);
    spool.add(Array.from({ length: 1_999 }, (_, i) => entry(`A${i}.`, `B${i}.`)));
    expect(spoolDirs()).toEqual([]);
    expect([...spool.chunks()].map((c) => c.length)).toEqual([1_999]);
    spool.remove();
  });
});
