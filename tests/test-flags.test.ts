import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.ts') ? [relative(root, path).split('\\').join('/')] : [];
  });
}

describe("test files and V8's flags", () => {
  // A flag a file sets and leaves stays set for every later file of its worker (the shared project): V8 then refuses
  // the build's code caches, and tests of locflow's own V8 tuning fail by the order files run in.
  it('none sets a flag itself (tests/exposed-gc.ts takes gc() and sets the flag back)', () => {
    const setting = testFiles(join(root, 'tests')).filter((f) =>
      /\bsetFlagsFromString\(/u.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(setting).toEqual([]);
  });
});
