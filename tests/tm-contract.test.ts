import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, tmKey, type TmEntry, type TranslationMemory } from '../src/tm/memory.js';
import { BULK_ROWS, POSTGRES_SCHEMA_VERSION, PostgresMemory } from '../src/tm/postgres.js';
import { SqliteMemory } from '../src/tm/sqlite.js';
import { loadFuzzyIndex } from '../src/tm/fuzzy-store.js';
import { fuzzyScore, tokenize } from '../src/tm/score.js';
import { postgresMissing, sharedCluster, type Cluster } from './pg-cluster.js';

/**
 * One contract, two stores: every test below runs on a SQLite file and on a PostgreSQL database
 * (in the run's private cluster; skipped, with a message, where PostgreSQL is missing).
 */
const missing = postgresMissing();
if (missing) console.warn(`tm-contract: ${missing}`);

let cluster: Cluster | undefined;
const folders: string[] = [];
beforeAll(async () => {
  if (!missing) cluster = await sharedCluster();
});
afterAll(() => {
  cluster?.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

function sqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-tm-'));
  folders.push(dir);
  return join(dir, 'tm.db');
}

const openSqlite = (): Promise<TranslationMemory> => Promise.resolve(new SqliteMemory(sqliteFile()));
const openPostgres = async (): Promise<TranslationMemory> => {
  const url = await cluster!.database();
  return PostgresMemory.open(url, url);
};

const en = (source: string, target: string, more: Partial<TmEntry> = {}): TmEntry => ({
  sourceLang: 'en',
  targetLang: 'es',
  source,
  target,
  ...more,
});

/** Prose-like sentences from a seeded generator: a small vocabulary drawn unevenly, numbers, commas. */
function corpus(size: number, seed: number): string[] {
  let s = seed >>> 0;
  const rand = (): number => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const words = Array.from({ length: 3000 }, (_, i) =>
    [...i.toString(20)].map((d) => 'bcdfghjklmnpqrstvwxz'[Number.parseInt(d, 20)]).join('a'),
  );
  const word = (): string => words[Math.floor(words.length * rand() ** 3)]!;
  return Array.from({ length: size }, () => {
    const n = 4 + Math.floor(rand() * 14);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(rand() < 0.08 ? String(Math.floor(rand() * 50)) : word());
    if (n > 8) out[3] += ',';
    return `${out.join(' ')}.`;
  });
}

const stores: Array<[string, () => Promise<TranslationMemory>, number]> = [
  ['SQLite', openSqlite, SCHEMA_VERSION],
  ['PostgreSQL', openPostgres, POSTGRES_SCHEMA_VERSION],
];

for (const [name, open, version] of stores) {
  const suite = name === 'PostgreSQL' && missing ? describe.skip : describe;
  suite(`translation memory contract: ${name}`, () => {
    it('stores once, finds exact matches with their context, and fuzzy ones above the threshold', async () => {
      const tm = await open();
      const e = en('At least 62 people were injured.', 'Al menos 62 personas resultaron heridas.');
      expect(
        await tm.add([
          { ...e, context: 'c1' },
          { ...e, context: 'c1' },
        ]),
      ).toEqual({ changed: 1, kept: [] });
      expect(await tm.add([{ ...e, context: 'c1' }])).toEqual({ changed: 0, kept: [] });
      await tm.add([en('The strike hit the base on Sunday.', 'El ataque alcanzó la base el domingo.')]);
      expect(await tm.count()).toBe(2);
      expect((await tm.exact(e.source, 'EN', 'ES', 'c1'))[0]).toMatchObject({ score: 100, inContext: true });
      expect((await tm.exact(e.source, 'en', 'es', 'other'))[0]).toMatchObject({ score: 100, inContext: false });
      expect((await tm.exact('At least  62 people were injured.', 'en', 'es'))[0]!.score).toBe(99);
      expect(await tm.exact(e.source, 'en', 'fr')).toEqual([]);
      const fuzzy = await tm.fuzzy('At least 63 people were injured.', 'en', 'es', 75, 3);
      expect(fuzzy).toEqual([{ source: e.source, target: e.target, score: 99, inContext: false, origin: 'tm' }]);
      expect(await tm.fuzzy('Completely unrelated text about weather.', 'en', 'es', 75, 3)).toEqual([]);
      expect(await tm.fuzzy(e.source, 'en', 'fr', 50, 3)).toEqual([]);
      await tm.close();
    });

    it('keeps one entry per source and context: a person over a machine, a person kept unless overwritten', async () => {
      const tm = await open();
      const src = 'The bridge reopened on Monday.';
      const changed = async (e: TmEntry, overwrite = false): Promise<number> =>
        (await tm.add([e], { overwrite })).changed;
      expect(await changed(en(src, 'MT draft', { origin: 'mt:apertium', context: 'k' }))).toBe(1);
      // Newer machine output replaces older machine output; a person's translation replaces both.
      expect(await changed(en(src, 'MT draft 2', { origin: 'mt:deepl', context: 'k' }))).toBe(1);
      expect(await tm.add([en(src, 'El puente reabrió el lunes.', { origin: 'human', context: 'k' })])).toEqual({
        changed: 1,
        kept: [],
      });
      // Machine output never replaces a person's, even when told to overwrite; it is reported as kept out.
      const machine = en(src, 'Another MT draft', { origin: 'mt:deepl', context: 'k' });
      expect(await tm.add([machine], { overwrite: true })).toEqual({
        changed: 0,
        kept: [{ entry: machine, kept: 'El puente reabrió el lunes.', keptOrigin: 'human' }],
      });
      // A person's other translation keeps the stored one and is reported…
      const other = en(src, 'El puente volvió a abrir el lunes.', { origin: 'tmx', context: 'k' });
      expect(await tm.add([other])).toEqual({
        changed: 0,
        kept: [{ entry: other, kept: 'El puente reabrió el lunes.', keptOrigin: 'human' }],
      });
      expect((await tm.exact(src, 'en', 'es', 'k'))[0]).toMatchObject({ target: 'El puente reabrió el lunes.' });
      // …the same translation again is no conflict, whoever made it…
      expect(await tm.add([en(src, 'El puente reabrió el lunes.', { origin: 'tmx', context: 'k' })])).toEqual({
        changed: 0,
        kept: [],
      });
      expect(await tm.add([en(src, 'El puente reabrió el lunes.', { origin: 'mt:x', context: 'k' })])).toEqual({
        changed: 0,
        kept: [],
      });
      // …and overwriting replaces it.
      expect(await tm.add([other], { overwrite: true })).toEqual({ changed: 1, kept: [] });
      expect((await tm.exact(src, 'en', 'es', 'k'))[0]).toMatchObject({ target: other.target, origin: 'tmx' });
      // Within one batch the same rule holds, an earlier entry standing for the stored one.
      const rain = [
        en('Rain is expected.', 'Se espera lluvia.', { origin: 'human' }),
        en('Rain is expected.', 'Lluvia esperada (MT).', { origin: 'mt:apertium' }),
        en('Rain is expected.', 'Habrá lluvia.', { origin: 'human' }),
      ];
      expect((await tm.add(rain)).kept.map((k) => [k.entry.target, k.kept])).toEqual([
        ['Lluvia esperada (MT).', 'Se espera lluvia.'],
        ['Habrá lluvia.', 'Se espera lluvia.'],
      ]);
      expect((await tm.exact('Rain is expected.', 'en', 'es'))[0]!.target).toBe('Se espera lluvia.');
      const snow = rain.map((e) => ({ ...e, source: 'Snow is expected.' }));
      expect((await tm.add([...snow].reverse(), { overwrite: true })).kept.map((k) => k.entry.target)).toEqual([
        'Lluvia esperada (MT).',
      ]);
      expect((await tm.exact('Snow is expected.', 'en', 'es'))[0]!.target).toBe('Se espera lluvia.');
      // Another context is another place.
      await tm.add([en(src, 'Otra traducción.', { origin: 'human', context: 'elsewhere' })]);
      expect(await tm.count()).toBe(4);
      const all = await tm.all('en', 'es');
      expect(all.filter((x) => x.source === src).map((x) => [x.context, x.target])).toEqual([
        ['k', 'El puente volvió a abrir el lunes.'],
        ['elsewhere', 'Otra traducción.'],
      ]);
      expect(await tm.add([en(' ', 'x'), en('x', '  ')])).toEqual({ changed: 0, kept: [] });
      await tm.close();
    });

    it('looks many sources up at once: the same matches as one by one, in the order asked', async () => {
      const tm = await open();
      const sentences = corpus(1300, 7);
      await tm.add(
        sentences.flatMap((src, i) => [
          en(src, `es ${i}`, { context: `c${i % 3}` }),
          ...(i % 5 === 0 ? [en(src, `es otra ${i}`, { context: 'other', origin: 'human' })] : []),
          ...(i % 7 === 0 ? [{ ...en(src, `fr ${i}`), targetLang: 'fr' }] : []),
        ]),
      );
      const queries = sentences.flatMap((src, i) => [
        { source: src, sourceLang: 'en', targetLang: i % 7 === 0 ? 'FR' : 'es', context: i % 2 ? 'c9' : `c${i % 3}` },
        ...(i % 11 === 0 ? [{ source: `${src} unknown`, sourceLang: 'en', targetLang: 'es' }] : []),
        ...(i % 13 === 0 ? [{ source: src.replace(' ', '  '), sourceLang: 'en', targetLang: 'es' }] : []),
      ]);
      const many = await tm.exactMany(queries);
      const one: unknown[] = [];
      for (const q of queries) one.push(await tm.exact(q.source, q.sourceLang, q.targetLang, q.context));
      expect(many).toEqual(one);
      // What they found, checked on its own terms: in context first, a whitespace variant at 99, nothing unknown.
      const tenth = queries.findIndex((q) => q.source === sentences[10]);
      expect(many[tenth]!.map((m) => [m.target, m.score, m.inContext])).toEqual([
        ['es 10', 100, true],
        ['es otra 10', 100, false],
      ]);
      expect(many[tenth + 1]!.map((m) => [m.target, m.inContext])).toEqual([['es 11', false]]);
      expect(many.filter((m) => m.length === 0)).toHaveLength(
        queries.filter((q) => q.source.endsWith(' unknown')).length,
      );
      expect(many.filter((m) => m[0]?.score === 99).length).toBe(queries.filter((q) => q.source.includes('  ')).length);
      expect(many.filter((m) => m[0]?.target.startsWith('fr ')).length).toBe(Math.ceil(1300 / 7));
      expect(await tm.exactMany([])).toEqual([]);
      await tm.close();
    });

    it("adds a person's overwriting translations given in chunks as one add of them all would", async () => {
      const stored = [
        en('The bridge reopened.', 'Borrador MT.', { origin: 'mt:apertium' }),
        en('Rain is expected.', 'Se espera lluvia.', { origin: 'human' }),
      ];
      const incoming = [
        en('Rain is expected.', 'Habrá lluvia.', { origin: 'human', doc: 'a', unit: 'u1' }),
        en('The bridge reopened.', 'El puente reabrió.', { origin: 'human', doc: 'a', unit: 'u2' }),
        en('Snow fell.', 'Nevó.', { origin: 'human', doc: 'a', unit: 'u3', context: 'k' }),
        // the same places again in later chunks: other targets, and the same one from another document
        en('Rain is expected.', 'Lloverá.', { origin: 'human', doc: 'b', unit: 'u1' }),
        en('Snow fell.', 'Nieve.', { origin: 'human', doc: 'd', unit: 'u3', context: 'k' }),
        en('Snow fell.', 'Nevó.', { origin: 'human', doc: 'b', unit: 'u9', context: 'k' }),
        en('Snow fell.', 'Cayó nieve.', { origin: 'human', doc: 'c', unit: 'u3' }),
        en('The bridge reopened.', 'El puente volvió a abrir.', { origin: 'human', doc: 'c', unit: 'u2' }),
        // back to the stored text: the stored entry stays as it was (who made it)
        en('Rain is expected.', 'Se espera lluvia.', { origin: 'tmx', doc: 'c', unit: 'u1' }),
        en(' ', 'empty source'),
      ];
      const whole = await open();
      const chunked = await open();
      for (const tm of [whole, chunked]) await tm.add(stored);
      expect((await whole.add(incoming, { overwrite: true })).kept).toEqual([]);
      const chunks = [incoming.slice(0, 2), incoming.slice(2, 4), incoming.slice(4, 7), incoming.slice(7)];
      expect((await chunked.addChunks(chunks, { overwrite: true })).kept).toEqual([]);
      const inOrder = await whole.all();
      expect(inOrder.map((e) => [e.target, e.doc ?? '', e.origin])).toEqual([
        ['El puente volvió a abrir.', 'c', 'human'],
        ['Se espera lluvia.', '', 'human'],
        ['Nevó.', 'b', 'human'],
        ['Cayó nieve.', 'c', 'human'],
      ]);
      expect(await chunked.all()).toEqual(inOrder);
      await whole.close();
      await chunked.close();
    });

    it('gives back every entry with its codes, origin and place, oldest first, by language', async () => {
      const tm = await open();
      const a = en('Read {{x1}} now.', 'Lea {{x1}} ahora.', {
        codes: { x1: '<br/>' },
        origin: 'human',
        doc: 'd1',
        unit: 'u1',
        context: 'c',
      });
      await tm.add([a, { ...en('Plain.', 'Simple.'), targetLang: 'FR' }]);
      expect(await tm.all('en', 'es')).toEqual([{ ...a, sourceLang: 'en', targetLang: 'es' }]);
      expect((await tm.all('en')).map((e) => e.targetLang)).toEqual(['es', 'fr']);
      expect((await tm.all(undefined, 'fr')).map((e) => e.target)).toEqual(['Simple.']);
      await tm.close();
    });

    it('finds the best fuzzy matches among many, best first, the most recent first among equals', async () => {
      const tm = await open();
      await tm.add(
        Array.from({ length: 3000 }, (_, i) =>
          en(`Report ${i}: the convoy number ${i} reached town ${i % 97} after a long delay.`, `T${i}`),
        ),
      );
      const hits = await tm.fuzzy('Report 5: the convoy number 5 reached town 5 after a long wait.', 'en', 'es', 70, 3);
      // T5 differs by one word (14/15); entries whose town is 5 (i % 97 = 5) also differ in two numbers (−2 each
      // point), and among those equals the most recent come first: 2915 = 30·97 + 5, then 2818.
      expect(hits.map((h) => h.target)).toEqual(['T5', 'T2915', 'T2818']);
      expect(hits.map((h) => h.score)).toEqual([93.33, 91.33, 91.33]);
      await tm.close();
    });

    it('records its schema version and migrates once', async () => {
      const tm = await open();
      expect(await tm.count()).toBe(0);
      expect((tm as unknown as { migration: { from: number; to: number } }).migration).toEqual({
        from: 0,
        to: version,
      });
      await tm.close();
    });
  });
}

describe.skipIf(missing)('both stores return the same matches in the same order', () => {
  it('on the same data, for exact, edited and new sentences', async () => {
    const sqlite = await openSqlite();
    const postgres = await openPostgres();
    const sentences = corpus(6000, 7);
    const entries = sentences.map((s, i) => en(s, `target ${i}`, { origin: i % 3 ? 'human' : 'mt:apertium' }));
    for (let i = 0; i < entries.length; i += 1500) {
      await sqlite.add(entries.slice(i, i + 1500));
      await postgres.add(entries.slice(i, i + 1500));
    }
    expect(await postgres.count()).toBe(await sqlite.count());
    const queries = corpus(100, 99).concat(
      sentences.slice(0, 100).map((s, i) => s.replace(/\S+/u, i % 2 ? '17' : 'wzzz')),
    );
    let found = 0;
    for (const q of queries) {
      for (const [threshold, limit] of [
        [75, 3],
        [60, 5],
      ] as const) {
        const a = await sqlite.fuzzy(q, 'en', 'es', threshold, limit);
        expect(await postgres.fuzzy(q, 'en', 'es', threshold, limit)).toEqual(a);
        found += a.length;
      }
      expect(await postgres.exact(q, 'en', 'es')).toEqual(await sqlite.exact(q, 'en', 'es'));
    }
    // The comparison means something only when matches were found.
    expect(found).toBeGreaterThan(150);
    await sqlite.close();
    await postgres.close();
  });

  it('after a first load large enough to build the token index afresh (PostgreSQL), and an import after it', async () => {
    const sqlite = await openSqlite();
    const postgres = (await openPostgres()) as PostgresMemory;
    const sentences = corpus(BULK_ROWS + 500, 21);
    const entries = sentences.map((s, i) => en(s, `target ${i}`));
    // Into an empty memory the rows go in as they are: places given twice in the load keep one row each, by the rule.
    const first = entries
      .slice(0, BULK_ROWS)
      .concat(en(sentences[3]!, 'another person'), en(sentences[4]!, 'machine', { origin: 'mt:apertium' }));
    const [a, b] = [await sqlite.add(first), await postgres.add(first)];
    expect(b).toEqual(a);
    expect(a.kept.map((k) => k.kept)).toEqual(['target 3', 'target 4']);
    const { default: pg } = await import('pg');
    const indexes = async (db: string): Promise<string[]> => {
      const c = new pg.Client({ connectionString: db });
      await c.connect();
      const r = await c.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'tm_entries'");
      await c.end();
      return r.rows.map((x) => x.indexname).sort();
    };
    expect(await indexes(postgres.location)).toEqual(['tm_entries_pkey', 'tm_entries_place', 'tm_entries_tiers']);
    // A later, smaller import keeps the index up to date row by row.
    await sqlite.add(entries.slice(BULK_ROWS));
    await postgres.add(entries.slice(BULK_ROWS));
    expect(await postgres.count()).toBe(await sqlite.count());
    let found = 0;
    for (const q of sentences.slice(BULK_ROWS - 40).map((s, i) => (i % 2 ? s.replace(/\S+/u, 'wzzz') : s))) {
      const fuzzy = await sqlite.fuzzy(q, 'en', 'es', 75, 3);
      expect(await postgres.fuzzy(q, 'en', 'es', 75, 3)).toEqual(fuzzy);
      found += fuzzy.length;
    }
    expect(found).toBeGreaterThan(30);
    await sqlite.close();
    await postgres.close();
  });

  it('a large load into a smaller memory keeps the translations of people it holds (PostgreSQL: index rebuilt)', async () => {
    const sqlite = await openSqlite();
    const postgres = await openPostgres();
    const sentences = corpus(BULK_ROWS, 33);
    const held = sentences.slice(0, 2000).map((s, i) => en(s, `held ${i}`));
    expect(await postgres.add(held)).toEqual(await sqlite.add(held));
    const load = sentences.map((s, i) => en(s, `loaded ${i}`));
    const [a, b] = [await sqlite.add(load), await postgres.add(load)];
    expect(b).toEqual(a);
    expect(a.changed).toBe(BULK_ROWS - 2000);
    expect(a.kept).toHaveLength(2000);
    expect(await postgres.count()).toBe(BULK_ROWS);
    for (const q of [sentences[5]!, sentences[4000]!]) {
      const fuzzy = await sqlite.fuzzy(q, 'en', 'es', 75, 3);
      expect(fuzzy[0]?.target).toBe(q === sentences[5] ? 'held 5' : 'loaded 4000');
      expect(await postgres.fuzzy(q, 'en', 'es', 75, 3)).toEqual(fuzzy);
    }
    await sqlite.close();
    await postgres.close();
  });
});

describe.skipIf(missing)("PostgreSQL: fuzzy candidates from each entry's rarest tokens lose no match", () => {
  it('finds every entry a full scan scores at or above the threshold, at each tier, after the order is rewritten', async () => {
    const tm = (await openPostgres()) as PostgresMemory;
    // Near neighbours of each base sentence (words changed, dropped, doubled): scores on both sides of each threshold,
    // shared tokens that are common words, and tokens held twice.
    let s = 5;
    const rand = (): number => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const variant = (text: string, edits: number): string => {
      const w = text.split(' ');
      for (let e = 0; e < edits; e++) {
        const i = Math.floor(rand() * w.length);
        const r = rand();
        if (r < 0.4) w[i] = w[Math.floor(rand() * w.length)]!;
        else if (r < 0.7) w.splice(i, 1);
        else w.splice(i, 0, w[i]!);
      }
      return w.join(' ');
    };
    const bases = corpus(300, 41);
    const sources = [
      ...new Set(bases.flatMap((b) => [b, ...Array.from({ length: 8 }, (_, k) => variant(b, 1 + (k % 4)))])),
    ];
    await tm.add(sources.slice(0, 2000).map((x, i) => en(x, `t${i}`)));
    // Ordered by how common the tokens are now; the entries after it are tagged by that order (new tokens among them).
    await tm.reorder();
    await tm.add(sources.slice(2000).map((x, i) => en(`${x} qqz${i % 7}`, `t${2000 + i}`)));
    const all = (await tm.all()).map((e, i) => ({ e, i, tokens: tokenize(e.source) }));
    let found = 0;
    const tiers = new Set<number>();
    for (const q of bases.slice(0, 30).flatMap((b) => [b, variant(b, 2)])) {
      const mine = tokenize(q);
      const scored = all
        .map((x) => ({ ...x, score: fuzzyScore(mine, x.tokens, q, x.e.source) }))
        .sort((a, b) => b.score - a.score || b.i - a.i);
      for (const threshold of [90, 75, 74, 60, 50, 49, 30]) {
        const expected = scored.filter((x) => x.score >= threshold).map((x) => [x.e.target, x.score]);
        const got = await tm.fuzzy(q, 'en', 'es', threshold, 1000);
        expect(got.map((m) => [m.target, m.score])).toEqual(expected);
        found += expected.length;
        if (expected.length) tiers.add(threshold >= 75 ? 0 : threshold >= 50 ? 1 : 2);
      }
    }
    expect(found).toBeGreaterThan(500);
    expect([...tiers].sort()).toEqual([0, 1, 2]);
    await tm.close();
  });
});

describe.skipIf(missing)('PostgreSQL: a memory of schema 1', () => {
  it('is migrated on first use (its entries tagged by their order) and gives the matches SQLite gives', async () => {
    const url = await cluster!.database();
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    // Schema 1 as it was written: a GIN index over every token of each entry.
    await c.query(`CREATE TABLE tm_schema (version integer NOT NULL); INSERT INTO tm_schema VALUES (1);
      CREATE TABLE tm_entries (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, src_lang text NOT NULL,
        tgt_lang text NOT NULL, source text NOT NULL, target text NOT NULL, key text NOT NULL,
        context text NOT NULL DEFAULT '', origin text NOT NULL DEFAULT '', machine boolean NOT NULL DEFAULT false,
        doc text NOT NULL DEFAULT '', unit text NOT NULL DEFAULT '', codes text NOT NULL DEFAULT '{}',
        ntok integer NOT NULL, tokens text[] NOT NULL, created timestamptz NOT NULL DEFAULT now(),
        updated timestamptz NOT NULL DEFAULT now());
      CREATE UNIQUE INDEX tm_entries_place ON tm_entries (src_lang, tgt_lang, md5(key), context);
      CREATE INDEX tm_entries_tokens ON tm_entries USING gin (tokens);`);
    const sentences = [...new Set(corpus(3000, 55))];
    const tokens = sentences.map((x) => tokenize(x).lower);
    await c.query(
      `INSERT INTO tm_entries (src_lang, tgt_lang, source, target, key, ntok, tokens)
       SELECT 'en', 'es', s, 'target ' || (i - 1), k, n, t::text[]
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) WITH ORDINALITY AS r(s, k, n, t, i)`,
      [
        sentences,
        sentences.map(tmKey),
        tokens.map((t) => t.length),
        tokens.map((t) => `{${t.map((x) => `"${x}"`).join(',')}}`),
      ],
    );
    await c.end();
    const postgres = await PostgresMemory.open(url, url);
    expect(postgres.migration).toEqual({ from: 1, to: POSTGRES_SCHEMA_VERSION });
    const sqlite = await openSqlite();
    await sqlite.add(sentences.map((x, i) => en(x, `target ${i}`)));
    let found = 0;
    for (const q of sentences.slice(0, 80).map((x, i) => (i % 2 ? x.replace(/\S+/u, 'wzzz') : `${x} more`))) {
      for (const threshold of [75, 60]) {
        const a = await sqlite.fuzzy(q, 'en', 'es', threshold, 5);
        expect(await postgres.fuzzy(q, 'en', 'es', threshold, 5)).toEqual(a);
        found += a.length;
      }
    }
    expect(found).toBeGreaterThan(100);
    // An entry written after the migration, with a word the order does not know, is found by it.
    await postgres.add([en('Zyzzyva arrived.', 'new')]);
    expect((await postgres.fuzzy('Zyzzyva arrived!', 'en', 'es', 60, 3)).map((m) => m.target)).toEqual(['new']);
    await sqlite.close();
    await postgres.close();
  });
});

describe.skipIf(missing)("PostgreSQL: the tags of an entry's tokens", () => {
  it('are the same written by the store (tiers) as by the reorder (tm_tiers), for any characters', async () => {
    const tm = (await openPostgres()) as PostgresMemory;
    // Byte order against UTF-16 order: accents, a character past U+E000 and ones beyond U+FFFF; tokens held twice;
    // quotes and backslashes (escaped in the array literals).
    const words = ['a', 'b', 'é', 'z', '\uff01', '😀', '𝔄x', 'ab', 'aé', 'ﬀ', '\ufffd', '"', '\\'];
    let s = 3;
    const rand = (): number => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const text = (): string =>
      Array.from({ length: 1 + Math.floor(rand() * 14) }, () => words[Math.floor(rand() * words.length)]).join(' ');
    const sources = [...new Set(Array.from({ length: 400 }, text))];
    await tm.add(sources.slice(0, 200).map((x, i) => en(x, `t${i}`)));
    await tm.reorder();
    // Tokens the order does not know (held by no entry when it was written) come first, by their bytes.
    const unknown = ['\uff02', '😁', '\uff03', '𝔅', 'ｚ', '\ue000', '😂y', 'y'];
    const later = sources.slice(200).map((x, i) => {
      const fresh = Array.from({ length: 6 }, (_, k) => unknown[(i * 5 + k * 3) % unknown.length]).join(' ');
      return en(`${fresh} ${x}`, `u${i}`);
    });
    await tm.add(later);
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: tm.location });
    await c.connect();
    const rows = (
      await c.query<{ stored: string[]; tagged: string[] }>(
        'SELECT tiers AS stored, tm_tiers(tokens) AS tagged FROM tm_entries ORDER BY id',
      )
    ).rows;
    await c.end();
    expect(rows.length).toBeGreaterThan(300);
    for (const r of rows) expect([...r.stored].sort()).toEqual([...r.tagged].sort());
    // The entries added after the reorder were tagged by the store, not by the server.
    expect(rows.slice(-50).some((r) => r.stored.some((t) => t.startsWith('0') && t.includes(' ')))).toBe(true);
    await tm.close();
  });
});

