import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressBar, shortList } from '../src/cli/output.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { CLI, extractedProject, locflowInProcess, read, ROOT, tempProject } from './helpers.js';
import { fakeServer, json, shout } from './mt-helpers.js';

const XLF = 'xliff/es/article.xlf';

/** Every target of the file filled with a stand-in translation, as a translator would return it. */
function translateFile(d: string, fill: (t: string) => string): void {
  const path = join(d, XLF);
  const x = readXliff(read(path));
  const files = x.files.map((f) => ({
    ...f,
    units: f.units.map((u) => ({
      ...u,
      target: u.source.map((r) => (typeof r === 'string' ? fill(r) : r)),
      state: 'translated' as const,
    })),
  }));
  writeFileSync(path, writeXliff({ ...x, files }, x.version));
}

function listing(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];
}

describe('--quiet, --verbose and --help', () => {
  it('every command lists --quiet and --verbose; extract, import and build have --dry-run, reporting commands --json', async () => {
    const reporting = ['extract', 'translate', 'import', 'build', 'status', 'check'];
    for (const command of [...reporting, 'init', 'pseudo', 'segment', 'tm']) {
      const help = (await locflowInProcess(ROOT, command, '--help')).stdout;
      expect(help, command).toMatch(/-q, --quiet/u);
      expect(help, command).toMatch(/-v, --verbose/u);
      if (reporting.includes(command)) expect(help, command).toMatch(/--json/u);
      if (['extract', 'import', 'build', 'translate'].includes(command)) expect(help, command).toMatch(/--dry-run/u);
    }
  });

  it('--quiet prints nothing on success; errors still reach stderr with their exit code', async () => {
    const d = tempProject();
    const r = await locflowInProcess(d, 'extract', '--quiet');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(join(d, XLF))).toBe(true);
    expect(await locflowInProcess(d, '-q', 'build', '--lang', 'es')).toMatchObject({ code: 0, stdout: '' });
    const bad = await locflowInProcess(d, 'import', '-q', 'missing.xlf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/missing\.xlf/u);
  });

  it('lists are cut at five by default and given whole with --verbose; units are named by role and line', async () => {
    const d = tempProject();
    const normal = (await locflowInProcess(d, 'build', '--lang', 'es')).stdout;
    expect(normal).toMatch(/17 untranslated \(source text used\): headline, line 1; standfirst, line 3; .*12 more/u);
    expect(normal).toMatch(/^total: 1 file written, 17 untranslated/mu);
    const verbose = (await locflowInProcess(d, 'build', '--lang', 'es', '--verbose')).stdout;
    expect(verbose).toContain('timestamp, line 28');
    expect(verbose).not.toMatch(/more; --verbose/u);
    expect(shortList(['a', 'b', 'c'], false, 2)).toBe('a; b; … (1 more; --verbose lists them all)');
  });
});

describe('--dry-run writes nothing and says what would be written', () => {
  it('extract --dry-run: no XLIFF, no export record; the files it would write are named', async () => {
    const d = tempProject();
    const r = await locflowInProcess(d, 'extract', '--dry-run', '--lang', 'es,fr');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^would write xliff\/es\/article\.xlf: 17 units/mu);
    expect(r.stdout).toMatch(/2 files would be written \(nothing was written\)/u);
    expect(listing(join(d, 'xliff'))).toEqual([]);
    expect(listing(join(d, '.locflow'))).not.toContain('exports');
  });

  it('extract --dry-run still says when the real run would refuse', async () => {
    const d = extractedProject();
    translateFile(d, (t) => `ES ${t}`);
    const before = read(join(d, XLF));
    const r = await locflowInProcess(d, 'extract', '--lang', 'es', '--dry-run');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not imported/u);
    expect(read(join(d, XLF))).toBe(before);
  });

  it('import --dry-run checks everything and changes neither the store nor the memory', async () => {
    const d = extractedProject();
    translateFile(d, (t) => `ES ${t}`);
    const r = await locflowInProcess(d, 'import', '--dry-run', XLF);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/17 would be imported/u);
    expect(listing(join(d, 'locales', 'es')).filter((f) => f.startsWith('article'))).toEqual([]);
    expect(existsSync(join(d, 'tm', 'project.db'))).toBe(false);
    // A file the real import would refuse is refused by the dry run as well.
    writeFileSync(join(d, 'bad.xlf'), read(join(d, XLF)).replace('target-language="es"', 'target-language="ja"'));
    expect((await locflowInProcess(d, 'import', '--dry-run', 'bad.xlf')).code).toBe(2);
    // The real import then does what the dry run said.
    expect((await locflowInProcess(d, 'import', XLF)).stdout).toMatch(/17 imported/u);
  });

  it('build --dry-run makes and checks every output but writes none', async () => {
    const d = tempProject();
    const r = await locflowInProcess(d, 'build', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^would write locales\/ar\/article\.txt: 17 units/mu);
    expect(listing(join(d, 'locales'))).toEqual([]);
  });
});

