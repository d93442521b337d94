import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuantities } from '../src/locale/numbers.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { readTmx, writeTmx } from '../src/tm/tmx.js';
import { loadProject } from '../src/project/load.js';
import { build } from '../src/workflow/build.js';
import { extract } from '../src/workflow/extract.js';
import { importFiles } from '../src/workflow/import.js';
import { pseudo } from '../src/workflow/pseudo.js';
import { locflow, locflowInProcess, projectWith, read, refusal } from './helpers.js';

/** Cases the fuzzing suite (npm run fuzz) found; each failed before its fix. */

function project(files: Record<string, string>, sources: string[], extra: object = {}): string {
  const inSource = Object.fromEntries(Object.entries(files).map(([name, text]) => [`source/${name}`, text]));
  return projectWith(inSource, { sourceLanguage: 'en', targetLanguages: ['es'], sources, ...extra });
}

describe('carriage returns inside a unit survive XLIFF and TMX', () => {
  it('a lone CR and CR LF in a source and target read back as written (XML parsers turn them into LF)', () => {
    for (const version of ['1.2', '2.0'] as const) {
      const x = writeXliff(
        {
          version,
          sourceLang: 'en',
          targetLang: 'es',
          files: [
            {
              original: 'a.txt',
              units: [
                { id: 'u1', source: ['one\rtwo\r\nthree'], target: ['uno\rdos'], state: 'translated', notes: [] },
              ],
            },
          ],
        },
        version,
      );
      const u = readXliff(x).files[0]!.units[0]!;
      expect(u.source).toEqual(['one\rtwo\r\nthree']);
      expect(u.target).toEqual(['uno\rdos']);
    }
  });

  // In process from here on where the workflow is what is tested (the CLI's wiring and exit codes are cli.test's):
  // a step that crashed would throw here as it exited 3 there.
  it('a text source with CR inside a paragraph goes through pseudo, import and build', async () => {
    const d = project({ 'a.txt': 'First line\rsame paragraph.\n\nSecond.\n' }, ['source/*.txt']);
    await extract(await loadProject(d));
    pseudo(await loadProject(d), 'es');
    await importFiles(await loadProject(d), ['xliff/es/a.xlf']);
    await build(await loadProject(d), { langs: ['en'] });
    expect(read(join(d, 'locales', 'en', 'a.txt'))).toBe('First line\rsame paragraph.\n\nSecond.\n');
  });

  it('TMX keeps a CR', () => {
    const tmx = writeTmx(
      [{ source: 'a\rb', target: 'c\rd', sourceLang: 'en', targetLang: 'es', origin: 'human' }],
      'en',
    );
    const back = readTmx(tmx, 'en', ['es']);
    expect(back[0]!.source).toBe('a\rb');
    expect(back[0]!.target).toBe('c\rd');
  });
});

describe('JSON sources with a lone surrogate escape', () => {
  it('are refused with the place, not written as U+FFFD and then reported stale', async () => {
    const d = project({ 'a.json': '{\n  "ok": "fine",\n  "lone": "x \\udc00 y"\n}\n' }, ['source/*.json'], {
      locales: { output: 'build/{lang}/{doc}{ext}' },
    });
    const r = await refusal(async () => extract(await loadProject(d)));
    expect(r.code).toBe(2);
    expect(r.message).toContain('a.json:3:11: a string holds a lone surrogate escape');
    expect(existsSync(join(d, 'xliff'))).toBe(false);
  });

  it('a surrogate pair written as two escapes is one character and reads as before', async () => {
    const d = project({ 'a.json': '{"smile": "ok \\ud83d\\ude00"}\n' }, ['source/*.json'], {
      locales: { output: 'build/{lang}/{doc}{ext}' },
    });
    await extract(await loadProject(d));
    expect(read(join(d, 'xliff', 'es', 'a.xlf'))).toContain('ok 😀');
  });
});

describe('words that are names of Object.prototype members', () => {
  it('"constructor" after a number is a word, not a decade (findQuantities crashed the numbers check)', () => {
    for (const text of ['1.5 constructor', '12 constructor said', '3 __proto__ toString'])
      expect(() => findQuantities(text, 'en')).not.toThrow();
    expect(findQuantities('1.5 constructor', 'en').map((q) => q.value)).toEqual([1.5]);
  });
});

