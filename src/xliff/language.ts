/**
 * Whether a language attribute of an XLIFF file is a well-formed BCP 47 tag ("en", "pt-BR",
 * "zh-Hant-TW"); the underscore some tools write ("en_US") is read as a hyphen. Intl is the judge,
 * so whatever is accepted here is also a locale the rest of locflow can format for.
 */
export function languageProblem(tag: string): string | undefined {
  const hyphenated = tag.trim().replace(/_/gu, '-');
  if (hyphenated === '') return 'the language is empty; write a language tag such as "en" or "pt-BR"';
  try {
    Intl.getCanonicalLocales(hyphenated);
    return undefined;
  } catch {
    return 'this is not a well-formed language tag (BCP 47); write one such as "en", "fr" or "pt-BR"';
  }
}
