import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocflowError } from '../src/errors.js';
import { ALONE_YOUNG_MB, DATA_BY_MESSAGE, runAlone } from '../src/io/worker-pool.js';
import { BIN, locflowInProcess, projectWith } from './helpers.js';

/**
 * A run over many documents on one thread runs them on a worker thread whose young generation is bounded
 * (`runAlone`): the same files, records and report as the run on the main thread, which a few documents keep.
 */

/** A worker script that keeps objects alive across collections, then answers the largest young generation seen. */
const CHURN = `
import { parentPort } from 'node:worker_threads';
import { getHeapSpaceStatistics } from 'node:v8';
const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
const kept = new Array(40000);
let most = young();
for (let i = 0; i < 3000000; i++) {
  kept[i % kept.length] = { n: i, label: 'item ' + (i % 977) };
  if (i % 5000 === 0) most = Math.max(most, young());
}
parentPort.postMessage({ result: most });
`;

/** A worker script answering as answerOnce does for a failure of the kind the CLI reports. */
const FAILING = `
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ error: { name: 'LocflowError', message: 'the folder is read-only', id: 'LF9', hint: 'make it writable', exitCode: 3 } });
`;

describe('runAlone: a run on a worker thread with a bounded young generation', () => {
  it('keeps the worker’s young generation at its bound, where a worker without one lets it grow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locflow-alone-'));
    const file = join(dir, 'churn.mjs');
    writeFileSync(file, CHURN);
    const bounded = await runAlone<number>(file, {});
    // The two semi-spaces (V8 counts a third of the young generation per semi-space, one for its large objects).
    expect(bounded).toBeLessThanOrEqual(((ALONE_YOUNG_MB * 2) / 3) * 1024 * 1024);
    const { Worker } = await import('node:worker_threads');
    const free = await new Promise<number>((resolve, reject) => {
      const w = new Worker(file);
      w.once('message', (m: { result: number }) => resolve(m.result));
      w.once('error', reject);
    });
    expect(free).toBeGreaterThan(bounded);
  }, 60_000);

  it('gives back the worker’s error as the CLI reports it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locflow-alone-'));
    const file = join(dir, 'failing.mjs');
    writeFileSync(file, FAILING);
    const err = await runAlone(file, {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LocflowError);
    expect(err).toMatchObject({ message: 'the folder is read-only', id: 'LF9', hint: 'make it writable', exitCode: 3 });
  });
});

/** `n` short articles of their own sentences. */
function articles(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++)
    files[`docs/note-${String(i).padStart(3, '0')}.txt`] =
      `Harbour log ${i}: the ferry left at ${(i % 12) + 1} o'clock with ${i * 3 + 7} passengers.\n\n` +
      `Gulls followed it past the lighthouse, the keeper wrote on ${1 + (i % 28)} March.\n\n` +
      `Fog closed the bay by noon.\n`;
  return files;
}

/** Every file below `dir`'s `sub`, by its path, with the export records' dates taken out. */
function tree(dir: string, sub: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8').replace(/"exported":"[^"]*"/gu, '"exported":""'));
    }
  };
  if (existsSync(join(dir, sub))) walk(join(dir, sub));
  return out;
}

/**
 * The installed command run in `cwd`, noting each worker thread started with a whole run (`alone`), or started early
 * to be told one by message (startAloneEarly).
 */
function withProbe(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string; alone: number } {
  const probe = join(cwd, '..', `${cwd.split('/').pop()}-probe.cjs`);
  const log = `${probe}.log`;
  writeFileSync(
    probe,
    `const wt = require('node:worker_threads');
if (!wt.isMainThread && wt.workerData && (wt.workerData.alone || wt.workerData === ${JSON.stringify(DATA_BY_MESSAGE)}))
  require('node:fs').appendFileSync(${JSON.stringify(log)}, 'alone\\n');`,
  );
  rmSync(log, { force: true });
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--require ${probe}`, LOCFLOW_THREADS: '1' },
  });
  const alone = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, alone };
}

const CONFIG = {
  sourceLanguage: 'en',
  targetLanguages: ['es', 'de'],
  sources: ['docs/*.txt'],
  locales: { output: 'out/{lang}/{doc}{ext}' },
};

describe.each([
  { n: 90, alone: 1 },
  { n: 20, alone: 0 },
])('extract and build of $n documents', ({ n, alone }) => {
  it('run on a worker of their own from 64 documents, with the files, records and report of one thread', async () => {
    const files = articles(n);
    const there = projectWith(files, CONFIG);
    const here = projectWith(files, CONFIG);
    const ex = withProbe(there, 'extract');
    expect(ex.code).toBe(0);
    expect(ex.alone).toBe(alone);
    const exHere = await locflowInProcess(here, 'extract');
    expect(exHere.code).toBe(0);
    expect(ex.stdout).toBe(exHere.stdout);
    expect(tree(there, 'xliff')).toEqual(tree(here, 'xliff'));
    expect(tree(there, '.locflow')).toEqual(tree(here, '.locflow'));
    expect(tree(there, 'xliff').size).toBe(2 * n);
    // A translation in the store for every unit, then the documents built from it.
    for (const dir of [there, here])
      for (const lang of ['es', 'de'])
        expect((await locflowInProcess(dir, 'translate', '--engine', 'pseudo', '--force', '--lang', lang)).code).toBe(
          0,
        );
    const built = withProbe(there, 'build');
    expect(built.code).toBe(0);
    expect(built.alone).toBe(alone);
    const builtHere = await locflowInProcess(here, 'build');
    expect(builtHere.code).toBe(0);
    expect(built.stdout).toBe(builtHere.stdout);
    expect(tree(there, 'out')).toEqual(tree(here, 'out'));
    expect(tree(there, 'out').size).toBe(2 * n);
    // (the segmentation record names the program that cut the documents: the bundle here, the sources there)
    expect(tree(there, '.locflow/exports')).toEqual(tree(here, '.locflow/exports'));
  }, 120_000);
});

/** The installed command run in `cwd`, counting the worker threads of a run (a `*-worker.js`) its main thread starts. */
function countingWorkers(cwd: string, ...args: string[]): { code: number; stderr: string; started: number } {
  const probe = join(cwd, '..', `${cwd.split('/').pop()}-workers.cjs`);
  const log = `${probe}.log`;
  writeFileSync(
    probe,
    `const wt = require('node:worker_threads');
if (wt.isMainThread) {
  const Worker = wt.Worker;
  wt.Worker = class extends Worker {
    constructor(file, options) {
      if (typeof file === 'string' && /-worker\\.js$/u.test(file)) require('node:fs').appendFileSync(${JSON.stringify(log)}, 'started\\n');
      super(file, options);
    }
  };
  require('node:module').syncBuiltinESMExports();
}`,
  );
  rmSync(log, { force: true });
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--require ${probe}`, LOCFLOW_THREADS: '1' },
  });
  const started = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
  return { code: r.status ?? -1, stderr: r.stderr, started };
}

