import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDecoded } from '../src/io/files.js';
import { childElements, parseXml, textContent } from '../src/io/xml.js';
import { toPlainText } from '../src/model/content.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { check } from '../src/workflow/check.js';
import { locflowInProcess, refusal, ROOT } from './helpers.js';

/** XLIFF as other tools write it (Angular, Xcode, Symfony, memoQ, Trados), each in the tool's documented shape. */
const TOOLS = join(ROOT, 'tests', 'fixtures', 'xliff-tools');
const fixture = (name: string): string => join(TOOLS, name);
const tmp = (): string => mkdtempSync(join(tmpdir(), 'locflow-xliff-tools-'));

describe('XLIFF other tools write is read', () => {
  it.each([
    ['angular-messages.es.xlf', 6],
    ['angular-messages.fr.xlf', 4],
    ['xcode-de.xliff', 8],
    ['symfony-messages.fr.xlf', 3],
  ])('%s: checked (exit 0 or 1, never 2 or 3), every unit', async (name, units) => {
    const r = await locflowInProcess(tmp(), 'check', fixture(name));
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stdout).toContain(`${units} unit(s) checked`);
  });

  it("Angular's file names no target language: the file name, else --lang, says it; otherwise a clear refusal", async () => {
    const d = tmp();
    const r = await locflowInProcess(d, 'check', fixture('angular-messages.es.xlf'));
    expect(r.stderr).toContain('the target\'s language is "es", from its file name');
    copyFileSync(fixture('angular-messages.es.xlf'), join(d, 'messages.xlf'));
    const silent = await locflowInProcess(d, 'check', 'messages.xlf');
    expect(silent.code).toBe(2);
    expect(silent.stderr).toMatch(/cannot tell .*language[\s\S]*--lang/u);
    const told = await locflowInProcess(d, 'check', 'messages.xlf', '--lang', 'es');
    expect([0, 1]).toContain(told.code);
    expect(told.stdout).toContain('6 unit(s) checked');
  });

  it('Angular 2.0 codes without originalData read as what they show ({{ minutes }}), not as nothing', () => {
    const doc = readXliff(readFileSync(fixture('angular-messages.fr.xlf'), 'utf8'));
    const unit = doc.files[0]!.units.find((u) => u.id === '5206857922697139278')!;
    expect(toPlainText(unit.source)).toBe('Updated {{ minutes }} minutes ago by {{ author }}');
    expect(doc.targetLang).toBeUndefined();
  });

  it('a file nobody has translated yet (memoQ NotStarted, empty targets) has nothing to check: one notice, exit 0', async () => {
    const r = await locflowInProcess(tmp(), 'check', fixture('memoq-untranslated.xlf'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('has no translations yet: nothing to check');
    expect(r.stdout).not.toMatch(/empty|missing/u);
  });

  it('empty targets in state new (or none) are untranslated units, counted once, not empty translations', async () => {
    const r = await locflowInProcess(tmp(), 'check', fixture('trados-partly.xlf'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 unit(s) checked');
    expect(r.stderr).toContain('2 unit(s) not translated yet');
    expect(r.stdout).not.toContain('empty');
    const units = readXliff(readFileSync(fixture('trados-partly.xlf'), 'utf8')).files[0]!.units;
    expect(units.map((u) => [u.state, u.target === undefined])).toEqual([
      ['translated', false],
      ['new', true],
      ['new', true],
    ]);
  });

  it('an empty target a state calls translated stays an empty translation (the empty check reports it)', () => {
    const xml = readFileSync(fixture('trados-partly.xlf'), 'utf8').replace(
      '<target state="new"></target>',
      '<target state="translated"></target>',
    );
    const units = readXliff(xml).files[0]!.units;
    expect(units[1]!.target).toEqual([]);
  });
});

describe('encodings and characters', () => {
  it('honours a declared windows-1252: "für" and "€" read as written', () => {
    const { text, encoding } = readDecoded(fixture('windows-1252.xlf'), 'XLIFF file');
    expect(encoding).toBe('windows-1252');
    expect(toPlainText(readXliff(text).files[0]!.units[0]!.target!)).toBe('Danke für die Akzente €');
  });

  it('refuses Latin-1 bytes in a file that says UTF-8, with the position (exit 2)', async () => {
    const r = await locflowInProcess(tmp(), 'check', fixture('latin1-declared-utf8.xlf'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/latin1-declared-utf8\.xlf:7:\d+: .*not valid UTF-8.*byte offset \d+ \(bytes FC/u);
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const d = tmp();
    const xml = readFileSync(fixture('symfony-messages.fr.xlf'), 'utf8').replace(
      'encoding="utf-8"',
      'encoding="UTF-16"',
    );
    writeFileSync(join(d, 'messages.fr.xlf'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const r = await locflowInProcess(d, 'check', 'messages.fr.xlf');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain('3 unit(s) checked');
  });

  it('reads <cp> as the character it stands for, and writes it back the same way', () => {
    const xml = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="u"><segment state="translated"><source>Esc<cp hex="1B"/> here</source><target>Esc<cp hex="1B"/> hier</target></segment></unit></file></xliff>`;
    const doc = readXliff(xml);
    expect(toPlainText(doc.files[0]!.units[0]!.target!)).toBe('Esc\u001b hier');
    expect(writeXliff(doc, '2.0')).toContain('Esc<cp hex="001B"/> hier');
  });

  it('refuses a malformed language code with its place (exit 2, never 3)', async () => {
    const d = tmp();
    writeFileSync(
      join(d, 'a.xlf'),
      readFileSync(fixture('symfony-messages.fr.xlf'), 'utf8').replace('target-language="fr"', 'target-language="f r"'),
    );
    const r = await locflowInProcess(d, 'check', 'a.xlf');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.xlf:3:\d+: <file> has target-language="f r": this is not a well-formed language tag/u);
  });

  it('reads XLIFF 1.0 and 1.1 like 1.2', () => {
    for (const version of ['1.0', '1.1']) {
      const xml = readFileSync(fixture('symfony-messages.fr.xlf'), 'utf8').replace(
        'version="1.2"',
        `version="${version}"`,
      );
      expect(readXliff(xml).files[0]!.units).toHaveLength(3);
    }
  });
});

const hasToolkit =
  spawnSync('sh', ['-c', 'command -v xliff2po && command -v po2xliff && command -v pofilter']).status === 0;

describe.skipIf(!hasToolkit)('Translate Toolkit round trip: XLIFF 1.2 → xliff2po → pofilter → po2xliff', () => {
  it('keeps ids, states and notes', () => {
    const d = tmp();
    const xlf = join(d, 'a.xlf');
    writeFileSync(
      xlf,
      writeXliff({
        version: '1.2',
        sourceLang: 'en',
        targetLang: 'es',
        files: [
          {
            original: 'source/a.txt',
            units: [
              {
                id: 'u-final',
                source: ['Hello world.'],
                target: ['Hola mundo.'],
                state: 'final',
                notes: ['the greeting on the home page'],
              },
              {
                id: 'u-review',
                source: ['Good morning 12.'],
                target: ['Buenos días 13.'],
                state: 'needs-review',
                origin: 'mt:apertium',
                notes: [],
              },
              { id: 'u-new', source: ['Bye.'], state: 'new', notes: [] },
            ],
          },
        ],
      }),
    );
    const run = (cmd: string, ...args: string[]): void => {
      const r = spawnSync(cmd, args, { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    run('xliff2po', xlf, join(d, 'a.po'));
    const po = readFileSync(join(d, 'a.po'), 'utf8');
    const entry = (id: string): string => po.split('\n\n').find((e) => e.includes(`#: ${id}`)) ?? '';
    // A final (approved) unit is not fuzzy; one that needs review is; the note travels as an extracted comment.
    expect(entry('u-final')).toContain('#. the greeting on the home page');
    expect(entry('u-final')).not.toContain('fuzzy');
    expect(entry('u-review')).toContain('#, fuzzy');
    expect(entry('u-new')).toContain('msgstr ""');

    run('pofilter', '--test=numbers', join(d, 'a.po'), join(d, 'filtered.po'));
    expect(readFileSync(join(d, 'filtered.po'), 'utf8')).toMatch(/numbers[\s\S]*#: u-review/u);

    run('po2xliff', join(d, 'a.po'), join(d, 'back.xlf'));
    const back = readFileSync(join(d, 'back.xlf'), 'utf8');
    const doc = readXliff(back); // XLIFF 1.1 without a target language: read
    const root = parseXml(back);
    const units = childElements(childElements(childElements(root, 'file')[0]!, 'body')[0]!, 'trans-unit');
    const byRef = new Map(units.map((u) => [textContent(u).match(/u-(?:final|review|new)/u)?.[0], u.attrs.id]));
    const state = (ref: string): string | undefined => doc.files[0]!.units.find((u) => u.id === byRef.get(ref))?.state;
    expect(state('u-final')).toBe('reviewed');
    expect(state('u-review')).toBe('new');
    expect(state('u-new')).toBe('new');
  });
});

describe("Xcode's plural variants in a checked file", () => {
  it('are named as the form of their message, not by their path-like ids', async () => {
    const units = readXliff(readFileSync(fixture('xcode-de.xliff'), 'utf8')).files[1]!.units;
    expect(units.map((u) => u.name)).toEqual([
      '"%d new messages", format',
      '"%d new messages", form "one"',
      '"%d new messages", form "other"',
    ]);
    const d = tmp();
    const broken = readFileSync(fixture('xcode-de.xliff'), 'utf8').replace(
      '%d neue Nachrichten</target>',
      '7 neue Nachrichten</target>',
    );
    writeFileSync(join(d, 'Localizable.de.xliff'), broken);
    const r = await locflowInProcess(d, 'check', 'Localizable.de.xliff');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('"%d new messages", form "other" [de]');
  });
});

describe('every refused XLIFF names the file, the place and what to do (exit 2)', () => {
  const v12 = (body: string, file = 'source-language="en" target-language="es" original="a"'): string =>
    `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n` +
    `<file ${file}><body>\n${body}\n</body></file></xliff>\n`;
  const v20 = (units: string, root = 'srcLang="en" trgLang="es"'): string =>
    `<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" ${root}>\n` +
    `<file id="f">\n${units}\n</file></xliff>\n`;
  const unit = '<unit id="u"><segment><source>a</source><target>b</target></segment></unit>';
  const CASES: ReadonlyArray<readonly [string, string | Buffer, RegExp, number]> = [
    ['malformed XML', v12('<trans-unit id="1"><source>a</source>'), /malformed XML/u, 5],
    ['not XLIFF', '<html><body>hi</body></html>\n', /not an XLIFF file/u, 1],
    ['an unknown version', '<?xml version="1.0"?>\n<xliff version="3.0"/>\n', /version "3\.0" is not supported/u, 2],
    ['a duplicate unit id', v20(`${unit}\n${unit}`), /id="u" is used twice/u, 5],
    ['a malformed language code', v20(unit, 'srcLang="e" trgLang="es"'), /srcLang="e".*BCP 47/u, 2],
    ['a trans-unit without <source>', v12('<trans-unit id="1"><target>b</target></trans-unit>'), /no <source>/u, 4],
    ['a <cp> that is no code point', v20(unit.replace('<source>a', '<source>a<cp hex="ZZ"/>')), /<cp>/u, 4],
    [
      'a byte invalid in the declared encoding',
      Buffer.concat(
        v12('<trans-unit id="1"><source>for</source><target>f@r</target></trans-unit>')
          .split('@')
          .flatMap((part, k) => (k ? [Buffer.from([0xfc]), Buffer.from(part)] : [Buffer.from(part)])),
      ),
      /not valid UTF-8/u,
      4,
    ],
  ];

  // In process: the check's refusal as `locflow check in.xlf` prints it (the CLI's exit codes are cli.test's).
  it.each(CASES)('%s', async (_what, content, why, line) => {
    const d = tmp();
    writeFileSync(join(d, 'in.xlf'), content);
    const r = await refusal(() => check(undefined, { files: ['in.xlf'], cwd: d }));
    expect(r.code, r.message).toBe(2);
    expect(r.message).toMatch(why);
    expect(r.message).toMatch(new RegExp(`in\\.xlf:${line}(?::\\d+)?: `, 'u'));
    expect(r.message).toMatch(/\n {2}hint: \S/u);
    expect(r.message).not.toMatch(/internal error|\n\s+at /u);
  });
});
