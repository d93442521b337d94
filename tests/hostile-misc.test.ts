import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEngineCommand } from '../src/mt/run-command.js';
import { loadProject } from '../src/project/load.js';
import { extract } from '../src/workflow/extract.js';
import { importFiles } from '../src/workflow/import.js';
import { locflowInProcess, refusal } from './helpers.js';

function mtProject(command: string): string {
  const d = mkdtempSync(join(tmpdir(), 'locflow-misc-'));
  mkdirSync(join(d, 'source'));
  writeFileSync(join(d, 'source', 'a.txt'), 'Hello world.\n\nA second paragraph here.\n');
  writeFileSync(
    join(d, 'locflow.config.json'),
    JSON.stringify({
      sourceLanguage: 'en',
      targetLanguages: ['es'],
      sources: ['source/*.txt'],
      mt: { apertium: { command } },
    }),
  );
  return d;
}

describe('an MT command that exits without reading its input (issue 10.11)', () => {
  it('is reported with the command, not an unhandled EPIPE', async () => {
    const big = 'x'.repeat(2_000_000);
    for (const command of ['/bin/true', '/bin/false']) {
      await expect(runEngineCommand(command, [], big)).rejects.toMatchObject({
        name: 'MtError',
        message: expect.stringContaining(`the engine command exited before reading its input: "${command}"`),
      });
    }
    // A command that reads its input still works.
    await expect(runEngineCommand('/bin/cat', [], 'héllo')).resolves.toBe('héllo');
    await expect(runEngineCommand('/bin/echo', ['-n', 'ok'], '')).resolves.toBe('ok');
  });

  it('translate --engine apertium with /bin/true exits 2 with a clear message', async () => {
    const d = mtProject('/bin/true');
    expect((await locflowInProcess(d, 'extract')).code).toBe(0);
    const r = await locflowInProcess(d, 'translate', '--engine', 'apertium', '--lang', 'es');
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/u);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/bin/true');
  });
});

function textProject(text: string): string {
  const d = mkdtempSync(join(tmpdir(), 'locflow-misc-'));
  mkdirSync(join(d, 'source'));
  writeFileSync(join(d, 'source', 'a.txt'), text);
  writeFileSync(
    join(d, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
  );
  return d;
}

describe('control characters of translations in check reports (issue 10.11)', () => {
  const C0 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
  const setup = (): string => {
    const d = textProject('There are 5 apples.\n');
    writeFileSync(join(d, 'src.txt'), 'There are 5 apples.\n');
    writeFileSync(join(d, 'trg.txt'), 'Hay 6 manzanas\u001b]0;pwned\u0007\u001b[2J\u0000.\n');
    return d;
  };

  it('the text report shows ESC, BEL and NUL as visible characters, never sends them to the terminal', async () => {
    const d = setup();
    const r = await locflowInProcess(d, 'check', '--source', 'src.txt', '--target', 'trg.txt', '--lang', 'es');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/6/u);
    expect(r.stdout).not.toMatch(C0);
    expect(r.stdout).toContain('\u241b]0;pwned\u2407\u241b[2J\u2400');
  });

  it('the HTML report carries no raw C0 bytes', async () => {
    const d = setup();
    const r = await locflowInProcess(
      d,
      'check',
      '--source',
      'src.txt',
      '--target',
      'trg.txt',
      '--lang',
      'es',
      '--format',
      'html',
      '-o',
      'report.html',
    );
    expect(r.code).toBe(1);
    const html = readFileSync(join(d, 'report.html'), 'utf8');
    expect(html).not.toMatch(C0);
    expect(html).toContain('manzanas\u241b]');
    expect(html).toContain('\u2407');
  });
});

// In process: extract and import as the workflow runs them (the CLI's wiring and exit codes are cli.test's).
describe('origins in XLIFF (issue 10.11)', () => {
  for (const version of ['1.2', '2.0'] as const) {
    it(`an unknown or malformed origin is refused, not read as "human" (XLIFF ${version})`, async () => {
      const d = textProject('There are 5 apples.\n');
      await extract(await loadProject(d), { version });
      const file = join(d, 'xliff', 'es', 'a.xlf');
      const xml = readFileSync(file, 'utf8');
      for (const bad of ['pseudo ', 'Pseudo', 'robot', '']) {
        const edited =
          version === '1.2'
            ? xml.replace(
                '</source>',
                `</source>\n        <target state="translated" state-qualifier="${bad === '' ? 'x-' : `x-${bad}`}">Hay 5 manzanas.</target>`,
              )
            : xml
                .replace(/<unit id="([^"]+)"/u, `<unit id="$1" lf:origin="${bad}"`)
                .replace(/<\/source>/u, '</source>\n        <target>Hay 5 manzanas.</target>');
        expect(edited).not.toBe(xml);
        writeFileSync(file, edited);
        const r = await refusal(async () => importFiles(await loadProject(d), [file]));
        expect(r.code, `${bad}: ${r.message}`).toBe(2);
        expect(r.message).toMatch(version === '1.2' ? /state-qualifier/u : /lf:origin/u);
        expect(existsSync(join(d, 'locales', 'es', 'a.meta.json'))).toBe(false);
      }
      // Known origins still import.
      const good =
        version === '1.2'
          ? xml.replace(
              '</source>',
              '</source>\n        <target state="translated" state-qualifier="x-pseudo">Hay 5 manzanas.</target>',
            )
          : xml
              .replace(/<unit id="([^"]+)"/u, '<unit id="$1" lf:origin="pseudo"')
              .replace(/<\/source>/u, '</source>\n        <target>Hay 5 manzanas.</target>');
      writeFileSync(file, good);
      const [ok] = await importFiles(await loadProject(d), [file]);
      expect(ok!.imported).toBe(1);
      const meta = JSON.parse(readFileSync(join(d, 'locales', 'es', 'a.meta.json'), 'utf8')) as {
        units: Record<string, { origin: string }>;
      };
      expect(Object.values(meta.units).map((m) => m.origin)).toEqual(['pseudo']);
    });
  }
});
