import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insideProject, oneRun, relativeToProjectPath } from '../src/io/files.js';

/** Relative paths of parts that path.resolve treats apart: ".", "..", empty parts, dots in names, a leading "/". */
const part = fc.constantFrom('a', 'b.txt', '.', '..', '', '.a', 'a.', '..a', '...', ' ', 'x\\y', 'é');
const paths = fc.array(part, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));

describe('insideProject resolves a path as path.resolve does', () => {
  it('whatever its parts: the same full path, or the same refusal', async () => {
    const root = mkdtempSync(join(tmpdir(), 'locflow-inside-'));
    await oneRun(async () => {
      fc.assert(
        fc.property(
          fc.oneof(
            paths,
            paths.map((p) => `/${p}`),
          ),
          (path) => {
            const full = resolve(root, path);
            const rel = relative(root, full);
            if (rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel))
              expect(insideProject(root, path, 'path')).toBe(full);
            else expect(() => insideProject(root, path, 'path')).toThrow(/outside the project folder/u);
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});

describe('relativeToProjectPath answers as path.relative does', () => {
  it('for a path below the root written any way, and for roots written any way', () => {
    const root = mkdtempSync(join(tmpdir(), 'locflow-relative-'));
    const roots = [root, `${root}/`, `${root}/.`, `${root}/x/..`, relative(process.cwd(), root) || '.', '/', ''];
    fc.assert(
      fc.property(fc.constantFrom(...roots), paths, fc.boolean(), (base, path, absolute) => {
        const full = absolute ? `${root}/${path}` : `${base}/${path}`;
        expect(relativeToProjectPath(base, full)).toBe(relative(base, full).split('\\').join('/'));
      }),
      { numRuns: 3000 },
    );
  });
});
