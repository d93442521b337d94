import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicTemp, inFolderMadeEmpty, oneRun, writeFileAtomic } from '../src/io/files.js';
import { loadProject } from '../src/project/load.js';
import { extract } from '../src/workflow/extract.js';
import { read, refusal, tempProject, translateFile } from './helpers.js';

describe('a folder the run made holds nothing it is asked for', () => {
  it('until the run puts something there other than temporary files; a folder there before is looked at', async () => {
    const root = mkdtempSync(join(tmpdir(), 'locflow-made-'));
    mkdirSync(join(root, 'old'));
    await oneRun(async () => {
      expect(inFolderMadeEmpty(join(root, 'new', 'a.txt'))).toBe(false); // not made yet
      atomicTemp(join(root, 'new', 'a.txt'));
      expect(inFolderMadeEmpty(join(root, 'new', 'a.txt'))).toBe(true);
      expect(inFolderMadeEmpty(join(root, 'new', 'b.txt'))).toBe(true);
      // A folder there before the run's mkdir: its files are looked for.
      atomicTemp(join(root, 'old', 'a.txt'));
      expect(inFolderMadeEmpty(join(root, 'old', 'a.txt'))).toBe(false);
      // A file renamed into it: no longer empty.
      atomicTemp(join(root, 'two', 'a.txt'));
      writeFileAtomic(join(root, 'two', 'b.txt'), 'b');
      expect(inFolderMadeEmpty(join(root, 'two', 'a.txt'))).toBe(false);
      // A folder made in it: it holds that folder now; the new one is empty.
      atomicTemp(join(root, 'new', 'sub', 'a.txt'));
      expect(inFolderMadeEmpty(join(root, 'new', 'a.txt'))).toBe(false);
      expect(inFolderMadeEmpty(join(root, 'new', 'sub', 'a.txt'))).toBe(true);
    });
    // Outside a run nothing is known.
    expect(inFolderMadeEmpty(join(root, 'new', 'sub', 'a.txt'))).toBe(false);
  });

  it('extract still reads an XLIFF file there when another document was written to its folder first', async () => {
    // "a-first" is extracted before "article": its write makes sure of the folder, which was there already.
    const d = tempProject();
    writeFileSync(join(d, 'source', 'a-first.txt'), 'First story.\n\nIt has two paragraphs.\n');
    await extract(await loadProject(d), { langs: ['es'] });
    translateFile(d, 'es', (t) => `ES ${t}`);
    writeFileSync(join(d, 'source', 'a-first.txt'), 'First story, changed.\n');
    const r = await refusal(async () => extract(await loadProject(d), { langs: ['es'] }));
    expect(r.message).toMatch(/not imported/u);
    expect(read(join(d, 'xliff/es/article.xlf'))).toContain('ES Air strike');
  });
});
