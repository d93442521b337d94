import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApertiumEarly, takeEarlyPipeline } from '../src/mt/apertium-early.js';
import { findApertium } from '../src/mt/apertium-install.js';
import { findApertiumScript, pipelineCommand } from '../src/mt/apertium-script.js';
import { BIN } from './helpers.js';

/**
 * An Apertium installation of its own: the lines of the script findApertium reads, modes eng-spa, spa-eng and en-gl,
 * and programs that copy their input, the deformatter noting each start of a pipeline in `starts`.
 */
function fakeInstall(deformatter = `echo started >> '{starts}'; cat`): {
  bin: string;
  starts: string;
  env: NodeJS.ProcessEnv;
} {
  const root = mkdtempSync(join(tmpdir(), 'locflow-apertium-early-'));
  const bin = join(root, 'bin');
  const data = join(root, 'share');
  mkdirSync(bin);
  mkdirSync(join(data, 'modes'), { recursive: true });
  for (const m of ['spa-eng', 'eng-spa', 'en-gl']) writeFileSync(join(data, 'modes', `${m}.mode`), 'cat\n');
  const script = [
    '#!/bin/bash',
    `APERTIUM_PATH="\${APERTIUM_PATH:-${bin}}"`,
    `APERTIUM_DATADIR="\${APERTIUM_DATADIR:-${data}}"`,
    'RT=="\\0"        { fflush() }',
    '  | bash <(apertium-wblank-mode "${NULL_FLUSH[@]}" "$DATADIR/modes/$PAIR.mode") \\',
    '  apertium-deshtml "${FORMAT_OPTIONS[@]}" "$INFILE" | \\',
    '',
  ].join('\n');
  writeFileSync(join(bin, 'apertium'), script, { mode: 0o755 });
  const starts = join(root, 'starts');
  writeFileSync(starts, '');
  const program = (name: string, body: string): void =>
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  program('apertium-deshtml', deformatter.replaceAll('{starts}', starts));
  program('apertium-wblank-mode', 'echo cat');
  program('apertium-rehtml', 'cat');
  return { bin, starts, env: { PATH: `${bin}:/usr/bin:/bin` } };
}

