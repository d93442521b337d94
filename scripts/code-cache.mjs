// The core chunk of the bundle with a V8 code cache: Node 20 compiles every ES module from its source at each start
// (module.enableCompileCache arrived in Node 22), and compiling the core chunk and the functions a run calls was a
// third of a small extract's own time. A classic script can be given V8's cached code (vm.Script's cachedData), so
// the chunk is turned into one: `core-<hash>.script`, a function taking what the chunk imported and returning what it
// exported, and `core-<hash>.js` becomes a small module that runs it through vm.Script with `core-<hash>.cache` and
// exports the same names, so the other chunks import it unchanged. The cache is written by one extract of the
// bundled article with LOCFLOW_CODE_CACHE=write, so it holds the functions a run compiles too. V8 refuses a cache made
// by another Node or with other flags (the code is then compiled as before), and a missing cache only costs the time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** An import statement of the chunk as a line of the script: node: modules from process.getBuiltinModule. */
function importLine(line, deps) {
  let m = /^import \{ (.*) \} from "(node:[^"]+)";$/u.exec(line);
  if (m) return `const { ${m[1].replaceAll(' as ', ': ')} } = process.getBuiltinModule(${JSON.stringify(m[2])});`;
  m = /^import \* as ([\w$]+) from "(node:[^"]+)";$/u.exec(line);
  if (m) return `const ${m[1]} = process.getBuiltinModule(${JSON.stringify(m[2])});`;
  m = /^import \{ (.*) \} from "(\.\/[^"]+)";$/u.exec(line);
  if (m) {
    deps.push(m[2]);
    return `const { ${m[1].replaceAll(' as ', ': ')} } = __deps[${deps.length - 1}];`;
  }
  throw new Error(`code cache: an import the script cannot take: ${line}`);
}

/**
 * Exported bindings must keep their value: the module below exports a copy of each, not a live binding. Functions,
 * classes and constants do; a `let` or `var` (other than a class) is refused when anything assigns it again.
 */
function refuseReassigned(body, locals) {
  for (const local of locals) {
    const escaped = local.replaceAll('$', '\\$');
    if (!new RegExp(`^(?:let|var) ${escaped}\\b(?! = class\\b)`, 'mu').test(body)) continue;
    const assigned = new RegExp(`(?<![.\\w$])${escaped}\\s*(?:=(?![=>])|\\+\\+|--|[-+*/%&|^]=)`, 'gu');
    if ((body.match(assigned) ?? []).length > 1)
      throw new Error(`code cache: the core chunk reassigns its export ${local}; a copy would not follow it`);
  }
}

/** Turns dir's core chunk into a script run with a code cache; returns the chunk's file name. */
export function scriptCore(dir) {
  const name = readdirSync(dir).find((f) => /^core-[\w-]+\.js$/u.test(f));
  if (!name) throw new Error('code cache: no core chunk');
  const lines = readFileSync(join(dir, name), 'utf8').split('\n');
  const deps = [];
  let first = 0;
  const prelude = [];
  for (; lines[first].startsWith('import '); first++) prelude.push(importLine(lines[first], deps));
  const last = lines.findLastIndex((l) => l.startsWith('export {'));
  const exported = /^export \{ (.*) \};$/u
    .exec(lines[last])[1]
    .split(', ')
    .map((e) => {
      const [local, as = local] = e.split(' as ');
      return { local, as };
    });
  if (lines.slice(last + 1).some((l) => l.trim() !== '')) throw new Error('code cache: code after the exports');
  const body = lines
    .slice(first, last)
    .join('\n')
    // Dynamic imports go through the module below, so they resolve from the chunk's folder as before.
    .replace(/\bimport\((?="(?:\.\/|node:))/gu, '__import(')
    .replace(/\bimport\.meta\b/gu, '__meta');
  if (/\bimport\(|^export /mu.test(body.replace(/\/\*[\s\S]*?\*\/|^\s*\*.*$/gmu, '')))
    throw new Error('code cache: an import or export the script cannot take');
  refuseReassigned(
    body,
    exported.map((e) => e.local),
  );
  const base = name.slice(0, -'.js'.length);
  const returned = exported.map(({ local, as }) => `${JSON.stringify(as)}: ${local}`).join(', ');
  writeFileSync(
    join(dir, `${base}.script`),
    `(function (__deps, __import, __meta) {\n"use strict";\n${prelude.join('\n')}\n${body}\nreturn { ${returned} };\n})`,
  );
  writeFileSync(
    join(dir, name),
    [
      '// The core chunk, run from its script with V8 code cache (scripts/code-cache.mjs).',
      ...deps.map((d, i) => `import * as __d${i} from ${JSON.stringify(d)};`),
      'const { readFileSync, writeFileSync, renameSync } = process.getBuiltinModule("node:fs");',
      'const { Script } = process.getBuiltinModule("node:vm");',
      'const { fileURLToPath } = process.getBuiltinModule("node:url");',
      `const file = fileURLToPath(new URL(${JSON.stringify(`./${base}.script`)}, import.meta.url));`,
      `const cacheFile = fileURLToPath(new URL(${JSON.stringify(`./${base}.cache`)}, import.meta.url));`,
      'let cachedData;',
      'try {',
      '  cachedData = readFileSync(cacheFile);',
      '} catch {',
      '  // no cache: compiled from the source',
      '}',
      'const script = new Script(readFileSync(file, "utf8"), { filename: file, cachedData });',
      'if (process.env.LOCFLOW_CODE_CACHE === "write")',
      '  process.on("exit", () => {',
      '    writeFileSync(cacheFile + ".tmp", script.createCachedData());',
      '    renameSync(cacheFile + ".tmp", cacheFile);',
      '  });',
      `const m = script.runInThisContext()([${deps.map((_, i) => `__d${i}`).join(', ')}], (s) => import(s), import.meta);`,
      ...exported.map(({ as }, i) => `const __e${i} = m[${JSON.stringify(as)}];`),
      `export { ${exported.map(({ as }, i) => `__e${i} as ${as}`).join(', ')} };`,
      '',
    ].join('\n'),
  );
  return name;
}

/** Writes the cache: one extract of `article` by the bundled command `cli`, which saves what V8 compiled. */
export function writeCodeCache(cli, article) {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-code-cache-'));
  try {
    mkdirSync(join(dir, 'source'));
    copyFileSync(resolve(article), join(dir, 'source', 'news.txt'));
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/news.txt'] }),
    );
    const r = spawnSync(process.execPath, [resolve(cli), 'extract'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LOCFLOW_CODE_CACHE: 'write', LOCFLOW_THREADS: '1' },
    });
    if (r.status !== 0) throw new Error(`code cache: the extract that writes it failed: ${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
