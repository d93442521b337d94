import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content, InlineCode } from '../src/model/content.js';
import { toPlainText } from '../src/model/content.js';
import { protectForMt, restoreFromMt } from '../src/mt/protect.js';
import { apertiumEngine } from '../src/mt/apertium.js';
import { apyCoverage, apyEngine, apyGroups } from '../src/mt/apy.js';
import { deeplEngine } from '../src/mt/deepl.js';
import { libreTranslateEngine } from '../src/mt/libretranslate.js';
import { apertiumMode } from '../src/mt/languages.js';
import { startEngineCommand } from '../src/mt/run-command.js';
import { translate } from '../src/workflow/translate.js';
import { fakeServer, hasApertium, hasApy, json, shout, startApy, type FakeServer } from './mt-helpers.js';
import { locflowInProcess, locflowAsync, read, tempProject } from './helpers.js';
import { loadProject } from '../src/project/load.js';

const code = (
  id: string,
  type: InlineCode['type'],
  data: string,
  kind: InlineCode['code'] = 'standalone',
): InlineCode => ({ code: kind, id, type, data });

const SOURCE: Content = [
  'Read the ',
  code('1', 'link', '<a href="https://example.com/x?a=1&b=2">', 'open'),
  'statement',
  code('1', 'link', '</a>', 'close'),
  ' by Central Command at ',
  code('2', 'url', 'https://www.centcom.mil/'),
  ', {{name}} & 62 others wrote to ',
  code('3', 'email', 'press@example.org'),
  '.',
];

describe('protection for MT', () => {
  it('turns codes, placeholders and protected names into empty <x/> and puts them back by id', () => {
    const p = protectForMt(SOURCE, [{ source: 'Central Command', replacement: 'Comando Central' }]);
    expect(p.html).toBe(
      'Read the <x id="1"/>statement<x id="2"/> by <x id="3"/> at <x id="4"/>, <x id="5"/> &amp; 62 others wrote to <x id="6"/>.',
    );
    // An engine that reorders and changes words, but keeps tags.
    const mt =
      'Lea el <x id="2"/><x id="1"/>comunicado del <x id="3"/> en <x id="4"/>, <x id="5"/> &amp; otros 62 escribieron a <x id="6"/>.';
    const r = restoreFromMt(mt, p.slots, SOURCE);
    expect(r.missing).toEqual([]);
    expect(toPlainText(r.content)).toBe(
      'Lea el </a><a href="https://example.com/x?a=1&b=2">comunicado del Comando Central en https://www.centcom.mil/, {{name}} & otros 62 escribieron a press@example.org.',
    );
    const codes = r.content.filter((x): x is InlineCode => typeof x !== 'string');
    expect(codes.map((c) => c.data)).toEqual([
      '</a>',
      '<a href="https://example.com/x?a=1&b=2">',
      'https://www.centcom.mil/',
      'press@example.org',
    ]);
  });

  it('reports slots an engine lost or repeated, and removes doubled spaces it left', () => {
    const p = protectForMt(['A ', code('1', 'tag', '<br/>'), ' B ', code('2', 'tag', '<hr/>')]);
    const r = restoreFromMt('Un  <x id="1"/> B <x id="1"/>', p.slots, [
      'A ',
      code('1', 'tag', '<br/>'),
      ' B ',
      code('2', 'tag', '<hr/>'),
    ]);
    expect(r.missing).toEqual([2]);
    expect(r.repeated).toEqual([1]);
    expect(toPlainText(r.content)).toBe('Un <br/> B');
  });

  it('maps BCP 47 to Apertium modes, three-letter and two-letter', () => {
    expect(apertiumMode('en', 'es-MX', ['eng-spa', 'spa-eng'])).toBe('eng-spa');
    expect(apertiumMode('en', 'gl', ['en-gl'])).toBe('en-gl');
    expect(apertiumMode('en', 'fr', ['eng-spa'])).toBeNull();
  });
});

