import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaveUnoptimized, SHORT_RUN_UNITS } from '../src/cli/short-run.js';
import { withTerminal } from '../src/cli/terminal.js';
import { ARTICLE, BIN, projectWith, ROOT } from './helpers.js';

/** A node process with V8's test functions: whether a hot function was optimized after `before` ran. */
function optimizedAfter(before: string): boolean {
  const script = `import { leaveUnoptimized } from ${JSON.stringify(join(ROOT, 'dist/cli/short-run.js'))};
${before}
function hot(x) { return x * 2 + 1; }
let s = 0;
for (let i = 0; i < 3e6; i++) s += hot(i);
console.log((%GetOptimizationStatus(hot) & 16) !== 0 ? 'optimized' : 'not optimized', s > 0);`;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.startsWith('optimized');
}

describe('a short translate run leaves the optimizing compiler off', () => {
  it('a short run of the process turns it off; a long one keeps it', () => {
    expect(optimizedAfter('')).toBe(true); // the measure itself sees optimization
    expect(optimizedAfter(`if (!leaveUnoptimized(${SHORT_RUN_UNITS})) throw new Error('kept');`)).toBe(false);
    expect(optimizedAfter(`if (leaveUnoptimized(${SHORT_RUN_UNITS + 1})) throw new Error('left');`)).toBe(true);
  });

  it('a run inside a caller’s process (its own terminal) leaves the process’s compiler alone', () => {
    const sink = { write: () => undefined };
    const t = {
      cwd: ROOT,
      stdout: sink,
      stderr: sink,
      setExitCode: () => undefined,
      exit: (): never => process.exit(),
    };
    expect(withTerminal(t, () => leaveUnoptimized(1))).toBe(false);
  });

  it('translate turns it off once it knows the run is short: it optimizes nothing a dry run (the plan) does not', () => {
    const article = readFileSync(ARTICLE, 'utf8');
    // Eight copies of the article in a pseudo-locale: enough units that the QA gate's functions get hot.
    const files = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`source/a${n}.txt`, article]));
    const d = projectWith(files, { sourceLanguage: 'en', targetLanguages: ['en-XA'], sources: ['source/*.txt'] });
    /** The functions V8's optimizing compiler compiled in a translate run (--trace-opt writes them on stdout). */
    const optimized = (...args: string[]): Set<string> => {
      const r = spawnSync(
        process.execPath,
        ['--trace-opt', BIN, 'translate', '--engine', 'pseudo', '--lang', 'en-XA', ...args],
        { cwd: d, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(args.length ? /136 units/u : /136 of 136 units translated with pseudo/u);
      return new Set([...r.stdout.matchAll(/compiling method \S+ <JSFunction ([^ >]+)/gu)].map((m) => m[1]!));
    };
    const beforePlan = optimized('--dry-run');
    const whole = optimized();
    expect([...whole].filter((f) => !beforePlan.has(f))).toEqual([]);
  });
});
