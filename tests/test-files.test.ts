import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Every test file below tests/, as a path from the project's root. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.ts') ? [relative(root, path).split('\\').join('/')] : [];
  });
}

/** The test files whose text matches `pattern`. */
const filesMatching = (pattern: RegExp): string[] =>
  testFiles(join(root, 'tests')).filter((f) => pattern.test(readFileSync(join(root, f), 'utf8')));

describe('test files that replace a module', () => {
  // A file that calls vi.mock in the shared project (modules shared between files, isolate: false) gets the real
  // module whenever another file loaded it first: its assertions then pass or fail with the order files run in.
  it('each runs in the mocked project, in a worker of its own', () => {
    const config = readFileSync(join(root, 'vitest.config.ts'), 'utf8');
    const mocked = /const MOCKED = \[([^\]]*)\]/.exec(config)?.[1] ?? '';
    const listed = new Set([...mocked.matchAll(/'([^']+)'/g)].map((m) => m[1]));
    const mocking = filesMatching(/\bvi\.(?:do)?[mM]ock\(/);
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.filter((f) => !listed.has(f))).toEqual([]);
  });
});

describe("test files and V8's flags", () => {
  // A flag a file sets and leaves stays set for every later file of its worker (the shared project): V8 then refuses
  // the build's code caches, and tests of locflow's own V8 tuning fail by the order files run in.
  it('none sets a flag itself (tests/exposed-gc.ts takes gc() and sets the flag back)', () => {
    expect(filesMatching(/\bsetFlagsFromString\(/u)).toEqual([]);
  });
});
