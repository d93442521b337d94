import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempProject } from './helpers.js';

const BUNDLE_DIR = dirname(BIN);

/** Runs `code` in a plain node process (the flags the command runs with) and returns what it printed. */
function inNode(code: string): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

/** For each chunk name, whether V8 refuses the cache of its script (one process for all). */
function rejectedCaches(chunks: readonly string[]): boolean[] {
  const files = readdirSync(BUNDLE_DIR);
  const pairs = chunks.map((chunk) => {
    const script = files.find((f) => f.startsWith(`${chunk}-`) && /^[\w-]+-[\w-]{8}\.script$/u.test(f));
    expect(script, `${chunk}: no script`).toBeDefined();
    const base = join(BUNDLE_DIR, script!.slice(0, -'.script'.length));
    return [`${base}.script`, `${base}.cache`];
  });
  const out = inNode(
    `import { readFileSync } from 'node:fs'; import { Script } from 'node:vm';
     const rejected = ${JSON.stringify(pairs)}.map(([script, cache]) => new Script(readFileSync(script, 'utf8'), {
       filename: script, cachedData: readFileSync(cache) }).cachedDataRejected);
     console.log(JSON.stringify(rejected));`,
  );
  return JSON.parse(out) as boolean[];
}

describe('the bundled command starts from V8 code cache', () => {
  it('its core chunk is a script with a cache that V8 takes', () => {
    const names = readdirSync(BUNDLE_DIR).filter((f) => /^core-[\w-]+\.(?:script|cache)$/u.test(f));
    expect(names.map((n) => n.split('.').pop()).sort()).toEqual(['cache', 'script']);
    expect(rejectedCaches(['core'])).toEqual([false]);
  });

  it("so are the chunks a check loads: the command's, the runner's and every check's", () => {
    const chunks = ['check', 'runner', 'names', 'numbers', 'detect', 'target', 'read', 'reporters', 'small-errors'];
    expect(rejectedCaches(chunks)).toEqual(chunks.map(() => false));
  });

  it("so are the chunks a machine translation loads: the command's (which imports the runner for its effects alone), the gate's", () => {
    const chunks = ['translate', 'gate', 'protected-terms', 'pseudo-text', 'engine-start'];
    expect(rejectedCaches(chunks)).toEqual(chunks.map(() => false));
  });

  it('a chunk imported for its effects alone is run first, in its place among the imports, and binds nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locflow-code-cache-test-'));
    try {
      const chunk = (name: string, text: string) => writeFileSync(join(dir, name), text);
      chunk('first-AAAAAAAA.js', 'globalThis.order.push("first");\nconst one = 1;\nexport { one as t };\n');
      chunk('effects-BBBBBBBB.js', 'globalThis.order.push("effects");\n');
      chunk(
        'main-CCCCCCCC.js',
        [
          'import { t as one } from "./first-AAAAAAAA.js";',
          'import "./effects-BBBBBBBB.js";',
          'import { join } from "node:path";',
          'globalThis.order.push("main " + one + " " + typeof join);',
          'const done = true;',
          'export { done as t };',
          '',
        ].join('\n'),
      );
      const out = inNode(
        `import { scriptChunk } from ${JSON.stringify(join(ROOT, 'scripts', 'code-cache.mjs'))};
         const made = scriptChunk(${JSON.stringify(dir)}, 'main-CCCCCCCC.js');
         globalThis.order = [];
         const { t } = await import(${JSON.stringify(join(dir, 'main-CCCCCCCC.js'))});
         console.log(JSON.stringify({ made, order: globalThis.order, t }));`,
      );
      expect(JSON.parse(out)).toEqual({ made: true, order: ['first', 'effects', 'main 1 function'], t: true });
      expect(readdirSync(dir)).toContain('main-CCCCCCCC.script');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a chunk left as a module has no script (no run of the build loaded it)', () => {
    const files = readdirSync(BUNDLE_DIR);
    const scripts = files.filter((f) => f.endsWith('.script')).map((f) => f.slice(0, -'.script'.length));
    for (const base of scripts) expect(files, base).toContain(`${base}.cache`);
    expect(scripts).not.toContainEqual(expect.stringMatching(/^postgres-/u));
  });

  it('an extract loads no child_process (commander loads it only to start a subcommand)', () => {
    const dir = tempProject();
    const print = `process.on('exit', () => process.stderr.write('\\nmodules ' + process.moduleLoadList.join(',')));`;
    const r = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(print)}`, BIN, 'extract', '--lang', 'es'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const modules = r.stderr.split('\nmodules ').pop()!.split(',');
    expect(modules).toContain('NativeModule fs');
    expect(modules.filter((m) => m.includes('child_process'))).toEqual([]);
  });
});