describe('--json: one document of a documented shape', () => {
  interface Shape {
    command: string;
    dryRun?: boolean;
    results: Array<Record<string, unknown>>;
    totals?: Record<string, number>;
  }
  const parse = (stdout: string): Shape => JSON.parse(stdout) as Shape;

  it('extract, translate, import, build, status and check print JSON only', async () => {
    const d = tempProject();
    const cfg = JSON.parse(read(join(d, 'locflow.config.json'))) as { targetLanguages: string[] };
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ ...cfg, targetLanguages: [...cfg.targetLanguages, 'qps-ploc'] }),
    );
    const extract = parse((await locflowInProcess(d, 'extract', '--lang', 'es', '--json')).stdout);
    expect(extract).toMatchObject({ command: 'extract', dryRun: false, totals: { files: 1, units: 17 } });
    expect(extract.results[0]).toMatchObject({ lang: 'es', doc: 'article', file: XLF, units: 17, translated: 0 });

    const translate = parse(
      (await locflowInProcess(d, 'translate', '--engine', 'pseudo', '--lang', 'qps-ploc', '--json')).stdout,
    );
    expect(translate).toMatchObject({ command: 'translate', engine: 'pseudo', totals: { units: 17, translated: 17 } });
    expect(translate.results[0]).toMatchObject({ lang: 'qps-Ploc', doc: 'article', translated: 17, flagged: [] });

    translateFile(d, (t) => `ES ${t}`);
    const imported = parse((await locflowInProcess(d, 'import', XLF, '--json')).stdout);
    expect(imported).toMatchObject({ command: 'import', totals: { files: 1, imported: 17 } });
    // Units a check flagged are stored as needs-review and kept out of the memory.
    expect(imported.totals!.toMemory + imported.totals!.flagged).toBe(17);
    expect(imported.results[0]).toMatchObject({ file: XLF, lang: 'es', imported: 17, unchanged: 0 });

    const built = parse((await locflowInProcess(d, 'build', '--lang', 'es,fr', '--json')).stdout);
    expect(built).toMatchObject({ command: 'build', dryRun: false, totals: { files: 2, untranslated: 17 } });
    expect(built.results[1]).toMatchObject({ lang: 'fr', file: 'locales/fr/article.txt' });
    expect((built.results[1]!.untranslated as unknown[])[0]).toMatchObject({ label: 'headline, line 1' });

    const status = parse((await locflowInProcess(d, 'status', '--json')).stdout);
    expect(status.command).toBe('status');
    const es = status.results.find((r) => r.lang === 'es')!;
    expect(es).toMatchObject({ units: 17, untranslated: 0 });
    expect(Number(es.translated) + Number(es.needsReview)).toBe(17);

    const check = await locflowInProcess(d, 'check', '--lang', 'es', '--json');
    const report = JSON.parse(check.stdout) as { summary: { errors: number }; issues: Array<{ label?: string }> };
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(check.code).toBe(1);
  });
});

describe('--json on a failure', () => {
  it('stdout still holds one JSON document: the error, with the exit code (the message also on stderr)', async () => {
    const d = tempProject();
    const r = await locflowInProcess(d, 'import', '--json', 'missing.xlf');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as {
      command: string;
      error: { message: string; file?: string; exitCode: number };
    };
    expect(doc).toMatchObject({ command: 'import', error: { exitCode: 2 } });
    expect(`${doc.error.file ?? ''} ${doc.error.message}`).toMatch(/missing\.xlf/u);
    expect(r.stderr).toMatch(/missing\.xlf/u);
    // Without --json, stdout stays empty.
    expect((await locflowInProcess(d, 'import', 'missing.xlf')).stdout).toBe('');
  });
});

