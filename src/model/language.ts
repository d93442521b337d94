import { LocflowError } from '../errors.js';

/**
 * Language tags, in one place: the shape locflow accepts (BCP 47, "_" read as "-"), the canonical case Intl
 * gives it, and the primary subtag that language data is keyed by.
 */
const TAG_SHAPE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/u;

/** "pt_br" → "pt-BR"; undefined when the tag is not one. */
export function canonicalTag(tag: string): string | undefined {
  if (!TAG_SHAPE.test(tag)) return undefined;
  return intlCanonicalTag(tag.replace(/_/gu, '-'));
}

/**
 * A tag in the canonical form Intl gives it, as a file or a command line wrote it: no shape rule of locflow's
 * and no "_" read as "-" ("pt_BR" is no tag here; "i-klingon" is "tlh"). Undefined when Intl refuses it.
 */
export function intlCanonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

// Primary subtags already worked out: a run knows a handful of tags, and asks for them per word.
const primaries = new Map<string, string>();

/** "pt-BR" → "pt", "zh_Hant" → "zh": the language without script or region, lower case. */
export function primarySubtag(tag: string): string {
  let primary = primaries.get(tag);
  if (primary === undefined) {
    primary = tag.toLowerCase().split(/[-_]/u)[0] ?? tag;
    if (primaries.size < 1000) primaries.set(tag, primary);
  }
  return primary;
}

/** A tag from the configuration in canonical case; an error naming the key otherwise. */
export function canonicalLocale(tag: unknown, key: string, file: string): string {
  if (typeof tag !== 'string' || !TAG_SHAPE.test(tag)) {
    throw new LocflowError(`${key}: "${String(tag)}" is not a language code`, {
      file,
      hint: 'use a BCP 47 tag such as "es", "fr-CA", "ar-EG" or "qps-ploc"',
    });
  }
  const canonical = canonicalTag(tag);
  if (canonical === undefined)
    throw new LocflowError(`${key}: "${tag}" is not a valid BCP 47 language tag`, {
      file,
      hint: 'use a tag such as "es", "fr-CA" or "ar-EG"',
    });
  return canonical;
}
