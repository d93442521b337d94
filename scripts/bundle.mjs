// Bundles the built CLI (dist/) into dist/bundle/cli/, the `locflow` command: Node 20 has no compile cache, and
// loading ~70 modules one by one (resolve, read, compile each) is most of a small run's start-up. The modules every
// command needs and extract's (commander, the CLI wiring, configuration, files, the model, the project, the plain-text
// reader, the segmenter, the XLIFF 1.2 writer) go in one chunk; every other module stays in a chunk of its own,
// loaded when it is first imported, so lazy imports stay lazy. The chunks sit two folders below dist/, as the
// modules did: paths they resolve from their own place (../../data word lists, ./pair-worker.js) still hold.
// The tests' locflow() and the README test run this bundle, the command as installed; tests/bundle.test.ts compares
// its outputs with the unbundled dist/cli/index.js's, which the other tests that spawn CLI run.
import { rmSync } from 'node:fs';
import { rolldown } from 'rolldown';
import { scriptChunks, writeCodeCache } from './code-cache.mjs';

const CORE =
  /\/dist\/(?:cli\/(?:context|output|commands\/)|config\/|errors|settings|version|io\/|model\/|project\/|locale\/(?:dates|calendar-names|calendar-table)|protect\/|store\/(?:codes|bundle)|segment\/(?:segmenter|languages)|formats\/(?:registry|format|settings|text-article)|xliff\/(?:writer|xliff12|model|inline|plural-variants)|workflow\/(?:extract\.js|steps\/leverage)|tm\/(?:open|settings))|\/node_modules\/(?:@commander-js|commander)\//u;

/**
 * Commander requires node:child_process when it loads, to start executable subcommands (locflow has none); that
 * module brings net, dgram and the streams with it, a few milliseconds of every start. Loaded when first used instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  transform(code, id) {
    if (!/\/commander\/lib\/command\.js$/u.test(id.replaceAll('\\', '/'))) return null;
    const eager = "const childProcess = require('node:child_process');";
    if (!code.includes(eager)) throw new Error(`${id}: commander no longer requires child_process as expected`);
    return code.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };");
  },
};

const bundle = await rolldown({
  plugins: [lazyChildProcess],
  input: {
    locflow: 'dist/cli/index.js',
    'pair-worker': 'dist/qa/pair-worker.js',
    'extract-worker': 'dist/workflow/extract-worker.js',
    'build-worker': 'dist/workflow/build-worker.js',
  },
  platform: 'node',
  // Native and optional packages load from node_modules as installed; so does jsonc-parser, whose main file is a
  // UMD build that requires its parts at run time (bundled, every i18next JSON project failed: exit 3, "Cannot find
  // module './impl/format'").
  external: [/^node:/u, 'better-sqlite3', 'pg', 'jsonc-parser'],
  // Dynamic imports of modules the core chunk holds anyway are expected: they keep the unbundled build lazy.
  onLog: (level, log, handler) => {
    if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
  },
});
rmSync('dist/bundle', { recursive: true, force: true }); // chunks of an earlier build are named by other hashes
await bundle.write({
  dir: 'dist/bundle/cli',
  format: 'esm',
  chunkFileNames: '[name]-[hash].js',
  codeSplitting: { groups: [{ name: 'core', test: (id) => CORE.test(id.replaceAll('\\', '/')) }] },
});
await bundle.close();
// The chunks run with V8's code cache (scripts/code-cache.mjs), written by runs on the bundled article.
const keepUncached = scriptChunks('dist/bundle/cli');
writeCodeCache(
  'dist/bundle/cli/locflow.js',
  'source/us-strike-northern-iraq.txt',
  'locales/es/us-strike-northern-iraq.txt',
);
keepUncached();
