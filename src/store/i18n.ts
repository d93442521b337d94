import i18next, { type i18n } from 'i18next';

/**
 * An i18next instance over preloaded bundles, set up for unit ids as keys:
 * no key or namespace separators, no HTML escaping, no nesting ("$t(" is
 * ordinary text in an article, even between NULs), any number of codes, and empty strings fall back
 * like missing ones.
 */
export function createLookup(
  resources: Record<string, Record<string, Record<string, string>>>,
  lng: string,
  fallbackLng: string,
  ns: string,
): i18n {
  const instance = i18next.createInstance();
  // With initAsync false and resources given, init completes synchronously; its promise carries nothing more.
  void instance.init({
    resources,
    lng,
    fallbackLng,
    ns: [ns],
    defaultNS: ns,
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    returnNull: false,
    // Values are never scanned again (skipOnVariables), so a unit may have any number of codes: i18next stops at 1,000 by default.
    interpolation: {
      escapeValue: false,
      skipOnVariables: true,
      maxReplaces: Infinity,
      // Nesting off: a lone surrogate followed by NUL cannot occur in decoded text, so "$t(" is always text.
      nestingPrefix: '\uD800\u0000$t(',
      nestingSuffix: ')\u0000\uD800',
    },
  });
  return instance;
}

/** What a lookup found: the value and the language it came from (undefined: no language had it, the key is returned). */
export interface Found {
  readonly res: string;
  readonly usedLng: string | undefined;
}

interface LanguageUtils {
  toResolveHierarchy(code: string): string[];
}

/** A language's bundle of one document as a lookup: the stored value of a key, if any. */
export type BundleLookup = (key: string) => string | undefined;

/**
 * `getFixedT(lng, ns)(key, { returnDetails: true, skipInterpolation: true })` of an instance made by createLookup
 * holding these bundles, for keys as they are (no plural count, no context): the languages i18next tries, in its order
 * (the language, its parts, the fallback), each asked for the key, the first value it accepts taken (empty and null
 * ones are not, returnEmptyString and returnNull being off). The same answer without t()'s per-call work, nor adding
 * and removing each document's bundles: the order is asked of i18next once per language.
 */
export function languageLookup(
  lng: string,
  fallbackLng: string,
): (bundles: ReadonlyMap<string, BundleLookup>) => (key: string) => Found {
  const instance = createLookup({}, lng, fallbackLng, 'order');
  const codes = (instance.services.languageUtils as LanguageUtils).toResolveHierarchy(lng);
  return (bundles) => {
    const asked = codes.flatMap((code) => {
      const bundle = bundles.get(code);
      return bundle ? [{ code, bundle }] : [];
    });
    return (key) => {
      for (const { code, bundle } of asked) {
        const res: unknown = bundle(key);
        if (typeof res === 'string' && res !== '') return { res, usedLng: code };
      }
      return { res: key, usedLng: undefined };
    };
  };
}