function project(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-apertium-early-project-'));
  writeFileSync(join(dir, 'locflow.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

const EN_ES = { sourceLanguage: 'en', targetLanguages: ['es'] };

/** The pipeline started early for this mode, if there is one (taken, then stopped by its end of input). */
function taken(env: NodeJS.ProcessEnv, mode: string): boolean {
  const { file, argv, env: childEnv } = pipelineCommand(findApertiumScript(env)!, mode, env);
  const child = takeEarlyPipeline(file, argv, childEnv);
  child?.stdin.end();
  return child !== undefined;
}

afterEach(() => {
  // (whatever a failing test left started)
  const { env } = fakeInstall();
  for (const mode of ['eng-spa', 'en-gl']) taken(env, mode);
});

describe("Apertium's pipeline started as the program starts", () => {
  it('is the pipeline the engine starts for the first pair, taken over rather than started again', async () => {
    const { starts, env } = fakeInstall();
    startApertiumEarly(['translate', '--engine', 'apertium'], project(EN_ES), env);
    const running = findApertium(env)!.start('eng-spa');
    running.write('Lisbon');
    expect(await running.end()).toBe('Lisbon');
    expect(readFileSync(starts, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
  });

  it("follows --lang, --cwd and --config; another pair's start is not taken", () => {
    const { env } = fakeInstall();
    const dir = project({ sourceLanguage: 'en', targetLanguages: ['es', 'gl'] });
    startApertiumEarly(['-q', 'translate', '--engine=apertium', '--lang', 'gl,es', '--json'], dir, env);
    expect(taken(env, 'eng-spa')).toBe(false);
    expect(taken(env, 'en-gl')).toBe(true);
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(join(sub, 'other.json'), JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['gl'] }));
    startApertiumEarly(['--cwd', 'sub', '--config', 'other.json', 'translate', '--engine', 'apertium'], dir, env);
    expect(taken(env, 'en-gl')).toBe(true);
  });

  it('starts nothing for another command, another engine, a dry run, help or an unknown option', () => {
    const { starts, env } = fakeInstall();
    const dir = project(EN_ES);
    for (const args of [
      ['extract'],
      ['check', 'translate'],
      ['translate', '--engine', 'deepl'],
      ['translate', '--engine', 'apertium', '--dry-run'],
      ['translate', '--engine', 'apertium', '--help'],
      ['translate', '--engine', 'apertium', '--force'],
      ['translate', '--engine'],
    ]) {
      startApertiumEarly(args, dir, env);
      expect(taken(env, 'eng-spa'), args.join(' ')).toBe(false);
    }
    expect(readFileSync(starts, 'utf8')).toBe('');
  });

  it('never throws: an environment the pipeline cannot be started with is left to the engine', () => {
    const { env } = fakeInstall();
    const bad = { ...env, LOCFLOW_BAD: 'a\u0000b' }; // (spawn refuses a NUL byte in the environment)
    expect(() => startApertiumEarly(['translate', '--engine', 'apertium'], project(EN_ES), bad)).not.toThrow();
    expect(() => findApertium(bad)!.start('eng-spa')).toThrow();
  });

  it('starts nothing for a configuration it cannot read as it is, or that names an Apertium command', () => {
    const { env } = fakeInstall();
    for (const config of [
      '{ "sourceLanguage": "en", ',
      { targetLanguages: ['es'] },
      { sourceLanguage: 'en', targetLanguages: ['es'], mt: { apertium: { command: '/opt/apertium' } } },
      { sourceLanguage: 'en', targetLanguages: ['fi'] },
    ]) {
      startApertiumEarly(['translate', '--engine', 'apertium'], project(config), env);
      expect(taken(env, 'eng-spa'), JSON.stringify(config)).toBe(false);
    }
    startApertiumEarly(['translate', '--engine', 'apertium'], mkdtempSync(join(tmpdir(), 'locflow-no-project-')), env);
    expect(taken(env, 'eng-spa')).toBe(false);
  });
});

describe('locflow translate (the command as installed) with the pipeline started early', () => {
  it('starts one pipeline, which translates the run', () => {
    const { starts, env } = fakeInstall();
    const dir = project({ ...EN_ES, sources: ['source/*.txt'] });
    mkdirSync(join(dir, 'source'));
    writeFileSync(join(dir, 'source', 'note.txt'), 'Ships left Lisbon at dawn.\n\nThe harbour was calm.\n');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(run('extract').status).toBe(0);
    const r = run('translate', '--engine', 'apertium', '--lang', 'es');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(starts, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    const bundles = readdirSync(join(dir, 'locales', 'es'));
    expect(bundles.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'locales', 'es', 'note.json'), 'utf8')).toContain('Ships left Lisbon at dawn.');
  });
});

describe('a run refused or with nothing to do after the pipeline started early', () => {
  /** The deformatter outlives its input, as Apertium's programs loading their dictionaries do. */
  const lingering = 'cat >/dev/null; exec sleep 60';

  /** The processes whose environment holds `mark`, once they have had the time to go (a zombie is gone). */
  async function running(mark: string): Promise<number[]> {
    const find = (): number[] =>
      readdirSync('/proc')
        .filter((f) => /^\d+$/u.test(f))
        .filter((pid) => {
          try {
            return (
              readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(mark) &&
              !/^\d+ \(.*\) Z/u.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
            );
          } catch {
            return false; // gone meanwhile
          }
        })
        .map(Number);
    for (let i = 0; i < 200 && find().length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    return find();
  }

  it('leaves no pipeline behind', async () => {
    const { env } = fakeInstall(lingering);
    const mark = `LOCFLOW_EARLY_TEST=${process.pid}-${Date.now()}`;
    const dir = project({ ...EN_ES, sources: ['source/*.txt'] });
    mkdirSync(join(dir, 'source'));
    writeFileSync(join(dir, 'source', 'note.txt'), 'Ships left Lisbon at dawn.\n');
    const [name, value] = mark.split('=') as [string, string];
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], {
        cwd: dir,
        env: { ...process.env, ...env, [name]: value },
        encoding: 'utf8',
      });
    expect(run('extract').status).toBe(0);
    // A language the project does not translate into (its pair is installed): refused after the early start.
    expect(run('translate', '--engine', 'apertium', '--lang', 'gl').status).toBe(2);
    // A configuration refused when the project loads, after the early start read it.
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...EN_ES, sources: ['../elsewhere/*.txt'] }));
    expect(run('--config', 'bad.json', 'translate', '--engine', 'apertium').status).not.toBe(0);
    // Nothing left to translate: the pipeline taken over, then given up.
    expect(run('translate', '--engine', 'pseudo', '--lang', 'es', '--force').status).toBe(0);
    const r = run('translate', '--engine', 'apertium', '--lang', 'es');
    expect(r.status, r.stderr).toBe(0);
    expect(await running(mark)).toEqual([]);
  }, 60_000);
});
