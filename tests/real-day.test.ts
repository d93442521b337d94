import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { locflowInProcess, type CliResult } from './helpers.js';
import { hasApertium } from './mt-helpers.js';

/**
 * A localization engineer's day, as issue 9 tells it: a new project of Markdown pages and i18next
 * files in nested folders; init, extract, machine translation, a translator who post-edits the
 * XLIFF in a folder outside the project, import, build, check and a TMX export. No step may need
 * --force or --overwrite, none may refuse, and the post-edits must end up in the memory.
 */

function newProject(): string {
  const d = mkdtempSync(join(tmpdir(), 'locflow-day-'));
  const file = (path: string, text: string): void => {
    mkdirSync(join(d, path, '..'), { recursive: true });
    writeFileSync(join(d, path), text);
  };
  // Two pages share a base name in different folders: their ids come from the folders.
  file(
    'content/guides/setup.md',
    '# Setup\n\nInstall **locflow** with `npm link`. It takes 5 minutes, see [the guide](https://example.com/guide).\n\n' +
      'Then run the first extract.\n',
  );
  file('content/blog/setup.md', '# Setup notes\n\nWe moved the office to Berlin in 2024.\n');
  file(
    'app/strings/common.json',
    JSON.stringify(
      {
        greeting: 'Hello, {{name}}!',
        items_one: '{{count}} item in your cart',
        items_other: '{{count}} items in your cart',
        nav: { home: 'Home', settings: 'Settings' },
      },
      null,
      2,
    ) + '\n',
  );
  file(
    'app/strings/admin/settings.json',
    JSON.stringify({ title: 'Account settings', save: 'Save changes', deleted: 'Deleted {{count}} files.' }, null, 2) +
      '\n',
  );
  return d;
}

/** Every step of the day exits 0 (check: 0 or 1, it reports) and refuses nothing. */
async function step(d: string, ...args: string[]): Promise<CliResult> {
  const r = await locflowInProcess(d, ...args);
  expect(r.stderr, `locflow ${args.join(' ')}`).not.toMatch(/refuse|--force|--overwrite|internal error/iu);
  expect(r.code, `locflow ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

function xliffFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.xlf'))
    .map((f) => join(dir, f));
}

describe.skipIf(!hasApertium)("a localization engineer's day", () => {
  it('init → extract → translate → post-edit outside the project → import → build → check → tm export', async () => {
    const d = newProject();
    await step(d, 'init', '--source-lang', 'en', '--lang', 'es', '--sources', 'content/**/*.md,app/**/*.json');
    await step(d, 'extract');
    await step(d, 'translate', '--engine', 'apertium', '--lang', 'es');
    // The drafts go out as XLIFF; the translator works on copies in a folder of their own.
    await step(d, 'extract');
    const downloads = mkdtempSync(join(tmpdir(), 'downloads-'));
    const sent = xliffFiles(join(d, 'xliff', 'es'));
    expect(sent.map((f) => relative(join(d, 'xliff', 'es'), f)).sort()).toEqual([
      'blog/setup.xlf',
      'guides/setup.xlf',
      'strings/admin/settings.xlf',
      'strings/common.xlf',
    ]);
    const postEdits: string[] = [];
    const returned = sent.map((file, n) => {
      const x = readXliff(readFileSync(file, 'utf8'));
      expect(x.files.flatMap((f) => f.units).every((u) => u.target !== undefined)).toBe(true);
      // Post-editing: the translator rewrites the first words of every machine draft and approves it.
      const files = x.files.map((f) => ({
        ...f,
        units: f.units.map((u, i) => {
          const mark = `Revisado${n}x${i}`;
          postEdits.push(mark);
          let done = false;
          const target = u.target!.map((r) => {
            if (typeof r !== 'string' || done || !r.trim()) return r;
            done = true;
            return `${mark} ${r}`;
          });
          return { ...u, target: done ? target : [`${mark} `, ...target], state: 'final' as const };
        }),
      }));
      const out = join(downloads, `${n}-${file.split('/').pop()!}`);
      writeFileSync(out, writeXliff({ ...x, files }, x.version));
      return out;
    });

    const imported = await step(d, 'import', ...returned);
    expect(imported.stdout).not.toMatch(/ 0 imported/u);
    // Every post-edit is a human translation now.
    const metas = readdirSync(join(d, 'locales', 'es'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.meta.json'),
    );
    expect(metas).toHaveLength(4);
    for (const m of metas) {
      const meta = JSON.parse(readFileSync(join(d, 'locales', 'es', m), 'utf8')) as {
        units: Record<string, { state: string; origin: string }>;
      };
      for (const u of Object.values(meta.units)) expect(u).toMatchObject({ state: 'final', origin: 'human' });
    }

    await step(d, 'build');
    const built = readFileSync(join(d, 'build', 'es', 'strings', 'common.json'), 'utf8');
    expect(JSON.parse(built)).toHaveProperty('nav.home');
    expect(built).toMatch(/Revisado\d+x\d+/u);
    expect(readFileSync(join(d, 'build', 'es', 'guides', 'setup.md'), 'utf8')).toContain(
      '](https://example.com/guide)',
    );

    const check = await locflowInProcess(
      d,
      'check',
      '--lang',
      'es',
      '--format',
      'json',
      '-o',
      join(downloads, 'qa.json'),
    );
    expect(check.code, check.stderr).toBeLessThan(2);
    const report = JSON.parse(readFileSync(join(downloads, 'qa.json'), 'utf8')) as { issues: unknown[] };
    expect(Array.isArray(report.issues)).toBe(true);

    const tmx = join(downloads, 'memory.tmx');
    await step(d, 'tm', 'export', '--lang', 'es', '-o', tmx);
    const memory = readFileSync(tmx, 'utf8');
    for (const mark of postEdits) expect(memory).toContain(mark);

    // Next day: extract again. The project's own copies still hold the drafts it sent; that is no unimported work.
    await step(d, 'extract');
    expect(readFileSync(join(d, 'xliff', 'es', 'strings', 'common.xlf'), 'utf8')).toMatch(/Revisado\d+x\d+/u);
  });
});
