import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locflowInProcess } from '../helpers.js';

/** A project of two articles in two folders whose built pages go to `output`, and beside it an "outside" folder. */
function setup(output: string): { d: string; out: string } {
  const base = mkdtempSync(join(tmpdir(), 'locflow-compared-'));
  const d = join(base, 'project');
  const out = join(base, 'outside');
  mkdirSync(join(d, 'source', 'x'), { recursive: true });
  mkdirSync(join(d, 'source', 'y'));
  mkdirSync(out);
  writeFileSync(join(d, 'source', 'x', 'a.txt'), 'Hello there.\n\nA second paragraph.\n');
  writeFileSync(join(d, 'source', 'y', 'a.txt'), 'Another story.\n');
  writeFileSync(
    join(d, 'locflow.config.json'),
    JSON.stringify({
      sourceLanguage: 'en',
      targetLanguages: ['es'],
      sources: ['source/**/*.txt'],
      locales: { output },
    }),
  );
  return { d, out };
}

describe("loading a project compares its documents' paths as written", () => {
  it('a link out of the project on a path the command does not use stops only the command that writes there', async () => {
    const { d, out } = setup('site/{lang}/{dir}/{doc}{ext}');
    // A link below the configured folders (the configuration's own check looks at their fixed part only).
    mkdirSync(join(d, 'site', 'es'), { recursive: true });
    symlinkSync(out, join(d, 'site', 'es', 'x'));
    // extract writes no built page: the link on their way is looked at by the command that writes them.
    const ex = await locflowInProcess(d, 'extract');
    expect(ex.code, ex.stderr).toBe(0);
    expect(existsSync(join(d, 'xliff', 'es', 'x', 'a.xlf'))).toBe(true);
    const b = await locflowInProcess(d, 'build', '--lang', 'es');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/link to a (?:file|folder|file or folder) outside the project folder/u);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a path outside the project as written is still refused when the project loads', async () => {
    const { d, out } = setup('../outside/{lang}/{doc}{ext}');
    const ex = await locflowInProcess(d, 'extract');
    expect(ex.code).toBe(2);
    expect(ex.stderr).toContain('is outside the project folder');
    expect(existsSync(join(d, 'xliff'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a document whose output is another document’s XLIFF file is refused, naming both keys', async () => {
    const { d } = setup('xliff/{lang}/x/{doc}.xlf');
    const ex = await locflowInProcess(d, 'extract');
    expect(ex.code).toBe(2);
    expect(ex.stderr).toMatch(
      /source\/x\/a\.txt and source\/y\/a\.txt would both write xliff\/es\/x\/a\.xlf \(xliff\.path and locales\.output\); nothing was done/u,
    );
    expect(existsSync(join(d, 'xliff'))).toBe(false);
  });

  it('two documents that would write one file are still refused, naming both', async () => {
    const { d } = setup('site/{lang}/{doc}{ext}');
    const ex = await locflowInProcess(d, 'extract');
    expect(ex.code).toBe(2);
    expect(ex.stderr).toMatch(/source\/x\/a\.txt and source\/y\/a\.txt would both write site\/es\/a\.txt/u);
    expect(existsSync(join(d, 'xliff'))).toBe(false);
  });
});
