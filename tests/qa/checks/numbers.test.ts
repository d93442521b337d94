import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../src/locale/numbers.js';
import { issues, pair } from '../helpers.js';

describe('numbers', () => {
  it.each<[string, string, number[]]>([
    ['1,200 and 3.5', 'en', [1200, 3.5]],
    ['1.200 y 3,5', 'es', [1200, 3.5]],
    ['1\u202f200 et 3,5', 'fr', [1200, 3.5]],
    ['١٬٢٠٠ و٣٫٥', 'ar-EG', [1200, 3.5]],
    ['۱۲۰۰', 'fa', [1200]],
  ])('reads "%s" in %s', (text, locale, values) => {
    expect(findNumbers(text, locale).map((n) => n.value)).toEqual(values);
  });

  it.each<[string, string, string, string?]>([
    ['no separator', 'About 1,200 people died.', 'Murieron unas 1200 personas.'],
    ['Spanish grouping', 'About 1,200 people died.', 'Murieron unas 1.200 personas.'],
    ['French space grouping', 'About 1,200 people died.', 'Environ 1 200 personnes sont mortes.', 'fr'],
    ['Arabic-Indic digits', 'About 1,200 people died.', 'قتل نحو ١٬٢٠٠ شخص.', 'ar-EG'],
    ['a 24-hour clock', 'It ended at 2:15 PM.', 'Terminó a las 14:15.'],
    ['spelled out on either side', 'Five militants and 3 soldiers.', '5 milicianos y tres soldados.'],
    ['a date in another order', 'It began on October 7.', 'Comenzó el 7 de octubre.'],
    ['a zero-padded day', 'Updated December 05, 2023.', 'Actualizado el 5 de diciembre de 2023.'],
    ['a decimal comma', 'Prices rose 3.5%.', 'Les prix ont augmenté de 3,5 %.', 'fr'],
  ])('valid: %s', async (_name, source, target, lang = 'es') => {
    expect(await issues('numbers', pair(source, target, lang))).toEqual([]);
  });

  it.each<[string, string, string, RegExp, string]>([
    [
      'a changed value',
      'About 1,200 people died.',
      'Murieron unas 1.300 personas.',
      /missing from the target: 1,200 \(1200\)/u,
      'error',
    ],
    ['a dropped value', 'At least 62 injured.', 'Al menos heridos.', /62/u, 'error'],
    [
      'an extra value (a warning)',
      'At least 62 injured.',
      'Al menos 62 heridos en 2023.',
      /not in the source: 2023/u,
      'warning',
    ],
    ['a changed time', 'It ended at 2:15 PM.', 'Terminó a las 15:15.', /2:15 PM \(14:15\)/u, 'error'],
    ['a changed month', 'It began on October 7.', 'Comenzó el 7 de noviembre.', /month October/u, 'error'],
    [
      'the source format left',
      'About 1,200 people died.',
      'Murieron unas 1,200 personas.',
      /^"1,200" is written in the source's number format, not es's$/u,
      'warning',
    ],
  ])('invalid: %s', async (_name, source, target, message, severity) => {
    const found = await issues('numbers', pair(source, target));
    expect(found.map((i) => i.message).join('\n')).toMatch(message);
    expect(found.some((i) => message.test(i.message) && i.severity === severity)).toBe(true);
  });

  // Numbers swapped, by class: each target trades two of the source's values; the kept order is no finding.
  it.each<[string, string, string, string, string]>([
    [
      'a range given the other way round',
      'Children aged 6 to 11 took part.',
      'Participaron niños de entre 11 y 6 años.',
      'Participaron niños de entre 6 y 11 años.',
      'es',
    ],
    [
      "a date's day and year traded round its month",
      'Visas were issued on 9 March 2021 to people from Spain.',
      'صدرت التأشيرات في 2021 مارس 9 لأشخاص من إسبانيا.',
      'صدرت التأشيرات في 9 مارس 2021 لأشخاص من إسبانيا.',
      'ar',
    ],
    [
      'a year moved after "more than"',
      'Over 20 persons work at the plant, opened in 1987.',
      'Más de 1987 trabajadores trabajan en la planta, abierta en 20.',
      'Más de 20 trabajadores trabajan en la planta, abierta en 1987.',
      'es',
    ],
    [
      'ordinals written another way ("17th" → "17.")',
      'Goals: Smith in the 17th, Jones in the 64th.',
      'Tore: Smith in der 64., Jones in der 17.',
      'Tore: Smith in der 17., Jones in der 64.',
      'de',
    ],
    [
      'codes of one pattern in the other order',
      'CD4 cells help; CD8 cells kill.',
      'Las células CD8 ayudan; las células CD4 matan.',
      'Las células CD4 ayudan; las células CD8 matan.',
      'es',
    ],
    [
      'units the target names where the source names none',
      'The survey covers 5000 adults aged 30 and over.',
      'La encuesta abarca 30 personas de 5000 años o más.',
      'La encuesta abarca 5000 personas de 30 años o más.',
      'es',
    ],
    [
      'amounts of one currency and magnitude',
      'Exports were worth $15 billion and imports $58 billion.',
      'Las exportaciones valieron 58 mil millones de dólares y las importaciones 15 mil millones de dólares.',
      'Las exportaciones valieron 15 mil millones de dólares y las importaciones 58 mil millones de dólares.',
      'es',
    ],
  ])('swapped: %s', async (_name, source, swapped, kept, lang) => {
    const found = await issues('numbers', pair(source, swapped, lang));
    expect(found.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      expect.stringMatching(/^numbers swapped: /u),
    ]);
    expect(await issues('numbers', pair(source, kept, lang))).toEqual([]);
  });

  it('accepts what only looks like a swap: a clause of bare magnitudes moved, a year-first date', async () => {
    const moved = pair(
      'This year 460 million cards will be sold, against 320 million a year earlier.',
      'Gegenüber 320 Millionen im Vorjahr werden dieses Jahr 460 Millionen Karten verkauft.',
      'de',
    );
    expect(await issues('numbers', moved)).toEqual([]);
    const hungarian = pair(
      'The law took effect on 3 March 2015.',
      'A törvény 2015. március 3-án lépett hatályba.',
      'hu',
    );
    expect((await issues('numbers', hungarian)).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads French "Le", "Ce", "De" as words, a Roman ordinal only beside "siècle"', async () => {
    const changed = pair(
      'Exactly 100 people came, more than in 1999.',
      'Ce sont 120 personnes qui sont venues, plus qu’en 1999.',
      'fr',
    );
    expect((await issues('numbers', changed)).filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'number(s) missing from the target: 100',
    ]);
    const century = pair('It was built in the 5th century.', 'Il fut construit au Ve siècle.', 'fr');
    expect(await issues('numbers', century)).toEqual([]);
  });
});
