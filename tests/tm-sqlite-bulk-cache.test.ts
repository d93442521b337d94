import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { TmEntry } from '../src/tm/memory.js';
import { SqliteMemory } from '../src/tm/sqlite.js';

const entry = (i: number): TmEntry => ({
  sourceLang: 'en',
  targetLang: 'es',
  source: `Sentence ${i}.`,
  target: `Frase ${i}.`,
  origin: 'human',
});

describe('the SQLite memory adding a run of chunks', () => {
  it('uses a page cache of 2 MB while it adds them, and gives the connection its own back, failed or not', async () => {
    const memory = new SqliteMemory(join(mkdtempSync(join(tmpdir(), 'locflow-tm-cache-')), 'tm.db'));
    const db = (memory as unknown as { db: BetterSqlite3.Database }).db;
    const own = db.pragma('cache_size', { simple: true }) as number;
    expect(own).not.toBe(-2000);
    const during: number[] = [];
    function* chunks(fail: boolean): Generator<TmEntry[]> {
      for (let c = 0; c < 3; c++) {
        during.push(db.pragma('cache_size', { simple: true }) as number);
        if (fail && c === 1) throw new Error('the spool could not be read');
        yield Array.from({ length: 10 }, (_, i) => entry(c * 10 + i));
      }
    }
    await memory.addChunks(chunks(false), { overwrite: true });
    expect(during).toEqual([-2000, -2000, -2000]);
    expect(db.pragma('cache_size', { simple: true })).toBe(own);
    expect(await memory.count()).toBe(30);
    await expect((async () => memory.addChunks(chunks(true), { overwrite: true }))()).rejects.toThrow(
      'could not be read',
    );
    expect(db.pragma('cache_size', { simple: true })).toBe(own);
    expect(await memory.count()).toBe(30);
    await memory.close();
  });
});
