import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzyScore } from '../src/tm/score.js';
import type { TmEntry } from '../src/tm/memory.js';
import { readTmx, writeTmx } from '../src/tm/tmx.js';
import { readXliff } from '../src/xliff/read.js';
import {
  ARTICLE,
  copyOfBuilt,
  extractedProject,
  locflow,
  locflowInProcess,
  numberWordsIn,
  read,
  tempProject,
} from './helpers.js';

describe('fuzzy score', () => {
  it('treats numbers as placeholders, counts codes as tokens, and keeps 100 for identical text only', () => {
    expect(fuzzyScore('At least 62 people were injured.', 'At least 62 people were injured.', 'a', 'a')).toBe(100);
    expect(fuzzyScore('At least 62 people were injured.', 'At least 63 people were injured.', 'a', 'b')).toBe(99);
    expect(fuzzyScore('At least 62 people were injured.', 'At least  62 people were injured.', 'a', 'b')).toBe(99);
    expect(fuzzyScore('At least 62 people were injured.', 'At least 62 people were killed.')).toBeCloseTo(
      100 * (1 - 1 / 7),
      1,
    );
    expect(fuzzyScore('Click {{x1}} here', 'Click here')).toBeCloseTo(66.67, 1);
    expect(fuzzyScore('The Strike', 'the strike')).toBe(50);
    expect(fuzzyScore('completely different words', 'nothing alike at all here')).toBeLessThan(30);
  });
});

describe('TMX 1.4b', () => {
  const entries: TmEntry[] = [
    {
      sourceLang: 'en',
      targetLang: 'es',
      source: 'Read the {{bx1}}statement{{ex1}} at {{x2}} now & then.',
      target: 'Lea el {{bx1}}comunicado{{ex1}} en {{x2}} de vez en cuando.',
      codes: { bx1: '<a href="x">', ex1: '</a>', x2: 'https://example.com/' },
      context: 'c9',
      origin: 'human',
    },
    { sourceLang: 'en', targetLang: 'fr', source: 'Plain text.', target: 'Texte simple.', codes: {} },
  ];

  it('round-trips text, inline codes with their original data, languages and context', () => {
    const xml = writeTmx(entries, 'en');
    expect(xml).toContain('<bpt i="1" x="1">&lt;a href="x"&gt;</bpt>statement<ept i="1">&lt;/a&gt;</ept>');
    expect(xml).toContain('<ph x="2">https://example.com/</ph>');
    const back = readTmx(xml, 'en', ['es', 'fr']);
    expect(back.map((e) => [e.targetLang, e.source, e.target, e.context])).toEqual(
      entries.map((e) => [e.targetLang, e.source, e.target, e.context]),
    );
    expect(back[0]!.codes).toEqual(entries[0]!.codes);
  });

  it('matches language codes case-insensitively and by base language', () => {
    const xml = writeTmx(entries, 'en')
      .replaceAll('xml:lang="en"', 'xml:lang="EN-US"')
      .replaceAll('xml:lang="es"', 'xml:lang="ES-es"');
    expect(readTmx(xml, 'en', ['es']).map((e) => e.target)).toEqual([entries[0]!.target]);
  });

  it("writes OmegaT's escaped short tags for tm/auto, and reads them back", () => {
    const xml = writeTmx(entries, 'en', { omegat: true });
    expect(xml).toContain(
      '<tuv xml:lang="EN"><seg>Read the &lt;g0&gt;statement&lt;/g0&gt; at &lt;p1/&gt; now &amp; then.</seg></tuv>',
    );
    const back = readTmx(xml, 'en', ['es']);
    expect(back[0]!.source).toBe('Read the {{bx1}}statement{{ex1}} at {{x2}} now & then.');
  });

  it('refuses malformed TMX with its place', () => {
    expect(() => readTmx('<tmx version="1.4"><body><tu></body></tmx>', 'en', ['es'])).toThrow(/malformed XML/u);
    expect(() => readTmx('<!DOCTYPE tmx [<!ENTITY e "x">]><tmx/>', 'en', ['es'])).toThrow(/DOCTYPE declares entities/u);
  });
});