describe('Apertium, a pair named in two-letter codes', () => {
  it('is found in the installed list, the process begun with the three-letter guess stopped', async () => {
    const d = mkdtempSync(join(tmpdir(), 'locflow-apertium-modes-'));
    const script = join(d, 'apertium');
    // Lists one pair, "en-es"; any other mode fails as Apertium does; translates by changing one word.
    writeFileSync(
      script,
      '#!/bin/sh\nif [ "$1" = "-l" ]; then echo en-es; exit 0; fi\n' +
        '[ "$4" = en-es ] || { echo "Error: Mode $4 does not exist" >&2; exit 1; }\nsed s/hello/hola/g\n',
      { mode: 0o755 },
    );
    const out = await apertiumEngine(script).translate(['hello <x id="1"/> world', 'hello'], {
      source: 'en',
      target: 'es',
    });
    expect(out).toEqual(['hola <x id="1"/> world', 'hola']);
    await expect(apertiumEngine(script).translate(['hello'], { source: 'en', target: 'fr' })).rejects.toThrow(
      /no en→fr pair installed[\s\S]*/u,
    );
  });
});

describe.skipIf(!hasApertium)('Apertium, the local command', () => {
  const engine = apertiumEngine();

  it('translates a batch in order, with protected spans byte-exact', async () => {
    const units: Content[] = [
      SOURCE,
      ['At least 62 US personnel were hurt.'],
      ['The strike hit Ain Al Asad air base.'],
      ['Iraqi militia groups have vowed to increase their attacks.'],
    ];
    const prepared = units.map((u) =>
      protectForMt(u, [
        { source: 'Ain Al Asad', replacement: 'Ain Al Asad' },
        { source: 'Central Command', replacement: 'Comando Central' },
      ]),
    );
    const out = await engine.translate(
      prepared.map((p) => p.html),
      { source: 'en', target: 'es' },
    );
    expect(out).toHaveLength(4);
    const restored = out.map((o, i) => restoreFromMt(o, prepared[i]!.slots, units[i]!));
    expect(restored.every((r) => r.missing.length === 0)).toBe(true);
    const first = toPlainText(restored[0]!.content);
    for (const kept of [
      '<a href="https://example.com/x?a=1&b=2">',
      '</a>',
      'https://www.centcom.mil/',
      '{{name}}',
      'press@example.org',
      'Comando Central',
    ])
      expect(first).toContain(kept);
    expect(toPlainText(restored[2]!.content)).toContain('Ain Al Asad');
    expect(toPlainText(restored[3]!.content)).toMatch(/milicia/u);
  });

  it('a batch begun before its segments are known, filled in pieces, translates as one call does', async () => {
    const segments = [
      'The strike hit Ain Al Asad air base.',
      'Read the <x id="1"/>statement<x id="2"/> &amp; more.',
      'Iraqi militia groups have vowed to increase their attacks.',
      'Officials in Kirkuk gave new figures on July 7.',
    ];
    const pair = { source: 'en', target: 'es' };
    const whole = await engine.translate(segments, pair);
    const batch = await engine.begin!(pair);
    batch.add(segments.slice(0, 1));
    await new Promise((r) => setTimeout(r, 200)); // the engine is already at work on the first
    batch.add(segments.slice(1));
    expect(await batch.end()).toEqual(whole);
    expect(whole[3]).toMatch(/funcionarios|oficiales/iu);
  });

  it("tells each translation as its output comes, in order, as end gives it: repeats and the run's memory too", async () => {
    const own = apertiumEngine();
    const pair = { source: 'en', target: 'es' };
    const before = 'Officials in Kirkuk gave new figures on July 7.';
    await own.translate([before], pair); // in the run's memory: not sent again
    const segments = [
      'The strike hit Ain Al Asad air base.',
      'Read the <x id="1"/>statement<x id="2"/> &amp; more.',
      before,
      'The strike hit Ain Al Asad air base.',
      'Iraqi militia groups have vowed to increase their attacks.',
    ];
    const batch = await own.begin!(pair);
    const told: Array<[number, string]> = [];
    batch.add(segments.slice(0, 2));
    batch.each!((i, t) => told.push([i, t]));
    await new Promise((r) => setTimeout(r, 200));
    batch.add(segments.slice(2));
    const given = await batch.end();
    expect(told.map(([i]) => i)).toEqual([0, 1, 2, 3, 4]);
    expect(told.map(([, t]) => t)).toEqual(given);
    expect(given[3]).toBe(given[0]);
  });

  it('names the installed pairs and the package to install for a missing pair', async () => {
    await expect(engine.translate(['Hello'], { source: 'en', target: 'fr' })).rejects.toThrow(
      /no en→fr pair installed/u,
    );
    await expect(engine.translate(['Hello'], { source: 'en', target: 'fr' })).rejects.toMatchObject({
      hint: expect.stringMatching(/eng-spa[\s\S]*apertium-eng-spa/u),
    });
  });

  it('translate --engine apertium fills the store, marks broken units needs-review and overwrites nothing', async () => {
    const d = tempProject();
    writeFileSync(join(d, 'glossary.csv'), read(join(__dirname, '..', 'glossary.csv')));
    const cfg = JSON.parse(read(join(d, 'locflow.config.json'))) as Record<string, unknown>;
    writeFileSync(join(d, 'locflow.config.json'), JSON.stringify({ ...cfg, qa: { glossary: 'glossary.csv' } }));
    // One unit translated by a person first: MT must leave it alone.
    expect((await locflowInProcess(d, 'extract', '--lang', 'es')).code).toBe(0);
    const x = read(join(d, 'xliff/es/article.xlf')).replace(
      /(<source>Air strike kills at least five militants in northern Iraq<\/source>)/u,
      '$1<target state="translated">Un ataque aéreo mata al menos a cinco milicianos en el norte de Irak</target>',
    );
    writeFileSync(join(d, 'xliff/es/article.xlf'), x);
    expect((await locflowInProcess(d, 'import', 'xliff/es/article.xlf')).code).toBe(0);
    const dry = await locflowInProcess(d, 'translate', '--engine', 'apertium', '--lang', 'es', '--dry-run');
    expect(dry.stdout).toMatch(/es\/article: 16 units, 3\d\d words, \d+ characters to translate/u);
    const r = await locflowInProcess(d, 'translate', '--engine', 'apertium', '--lang', 'es');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/16 of 16 units translated with apertium, [1-9]\d* marked needs-review/u);
    const bundle = JSON.parse(read(join(d, 'locales/es/article.json'))) as Record<string, string>;
    const meta = JSON.parse(read(join(d, 'locales/es/article.meta.json'))) as {
      units: Record<string, { state: string; origin: string }>;
    };
    expect(Object.values(bundle)).toContain('Un ataque aéreo mata al menos a cinco milicianos en el norte de Irak');
    expect(Object.values(meta.units).filter((m) => m.origin === 'mt:apertium')).toHaveLength(16);
    expect(Object.values(meta.units).some((m) => m.state === 'needs-review')).toBe(true);
    // The date code came back intact: the build formats it.
    expect((await locflowInProcess(d, 'build', '--lang', 'es')).code).toBe(0);
    expect(read(join(d, 'locales/es/article.txt'))).toContain('5 de diciembre de 2023 a las 14:15');
    // Nothing left to translate: a second run sends nothing and changes nothing.
    const again = await locflowInProcess(d, 'translate', '--engine', 'apertium', '--lang', 'es');
    expect(again.stdout).toMatch(/^total: nothing to translate, every unit has a translation$/mu);
  });
});