describe('a build on a full disk', () => {
  const mount = (): string | undefined => {
    const mnt = mkdtempSync(join(tmpdir(), 'locflow-found-disk-'));
    return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]).status === 0 ? mnt : undefined;
  };

  it('writes no output at all, not the first few', async (ctx) => {
    const mnt = mount();
    if (!mnt) return ctx.skip();
    try {
      const src = project(
        {
          'a.txt': 'Alpha paragraph.\n',
          'b.txt': 'Beta paragraph.\n',
          'c.txt': 'Gamma paragraph.\n',
        },
        ['source/*.txt'],
        { targetLanguages: ['es', 'fr', 'de'], locales: { output: 'build/{lang}/{doc}{ext}' } },
      );
      const d = join(mnt, 'p');
      cpSync(src, d, { recursive: true });
      expect((await locflowInProcess(d, 'extract')).code).toBe(0);
      // Leave room for a few small files only: the staging fails part-way.
      const free = Number(spawnSync('df', ['-B1', '--output=avail', mnt], { encoding: 'utf8' }).stdout.split('\n')[1]);
      writeFileSync(join(mnt, 'filler'), Buffer.alloc(Math.max(0, free - 3 * 4096)));
      const r = await locflowInProcess(d, 'build');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no space left on the device');
      const built = existsSync(join(d, 'build'))
        ? readdirSync(join(d, 'build'), { recursive: true }).filter((f) => String(f).endsWith('.txt'))
        : [];
      expect(built).toEqual([]);
      rmSync(join(mnt, 'filler'));
      expect((await locflowInProcess(d, 'build')).code).toBe(0);
      expect(readFileSync(join(d, 'build', 'de', 'c.txt'), 'utf8')).toBe('Gamma paragraph.\n');
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});

describe('builds give back every code of a unit, and only the text it has', () => {
  it('a paragraph with 1,100 e-mail addresses (codes) builds byte for byte (i18next stopped at 1,000)', async () => {
    const text = `${Array.from({ length: 1100 }, (_, i) => `mail u${i}@example.com`).join(' ')}.\n`;
    const d = project({ 'a.txt': text }, ['source/*.txt']);
    await extract(await loadProject(d));
    await build(await loadProject(d), { langs: ['en'] });
    expect(read(join(d, 'locales', 'en', 'a.txt'))).toBe(text);
  });

  it('"$t(…)" between NUL characters stays text (it was i18next nesting: "[object Object]")', async () => {
    const text = 'Hello \u0000$t(x)\u0000 and $t(y) there.\n';
    const d = project({ 'a.txt': text }, ['source/*.txt']);
    await extract(await loadProject(d));
    await build(await loadProject(d), { langs: ['en'] });
    expect(read(join(d, 'locales', 'en', 'a.txt'))).toBe(text);
  });
});

describe('long units with many codes', () => {
  it('a paragraph with 30,000 codes builds in linear time (i18next interpolation copied the text once per code)', () => {
    // The time of a build of 3,000 codes against one of 30,000: linear work takes a few times longer (start-up is
    // most of the small one), the old quadratic interpolation a hundred times (107 s). A ratio, not a clock:
    // a slow machine slows both builds.
    const timeBuild = (codes: number): number => {
      const text = `${Array.from({ length: codes }, (_, i) => `see u${i}@example.com`).join(' ')}.\n`;
      const d = project({ 'a.txt': text }, ['source/*.txt']);
      expect(locflow(d, 'extract').code).toBe(0);
      const t = performance.now();
      const r = locflow(d, 'build', '--lang', 'en');
      const ms = performance.now() - t;
      expect(r.code, r.stderr).toBe(0);
      expect(read(join(d, 'locales', 'en', 'a.txt'))).toBe(text);
      return ms;
    };
    const small = timeBuild(3_000);
    const large = timeBuild(30_000);
    expect(large / small, `${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(30);
  }, 180_000);
});
