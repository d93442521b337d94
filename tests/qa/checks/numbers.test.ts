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
});
