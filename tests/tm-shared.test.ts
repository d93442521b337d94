import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TmEntry, TranslationMemory } from '../src/tm/memory.js';
import { POSTGRES_SCHEMA_VERSION, PostgresMemory } from '../src/tm/postgres.js';
import { SqliteMemory } from '../src/tm/sqlite.js';
import { writeTmx } from '../src/tm/tmx.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { extractedProject, locflowInProcess, locflowAsync, numberWordsIn, read, tempProject } from './helpers.js';
import { freePort, postgresMissing, sharedCluster, type Cluster } from './pg-cluster.js';

/**
 * One memory shared by several checkouts: concurrent imports from several processes against one
 * SQLite file and one PostgreSQL database, the loop working through a shared database, and the
 * faults a server brings (down, connection lost mid-import). PostgreSQL parts are skipped, with a
 * message, where PostgreSQL is not installed.
 */
const missing = postgresMissing();
if (missing) console.warn(`tm-shared: ${missing}`);

let cluster: Cluster | undefined;
beforeAll(async () => {
  if (!missing) cluster = await sharedCluster();
});
afterAll(() => cluster?.stop());

const tmx = (dir: string, name: string, entries: readonly TmEntry[]): string => {
  const file = join(dir, name);
  writeFileSync(file, writeTmx(entries, 'en'));
  return file;
};

const entry = (source: string, target: string, origin: string): TmEntry => ({
  sourceLang: 'en',
  targetLang: 'es',
  source,
  target,
  origin,
});

interface Store {
  readonly url: () => Promise<string>;
  readonly open: (url: string) => Promise<TranslationMemory>;
}

const stores: Array<[string, Store]> = [
  [
    'SQLite',
    {
      url: () => Promise.resolve(`sqlite:${join(mkdtempSync(join(tmpdir(), 'locflow-shared-')), 'team.db')}`),
      open: (url) => Promise.resolve(new SqliteMemory(url.slice('sqlite:'.length))),
    },
  ],
  [
    'PostgreSQL',
    {
      url: () => cluster!.database(),
      open: (url) => PostgresMemory.open(url, url),
    },
  ],
];

for (const [name, store] of stores) {
  describe.skipIf(name === 'PostgreSQL' && missing)(`one ${name} memory, four checkouts`, () => {
    it('four processes importing at once lose nothing, and a machine translation never replaces a person', async () => {
      const url = await store.url();
      const PROCESSES = 4;
      const OWN = 450;
      const SHARED = 150;
      const FILES = 3;
      const runs = Array.from({ length: PROCESSES }, (_, p) => {
        const dir = tempProject();
        // Each process: sentences of its own, and sentences every process has (a person's in the first, MT elsewhere).
        const own = Array.from({ length: OWN }, (_, i) =>
          entry(`Checkout ${p} filed report ${i} on the flood.`, `Informe ${p}-${i}`, 'human'),
        );
        const shared = Array.from({ length: SHARED }, (_, j) =>
          p === 0
            ? entry(`The shared sentence ${j} is here.`, `Humana ${j}`, 'human')
            : entry(`The shared sentence ${j} is here.`, `MT ${p} ${j}`, 'mt:apertium'),
        );
        // Several files, so each process commits several times and the transactions interleave.
        const files = Array.from({ length: FILES }, (_, f) =>
          tmx(dir, `part${f}.tmx`, [
            ...own.filter((_, i) => i % FILES === f),
            ...shared.filter((_, j) => j % FILES === f),
          ]),
        );
        return { dir, files };
      });
      const results = await Promise.all(
        runs.map(({ dir, files }) => locflowAsync(dir, { LOCFLOW_TM_URL: url }, 'tm', 'import', ...files)),
      );
      for (const r of results) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      const memory = await store.open(url);
      try {
        expect(await memory.count()).toBe(PROCESSES * OWN + SHARED);
        const all = await memory.all('en', 'es');
        const shared = all.filter((e) => e.source.startsWith('The shared sentence'));
        expect(shared).toHaveLength(SHARED);
        expect(shared.filter((e) => !e.target.startsWith('Humana'))).toEqual([]);
        for (let p = 0; p < PROCESSES; p++)
          expect(all.filter((e) => e.source.startsWith(`Checkout ${p} `))).toHaveLength(OWN);
      } finally {
        await memory.close();
      }
    });
  });
}

/** A project whose article is extracted for Spanish and translated in the XLIFF, not yet imported. */
function translatedXliff(): string {
  const d = extractedProject();
  const xlf = join(d, 'xliff/es/article.xlf');
  const x = readXliff(read(xlf));
  const units = x.files[0]!.units.map((u) => ({
    ...u,
    target: u.source.map((r) => (typeof r === 'string' ? numberWordsIn('es', r) : r)),
    state: 'translated' as const,
  }));
  writeFileSync(xlf, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }, x.version));
  return d;
}