describe('the memory in the loop', () => {
  /** The article extracted, every Spanish target filled and imported (the memory holds them): built once, copied. */
  const translatedProject = (): string =>
    copyOfBuilt('tm.test translated es', () => {
      const d = extractedProject();
      const path = join(d, 'xliff/es/article.xlf');
      writeFileSync(
        path,
        read(path).replace(
          /<source>(.*?)<\/source>/gu,
          (_m, s: string) =>
            `<source>${s}</source>\n        <target state="translated">ES ${numberWordsIn('es', s)}</target>`,
        ),
      );
      expect(locflow(d, 'import', 'xliff/es/article.xlf').code).toBe(0);
      return d;
    });

  it('import feeds the memory; tm export and tm import carry it as TMX', async () => {
    const d = translatedProject();
    const r = await locflowInProcess(d, 'tm', 'export', '-o', 'out.tmx', '--lang', 'es');
    expect(r.stdout).toMatch(/out\.tmx: 17 translation unit\(s\)/u);
    const tmx = read(join(d, 'out.tmx'));
    expect(tmx).toMatch(/<ph x="1">December 05, 2023, 2:15 PM<\/ph>/u);
    const other = tempProject();
    writeFileSync(join(other, 'in.tmx'), tmx);
    expect((await locflowInProcess(other, 'tm', 'import', 'in.tmx')).stdout).toMatch(
      /17 translation\(s\) read, 17 new/u,
    );
    expect((await locflowInProcess(other, 'tm', 'import', 'in.tmx')).stdout).toMatch(
      /17 translation\(s\) read, 0 new/u,
    );
  });

  it("tm import keeps the people's translations the memory holds, names the ones it kept out; --overwrite takes them", async () => {
    const d = translatedProject();
    await locflowInProcess(d, 'tm', 'export', '-o', 'out.tmx', '--lang', 'es');
    const tmx = read(join(d, 'out.tmx'));
    // Two translations revised in the file: the memory's stay, each reported with the file's line.
    let revised = 0;
    const edited = tmx.replace(/(<tuv xml:lang="es"><seg>)ES /gu, (m, open: string) =>
      ++revised <= 2 ? `${open}REVISED ` : m,
    );
    writeFileSync(join(d, 'revised.tmx'), edited);
    const lines = edited.split('\n');
    const first =
      lines
        .slice(
          0,
          lines.findIndex((l) => l.includes('REVISED')),
        )
        .lastIndexOf('    <tu>') + 1;
    const r = await locflowInProcess(d, 'tm', 'import', 'revised.tmx');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /revised\.tmx: 17 translation\(s\) read, 0 new or updated in the memory, 2 kept out: the memory holds a person's other translation \(--overwrite takes the file's\)\n/u,
    );
    expect(r.stdout).toContain(`  revised.tmx:${first} (es) "`);
    expect(r.stdout).toMatch(/: kept "ES [^"]*", not the file's "REVISED /u);
    const memory = async (): Promise<string> => (
      await locflowInProcess(d, 'tm', 'export', '-o', 'now.tmx', '--lang', 'es'),
      read(join(d, 'now.tmx'))
    );
    expect(await memory()).not.toContain('REVISED');
    // The same file as it was: nothing new, nothing kept out.
    expect((await locflowInProcess(d, 'tm', 'import', 'out.tmx')).stdout).toMatch(
      /17 translation\(s\) read, 0 new or updated in the memory\n/u,
    );
    const o = await locflowInProcess(d, 'tm', 'import', '--overwrite', 'revised.tmx');
    expect(o.stdout).toMatch(/17 translation\(s\) read, 2 new or updated in the memory\n/u);
    expect((await memory()).match(/REVISED /gu)).toHaveLength(2);
  });

  it("import of an approved translation replaces the memory's: the team's current translation", async () => {
    const d = translatedProject();
    const path = join(d, 'xliff/es/article.xlf');
    const before = read(path);
    const target = /<target[^>]*>(ES [^<]*)<\/target>/u.exec(before)![1]!;
    writeFileSync(path, before.replace(`>${target}<`, `>${target} (revisado)<`));
    expect((await locflowInProcess(d, 'import', '--overwrite', 'xliff/es/article.xlf')).code).toBe(0);
    await locflowInProcess(d, 'tm', 'export', '-o', 'now.tmx', '--lang', 'es');
    const tmx = read(join(d, 'now.tmx'));
    expect(tmx).toContain(`${target} (revisado)`);
    expect(tmx.split('<tu>')).toHaveLength(18);
  });

  it('a revised article: unchanged sentences keep their ids, the edited one gets its old translation as a fuzzy match, removed ones are listed', async () => {
    const d = translatedProject();
    const revised = read(ARTICLE)
      .replace('At least 62 US personnel', 'At least 66 US personnel')
      .replace('Iraqi militia groups have vowed to increase their attacks.\n\n', '');
    writeFileSync(join(d, 'source/article.txt'), revised);
    const status = await locflowInProcess(d, 'status', '--lang', 'es');
    expect(status.stdout).toMatch(/\+1 −2/u);
    const r = await locflowInProcess(d, 'extract', '--lang', 'es', '--force');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/15 already translated; memory: 0 in-context exact, 0 exact \(to review\), 1 fuzzy/u);
    expect(r.stdout).toMatch(/2 translated unit\(s\) no longer in the source/u);
    const xml = read(join(d, 'xliff/es/article.xlf'));
    expect(xml).toMatch(
      /<alt-trans match-quality="99" origin="human">\s*<source>At least 62 US personnel[^<]*<\/source>\s*<target>ES At least 62 US personnel/u,
    );
    expect((await locflowInProcess(d, 'status', '--lang', 'es')).stdout).toMatch(/\+0 −0/u);
  });

  it('an identical sentence elsewhere is an exact match to review; in the same context, a translation', async () => {
    const d = translatedProject();
    // A second article: the first three blocks of the first, then a sentence out of its context.
    const text = read(ARTICLE);
    writeFileSync(
      join(d, 'source/other.txt'),
      text.split('\n\n').slice(0, 2).join('\n\n') + '\n\nIraqi militia groups have vowed to increase their attacks.\n',
    );
    const r = await locflowInProcess(d, 'extract', '--lang', 'es', '--force');
    expect(r.stdout).toMatch(
      /other\.xlf: 3 units, \d+ words, 0 already translated; memory: 1 in-context exact, 2 exact \(to review\)/u,
    );
    const units = readXliff(read(join(d, 'xliff/es/other.xlf'))).files[0]!.units;
    expect(units.map((u) => [u.state, u.origin])).toEqual([
      ['translated', 'tm'],
      ['needs-review', 'tm'],
      ['needs-review', 'tm'],
    ]);
  });

  it('extract --xliff 2.0 offers fuzzy matches in the matches module', async () => {
    const d = translatedProject();
    writeFileSync(
      join(d, 'source/article.txt'),
      read(ARTICLE).replace('At least 62 US personnel', 'At least 64 US personnel'),
    );
    expect((await locflowInProcess(d, 'extract', '--lang', 'es', '--xliff', '2.0', '--force')).code).toBe(0);
    expect(read(join(d, 'xliff/es/article.xlf'))).toMatch(/<mtc:match ref="#s1" matchQuality="99.00" origin="human">/u);
  });
});
