import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

const variant = (form: string, target: string, lang: string, message = '%d files'): ReturnType<typeof pair> =>
  pair(`${form} source`, target, lang, `/${message}:dict/files:dict/${form}:dict/:string`);

describe('plural-forms', () => {
  it.each<[string, string, string, Array<[string, string]>]>([
    ['Polish with every form', 'pl', '{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}', []],
    [
      'Polish with the English forms only',
      'pl',
      '{n, plural, one {# plik} other {# pliku}}',
      [['error', 'pl needs the plural forms "few" (2, 3, 4…), "many" (0, 5, 6…); the translation lacks them']],
    ],
    ['exact selectors are not forms', 'de', '{n, plural, =0 {keine} one {# Datei} other {# Dateien}}', []],
    [
      'Arabic, nested inside a select',
      'ar',
      '{g, select, male {{n, plural, one {ملف} other {# ملفات}}} other {}}',
      [
        [
          'error',
          'ar needs the plural forms "zero" (0…), "two" (2…), "few" (3, 4, 5…), "many" (11, 12, 13…); the translation lacks them',
        ],
      ],
    ],
    [
      'a form only large numbers take is info',
      'es',
      '{n, plural, one {# archivo} other {# archivos}}',
      [['info', 'es also has the plural forms "many" (large or fractional numbers only); the translation lacks them']],
    ],
    [
      'ordinals follow the ordinal rules',
      'en',
      'the {n, selectordinal, one {#st} other {#th}} file',
      [['error', 'en needs the ordinal forms "two" (2, 22, 32…), "few" (3, 23, 33…); the translation lacks them']],
    ],
    ['not ICU', 'pl', 'plural, as a word, and {braces', []],
  ])('%s', async (_name, lang, target, expected) => {
    const found = await issues('plural-forms', pair('{n, plural, one {# file} other {# files}}', target, lang));
    expect(found.map((i) => [i.severity, i.message])).toEqual(expected);
  });

  it("reports once per Xcode variant family: Polish lacking few and many, Japanese needing only 'other'", async () => {
    const polish = [variant('one', '%d plik', 'pl'), variant('other', '%d pliku', 'pl')];
    const polishAll = ['one', 'few', 'many', 'other'].map((f) => variant(f, 'x', 'pl', '%d photos'));
    const japanese = [variant('other', '%d 個のファイル', 'ja')];
    const found = await issues('plural-forms', [...polish, ...polishAll, ...japanese]);
    expect(found.map((i) => i.message)).toEqual([
      'pl needs the plural forms "few" (2, 3, 4…), "many" (0, 5, 6…); the translation lacks them',
    ]);
  });
});
