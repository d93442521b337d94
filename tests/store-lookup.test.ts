import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLookup, languageLookup } from '../src/store/i18n.js';

const KEYS = ['a', 'b.c', 'd:e', 'f_one', 'g_other', '$t(h)', 'i'];
const value = fc.constantFrom('', 'text', 'x {{y}}', '$t(a)', 'üñ');
const bundle = fc.dictionary(fc.constantFrom(...KEYS), value);

describe('languageLookup', () => {
  it('answers as t() with returnDetails and skipInterpolation does, over any bundles and language tags', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('es', 'fr-CA', 'zh-Hant-TW', 'en-GB', 'pt-BR'),
        fc.constantFrom('en', 'en-US'),
        bundle,
        bundle,
        bundle,
        (lng, source, ownBundle, parent, fallback) => {
          const base = lng.split('-')[0]!;
          const lookup = createLookup({}, lng, source, 'doc');
          lookup.addResourceBundle(lng, 'doc', ownBundle, false, true);
          if (base !== lng) lookup.addResourceBundle(base, 'doc', parent, false, true);
          lookup.addResourceBundle(source, 'doc', fallback, false, true);
          const t = lookup.getFixedT(lng, 'doc');
          // The bundles as i18next holds them: one added for a language it already has is merged into it.
          const held = new Map<string, Record<string, string>>([[lng, ownBundle]]);
          if (base !== lng) held.set(base, parent);
          held.set(source, { ...held.get(source), ...fallback });
          const bundles = new Map([...held].map(([code, b]) => [code, (key: string) => b[key]]));
          const plain = languageLookup(lng, source)(bundles);
          for (const key of [...KEYS, 'missing']) {
            const found = t(key, { returnDetails: true, skipInterpolation: true });
            const mine = plain(key);
            expect(mine.res).toBe(String(found.res));
            // A key no language has: t() names the last language it tried, languageLookup none; build reads both as untranslated.
            if (mine.usedLng !== undefined) expect(mine.usedLng).toBe(found.usedLng);
            else expect(found.usedLng === lng).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
