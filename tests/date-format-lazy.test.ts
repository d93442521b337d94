import { createIntl } from '@formatjs/intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../src/locale/format.js';

describe('a date written for a locale', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sets up @formatjs/intl only for what Intl refuses (its set-up costs a build ≈ 8 ms)', () => {
    // @formatjs/intl's set-up asks Intl which locales it supports; formatting with Intl's own format does not.
    const asked = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    // A locale no other test formats a date in: nothing set up for it yet in this process.
    expect(formatDateTime({ iso: '2023-12-05T14:15', hasTime: true }, 'es-CL')).toBe(
      '5 de diciembre de 2023 a las 2:15 p. m.',
    );
    expect(formatDateTime({ iso: '2023-12-05', hasTime: false }, 'es-CL')).toBe('5 de diciembre de 2023');
    expect(asked).not.toHaveBeenCalled();
    // A date Date.parse refuses goes to @formatjs/intl, as before.
    const none = formatDateTime({ iso: '2023-13-45', hasTime: false }, 'es-CL');
    expect(asked).toHaveBeenCalled();
    expect(none).toBe(
      createIntl({ locale: 'es-CL', defaultLocale: 'en', onError: () => undefined }).formatDate(Number.NaN, {
        dateStyle: 'long',
        timeZone: 'UTC',
      }),
    );
  });

  it('refuses a malformed locale as before (Intl and @formatjs/intl refuse the same ones)', () => {
    expect(() => formatDateTime({ iso: '2023-12-05', hasTime: false }, 'es-@@')).toThrow(RangeError);
  });
});
