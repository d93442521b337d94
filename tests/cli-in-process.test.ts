import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../src/cli/program.js';
import { TOOL } from '../src/version.js';
import { tempProject } from './helpers.js';

/** runCommandLine: a command line run in this process prints and exits as the `locflow` process would. */
describe('a command line run in process', () => {
  it('a usage error, --help and --version end the run with their code, not the process', async () => {
    const before = process.exitCode;
    const bad = await runCommandLine(tmpdir(), ['frobnicate']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^locflow: unknown command 'frobnicate'/u);
    expect(bad.stderr).toContain('Usage: locflow [options] [command]');
    expect(await runCommandLine(tmpdir(), ['--version'])).toEqual({ code: 0, stdout: `${TOOL.version}\n`, stderr: '' });
    const help = await runCommandLine(tmpdir(), ['extract', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: locflow extract \[options\]/u);
    // Help is laid out for 80 columns, as it is on a pipe.
    expect(Math.max(...help.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    const refused = await runCommandLine(tmpdir(), ['status']);
    expect(refused.code).toBe(2);
    expect(process.exitCode).toBe(before);
  });

  it('runs from its own folder: the project, a relative --cwd and the files named start there', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'locflow-parent-'));
    renameSync(tempProject('One sentence here.\n', 'story.txt'), join(parent, 'proj'));
    const r = await runCommandLine(parent, ['-C', 'proj', 'extract', '--lang', 'es']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^xliff\/es\/story\.xlf: 1 units/u);
    const checked = await runCommandLine(join(parent, 'proj'), ['check', 'xliff/es/story.xlf']);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toBe('locflow: xliff/es/story.xlf has no translations yet: nothing to check\n');
  });

  it('two runs at once print each to its own output', async () => {
    const a = tempProject('Alpha is the first story.\n', 'alpha.txt');
    const b = tempProject('Beta is the second story.\n', 'beta.txt');
    const [ra, rb] = await Promise.all([
      runCommandLine(a, ['extract', '--dry-run', '--lang', 'es,fr,de,ar']),
      runCommandLine(b, ['extract', '--dry-run', '--lang', 'es,fr,de,ar']),
    ]);
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    expect(ra.stdout.match(/alpha\.xlf/gu)).toHaveLength(4);
    expect(rb.stdout.match(/beta\.xlf/gu)).toHaveLength(4);
    expect(ra.stdout).not.toContain('beta');
    expect(rb.stdout).not.toContain('alpha');
  });
});
