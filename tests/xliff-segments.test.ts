import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../src/model/content.js';
import { readXliff } from '../src/xliff/read.js';
import { locflowInProcess, ROOT, tempProject } from './helpers.js';

/**
 * XLIFF 2 units of several segments (CAT tools and Okapi segment a unit into sentences): a unit is translated
 * only when every segment is; the text of a partly translated unit is never read as its translation.
 */
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'xliff-tools', 'okapi-segmented.xlf');
const units = (): ReturnType<typeof readXliff>['files'][number]['units'] =>
  readXliff(readFileSync(FIXTURE, 'utf8')).files[0]!.units;

describe('XLIFF 2 units of several segments', () => {
  it('a fully translated unit reads as the segments and ignorables joined, in order', () => {
    const tu1 = units()[0]!;
    expect(toPlainText(tu1.source)).toBe('The river is wide. The bridge is old.');
    expect(toPlainText(tu1.target!)).toBe('El río es ancho. El puente es viejo.');
    expect(tu1.state).toBe('translated');
  });

  it('a partly translated unit has no unit target (not the translated segments glued together)', () => {
    const [, tu2, tu3] = units();
    expect(toPlainText(tu2!.source)).toBe('Open the door. Close the window. I have 3 cats.');
    expect(tu2!.target).toBeUndefined();
    expect(tu2!.state).toBe('new');
    expect(tu3!.target).toBeUndefined();
  });

  it('each segment keeps its own id, source, target and state', () => {
    const tu2 = units()[1]!;
    expect(tu2.segments!.map((s) => [s.id, toPlainText(s.source), s.target && toPlainText(s.target), s.state])).toEqual(
      [
        ['s1', 'Open the door.', 'Abra la puerta.', 'translated'],
        ['s2', 'Close the window.', undefined, 'new'],
        ['s3', 'I have 3 cats.', 'Tengo 4 gatos.', 'translated'],
      ],
    );
    // An empty target of an "initial" segment is no translation.
    expect(units()[2]!.segments!.map((s) => s.target === undefined)).toEqual([true, false]);
    // A unit of one segment needs no segment list.
    expect(units()[3]!.segments).toBeUndefined();
  });

  it('check checks the translated segments of a partly translated unit and counts the rest once', async () => {
    const r = await locflowInProcess(mkdtempSync(join(tmpdir(), 'locflow-seg-')), 'check', FIXTURE);
    expect(r.code, r.stderr).toBe(1);
    // tu1 whole, tu2's s1 and s3, tu3's s2.
    expect(r.stdout).toContain('4 unit(s) checked');
    expect(r.stdout).toMatch(/tu2#s3[\s\S]*\b3\b[\s\S]*\b4\b|tu2#s3[\s\S]*\b4\b[\s\S]*\b3\b/u);
    expect(r.stdout).not.toMatch(/tu2#s1|tu3#s2/u);
    expect(r.stderr).toContain('1 unit(s) not translated yet');
    expect(r.stderr).toContain('2 unit(s) partly translated: 2 segment(s) not translated yet, not checked');
  });
});

describe('import of a unit a CAT tool split into segments', () => {
  /** Our export with its first plain unit split at its first space into two segments; `first` fills segment 1 only. */
  async function resegmented(d: string, first: string, second?: string): Promise<{ file: string; id: string }> {
    expect((await locflowInProcess(d, 'extract', '--xliff', '2.0', '--lang', 'es')).code).toBe(0);
    const file = join(d, 'xliff', 'es', 'article.xlf');
    const xml = readFileSync(file, 'utf8');
    const m =
      /<unit id="([^"]+)"[^>]*>(?:(?!<\/unit>)[\s\S])*?(<segment id="s1">\s*<source xml:space="preserve">([^<\s]+) ([^<]+)<\/source>\s*<\/segment>)/u.exec(
        xml,
      )!;
    const [, id, segment, head, rest] = m;
    const split =
      `<segment id="s1" state="translated"><source>${head}</source><target>${first}</target></segment>` +
      `<ignorable><source> </source></ignorable>` +
      `<segment id="s2"${second ? ' state="translated"' : ''}><source>${rest}</source>` +
      `${second ? `<target>${second}</target>` : ''}</segment>`;
    writeFileSync(file, xml.replace(segment!, split));
    return { file, id: id! };
  }

  it('a partly translated unit is not imported (its translated segment alone is not the translation)', async () => {
    const d = tempProject();
    const { file, id } = await resegmented(d, 'Palabra');
    const r = await locflowInProcess(d, 'import', file);
    expect(r.code, r.stderr).toBe(0);
    const bundle = JSON.parse(readFileSync(join(d, 'locales', 'es', 'article.json'), 'utf8')) as Record<string, string>;
    expect(bundle[id]).toBeUndefined();
    // Left out, but said so, with the unit's id, its line in the file and how far it got.
    expect(r.stdout).toMatch(/1 unit\(s\) not imported: only some of their segments are translated/u);
    expect(r.stdout).toMatch(new RegExp(`\\(${id}\\), line \\d+: 1 of 2 segments translated`, 'u'));
    expect(r.stdout).toMatch(/untranslated \(1 partly\) in 1 file/u);
    const json = JSON.parse((await locflowInProcess(d, 'import', '--dry-run', '--json', file)).stdout) as {
      results: Array<{ partly: Array<{ unit: string; translated: number; segments: number; line: number }> }>;
      totals: { partly: number };
    };
    expect(json.results[0]!.partly).toEqual([
      { unit: id, label: expect.any(String), line: expect.any(Number), translated: 1, segments: 2 },
    ]);
    expect(json.totals.partly).toBe(1);
  });

  it('a unit whose segments are all translated is imported as the segments joined', async () => {
    const d = tempProject();
    const { file, id } = await resegmented(d, 'Primera', 'segunda parte.');
    expect((await locflowInProcess(d, 'import', file)).code).toBe(0);
    const bundle = JSON.parse(readFileSync(join(d, 'locales', 'es', 'article.json'), 'utf8')) as Record<string, string>;
    expect(bundle[id]).toBe('Primera segunda parte.');
  });
});

