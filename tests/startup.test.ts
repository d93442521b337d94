import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempProject } from './helpers.js';

// Registers a module hook in the child that prints every module it loads, so a test sees what a run imported.
const HOOKS = `export async function load(url, context, next) {
  process.stderr.write('loaded ' + url + '\\n');
  return next(url, context);
}`;
const REGISTER = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}));`;

function loadedBy(cwd: string, ...args: string[]): { code: number; modules: string[] } {
  const r = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, CLI, ...args],
    { cwd, encoding: 'utf8' },
  );
  const modules = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('loaded '))
    .map((l) => l.slice('loaded '.length));
  return { code: r.status ?? -1, modules };
}

const PARSERS = ['micromark', 'mdast-util', 'parse5', 'icu-messageformat-parser', 'intl-messageformat', 'yaml'];

describe('start-up loads only what the project needs', () => {
  it('extract of a plain-text project loads no Markdown, HTML, YAML or ICU parser', () => {
    const dir = tempProject();
    const { code, modules } = loadedBy(dir, 'extract', '--lang', 'es');
    expect(code).toBe(0);
    expect(modules.some((m) => m.endsWith('/formats/text-article.js'))).toBe(true);
    expect(modules.filter((m) => PARSERS.some((p) => m.includes(`/node_modules/${p}`)))).toEqual([]);
  });

  it('a Markdown source loads the Markdown parser and still no HTML or ICU parser', () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'guide.md'), '---\ntitle: A guide\n---\n\n# Start here\n\nRead *this* first.\n');
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['docs/*.md'] }),
    );
    const { code, modules } = loadedBy(dir, 'extract');
    expect(code).toBe(0);
    expect(modules.some((m) => m.includes('/node_modules/micromark'))).toBe(true);
    expect(modules.filter((m) => /\/node_modules\/(parse5|@formatjs|intl-messageformat)/u.test(m))).toEqual([]);
  });
});