describe('a run’s worker started early', () => {
  it('is started once the sources are listed, before their paths are checked: a run they refuse ends with the refusal', () => {
    // 70 articles and a page whose id ("note-000") one of them has already.
    const dir = projectWith(
      { ...articles(70), 'docs/note-000.md': '# Tide table\n\nHigh water at six.\n' },
      { ...CONFIG, sources: ['docs/*.txt', 'docs/*.md'] },
    );
    for (const command of ['extract', 'build']) {
      const r = countingWorkers(dir, command);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/two sources have the document id "note-000"/u);
      expect(r.started).toBe(1);
    }
    expect(existsSync(join(dir, 'xliff'))).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('is the one that runs: one worker thread a run, and none for a few documents', () => {
    for (const [n, workers] of [
      [70, 1],
      [10, 0],
    ] as const) {
      const dir = projectWith(articles(n), { ...CONFIG, targetLanguages: ['es'] });
      for (const args of [['extract'], ['translate', '--engine', 'pseudo', '--force', '--lang', 'es'], ['build']]) {
        const r = countingWorkers(dir, ...args);
        expect(r.code).toBe(0);
        expect(r.started).toBe(args[0] === 'translate' ? 0 : workers);
      }
      expect(readdirSync(join(dir, 'out', 'es'))).toHaveLength(n);
    }
  }, 60_000);
});

describe('a run on a worker of its own', () => {
  it('refuses, as the main thread does, to write through a link out of the project', () => {
    const dir = projectWith(articles(80), { ...CONFIG, targetLanguages: ['es'] });
    expect(withProbe(dir, 'extract').code).toBe(0);
    expect(withProbe(dir, 'translate', '--engine', 'pseudo', '--force', '--lang', 'es').code).toBe(0);
    const outside = mkdtempSync(join(tmpdir(), 'locflow-alone-outside-'));
    // The build's output folder a link to a folder outside the project.
    mkdirSync(join(dir, 'out'));
    symlinkSync(outside, join(dir, 'out', 'es'));
    const built = withProbe(dir, 'build');
    expect(built.code).not.toBe(0);
    expect(built.stderr).toMatch(/link/u);
    // The XLIFF folder swapped for such a link.
    rmSync(join(dir, 'xliff', 'es'), { recursive: true });
    symlinkSync(outside, join(dir, 'xliff', 'es'));
    const extracted = withProbe(dir, 'extract', '--force');
    expect(extracted.code).not.toBe(0);
    expect(extracted.stderr).toMatch(/link/u);
    expect(readdirSync(outside)).toEqual([]);
  }, 60_000);
});

describe('a build handed to its worker', () => {
  it('leaves the builder and the formats it loads to the worker: the main thread reads none of their code', () => {
    const run = (n: number): string[] => {
      const dir = projectWith(articles(n), { ...CONFIG, targetLanguages: ['es'] });
      expect(withProbe(dir, 'extract').code).toBe(0);
      expect(withProbe(dir, 'translate', '--engine', 'pseudo', '--force', '--lang', 'es').code).toBe(0);
      // The bundle's chunks the main thread reads (their scripts, run with their code caches).
      const probe = join(dir, '..', `${dir.split('/').pop()}-chunks.cjs`);
      const log = `${probe}.log`;
      writeFileSync(
        probe,
        `const wt = require('node:worker_threads'); const fs = require('node:fs'); const read = fs.readFileSync;
if (wt.isMainThread) fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && file.endsWith('.script')) fs.appendFileSync(${JSON.stringify(log)}, require('node:path').basename(file) + '\\n');
  return read.call(this, file, ...rest);
};`,
      );
      const r = spawnSync(process.execPath, [BIN, 'build'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--require ${probe}`, LOCFLOW_THREADS: '1' },
      });
      expect(r.status).toBe(0);
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((f) => f.replace(/-[\w-]{8}\.script$/u, ''));
    };
    // Many documents: built on the worker, which loads the builder; few: on the main thread, which does.
    const many = run(70);
    expect(many).not.toContain('build-document');
    expect(many).toContain('build');
    expect(run(12)).toContain('build-document');
  }, 60_000);
});
