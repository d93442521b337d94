import { fold } from '../text.js';

/**
 * What CLDR (through Intl.DisplayNames) knows of a name: countries and
 * continents with their short forms ("United States" → "EE. UU.", "USA",
 * "É.-U."), languages and currencies, in any target language.
 */

type Kind = 'region' | 'language' | 'currency';

const A_TO_Z = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
// Continents and world regions by their UN M.49 numbers ("Europe", "Americas", "Middle Africa").
const M49 = ['001', '002', '003', '005', '009', '011', '013', '014', '015', '017', '018', '019', '021', '029', '030', '034', '035', '039', '053', '054', '057', '061', '142', '143', '145', '150', '151', '154', '155', '202', '419', 'EU', 'UN'];

function codesOf(kind: Kind): string[] {
  if (kind === 'region') return [...A_TO_Z.flatMap((a) => A_TO_Z.map((b) => a + b)), ...M49];
  if (kind === 'language') return A_TO_Z.flatMap((a) => A_TO_Z.map((b) => (a + b).toLowerCase()));
  return Intl.supportedValuesOf('currency');
}

const displayCache = new Map<string, Intl.DisplayNames | null>();

function display(lang: string, kind: Kind, style: 'long' | 'short'): Intl.DisplayNames | null {
  const key = `${lang}\u0000${kind}\u0000${style}`;
  let d = displayCache.get(key);
  if (d === undefined) {
    try {
      d = new Intl.DisplayNames([lang], { type: kind, style, fallback: 'none' });
    } catch {
      d = null;
    }
    displayCache.set(key, d);
  }
  return d;
}

function nameOf(lang: string, kind: Kind, style: 'long' | 'short', code: string): string | undefined {
  try {
    const name = display(lang, kind, style)?.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

export interface CldrName {
  readonly kind: Kind;
  readonly code: string;
}

const indexCache = new Map<string, Map<string, CldrName>>();

/** Folded names of regions, languages and currencies in `lang` → what they name. */
export function cldrIndex(lang: string): Map<string, CldrName> {
  let index = indexCache.get(lang);
  if (!index) {
    index = new Map();
    // Currencies first, so that a region or language of the same name wins.
    for (const kind of ['currency', 'language', 'region'] as const) {
      for (const code of codesOf(kind)) {
        for (const style of ['long', 'short'] as const) {
          const name = nameOf(lang, kind, style, code);
          // Names are letters; "Congo - Kinshasa" style disambiguations are also indexed without the suffix.
          if (name) for (const n of [name, name.replace(/\s*[-–(].*$/u, '')]) if (n.length > 1) index.set(fold(n), { kind, code });
        }
      }
    }
    indexCache.set(lang, index);
  }
  return index;
}

/** What a source name is in CLDR, if anything. */
export function cldrNameOf(name: string, sourceLang: string): CldrName | undefined {
  return cldrIndex(sourceLang).get(fold(name));
}

/** The target language's CLDR names for what a source name stands for, long and short. */
export function cldrRenderings(name: CldrName, targetLang: string): string[] {
  const out = new Set<string>();
  for (const style of ['long', 'short'] as const) {
    const n = nameOf(targetLang, name.kind, style, name.code);
    if (n) {
      out.add(n);
      out.add(n.replace(/\s*[(].*$/u, ''));
    }
  }
  return [...out];
}

/** Whether a folded word begins like a region or language name of `lang` (for demonyms: "Iraqi", "Kurdish"). */
export function stemOfPlaceOrLanguage(foldedStem: string, lang: string): boolean {
  if (foldedStem.length < 4) return false;
  for (const key of cldrIndex(lang).keys()) if (key.startsWith(foldedStem)) return true;
  return false;
}
