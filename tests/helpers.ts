import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(ROOT, 'dist', 'cli', 'index.js');
/** The `locflow` command as installed (package.json's bin): the bundle of dist/, which starts faster than CLI. */
export const BIN = join(ROOT, 'dist', 'bundle', 'cli', 'locflow.js');
export const ARTICLE = join(ROOT, 'source', 'us-strike-northern-iraq.txt');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `locflow` command, as a user would, in `cwd`. */
export function locflow(cwd: string, ...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The `locflow` command line run in this process, from `cwd`: its exit code and what it printed, as the command
 * gives them. For tests of what a command does; a test whose subject is the process itself (start-up, exit codes
 * of the installed command, signals, a closed pipe, worker threads) spawns it with `locflow`.
 */
export async function locflowInProcess(cwd: string, ...args: string[]): Promise<CliResult> {
  const { runCommandLine } = await import('../src/cli/program.js');
  return runCommandLine(cwd, args);
}

/** The CLI without blocking this process: for tests whose HTTP server runs in this process. */
export function locflowAsync(cwd: string, env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A fresh project folder: each file at its path in the project, and `config` as its locflow.config.json. */
export function projectWith(files: Record<string, string>, config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, 'locflow.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

/** A fresh project folder with the bundled article and a config for es, fr, de and ar. */
export function tempProject(article = readFileSync(ARTICLE, 'utf8'), name = 'article.txt'): string {
  return projectWith(
    { [`source/${name}`]: article },
    { sourceLanguage: 'en', targetLanguages: ['es', 'fr', 'de', 'ar'], sources: ['source/*.txt'] },
  );
}

const built = new Map<string, string>();

/**
 * A fresh copy of a project that `make` builds once per test worker: tests that start from the same extracted or
 * imported project copy it instead of running the same commands again (no project file holds its own path).
 */
export function copyOfBuilt(name: string, make: () => string): string {
  let template = built.get(name);
  if (template === undefined) {
    template = make();
    built.set(name, template);
  }
  const dir = mkdtempSync(join(tmpdir(), 'locflow-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** tempProject() after `locflow extract --lang es`: xliff/es/article.xlf and the export record. */
export function extractedProject(): string {
  return copyOfBuilt('extracted es', () => {
    const d = tempProject();
    const r = locflow(d, 'extract', '--lang', 'es');
    if (r.code !== 0) throw new Error(`extract failed while preparing a project: ${r.stderr}`);
    return d;
  });
}

// What `npm start` writes into the example project (the .gitignore's list): a copy starts from the project as shipped.
const GENERATED = /^locales\/(?:en-XA|es-x-mt)(?:\/|$)|^locales\/(?!es\/)[^/]+\/[^/]+\.txt$/u;

export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-copy-'));
  for (const p of ['source', 'locales', 'locflow.config.json', 'glossary.csv'])
    cpSync(join(ROOT, p), join(dir, p), {
      recursive: true,
      filter: (from) => !GENERATED.test(relative(ROOT, from).split(sep).join('/')),
    });
  return dir;
}

export const read = (path: string): string => readFileSync(path, 'utf8');

const NUMBER_WORDS: Readonly<Record<string, readonly string[]>> = {
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'],
  fr: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'],
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn'],
};
const ENGLISH = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * A stand-in translation that keeps the English words but says its spelled-out
 * numbers in the target language, as any translation would: the numbers check
 * compares them ("nine" must not stay "nine" in Spanish).
 */
export function numberWordsIn(lang: string, text: string): string {
  const words = NUMBER_WORDS[lang.split('-')[0]!];
  return words
    ? text.replace(/\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten)\b/gu, (w) => words[ENGLISH.indexOf(w)]!)
    : text;
}

/**
 * What a workflow call that must refuse told: the exit code and the message the CLI prints for it
 * ("file:line:col: message" and its hint). Fails the test when the call succeeds.
 */
export async function refusal(call: () => unknown): Promise<{ code: number; message: string }> {
  const { asLocflowError } = await import('../src/errors.js');
  try {
    await call();
  } catch (err) {
    const known = asLocflowError(err);
    if (!known) throw err;
    return { code: known.exitCode, message: known.format() };
  }
  throw new Error('expected a refusal, the call succeeded');
}

/** Fills every target of the extracted XLIFF xliff/<lang>/article.xlf with `fill(source)`, state translated. */
export function translateFile(
  dir: string,
  lang: string,
  fill: (text: string) => string,
  version?: '1.2' | '2.0',
): void {
  const path = join(dir, `xliff/${lang}/article.xlf`);
  const x = readXliff(read(path));
  const units = x.files[0]!.units.map((u) => ({
    ...u,
    target: u.source.map((r) => (typeof r === 'string' ? fill(r) : r)),
    state: 'translated' as const,
  }));
  writeFileSync(path, writeXliff({ ...x, files: [{ ...x.files[0]!, units }] }, version ?? x.version));
}