describe('XLIFF 1.2 units segmented with <seg-source> (Okapi, Trados)', () => {
  const FILE = join(ROOT, 'tests', 'fixtures', 'xliff-tools', 'okapi-segmented-1.2.xlf');
  const read12 = (): ReturnType<typeof readXliff>['files'][number]['units'] =>
    readXliff(readFileSync(FILE, 'utf8')).files[0]!.units;

  it('a unit with every segment translated reads as its target', () => {
    expect(toPlainText(read12()[0]!.target!)).toBe('La rivière est large. Le pont est vieux.');
  });

  it('an empty or missing segment in the target makes the unit partly translated, segment by segment', () => {
    const [, tu2, tu3] = read12();
    expect(tu2!.target).toBeUndefined();
    expect(tu2!.segments!.map((s) => [s.id, toPlainText(s.source), s.target && toPlainText(s.target)])).toEqual([
      ['0', 'Open the door.', 'Ouvrez la porte.'],
      ['1', 'Close the window.', undefined],
      ['2', 'I have 3 cats.', "J'ai 4 chats."],
    ]);
    expect(tu3!.target).toBeUndefined();
    expect(tu3!.segments!.map((s) => s.target && toPlainText(s.target))).toEqual([undefined, 'À bientôt.']);
  });

  it('a target without segment markers is read whole, as before', () => {
    const xml = readFileSync(FILE, 'utf8').replace(
      /<target xml:lang="fr"><mrk mid="0" mtype="seg">La rivière est large.<\/mrk> <mrk mid="1" mtype="seg">/u,
      '<target xml:lang="fr">La rivière est large. <mrk mtype="x-term">',
    );
    const unit = readXliff(xml).files[0]!.units[0]!;
    expect(unit.segments).toBeUndefined();
    expect(toPlainText(unit.target!)).toBe('La rivière est large. Le pont est vieux.');
  });

  it('check checks the translated segments and names the one with a wrong number', async () => {
    const r = await locflowInProcess(mkdtempSync(join(tmpdir(), 'locflow-seg-')), 'check', FILE);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('4 unit(s) checked');
    expect(r.stdout).toMatch(/tu2#2/u);
    expect(r.stderr).toContain('2 unit(s) partly translated: 2 segment(s) not translated yet, not checked');
  });
});