describe('progress', () => {
  afterEach(() => vi.restoreAllMocks());

  it('on a terminal: one bar redrawn in place with the document, counts and time left; results print above it', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const bar = new ProgressBar(true);
    bar.update('es/guides/setup', 0, 40);
    bar.update('es/guides/setup', 10, 40);
    bar.above(() => written.push('RESULT\n'));
    bar.update('fr/guides/setup', 40, 40);
    bar.done();
    const text = written.join('');
    // Redrawn in place (carriage return, erased line), never a new line per update.
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toMatch(/\r\x1b\[2K\[######\.+\] 10\/40 units · es\/guides\/setup · \d+ s left/u);
    expect(text).toMatch(/\r\x1b\[2KRESULT\n\[######/u);
    expect(text).toMatch(/40\/40 units · fr\/guides\/setup\r\x1b\[2K$/u);
    // Off a terminal it draws nothing.
    written.length = 0;
    const off = new ProgressBar(false);
    off.update('x', 1, 2);
    off.done();
    expect(written).toEqual([]);
  });

  it('without a terminal, each document is reported as soon as it is done, and a total at the end', async () => {
    // The first document is longer than one engine batch (60,000 characters), so the second document's units go in
    // a batch of their own: the first document is done, and can be reported, while the second is still out.
    const long = Array.from({ length: 1300 }, (_, i) => `Sentence ${i + 1} of the first document, long on purpose.`);
    const d = tempProject(long.join(' ') + '\n', 'a.txt');
    writeFileSync(join(d, 'source', 'b.txt'), 'Second document, held back by the engine.\n');
    const cfg = JSON.parse(read(join(d, 'locflow.config.json'))) as Record<string, unknown>;
    let firstLineSeen = false;
    let release: () => void = () => {};
    const held = new Promise<'line'>((r) => (release = () => r('line')));
    let releasedBy: 'line' | 'timeout' | undefined;
    // The engine answers the second document only once the first document's line was read from the CLI's output;
    // after 15 s anyway, so that a CLI that prints only at the end fails on `releasedBy` instead of hanging.
    const server = await fakeServer((_path, body, _req, res) => {
      const q = (body as { q: string[] }).q;
      const answer = (): void => json(res, 200, { translatedText: q.map(shout) });
      if (q.some((t) => t.includes('Second')))
        void Promise.race([held, sleep(15_000).then(() => 'timeout' as const)]).then((by) => {
          releasedBy = by;
          answer();
        });
      else answer();
    });
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ ...cfg, targetLanguages: ['fr'], mt: { libretranslate: { url: server.url } } }),
    );
    try {
      const lines: string[] = [];
      const code = await new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'translate', '--engine', 'libretranslate'], {
          cwd: d,
          env: { ...process.env, NO_COLOR: '1' },
        });
        let buffer = '';
        child.stdout.on('data', (c: Buffer) => {
          buffer += c.toString('utf8');
          const parts = buffer.split('\n');
          buffer = parts.pop()!;
          for (const line of parts) {
            lines.push(`${firstLineSeen ? 'after' : 'before'}: ${line}`);
            if (line.startsWith('fr/a:')) {
              firstLineSeen = true;
              release();
            }
          }
        });
        child.on('close', (c) => resolve(c ?? -1));
      });
      expect(code).toBe(0);
      expect(releasedBy).toBe('line');
      expect(lines[0]).toMatch(/^before: fr\/a: (\d+) of \1 units translated with libretranslate$/u);
      expect(lines[1]).toMatch(/^after: fr\/b: 1 of 1 units translated/u);
      expect(lines[2]).toMatch(
        /^after: total: (\d+) of \1 units translated with libretranslate in 2 documents, \d+ s$/u,
      );
      expect(readFileSync(join(d, 'locales', 'fr', 'b.json'), 'utf8')).toContain('SECOND DOCUMENT');
    } finally {
      await server.close();
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
