import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicTemp, inFolderFoundAbsent, insideProject, madeWhole, oneRun } from '../src/io/files.js';

describe('inFolderFoundAbsent', () => {
  it('answers for the paths below a folder the run found not there, until the run makes it or puts it in place', async () => {
    const root = mkdtempSync(join(tmpdir(), 'locflow-found-absent-'));
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'a.txt'), 'a');
    const below = join(root, 'locales', 'es', 'a.json');
    expect(inFolderFoundAbsent(below)).toBe(false); // outside a run: never
    await oneRun(async () => {
      expect(inFolderFoundAbsent(below)).toBe(false); // not looked at yet
      insideProject(root, 'locales/es/a.json', 'bundle');
      expect(inFolderFoundAbsent(below)).toBe(true);
      expect(inFolderFoundAbsent(join(root, 'locales', 'a.json'))).toBe(true);
      expect(inFolderFoundAbsent('locales/es/a.json')).toBe(false); // not a resolved path: no answer
      insideProject(root, 'out/a.txt', 'output');
      expect(inFolderFoundAbsent(join(root, 'out', 'a.txt'))).toBe(false); // there
      expect(inFolderFoundAbsent(join(root, 'locales'))).toBe(false); // the folder itself: its parent is there
      atomicTemp(below); // the run makes the folder
      expect(inFolderFoundAbsent(below)).toBe(false);
      insideProject(root, 'xliff/es/a.xlf', 'XLIFF file');
      expect(inFolderFoundAbsent(join(root, 'xliff', 'es', 'a.xlf'))).toBe(true);
      mkdirSync(join(root, 'xliff', 'es'), { recursive: true });
      madeWhole(join(root, 'xliff')); // a staged folder renamed into place
      expect(inFolderFoundAbsent(join(root, 'xliff', 'es', 'a.xlf'))).toBe(false);
    });
  });
});
