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
