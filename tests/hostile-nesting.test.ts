import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempProject } from './helpers.js';

/** The CLI, killed after 20 s: a parse that runs for minutes fails the test instead of holding it. */
function locflow(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Deep nesting in every input locflow reads is refused with the file and line (exit 2), never a
 * stack overflow (exit 3) or a parse that runs for minutes.
 */
function refusedCleanly(r: { code: number; stdout: string; stderr: string }, file: string): void {
  expect(r.stderr).not.toMatch(/internal error|Maximum call stack|RangeError/u);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`${file.replace(/\./gu, '\\.')}:\\d+(:\\d+)?: .*nest`, 'u'));
}

function project(): string {
  const d = tempProject();
  writeFileSync(
    join(d, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*'] }),
  );
  return d;
}

describe('deep nesting in sources', () => {
  const cases: Array<[string, string]> = [
    ['deep.json', '{"a":'.repeat(20_000) + '"x"' + '}'.repeat(20_000)],
    ['arrays.json', '{"a":' + '['.repeat(20_000) + '"x"' + ']'.repeat(20_000) + '}'],
    ['quotes.md', 'Intro.\n\n' + '> '.repeat(20_000) + 'deep\n'],
    ['lists.md', 'Intro.\n\n' + Array.from({ length: 3000 }, (_, i) => '  '.repeat(i) + '- item').join('\n') + '\n'],
    ['inline-lists.md', '- '.repeat(3000) + 'item\n'],
    ['divs.html', '<p>Intro.</p>\n' + '<div>'.repeat(50_000) + 'deep' + '</div>'.repeat(50_000)],
    ['inline.html', '<p>' + '<span>'.repeat(50_000) + 'deep' + '</span>'.repeat(50_000) + '</p>'],
  ];
  for (const [name, text] of cases) {
    it(`${name}: refused at extract with its place`, () => {
      const d = project();
      writeFileSync(join(d, 'source', name), text);
      const r = locflow(d, 'extract');
      refusedCleanly(r, `source/${name}`);
    }, 30_000);
  }

  it('ordinary nesting is still read', () => {
    const d = project();
    writeFileSync(join(d, 'source', 'ok-quote.md'), '> quoted\n>\n> - item\n>   - sub item\n>     1. deeper\n');
    writeFileSync(
      join(d, 'source', 'ok-page.html'),
      '<div><div><ul><li><p>Text <b><i>bold</i></b></p></li></ul></div></div>',
    );
    writeFileSync(join(d, 'source', 'ok-data.json'), '{"a":{"b":{"c":["x",{"d":"y"}]}}}');
    const r = locflow(d, 'extract');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('deep nesting in XLIFF and TMX', () => {
  const N = 100_000;
  const x12 = (inner: (t: string) => string): string =>
    `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="source/article.txt" source-language="en" target-language="es" datatype="plaintext"><body>\n${inner('x')}\n</body></file></xliff>\n`;
  const unit12 = (target: string): string =>
    `<trans-unit id="u1"><source>x</source><target>${target}</target></trans-unit>`;
  const cases: Array<[string, string]> = [
    ['g.xlf', x12(() => unit12('<g id="1">'.repeat(N) + 'x' + '</g>'.repeat(N)))],
    ['mrk.xlf', x12(() => unit12('<mrk mtype="x">'.repeat(N) + 'x' + '</mrk>'.repeat(N)))],
    ['group.xlf', x12(() => '<group>'.repeat(N) + unit12('x') + '</group>'.repeat(N))],
    [
      'pc.xlf',
      `<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es"><file id="f1" original="source/article.txt"><unit id="u1"><segment><source>x</source>\n<target>${'<pc id="1">'.repeat(N)}x${'</pc>'.repeat(N)}</target></segment></unit></file></xliff>\n`,
    ],
  ];
  for (const [name, text] of cases) {
    it(`${name}: import refuses it with its place`, () => {
      const d = project();
      expect(locflow(d, 'extract').code).toBe(0);
      writeFileSync(join(d, name), text);
      refusedCleanly(locflow(d, 'import', name), name);
    }, 30_000);
  }

  it('TMX with nested <hi>: tm import refuses it with its place', () => {
    const d = project();
    const seg = '<hi>'.repeat(N) + 'x' + '</hi>'.repeat(N);
    writeFileSync(
      join(d, 'deep.tmx'),
      `<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1"/><body>\n<tu><tuv xml:lang="en"><seg>x</seg></tuv><tuv xml:lang="es"><seg>${seg}</seg></tuv></tu></body></tmx>\n`,
    );
    refusedCleanly(locflow(d, 'tm', 'import', 'deep.tmx'), 'deep.tmx');
  }, 30_000);
});

describe('Markdown emphasis floods', () => {
  const read = async (text: string): Promise<{ ms: number; error?: string; units?: number }> => {
    const { readMarkdown } = await import('../src/formats/markdown.js');
    const t = performance.now();
    try {
      const doc = readMarkdown(text, { id: 'd', path: 'd.md', sourceLang: 'en' }, { frontMatter: [] });
      return { ms: performance.now() - t, units: doc.units.length };
    } catch (err) {
      return { ms: performance.now() - t, error: (err as Error).message };
    }
  };

  it('48,000 runs of "*" and "_" in one paragraph are refused at once (they took 150 s to parse), naming the line', async () => {
    const r = await read(`# Title\n\nIntro.\n\n${'**_'.repeat(16_000)}\n`);
    expect(r.error).toContain('the paragraph that starts on line 5 has more than 2000 runs of "*" or "_"');
    expect(r.ms).toBeLessThan(2000);
  });

  it('the limit is per paragraph: many emphasised paragraphs, list items and table rows are read', async () => {
    const paragraphs = Array.from({ length: 150 }, (_, i) => `Word *${i}* and **bold** and _more_.`).join('\n\n');
    const items = Array.from({ length: 300 }, (_, i) => `- item *${i}* **b**`).join('\n');
    const rows = ['| a | b |', '| - | - |', ...Array.from({ length: 300 }, (_, i) => `| *${i}* | **x** |`)].join('\n');
    const r = await read(`${paragraphs}\n\n${items}\n\n${rows}\n`);
    expect(r.error).toBeUndefined();
    expect(r.units).toBeGreaterThan(150);
  });
});
