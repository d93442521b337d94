import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { readI18nextJson, writeI18nextJson } from '../src/formats/i18next-json.js';
import { readIcuJson, writeIcuJson, withLocalePlurals } from '../src/formats/icu-json.js';
import { toPlainText } from '../src/model/content.js';
import { locflowInProcess, read, tempProject } from './helpers.js';

const meta = (path: string) => ({ id: 'app', path, sourceLang: 'en' });
const FIXTURES = join(__dirname, 'fixtures', 'formats');
const identity = (doc: ReturnType<typeof readI18nextJson>, write: typeof writeI18nextJson): string =>
  write(doc, (u) => toPlainText(u.source), 'en');

describe('i18next JSON', () => {
  const text = read(join(FIXTURES, 'app.json'));
  const doc = readI18nextJson(text, meta('app.json'));

  it('one unit per string, nested keys as notes, {{var}} and $t() as placeholders, URLs protected', () => {
    expect(doc.units).toHaveLength(12);
    const search = doc.units.find((u) => u.notes[0] === 'Key: nav.search')!;
    expect(search.source.filter((r) => typeof r !== 'string').map((c) => (c as { data: string }).data)).toEqual([
      '{{query}}',
      '$t(nav.home)',
    ]);
    expect(doc.units.find((u) => u.notes[0] === 'Key: escapes')!.source).toEqual(['Tab\there, quote " and café']);
  });

  it('identity: targets equal to the sources give the file back byte for byte (escapes included)', () => {
    expect(identity(doc, writeI18nextJson)).toBe(text);
  });

  it('identity on generated resources (property)', () => {
    const value = fc.string({
      unit: fc.constantFrom('a', ' ', '"', '\\', '\n', 'é', '{{n}}', '$t(k)', '\u2028', '/'),
      maxLength: 12,
    });
    const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        value,
        fc.dictionary(fc.constantFrom('a', 'b_one', 'b_other', 'c', 'k_male'), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    const file = fc
      .tuple(
        fc.dictionary(fc.constantFrom('x', 'y_one', 'y_other', 'z'), tree, { minKeys: 1, maxKeys: 4 }),
        fc.constantFrom(0, 2, '\t'),
      )
      .map(([o, indent]) => JSON.stringify(o, null, indent) + '\n');
    fc.assert(
      fc.property(file, (t) => {
        expect(identity(readI18nextJson(t, meta('p.json')), writeI18nextJson)).toBe(t);
      }),
      { numRuns: 150 },
    );
  });

  it('a target gets the plural keys its CLDR categories need, and stays valid JSON', () => {
    const ar = JSON.parse(writeI18nextJson(doc, (u) => toPlainText(u.source), 'ar')) as {
      inbox: Record<string, string>;
      rank_ordinal_other: string;
    };
    expect(
      Object.keys(ar.inbox)
        .filter((k) => k.startsWith('count_'))
        .sort(),
    ).toEqual(['count_few', 'count_many', 'count_one', 'count_other', 'count_two', 'count_zero']);
    expect(ar.inbox.count_few).toBe('You have {{count}} new messages');
    const ja = JSON.parse(writeI18nextJson(doc, (u) => toPlainText(u.source), 'ja')) as {
      inbox: Record<string, string>;
    };
    expect(Object.keys(ja.inbox)).toContain('count_other');
  });

  it('broken JSON is refused with file, line and column', () => {
    expect(() => readI18nextJson('{\n  "a": "x",\n  "b": \n}', meta('bad.json'))).toThrow(
      expect.objectContaining({
        file: 'bad.json',
        line: 4,
        message: expect.stringMatching(/invalid JSON: ValueExpected/u),
      }),
    );
  });
});

describe('ICU MessageFormat JSON', () => {
  const text = read(join(FIXTURES, 'app.icu.json'));
  const doc = readIcuJson(text, meta('app.icu.json'));

  it('one unit per message; arguments, #, tags and plural structure are codes; descriptions are notes', () => {
    expect(doc.units).toHaveLength(4);
    const inbox = doc.units[0]!;
    expect(inbox.source.filter((r): r is string => typeof r === 'string').join('|')).toBe(
      'You have |no messages| |new| message| |new| messages| from |.',
    );
    expect(doc.units[1]!.notes).toEqual(['Message: greeting', 'Greeting on the home page']);
  });

  it('identity: byte for byte', () => {
    expect(identity(doc, writeIcuJson)).toBe(text);
  });

  it('a target has the plural categories its locale needs and compiles with intl-messageformat', () => {
    const out = JSON.parse(writeIcuJson(doc, (u) => toPlainText(u.source), 'ar')) as Record<string, string>;
    const msg = out['inbox.count']!;
    for (const c of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(msg).toMatch(new RegExp(`\\b${c} \\{`, 'u'));
    const mf = new IntlMessageFormat(msg, 'ar');
    expect(mf.format({ count: 3, sender: 'Ali', b: (chunks: string[]) => chunks.join('') })).toBe(
      'You have 3 new messages from Ali.',
    );
    expect(withLocalePlurals('{n, plural, one {a} other {b}}', 'ja')).toBe('{n, plural, one {a} other {b}}');
  });

  it('a broken message is refused with file, line and column; a translation that does not compile is refused at build', () => {
    expect(() => readIcuJson('{\n  "a": "{count, plural, one {x}"\n}', meta('bad.icu.json'))).toThrow(
      expect.objectContaining({
        file: 'bad.icu.json',
        line: 2,
        message: expect.stringMatching(/invalid ICU message: MISSING_OTHER_CLAUSE/u),
      }),
    );
    expect(() =>
      writeIcuJson(
        doc,
        (u) => (u.id === doc.units[2]!.id ? '{gender, select, female {Ella}' : toPlainText(u.source)),
        'es',
      ),
    ).toThrow(/does not compile/u);
  });
});

describe('the loop over app strings', () => {
  it('extract, translate (pseudo), import and build an i18next and an ICU file; builds are valid', async () => {
    const d = tempProject('Title\n');
    writeFileSync(join(d, 'source', 'app.json'), read(join(FIXTURES, 'app.json')));
    writeFileSync(join(d, 'source', 'app.icu.json'), read(join(FIXTURES, 'app.icu.json')));
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({ targetLanguages: ['ar'], sources: ['source/*.json'] }),
    );
    expect((await locflowInProcess(d, 'translate', '--engine', 'pseudo', '--force')).code).toBe(0);
    // Built next to the store, a JSON file would overwrite the translations: refused, with the fix.
    const refused = await locflowInProcess(d, 'build');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/would be written over the translation store[\s\S]*locales\.output/u);
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({
        targetLanguages: ['ar'],
        sources: ['source/*.json'],
        locales: { output: 'build/{lang}/{doc}{ext}' },
      }),
    );
    expect((await locflowInProcess(d, 'build')).code).toBe(0);
    const i18n = JSON.parse(read(join(d, 'build/ar/app.json'))) as { inbox: Record<string, string> };
    expect(i18n.inbox.count_two).toMatch(/\{\{count\}\}/u);
    const icu = JSON.parse(read(join(d, 'build/ar/app.icu.json'))) as Record<string, string> & {
      greeting: { defaultMessage: string; description: string };
    };
    expect(() => new IntlMessageFormat(icu['inbox.count']!, 'ar')).not.toThrow();
    expect(icu.greeting.defaultMessage).toMatch(/^\[Ĥéľľö, \{name\}! Ţöđàý îš \{today, date, long\}\. ·+\]$/u);
    expect(icu.greeting.description).toBe('Greeting on the home page');
    expect((await locflowInProcess(d, 'check', '--lang', 'ar', '--format', 'json')).code).toBe(0);
  });
});

