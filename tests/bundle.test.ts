import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, CLI, projectWith, ROOT } from './helpers.js';

/** The `locflow` command as installed: the bundle npm run build writes (scripts/bundle.mjs). */
const BUNDLE = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.locflow as string);

function run(cli: string, cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    // Two threads: a check of this many pairs starts the bundled pair worker.
    env: { ...process.env, NO_COLOR: '1', LOCFLOW_THREADS: '2' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('the bundled command', () => {
  it('is what package.json installs, and runs the loop as the unbundled build does (lazy formats, the pair worker)', () => {
    expect(BUNDLE).not.toBe(CLI);
    // 2,000 units and more: check spreads them over a worker; a Markdown page and i18next JSON load their formats' chunks.
    const article = readFileSync(ARTICLE, 'utf8');
    const sources = {
      'source/news.txt': Array.from({ length: 120 }, (_, i) => article.replaceAll('62', String(100 + i))).join('\n\n'),
      'source/page.md': '# Prices\n\nOur plans start at **10 euros** a month. [Read more](https://example.com).\n',
      'strings/app.json': JSON.stringify({ greeting: 'Hello, {{name}}!', cart: { total: 'Total: {{count}} items' } }),
    };
    const config = {
      sourceLanguage: 'en',
      targetLanguages: ['es'],
      sources: ['source/*.txt', 'source/*.md', 'strings/*.json'],
      locales: { output: 'site/{lang}/{doc}{ext}' },
    };
    const outputs = [BUNDLE, CLI].map((cli) => {
      const dir = projectWith(sources, config);
      const steps = [
        ['extract'],
        ['pseudo', '--lang', 'es'],
        ['import', 'xliff/es/news.xlf', 'xliff/es/page.xlf', 'xliff/es/app.xlf'],
        ['build', '--lang', 'es'],
        ['check', '--lang', 'es', '--format', 'json'],
      ];
      const printed = steps.map((args) => {
        const r = run(cli, dir, ...args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeLessThanOrEqual(1);
        return r.stdout.replaceAll(dir, '<project>');
      });
      const written = files(dir);
      delete written['.locflow/exports/es.json']; // dated
      // The segmentation record's first line holds its key, made from the program's own code: the entries are the same.
      const record = written['.locflow/segmentation.json'];
      if (record !== undefined) written['.locflow/segmentation.json'] = record.slice(record.indexOf('\n') + 1);
      for (const name of Object.keys(written)) if (name.startsWith('tm/')) delete written[name]; // binary
      return { printed, written };
    });
    expect(outputs[0]!.written['xliff/es/news.xlf']).toContain('<trans-unit');
    expect(Object.keys(outputs[0]!.written)).toEqual(expect.arrayContaining(['site/es/page.md', 'site/es/app.json']));
    expect(outputs[0]).toEqual(outputs[1]);
  }, 120_000);
});