describe.skipIf(missing)('a memory in PostgreSQL', () => {
  it('serves every checkout: one imports, another extracts with its translations as exact matches', async () => {
    const url = await cluster!.database();
    const first = translatedXliff();
    const own = tempProject();
    expect((await locflowInProcess(own, 'tm', 'migrate')).stdout).toMatch(
      /^sqlite:.*tm\/project\.db: schema version 0 → 1\n$/u,
    );
    expect((await locflowInProcess(own, 'tm', 'migrate')).stdout).toMatch(
      /^sqlite:.*: schema version 1, up to date\n$/u,
    );
    const env = { LOCFLOW_TM_URL: url };
    const shared = await locflowAsync(first, env, 'tm', 'migrate');
    expect(shared.stdout).toBe(`${url}: schema version 0 → ${POSTGRES_SCHEMA_VERSION}\n`);
    expect((await locflowAsync(first, env, 'tm', 'migrate')).stdout).toBe(
      `${url}: schema version ${POSTGRES_SCHEMA_VERSION}, up to date\n`,
    );
    const imported = await locflowAsync(first, env, 'import', 'xliff/es/article.xlf');
    expect(imported.code).toBe(0);
    // The memory went to the database, not to a file of the checkout.
    expect(existsSync(join(first, 'tm/project.db'))).toBe(false);
    const memory = await PostgresMemory.open(url, url);
    const stored = await memory.count();
    await memory.close();
    expect(stored).toBeGreaterThan(10);
    const second = tempProject();
    // The configuration names the database: each checkout finds it there.
    const config = JSON.parse(read(join(second, 'locflow.config.json'))) as Record<string, unknown>;
    writeFileSync(join(second, 'locflow.config.json'), JSON.stringify({ ...config, tm: { url } }));
    const extracted = await locflowInProcess(second, 'extract', '--lang', 'es');
    expect(extracted.code).toBe(0);
    expect(extracted.stdout).toMatch(new RegExp(`memory: ${stored} in-context exact, 0 exact`, 'u'));
    expect(existsSync(join(second, 'tm/project.db'))).toBe(false);
  });

  it('a server that is down: a clear error naming the URL without its password, exit 2, nothing written', async () => {
    const port = await freePort();
    const url = `postgres://alice:s3cret@127.0.0.1:${port}/newsroom`;
    const d = translatedXliff();
    for (const args of [
      ['import', 'xliff/es/article.xlf'],
      ['tm', 'import', tmx(d, 'x.tmx', [entry('One.', 'Uno.', 'human')])],
      ['extract', '--lang', 'es', '--force'],
    ]) {
      const r = await locflowAsync(d, { LOCFLOW_TM_URL: url }, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`postgres://alice@127.0.0.1:${port}/newsroom`);
      expect(r.stderr).toMatch(/ECONNREFUSED/u);
      expect(r.stderr).not.toContain('s3cret');
      expect(r.stderr).not.toMatch(/internal error/u);
    }
    // The import wrote nothing to the locale store.
    expect(existsSync(join(d, 'locales/es/article.json'))).toBe(false);
    // check only learns names from the memory: it runs without it, and says so.
    const checked = await locflowAsync(d, { LOCFLOW_TM_URL: url }, 'check', 'xliff/es/article.xlf');
    expect(checked.code).not.toBe(2);
    expect(checked.stderr).toMatch(
      new RegExp(
        `cannot open the translation memory postgres://alice@127\\.0\\.0\\.1:${port}/newsroom: .*ECONNREFUSED.*; the names check runs without the memory's translations`,
        'u',
      ),
    );
    expect(checked.stderr).not.toContain('s3cret');
    const bad = await locflowAsync(d, { LOCFLOW_TM_URL: 'mysql://bob:pw@host/db' }, 'tm', 'migrate');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/LOCFLOW_TM_URL must be sqlite:PATH or postgres:\/\/…/u);
    expect(bad.stderr).not.toContain(':pw@');
  });

  it('a connection lost in the middle of an import: nothing of it stays, and running it again completes', async () => {
    const url = await cluster!.database();
    const d = tempProject();
    const env = { LOCFLOW_TM_URL: url };
    expect((await locflowAsync(d, env, 'tm', 'migrate')).code).toBe(0);
    const entries = Array.from({ length: 5000 }, (_, i) =>
      entry(`Sentence number ${i} of the big memory.`, `S${i}`, 'human'),
    );
    const file = tmx(d, 'big.tmx', entries);
    // Another writer holds the last entry's place in an open transaction: the import stops there, mid-way.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      `INSERT INTO tm_entries (src_lang, tgt_lang, source, target, key, ntok, tokens, tiers)
       VALUES ('en', 'es', $1, 'x', $1, 1, '{x}', '{0x}')`,
      [entries[entries.length - 1]!.source],
    );
    const running = locflowAsync(d, env, 'tm', 'import', file);
    let waiting: number | undefined;
    for (let i = 0; i < 300 && waiting === undefined; i++) {
      // This test's database only: the cluster serves the run's other files too.
      const rows = await cluster!.sql<{ pid: number }>(
        'postgres',
        "SELECT pid FROM pg_stat_activity WHERE application_name = 'locflow' AND wait_event_type = 'Lock' AND datname = $1",
        [new URL(url).pathname.slice(1)],
      );
      waiting = rows[0]?.pid;
      if (waiting === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    expect(waiting).toBeDefined();
    await cluster!.sql('postgres', 'SELECT pg_terminate_backend($1)', [waiting]);
    const r = await running;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the connection to the translation memory .* was lost/u);
    expect(r.stderr).toMatch(/run it again/u);
    await blocker.query('ROLLBACK');
    await blocker.end();
    const memory = await PostgresMemory.open(url, url);
    expect(await memory.count()).toBe(0);
    const again = await locflowAsync(d, env, 'tm', 'import', file);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/5000 translation\(s\) read, 5000 new or updated/u);
    expect(await memory.count()).toBe(5000);
    await memory.close();
    expect(readFileSync(file, 'utf8')).toContain('S4999');
  });
});
