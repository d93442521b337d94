// The chunks of the bundle with a V8 code cache: Node 20 compiles every ES module from its source at each start
// (module.enableCompileCache arrived in Node 22), and compiling the core chunk and the functions a run calls was a
// third of a small extract's own time. A classic script can be given V8's cached code (vm.Script's cachedData), so
// each chunk is turned into one: `<chunk>.script`, a function taking what the chunk imported and returning what it
// exported, and `<chunk>.js` becomes a small module that runs it through vm.Script with `<chunk>.cache` and exports
// the same names, so the other chunks import it unchanged. The caches are written by runs on the bundled article
// with LOCFLOW_CODE_CACHE=write (extract, translate, check), so they hold the functions a run compiles too; a chunk
// none of them loaded stays a module. V8 refuses a cache made by another Node or with other flags (the code is then
// compiled as before), and a missing cache only costs the time.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * An import statement of the chunk as a line of the script: node: modules from process.getBuiltinModule, the bundle's
 * other chunks from the module that runs the script (their names pushed on deps).
 */
function importLine(line, deps) {
  let m = /^import \{ (.*) \} from "(node:[^"]+)";$/u.exec(line);
  if (m) return `const { ${m[1].replaceAll(' as ', ': ')} } = process.getBuiltinModule(${JSON.stringify(m[2])});`;
  m = /^import \* as ([\w$]+) from "(node:[^"]+)";$/u.exec(line);
  if (m) return `const ${m[1]} = process.getBuiltinModule(${JSON.stringify(m[2])});`;
  // A chunk imported for its effects alone (`import "./runner-….js";`): the module below imports it, in its place
  // among the others, so it is still run first; the script binds nothing of it.
  m = /^import "(\.\/[^"]+)";$/u.exec(line);
  if (m) {
    deps.push(m[1]);
    return `// ${line} (imported by the module that runs this script)`;
  }
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

/** Turns the chunk `name` of dir into a script run with a code cache; false (chunk left as it is) when it cannot be. */
export function scriptChunk(dir, name) {
  const lines = readFileSync(join(dir, name), 'utf8').split('\n');
  const deps = [];
  let first = 0;
  const prelude = [];
  try {
    for (; lines[first].startsWith('import '); first++) prelude.push(importLine(lines[first], deps));
  } catch {
    return false; // a package import (better-sqlite3, pg…): the chunk stays a module
  }
  const last = lines.findLastIndex((l) => l.startsWith('export {'));
  const exports = last < 0 ? undefined : /^export \{ (.*) \};$/u.exec(lines[last]);
  // A chunk that only passes another's exports on has nothing to compile.
  if (!exports || lines.slice(last + 1).some((l) => l.trim() !== '')) return false;
  const exported = exports[1].split(', ').map((e) => {
    const [local, as = local] = e.split(' as ');
    return { local, as };
  });
  const body = lines
    .slice(first, last)
    .join('\n')
    // Dynamic imports go through the module below, so they resolve from the chunk's folder as before.
    .replace(/\bimport\((?="(?:\.\/|node:))/gu, '__import(')
    .replace(/\bimport\.meta\b/gu, '__meta');
  if (/\bimport\(|^export /mu.test(body.replace(/\/\*[\s\S]*?\*\/|^\s*\*.*$/gmu, ''))) return false;
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
      '// A chunk run from its script with V8 code cache (scripts/code-cache.mjs).',
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
  return true;
}

/** Turns dir's core chunk into a script run with a code cache; returns the chunk's file name. */
export function scriptCore(dir) {
  const name = readdirSync(dir).find((f) => /^core-[\w-]+\.js$/u.test(f));
  if (!name) throw new Error('code cache: no core chunk');
  if (!scriptChunk(dir, name)) throw new Error('code cache: an import or export the core chunk script cannot take');
  return name;
}

/**
 * Turns every chunk of dir it can into a script (the core chunk must be one); returns a function that, once the
 * cache is written, puts back as modules the chunks no run filled a cache for (they would only be compiled slower).
 */
export function scriptChunks(dir) {
  scriptCore(dir);
  const originals = new Map();
  for (const name of readdirSync(dir).filter((f) => /^[\w.-]+-[\w-]{8}\.js$/u.test(f) && !f.startsWith('core-'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (scriptChunk(dir, name)) originals.set(name, text);
  }
  return () => {
    for (const [name, text] of originals) {
      const base = join(dir, name.slice(0, -'.js'.length));
      if (existsSync(`${base}.cache`)) continue;
      writeFileSync(join(dir, name), text);
      rmSync(`${base}.script`);
    }
  };
}

/**
 * Writes the caches: the runs a user starts most, by the bundled command `cli` on `article` and its translation
 * `translated` (Spanish), each saving what V8 compiled for the chunks it loaded: an extract, a machine translation
 * (pseudo) with its QA gate, two builds (the second from the segmentation record), a check of the translated
 * document, and a check of the XLIFF and of the store.
 */
export function writeCodeCache(cli, article, translated) {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-code-cache-'));
  const run = (...args) => {
    const r = spawnSync(process.execPath, [resolve(cli), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LOCFLOW_CODE_CACHE: 'write', LOCFLOW_THREADS: '1' },
    });
    // check exits 1 when it finds errors
    if (r.status !== 0 && !(args[0] === 'check' && r.status === 1))
      throw new Error(`code cache: the run that writes it (${args.join(' ')}) failed: ${r.stderr}`);
  };
  try {
    mkdirSync(join(dir, 'source'));
    copyFileSync(resolve(article), join(dir, 'source', 'news.txt'));
    copyFileSync(resolve(translated), join(dir, 'news.es.txt'));
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es', 'en-XA'], sources: ['source/news.txt'] }),
    );
    run('extract');
    run('translate', '--engine', 'pseudo', '--lang', 'en-XA');
    // A build, and one again from the segmentation record the first wrote (the two ways a document is cut).
    run('build', '--lang', 'en-XA');
    run('build', '--lang', 'en-XA');
    run('check', '--source', 'source/news.txt', '--target', 'news.es.txt', '--lang', 'es');
    run('check', '--format', 'json', '-o', 'report.json', 'xliff/es/news.xlf');
    run('check', '--lang', 'en-XA', '--format', 'json', '-o', 'report.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
