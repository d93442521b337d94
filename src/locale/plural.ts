/** The CLDR plural categories a language uses ("one", "few", "many", "other"…), cardinal or ordinal. */
export function pluralCategories(lang: string, ordinal = false): readonly string[] {
  return new Intl.PluralRules(lang, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions()
    .pluralCategories as readonly string[];
}