describe('i18next plural keys follow the target', () => {
  it('Japanese drops the forms it does not have, wherever they stand, and stays valid JSON', () => {
    const src =
      '{\n  "a_one": "one thing",\n  "a_other": "things",\n  "b_other": "bs",\n  "b_one": "one b",\n  "rank_ordinal_one": "st",\n  "rank_ordinal_two": "nd",\n  "rank_ordinal_few": "rd",\n  "rank_ordinal_other": "th"\n}\n';
    const doc = readI18nextJson(src, meta('p.json'));
    const ja = writeI18nextJson(doc, (u) => toPlainText(u.source), 'ja');
    expect(JSON.parse(ja)).toEqual({ a_other: 'things', b_other: 'bs', rank_ordinal_other: 'th' });
    expect(writeI18nextJson(doc, (u) => toPlainText(u.source), 'en')).toBe(src);
    const ar = JSON.parse(writeI18nextJson(doc, (u) => toPlainText(u.source), 'ar')) as Record<string, string>;
    expect(
      Object.keys(ar)
        .filter((k) => k.startsWith('a_'))
        .sort(),
    ).toEqual(['a_few', 'a_many', 'a_one', 'a_other', 'a_two', 'a_zero']);
    expect(Object.keys(ar).filter((k) => k.startsWith('rank_'))).toEqual(['rank_ordinal_other']);
  });
});

describe('i18next builds stay valid JSON whatever the plural forms and the target (property)', () => {
  it('every group ends up with exactly the target categories', () => {
    const cats = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
    const group = fc
      .subarray([...cats], { minLength: 1 })
      .chain((present) => fc.shuffledSubarray(present, { minLength: present.length, maxLength: present.length }));
    const file = fc.tuple(group, group, fc.boolean(), fc.constantFrom(0, 2, '\t')).map(([a, b, extra, indent]) => {
      const o: Record<string, unknown> = {};
      if (extra) o.first = 'x';
      for (const c of a) o[`k_${c}`] = `k ${c}`;
      o.nested = Object.fromEntries(b.map((c) => [`n_${c}`, `n ${c}`]));
      if (extra) o.last = 'y';
      return JSON.stringify(o, null, indent);
    });
    fc.assert(
      fc.property(file, fc.constantFrom('ja', 'ar', 'ru', 'es', 'de'), (text, lang) => {
        const doc = readI18nextJson(text, meta('p.json'));
        const out = JSON.parse(writeI18nextJson(doc, (u) => toPlainText(u.source), lang)) as Record<string, unknown> & {
          nested: Record<string, string>;
        };
        const want = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
        const had = (prefix: string, keys: string[]): boolean => keys.some((k) => k === `${prefix}_other`);
        const check = (prefix: string, keys: string[]): void => {
          const got = keys
            .filter((k) => k.startsWith(`${prefix}_`))
            .map((k) => k.slice(prefix.length + 1))
            .sort();
          if (
            had(
              prefix,
              Object.keys(JSON.parse(text) as object).concat(
                Object.keys((JSON.parse(text) as { nested: object }).nested),
              ),
            )
          )
            expect(got).toEqual(want);
        };
        check('k', Object.keys(out));
        check('n', Object.keys(out.nested));
      }),
      { numRuns: 150 },
    );
  });
});