describe.skipIf(!hasApy)('Apertium APy, over HTTP on loopback', () => {
  let apy: Awaited<ReturnType<typeof startApy>>;
  beforeAll(async () => {
    apy = await startApy();
  }, 30_000);
  afterAll(() => apy?.stop());

  /** The markers of APy's answer to one request holding `q`, as sent. */
  const markersBack = async (q: string): Promise<number> => {
    const form = new URLSearchParams({ q, langpair: 'eng|spa', markUnknown: 'no', format: 'html' });
    const res = await fetch(`${apy.url}/translate`, { method: 'POST', body: form });
    const text = ((await res.json()) as { responseData: { translatedText: string } }).responseData.translatedText;
    return text.match(/<hr id="locflow-\d+"\s*\/>/gu)?.length ?? 0;
  };
  const sentences = (n: number, extra = ''): string[] =>
    Array.from({ length: n }, (_, i) => `The strike number ${i} hit militiamen${extra} in northern Iraq on Sunday.`);

  it('translates what apyCoverage says it does, and silently drops the rest', async () => {
    for (const [n, extra] of [
      [900, ''],
      [700, ' ñandú'],
      [300, ' and more words without a single full stop between them'],
    ] as const) {
      const q = sentences(n, extra)
        .map((s, i) => `${s.replace(/\.$/u, i % 7 ? '.' : '')}\n<hr id="locflow-${i}"/>\n`)
        .join('');
      const covered = Array.from(q).slice(0, apyCoverage(q)).join('');
      const expected = covered.match(/<hr id="locflow-\d+"\/>/gu)?.length ?? 0;
      expect(expected).toBeLessThan(n);
      expect(await markersBack(q)).toBe(expected);
    }
  });

  it('fills each request to what APy translates whole', async () => {
    const units = sentences(1500);
    const groups = apyGroups(units);
    expect(groups.flat()).toEqual(units);
    const request = (g: readonly string[]): string => g.map((s, i) => `${s}\n<hr id="locflow-${i}"/>\n`).join('');
    // Nearly 10 × 4 KB each (the last excepted), and every marker of each comes back.
    for (const g of groups.slice(0, -1)) expect(Buffer.byteLength(request(g))).toBeGreaterThan(36_000);
    for (const g of groups) expect(await markersBack(request(g))).toBe(g.length);
  });

  it('translates in full requests, every unit accounted for', async () => {
    const engine = apyEngine(apy.url);
    const units = Array.from(
      { length: 600 },
      (_, i) => `The air strike number <x id="1"/> hit ${i} militiamen in northern Iraq on Sunday.`,
    );
    const out = await engine.translate(units, { source: 'en', target: 'es' });
    expect(out).toHaveLength(600);
    expect(out[599]).toMatch(/<x id="1"\/>.*599/u);
    expect(out.every((o, i) => o.includes(String(i)))).toBe(true);
  });

  it('a busy APy that cuts a request short is asked again in halves; nothing is lost', async () => {
    // Three requests or more at once make APy cut 1,000-character pieces: here, answers stop after 4,000 characters.
    const busy = await fakeServer((path, body, _req, res) => {
      if (path === '/listPairs')
        return json(res, 200, { responseData: [{ sourceLanguage: 'eng', targetLanguage: 'spa' }] });
      const q = new URLSearchParams(body as string).get('q') ?? '';
      json(res, 200, { responseData: { translatedText: shout(q.slice(0, 4000)) }, responseStatus: 200 });
    });
    try {
      const units = sentences(400);
      const out = await apyEngine(busy.url).translate(units, { source: 'en', target: 'es' });
      expect(out).toEqual(units.map((u) => u.toUpperCase()));
      expect(busy.requests.length).toBeGreaterThan(apyGroups(units).length + 1);
    } finally {
      await busy.close();
    }
  });

  it('an uninstalled pair is a clear error', async () => {
    await expect(apyEngine(apy.url).translate(['Hello'], { source: 'en', target: 'de' })).rejects.toThrow(
      /has no en→de pair/u,
    );
  });
});