describe('SQLite files of earlier versions', () => {
  it('are migrated: one entry per place, a person over a machine, the most recent person first', async () => {
    const path = sqliteFile();
    const db = new Database(path);
    db.exec(`CREATE TABLE entries (id INTEGER PRIMARY KEY, src_lang TEXT NOT NULL, tgt_lang TEXT NOT NULL,
      source TEXT NOT NULL, target TEXT NOT NULL, key TEXT NOT NULL, context TEXT NOT NULL DEFAULT '',
      origin TEXT NOT NULL DEFAULT '', doc TEXT NOT NULL DEFAULT '', unit TEXT NOT NULL DEFAULT '',
      codes TEXT NOT NULL DEFAULT '{}', created TEXT NOT NULL, UNIQUE (src_lang, tgt_lang, key, target, context))`);
    const insert = db.prepare(
      "INSERT INTO entries (src_lang, tgt_lang, source, target, key, origin, created) VALUES ('en', 'es', ?, ?, ?, ?, 'x')",
    );
    insert.run('One.', 'Uno (persona).', 'One.', 'human');
    insert.run('One.', 'Uno (MT).', 'One.', 'mt:apertium');
    insert.run('Two.', 'Dos (MT).', 'Two.', 'mt:apertium');
    insert.run('Two.', 'Dos (viejo).', 'Two.', 'human');
    insert.run('Two.', 'Dos (nuevo).', 'Two.', 'tmx');
    db.close();
    const tm = new SqliteMemory(path);
    expect(tm.migration).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect((await tm.all()).map((e) => e.target)).toEqual(['Uno (persona).', 'Dos (nuevo).']);
    await tm.close();
    const again = new SqliteMemory(path);
    expect(again.migration).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect((again as unknown as { db: Database.Database }).db.pragma('journal_mode', { simple: true }) as string).toBe(
      'wal',
    );
    await again.close();
  });

  it('refuses a memory of a newer schema than this locflow knows', async () => {
    const path = sqliteFile();
    await new SqliteMemory(path).close();
    const db = new Database(path);
    db.exec(`UPDATE tm_schema SET version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteMemory(path)).toThrow(/schema version 2; this locflow knows up to 1/u);
  });
});

describe('the SQLite fuzzy index kept in the file', () => {
  /** Every entry of the pair scored: the matches a lossless index must find, best first, the most recent first. */
  function scan(db: Database.Database, query: string, threshold: number, limit: number): Array<[string, number]> {
    const rows = db
      .prepare("SELECT id, source, target FROM entries WHERE src_lang = 'en' AND tgt_lang = 'es'")
      .all() as Array<{ id: number; source: string; target: string }>;
    return rows
      .map((r) => ({ ...r, score: fuzzyScore(query, r.source, query, r.source) }))
      .filter((r) => r.score >= threshold)
      .sort((a, b) => b.score - a.score || b.id - a.id)
      .slice(0, limit)
      .map((r) => [r.target, r.score]);
  }
  const found = (hits: ReadonlyArray<{ target: string; score: number }>): Array<[string, number]> =>
    hits.map((h) => [h.target, h.score]);

  it('is written on first fuzzy use, read by the next process, and extended by the entries added since', async () => {
    const path = sqliteFile();
    const sentences = corpus(3000, 21);
    const first = new SqliteMemory(path);
    await first.add(sentences.slice(0, 2500).map((s, i) => en(s, `t${i}`)));
    const queries = sentences
      .slice(0, 2900)
      .filter((_, i) => i % 97 === 0)
      .map((s) => s.replace(/\S+/u, 'wzzz'));
    await first.fuzzy(queries[0]!, 'en', 'es', 70, 3);
    await first.close();
    const db = new Database(path);
    const segments = (): Array<{ rowid: number; first_id: number; last_id: number; stale: number }> =>
      db.prepare('SELECT rowid, first_id, last_id, stale FROM tm_fuzzy_segments ORDER BY first_id').all() as Array<{
        rowid: number;
        first_id: number;
        last_id: number;
        stale: number;
      }>;
    expect(segments()).toEqual([{ rowid: expect.any(Number) as number, first_id: 1, last_id: 2500, stale: 0 }]);
    const written = segments();
    // Another process adds 500 entries (ids after the segment); the next one to search finds them too.
    const second = new SqliteMemory(path);
    await second.add(sentences.slice(2500).map((s, i) => en(s, `t${2500 + i}`)));
    await second.close();
    const third = new SqliteMemory(path);
    let matched = 0;
    for (const q of queries) {
      const hits = found(await third.fuzzy(q, 'en', 'es', 70, 3));
      expect(hits).toEqual(scan(db, q, 70, 3));
      matched += hits.length;
    }
    expect(matched).toBeGreaterThan(20);
    expect(segments()).toEqual([{ ...written[0]!, rowid: expect.any(Number) as number, last_id: 3000 }]);
    // Nothing added since: the next process reads the segment and writes nothing.
    const kept = segments();
    const fourth = new SqliteMemory(path);
    expect(found(await fourth.fuzzy(queries[1]!, 'en', 'es', 70, 3))).toEqual(scan(db, queries[1]!, 70, 3));
    expect(segments()).toEqual(kept);
    await third.close();
    await fourth.close();
    db.close();
  });

  it('tokenizes a segment again when a row in it changes its text, is deleted, or is put in its range', async () => {
    const path = sqliteFile();
    const tm = new SqliteMemory(path);
    const sentences = corpus(1200, 5);
    await tm.add(sentences.map((s, i) => en(s, `t${i}`)));
    // Same key, other tokens: a number with no-break spaces is one number, with spaces three.
    await tm.add([en('Costs rose to 1 000 000 dollars.', 'old')]);
    await tm.fuzzy('Costs rose to 5 dollars.', 'en', 'es', 90, 3);
    await tm.close();
    const db = new Database(path);
    // Small segments, so that one goes stale among others.
    db.exec('DELETE FROM tm_fuzzy_segments; DELETE FROM tm_fuzzy_tokens');
    loadFuzzyIndex(db, 'en', 'es', { segmentRows: 300 });
    const stale = (): number[] =>
      db.prepare('SELECT first_id FROM tm_fuzzy_segments WHERE stale = 1').pluck().all() as number[];
    expect(stale()).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM tm_fuzzy_segments').pluck().get()).toBe(5);
    const updater = new SqliteMemory(path);
    await updater.add([en('Costs rose to 1\u00a0000\u00a0000 dollars.', 'new')], { overwrite: true });
    await updater.close();
    // The place of the changed row (id 1201, the last) is in the last segment.
    expect(stale()).toEqual([1201]);
    // Another writer deletes a row and puts a different one at its id, in the first segment.
    const victim = sentences[10]!;
    db.prepare('DELETE FROM entries WHERE id = 11').run();
    db.prepare(
      `INSERT INTO entries (id, src_lang, tgt_lang, source, target, key, created, updated)
       VALUES (11, 'en', 'es', 'Quite another sentence about the weather today.', 'weather', ?, 'x', 'x')`,
    ).run('Quite another sentence about the weather today.');
    expect(stale()).toEqual([1, 1201]);
    const index = loadFuzzyIndex(db, 'en', 'es', { segmentRows: 300 });
    expect(stale()).toEqual([]);
    for (const [q, threshold] of [
      ['Costs rose to 5 dollars.', 90],
      ['Quite another sentence about the weather now.', 75],
      [victim, 75],
    ] as const)
      expect(found(index.search(q, threshold, 3))).toEqual(scan(db, q, threshold, 3));
    expect(found(index.search('Costs rose to 5 dollars.', 90, 3))).toEqual([['new', 99]]);
    db.close();
  });

  it('is not kept when another connection commits between its read and its write (first load and later)', async () => {
    const path = sqliteFile();
    const tm = new SqliteMemory(path);
    const sentences = corpus(900, 9);
    await tm.add(sentences.map((s, i) => en(s, `t${i}`)));
    await tm.close();
    const db = new Database(path);
    const other = new Database(path);
    const moved = 'Quite another sentence about the harbour and its ferries today.';
    const segmentRows = (): number =>
      (db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'tm_fuzzy_segments'").pluck().get() as number) &&
      (db.prepare('SELECT count(*) FROM tm_fuzzy_segments').pluck().get() as number);
    // First load: no triggers yet, so only the guard knows that row 5 got another text after the read.
    loadFuzzyIndex(db, 'en', 'es', {
      segmentRows: 300,
      afterRead: () => other.prepare('UPDATE entries SET source = ?, target = ? WHERE id = 5').run(moved, 'moved'),
    });
    expect(segmentRows()).toBe(0);
    const again = new SqliteMemory(path);
    expect(found(await again.fuzzy(moved.replace('today', 'now'), 'en', 'es', 75, 3))).toEqual([['moved', 90.91]]);
    await again.close();
    // Kept now, in small segments. The second is stale, so the next load tokenizes it again; a row in it changes
    // between that load's read and its write, which would put the old tokens back with the stale mark cleared.
    db.exec('DELETE FROM tm_fuzzy_segments; DELETE FROM tm_fuzzy_tokens');
    loadFuzzyIndex(db, 'en', 'es', { segmentRows: 300 });
    expect(segmentRows()).toBe(3);
    db.prepare('UPDATE tm_fuzzy_segments SET stale = 1 WHERE first_id = 301').run();
    loadFuzzyIndex(db, 'en', 'es', {
      segmentRows: 300,
      afterRead: () => other.prepare('UPDATE entries SET source = ?, target = ? WHERE id = 305').run(moved, 'moved 2'),
    });
    expect(db.prepare('SELECT first_id FROM tm_fuzzy_segments WHERE stale = 1').pluck().all()).toEqual([301]);
    const index = loadFuzzyIndex(db, 'en', 'es', { segmentRows: 300 });
    expect(found(index.search(moved, 75, 3))).toEqual([
      ['moved 2', 100],
      ['moved', 100],
    ]);
    for (const q of [moved.replace('today', 'now'), sentences[4]!, sentences[304]!])
      expect(found(index.search(q, 75, 3))).toEqual(scan(db, q, 75, 3));
    other.close();
    db.close();
  });

  it('is searched without waiting, and not kept, while another process holds the write lock', async () => {
    const path = sqliteFile();
    const tm = new SqliteMemory(path);
    const sentences = corpus(500, 3);
    await tm.add(sentences.map((s, i) => en(s, `t${i}`)));
    const writer = new Database(path);
    writer.exec('BEGIN IMMEDIATE');
    const t = Date.now();
    const q = sentences[7]!.replace(/\S+/u, 'wzzz');
    const hits = found(await tm.fuzzy(q, 'en', 'es', 70, 3));
    expect(Date.now() - t).toBeLessThan(5000);
    expect(hits).toEqual(scan(writer, q, 70, 3));
    expect(hits.length).toBeGreaterThan(0);
    writer.exec('ROLLBACK');
    expect(writer.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'tm_fuzzy_segments'").pluck().get()).toBe(0);
    writer.close();
    await tm.close();
  });
});
