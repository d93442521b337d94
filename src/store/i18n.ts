import i18next, { type i18n } from 'i18next';

/**
 * An i18next instance over preloaded bundles, set up for unit ids as keys:
 * no key or namespace separators, no HTML escaping, no nesting ("$t(" is
 * ordinary text in an article), and empty strings fall back like missing ones.
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
    interpolation: { escapeValue: false, skipOnVariables: true, nestingPrefix: '\u0000$t(', nestingSuffix: ')\u0000' },
  });
  return instance;
}