describe('HTTP APIs, against local servers that speak their documented protocol', () => {
  let deepl: FakeServer;
  let libre: FakeServer;
  beforeAll(async () => {
    // DeepL v2: POST /v2/translate, JSON, "DeepL-Auth-Key" header; 403 bad key, 429 rate limit, 456 quota.
    deepl = await fakeServer((path, body, req, res, n) => {
      if (path !== '/v2/translate') return json(res, 404, { message: 'Not found' });
      if (req.headers.authorization !== 'DeepL-Auth-Key good-key')
        return json(res, 403, { message: 'Wrong endpoint or key' });
      const b = body as { text: string[]; target_lang: string; tag_handling?: string };
      if (b.target_lang === 'QUOTA') return json(res, 456, { message: 'Quota exceeded' });
      if (n === 2) return json(res, 429, { message: 'Too many requests' }, { 'retry-after': '0' });
      json(res, 200, { translations: b.text.map((t) => ({ detected_source_language: 'EN', text: shout(t) })) });
    });
    // LibreTranslate: POST /translate, JSON {q, source, target, format, api_key}; errors as {"error": …}.
    libre = await fakeServer((path, body, _req, res) => {
      const b = body as { q: string[]; target: string; api_key?: string };
      if (path !== '/translate') return json(res, 404, { error: 'Not Found' });
      if (b.api_key !== 'k') return json(res, 403, { error: 'Invalid API key' });
      if (b.target === 'xx') return json(res, 400, { error: 'xx is not supported' });
      json(res, 200, { translatedText: b.q.map(shout) });
    });
  });
  afterAll(async () => {
    await deepl.close();
    await libre.close();
  });

  it('DeepL: batches of at most 50 texts, XML tag handling, retry after 429', async () => {
    const engine = deeplEngine(deepl.url, 'good-key', 'DEEPL_AUTH_KEY');
    const texts = Array.from({ length: 120 }, (_, i) => `Unit ${i} <x id="1"/> here`);
    const out = await engine.translate(texts, { source: 'en', target: 'es' });
    expect(out[119]).toBe('UNIT 119 <x id="1"/> HERE');
    const calls = deepl.requests.filter((r) => r.path === '/v2/translate');
    expect(calls.length).toBe(4); // 50 + 50 + 20, and one retry after the 429
    expect(calls.every((c) => (c.body as { text: string[] }).text.length <= 50)).toBe(true);
    expect(calls[0]!.body).toMatchObject({
      source_lang: 'EN',
      target_lang: 'ES',
      tag_handling: 'xml',
      ignore_tags: ['x'],
    });
  });

  it('DeepL: bad key, quota and a missing key are clear errors', async () => {
    await expect(
      deeplEngine(deepl.url, 'bad', 'DEEPL_AUTH_KEY').translate(['x'], { source: 'en', target: 'es' }),
    ).rejects.toThrow(/refused the API key \(403\)/u);
    await expect(
      deeplEngine(deepl.url, 'good-key', 'DEEPL_AUTH_KEY').translate(['x'], { source: 'en', target: 'quota' }),
    ).rejects.toThrow(/quota is used up \(456\)/u);
    await expect(
      deeplEngine(deepl.url, undefined, 'DEEPL_AUTH_KEY').translate(['x'], { source: 'en', target: 'es' }),
    ).rejects.toThrow(/DEEPL_AUTH_KEY is empty/u);
  });

  it('LibreTranslate: html format, api_key, and its error messages', async () => {
    const out = await libreTranslateEngine(libre.url, 'k').translate(['a <x id="1"/> b', 'c'], {
      source: 'en',
      target: 'es',
    });
    expect(out).toEqual(['A <x id="1"/> B', 'C']);
    expect(libre.requests[0]!.body).toMatchObject({ source: 'en', target: 'es', format: 'html', api_key: 'k' });
    await expect(
      libreTranslateEngine(libre.url, 'nope').translate(['a'], { source: 'en', target: 'es' }),
    ).rejects.toThrow(/403: Invalid API key/u);
    await expect(libreTranslateEngine(libre.url, 'k').translate(['a'], { source: 'en', target: 'xx' })).rejects.toThrow(
      /400: xx is not supported/u,
    );
  });

  it('translate --engine libretranslate through the CLI, configured by URL and key variable', async () => {
    const d = tempProject();
    const cfg = JSON.parse(read(join(d, 'locflow.config.json'))) as Record<string, unknown>;
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ ...cfg, mt: { libretranslate: { url: libre.url, apiKeyEnv: 'LT_KEY' } } }),
    );
    // The fake server answers in upper case; the CLI runs as a child with the key in its environment.
    const r = await locflowAsync(d, { LT_KEY: 'k' }, 'translate', '--engine', 'libretranslate', '--lang', 'fr');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/fr\/article: 17 of 17 units translated with libretranslate/u);
    expect(read(join(d, 'locales/fr/article.json'))).toContain('AIR STRIKE KILLS AT LEAST FIVE MILITANTS');
  });
});

