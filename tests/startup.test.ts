import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempProject } from './helpers.js';

// Registers a module hook in the child that prints every module it loads, so a test sees what a run imported.
const HOOKS = `export async function load(url, context, next) {
  process.stderr.write('loaded ' + url + '\\n');
  return next(url, context);
}`;
// CommonJS packages required at run time (the XML parser) pass by Module._load, not by the hook: printed too.
const REGISTER = `import { createRequire, register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}));
const Module = createRequire(process.execPath)('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  process.stderr.write('loaded ' + request + '\\n');
  return load.call(this, request, ...rest);
};`;

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

  it('extract loads the XLIFF reader and its XML parser only when an XLIFF file is there to compare', () => {
    const dir = tempProject();
    const reader = (modules: string[]): string[] =>
      modules.filter((m) => m.endsWith('/xliff/read.js') || m.endsWith('/xliff/scan.js') || m === 'saxes');
    const first = loadedBy(dir, 'extract', '--lang', 'es');
    expect(first.code).toBe(0);
    expect(reader(first.modules)).toEqual([]);
    const again = loadedBy(dir, 'extract', '--lang', 'es');
    expect(again.code).toBe(0);
    expect(reader(again.modules).some((m) => m.endsWith('/xliff/read.js'))).toBe(true);
    // Plain XML is read by the scanner: the full parser loads only for a file it leaves to it (a comment is plain,
    // CDATA is not).
    expect(reader(again.modules).some((m) => m.endsWith('/xliff/scan.js'))).toBe(true);
    expect(reader(again.modules)).not.toContain('saxes');
    const xliff = join(dir, 'xliff', 'es');
    for (const f of readdirSync(xliff))
      writeFileSync(join(xliff, f), readFileSync(join(xliff, f), 'utf8').replace('<body>', '<body><![CDATA[ ]]>'));
    const unusual = loadedBy(dir, 'extract', '--lang', 'es');
    expect(unusual.code).toBe(0);
    expect(reader(unusual.modules)).toContain('saxes');
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
