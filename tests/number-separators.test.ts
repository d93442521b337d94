import { describe, expect, it } from 'vitest';
import { conventionsOf, intlConventions, SEPARATORS } from '../src/locale/numbers.js';

describe('number separators written out for the common languages', () => {
  it.each(Object.keys(SEPARATORS))('%s: the table is what Intl gives', (locale) => {
    expect(SEPARATORS[locale]).toEqual(intlConventions(locale));
  });

  it('reads a tabled language without an Intl number format, any other through Intl', () => {
    const original = Intl.NumberFormat;
    let made = 0;
    const counting = new Proxy(original, {
      construct: (target, args: unknown[]) => {
        made++;
        return Reflect.construct(target, args) as object;
      },
    });
    Object.defineProperty(Intl, 'NumberFormat', { value: counting, configurable: true, writable: true });
    try {
      expect(conventionsOf('fr')).toEqual({ group: '\u202F', decimal: ',' });
      expect(conventionsOf('es')).toEqual({ group: '.', decimal: ',' });
      expect(made).toBe(0);
      // A regional tag may differ from its language (Swiss German groups with ’): read from Intl.
      expect(conventionsOf('de-CH')).toEqual(intlConventions('de-CH'));
      expect(made).toBeGreaterThan(0);
    } finally {
      Object.defineProperty(Intl, 'NumberFormat', { value: original, configurable: true, writable: true });
    }
  });
});