describe('interruption', () => {
  it('an abort between batches leaves a whole, valid store with the finished batches', async () => {
    const text =
      Array.from({ length: 30 }, (_, i) => `Paragraph number ${i + 1} says something about Kirkuk.`).join('\n\n') +
      '\n';
    const d = tempProject(text);
    const project = await loadProject(d);
    const controller = new AbortController();
    const results = await translate(project, {
      engine: 'pseudo',
      langs: ['es'],
      force: true,
      batchSize: 10,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done >= 10) controller.abort(new Error('interrupted'));
      },
    });
    expect(results[0]).toMatchObject({ translated: 10, interrupted: true });
    const bundle = JSON.parse(readFileSync(join(d, 'locales/es/article.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(bundle)).toHaveLength(10);
    // Running again finishes the job without touching the first ten.
    const rest = await translate(project, { engine: 'pseudo', langs: ['es'], force: true });
    expect(rest[0]).toMatchObject({ translated: 20, interrupted: false });
    const after = JSON.parse(readFileSync(join(d, 'locales/es/article.json'), 'utf8')) as Record<string, string>;
    for (const [id, v] of Object.entries(bundle)) expect(after[id]).toBe(v);
  });

  it.skipIf(!hasApertium)(
    'an abort with Apertium batches in flight keeps the finished batch, then a rerun completes',
    async () => {
      const text =
        Array.from({ length: 30 }, (_, i) => `Paragraph number ${i + 1} says something about Kirkuk.`).join('\n\n') +
        '\n';
      const d = tempProject(text);
      const project = await loadProject(d);
      const controller = new AbortController();
      const options = { engine: 'apertium', langs: ['es'], batchSize: 10 };
      const results = await translate(project, {
        ...options,
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done >= 10) controller.abort(new Error('interrupted'));
        },
      });
      // The batch the engine had finished when the abort came is kept too; the one after it is not.
      const kept = results[0]!.translated;
      expect(results[0]).toMatchObject({ interrupted: true });
      expect([10, 20]).toContain(kept);
      const bundle = JSON.parse(readFileSync(join(d, 'locales/es/article.json'), 'utf8')) as Record<string, string>;
      expect(Object.keys(bundle)).toHaveLength(kept);
      const rest = await translate(project, options);
      expect(rest[0]).toMatchObject({ translated: 30 - kept, interrupted: false });
      const after = JSON.parse(readFileSync(join(d, 'locales/es/article.json'), 'utf8')) as Record<string, string>;
      for (const [id, v] of Object.entries(bundle)) expect(after[id]).toBe(v);
      expect(Object.values(after).filter((t) => /Párrafo|párrafo/u.test(t))).toHaveLength(30);
    },
  );

  it('stopping an engine command stops everything it started', async () => {
    const d = mkdtempSync(join(tmpdir(), 'locflow-engine-kill-'));
    const pidFile = join(d, 'pid');
    const running = startEngineCommand('sh', ['-c', `echo $$ > ${pidFile}; exec sleep 30`]);
    running.write('some input');
    const started = Date.now();
    while (!existsSync(pidFile) || !readFileSync(pidFile, 'utf8').trim()) {
      if (Date.now() - started > 10_000) throw new Error('the command did not start');
      await new Promise((r) => setTimeout(r, 20));
    }
    const pid = Number(readFileSync(pidFile, 'utf8'));
    running.kill();
    await expect(running.end()).rejects.toThrow(/failed/u);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Gone, or dead and waiting to be reaped.
    const state = (): string => (existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '');
    while (/^\d+ \(\w+\) [^ZX]/u.test(state()) && Date.now() - started < 10_000)
      await new Promise((r) => setTimeout(r, 20));
    expect(state()).not.toMatch(/^\d+ \(\w+\) [^ZX]/u);
  });

  it('an unknown engine is a usage error naming the engines', async () => {
    const r = await locflowInProcess(tempProject(), 'translate', '--engine', 'babelfish');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /unknown engine "babelfish"[\s\S]*apertium, apertium-apy, command, deepl, libretranslate, pseudo/u,
    );
  });
});
