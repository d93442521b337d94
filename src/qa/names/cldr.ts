import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fold } from '../text.js';
import { memoPerLanguage } from '../../model/memo.js';
import { primarySubtag } from '../../model/language.js';

const require = createRequire(import.meta.url);

/**
 * What CLDR (through Intl.DisplayNames) knows of a name: countries and
 * continents with their short forms ("United States" → "EE. UU.", "USA",
 * "É.-U."), languages and currencies, in any target language.
 */

export type Kind = 'region' | 'language' | 'currency';

const A_TO_Z = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
// Continents and world regions by their UN M.49 numbers ("Europe", "Americas", "Middle Africa").
const M49 = [
  '001',
  '002',
  '003',
  '005',
  '009',
  '011',
  '013',
  '014',
  '015',
  '017',
  '018',
  '019',
  '021',
  '029',
  '030',
  '034',
  '035',
  '039',
  '053',
  '054',
  '057',
  '061',
  '142',
  '143',
  '145',
  '150',
  '151',
  '154',
  '155',
  '202',
  '419',
  'EU',
  'UN',
];

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
  // (the build's table, where it lists the code: "" where Intl has no name)
  const listed = tableOf(lang)?.names[`${kind}/${style}`];
  if (listed !== undefined && Object.hasOwn(listed, code)) return listed[code] || undefined;
  return intlName(lang, kind, style, code);
}

function intlName(lang: string, kind: Kind, style: 'long' | 'short', code: string): string | undefined {
  try {
    // With fallback "none" an unknown code gives undefined; "US" as the short name of US is a real name.
    return display(lang, kind, style)?.of(code) || undefined;
  } catch {
    return undefined;
  }
}

export interface CldrName {
  readonly kind: Kind;
  readonly code: string;
}

/**
 * A target language's CLDR names as the build writes them (dist/data/, named by the versions of what they are made
 * of, as the index is): every region, language and currency code `codesOf` lists (and each region's likeliest
 * language), long and short, "" where Intl has none; each region's likeliest language and each such language's
 * likeliest region, as `Intl.Locale#maximize` gives them; CLDR's variant territory names. Asking Intl for the first
 * of them starts ICU's display names (≈ 35 ms of CPU), which a small run — translate's gate on one answer — pays
 * whole. A language without a file, or a Node whose versions have none, asks Intl as before.
 */
interface NamesTable {
  readonly names: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly likelyLanguage: Readonly<Record<string, string>>;
  readonly likelyRegion: Readonly<Record<string, string>>;
  readonly variants: ReadonlyArray<[string, string]>;
  /** `regionAdjectives` of the language, region by region in its order. */
  readonly adjectives: ReadonlyArray<[string, readonly string[]]>;
  /** The languages CLDR names regional variants of (the same in every table). */
  readonly withVariants: readonly string[];
}

/** The target languages the build writes a table of names for (the languages of the calendar table). */
export const NAMES_TABLE_LANGUAGES = [
  'ar',
  'de',
  'el',
  'en',
  'es',
  'fr',
  'it',
  'ja',
  'nl',
  'pl',
  'pt',
  'ru',
  'tr',
  'uk',
  'zh',
] as const;

const tableCache = new Map<string, NamesTable | null>();

function tableOf(lang: string): NamesTable | null {
  let table = tableCache.get(lang);
  if (table === undefined) {
    table = null;
    if ((NAMES_TABLE_LANGUAGES as readonly string[]).includes(lang)) {
      const file = cldrNamesFile(lang);
      if (existsSync(file)) table = JSON.parse(readFileSync(file, 'utf8')) as NamesTable;
    }
    tableCache.set(lang, table);
  }
  return table;
}

/** Where the build keeps a language's table of names (see NamesTable). */
export function cldrNamesFile(lang: string): string {
  return cldrIndexFile(lang).replace(/cldr-index-([^/\\]*)$/u, 'cldr-names-$1');
}

/** A language's table of names as Intl and CLDR give it now (what the build writes). */
export function cldrNamesTable(lang: string): NamesTable {
  const likelyLanguage: Record<string, string> = {};
  const likelyRegion: Record<string, string> = {};
  for (const code of codesOf('region')) {
    if (!/^[A-Z]{2}$/u.test(code)) continue;
    const language = maximized(`und-${code}`)?.language;
    if (language === undefined) continue;
    likelyLanguage[code] = language;
    const region = maximized(language)?.region;
    if (region !== undefined) likelyRegion[language] = region;
  }
  const names: Record<string, Record<string, string>> = {};
  for (const kind of ['region', 'language', 'currency'] as const) {
    const codes = new Set(codesOf(kind));
    if (kind === 'language') for (const language of Object.keys(likelyRegion)) codes.add(language);
    for (const style of ['long', 'short'] as const) {
      const listed: Record<string, string> = {};
      for (const code of codes) listed[code] = intlName(lang, kind, style, code) ?? '';
      names[`${kind}/${style}`] = listed;
    }
  }
  return {
    names,
    likelyLanguage,
    likelyRegion,
    variants: readVariantNames(lang),
    adjectives: [...readRegionAdjectives(lang)],
    withVariants: readWithVariants(),
  };
}

/** `new Intl.Locale(tag).maximize()`, undefined where Intl refuses the tag. */
function maximized(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
}

/** A region's likeliest language (from the table of `lang` where it has one), as `maximize` gives it. */
function likelyLanguageOf(code: string, lang: string): string | undefined {
  const table = tableOf(lang);
  if (table && Object.hasOwn(table.likelyLanguage, code)) return table.likelyLanguage[code];
  return new Intl.Locale(`und-${code}`).maximize().language;
}

/** A language's likeliest region (from the table of `lang` where it has one), as `maximize` gives it. */
function likelyRegionOf(language: string, lang: string): string | undefined {
  const table = tableOf(lang);
  if (table && Object.hasOwn(table.likelyRegion, language)) return table.likelyRegion[language];
  return new Intl.Locale(language).maximize().region;
}

const indexCache = new Map<string, Map<string, CldrName>>();

/**
 * Where the build keeps a language's index (dist/data/), named by the versions of what it is made of: Node's ICU and
 * CLDR, and cldr-localenames-full. Making it asks Intl for some 8,000 names (≈ 40 ms at a run's start); a run whose
 * versions have no file makes it itself.
 */
export function cldrIndexFile(lang: string): string {
  const { icu, cldr } = process.versions;
  const names = (require('cldr-localenames-full/package.json') as { version: string }).version;
  return fileURLToPath(
    new URL(`../../data/cldr-index-${lang}-icu${icu}-cldr${cldr}-localenames${names}.json`, import.meta.url),
  );
}

/** A language's index as the build writes it: [folded name, kind, code], in the index's order. */
export function cldrIndexEntries(lang: string): Array<[string, Kind, string]> {
  return [...makeIndex(lang)].map(([name, { kind, code }]) => [name, kind, code]);
}

/** Folded names of regions, languages and currencies in `lang` → what they name. */
export function cldrIndex(lang: string): Map<string, CldrName> {
  let index = indexCache.get(lang);
  if (!index) {
    const file = cldrIndexFile(lang);
    index = existsSync(file)
      ? new Map(
          (JSON.parse(readFileSync(file, 'utf8')) as Array<[string, Kind, string]>).map(([name, kind, code]) => [
            name,
            { kind, code },
          ]),
        )
      : makeIndex(lang);
    indexCache.set(lang, index);
  }
  return index;
}

/** The index as Intl and CLDR give it. */
function makeIndex(lang: string): Map<string, CldrName> {
  const index = new Map<string, CldrName>();
  // Currencies first, so that a region or language of the same name wins.
  for (const kind of ['currency', 'language', 'region'] as const) {
    for (const code of codesOf(kind)) {
      for (const style of ['long', 'short'] as const) {
        const name = nameOf(lang, kind, style, code);
        // Names are letters; "Congo - Kinshasa" style disambiguations are also indexed without the suffix.
        if (name)
          for (const n of [name, name.replace(/\s*[-–(].*$/u, '')])
            if (n.length > 1) index.set(fold(n), { kind, code });
      }
    }
  }
  for (const [code, name] of variantNames(lang))
    if (!index.has(fold(name))) index.set(fold(name), { kind: 'region', code });
  // Country abbreviations other languages print ("USA", "UAE" as "EAU"…) are written in English text too.
  for (const other of ['de', 'fr', 'es', 'it', 'nl', 'pt']) {
    for (const code of codesOf('region')) {
      const short = nameOf(other, 'region', 'short', code);
      if (short && /^\p{Lu}{2,4}$/u.test(short) && !index.has(fold(short)))
        index.set(fold(short), { kind: 'region', code });
    }
  }
  return index;
}

/** What a source name is in CLDR, if anything. */
export function cldrNameOf(name: string, sourceLang: string): CldrName | undefined {
  return cldrIndex(sourceLang).get(fold(name));
}

const variantCache = new Map<string, ReadonlyArray<readonly [string, string]>>();

/**
 * CLDR's variant and short territory names ("Czech Republic" beside "Czechia",
 * "Burma", "Swaziland"), which Intl.DisplayNames does not expose.
 */
function variantNames(lang: string): ReadonlyArray<readonly [string, string]> {
  const base = primarySubtag(lang);
  let out = variantCache.get(base);
  if (!out) {
    out = tableOf(base)?.variants ?? readVariantNames(base);
    variantCache.set(base, out);
  }
  return out;
}

/** CLDR's variant and short territory names of a language, read from cldr-localenames-full. */
function readVariantNames(base: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  // (a language CLDR has no names for: Intl's names are all there is)
  for (const [key, name] of Object.entries(localeDisplayNames(base, 'territories'))) {
    const m = /^([A-Z]{2}|\d{3})-alt-(?:variant|short)$/u.exec(key);
    if (m) out.push([m[1]!, name]);
  }
  return out;
}

/** One part of a language's display names in cldr-localenames-full ("territories", "languages"); none where CLDR has no such file. */
function localeDisplayNames(lang: string, part: 'territories' | 'languages'): Readonly<Record<string, string>> {
  try {
    const data = require(`cldr-localenames-full/main/${lang}/${part}.json`) as {
      main: Record<string, { localeDisplayNames: Record<string, Record<string, string>> }>;
    };
    return Object.values(data.main)[0]?.localeDisplayNames[part] ?? {};
  } catch {
    return {};
  }
}

const renderingsCache = new Map<string, readonly string[]>();

/**
 * The target language's CLDR names for what a source name stands for, long, short and variant (made once per language
 * and name: a run asks again for each unit that names it, and Intl makes each name anew).
 */
export function cldrRenderings(name: CldrName, targetLang: string): readonly string[] {
  const key = `${targetLang}\u0000${name.kind}\u0000${name.code}`;
  let known = renderingsCache.get(key);
  if (known === undefined) renderingsCache.set(key, (known = renderingsOf(name, targetLang)));
  return known;
}

function renderingsOf(name: CldrName, targetLang: string): string[] {
  const out = new Set<string>();
  if (name.kind === 'region')
    for (const [code, variant] of variantNames(targetLang)) if (code === name.code) out.add(variant);
  for (const style of ['long', 'short'] as const) {
    const n = nameOf(targetLang, name.kind, style, name.code);
    if (n) {
      out.add(n);
      out.add(n.replace(/\s*[(].*$/u, ''));
    }
  }
  return [...out];
}

const placeStem = memoPerLanguage((stem: string, lang: string): boolean => {
  for (const name of cldrIndex(lang).keys()) if (name.startsWith(stem)) return true;
  return false;
});

/** Whether a folded word begins like a region or language name of `lang` (for demonyms: "Iraqi", "Kurdish"). */
export function stemOfPlaceOrLanguage(foldedStem: string, lang: string): boolean {
  return foldedStem.length >= 4 && placeStem(foldedStem, lang);
}

const adjectiveCache = new Map<string, ReadonlyMap<string, readonly string[]>>();

/**
 * The adjectives CLDR gives regions in `lang`, read from its names of regional language variants: "anglais
 * américain" beside "anglais" makes "américain" the adjective of US, "inglés estadounidense" → "estadounidense",
 * "Österreichisches Deutsch" → "österreichisches". A country is often rendered by its adjective ("US competitors"
 * → "concurrents américains"), and nothing else in CLDR links the two.
 */
function regionAdjectives(lang: string): ReadonlyMap<string, readonly string[]> {
  let out = adjectiveCache.get(lang);
  if (!out) {
    const adjectives = tableOf(lang)?.adjectives;
    out = adjectives ? new Map(adjectives) : readRegionAdjectives(lang);
    adjectiveCache.set(lang, out);
  }
  return out;
}

/** The adjectives of `regionAdjectives`, read from cldr-localenames-full. */
function readRegionAdjectives(lang: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // (a language CLDR has no names for: no adjectives)
  const names = localeDisplayNames(lang, 'languages');
  for (const [key, variant] of Object.entries(names)) {
    const m = /^([a-z]{2,3})-([A-Z]{2}|\d{3})$/u.exec(key);
    const plain = m ? names[m[1]!] : undefined;
    if (!m || !plain) continue;
    // Only "<language> <adjective>" or "<adjective> <language>": not "(Inde)", "du Mexique", "d’Espagne".
    const rest = variant.startsWith(`${plain} `)
      ? variant.slice(plain.length + 1)
      : variant.endsWith(` ${plain}`)
        ? variant.slice(0, -plain.length - 1)
        : undefined;
    if (!rest || !/^[\p{L}\p{M}]{4,}$/u.test(rest)) continue;
    const list = out.get(m[2]!) ?? [];
    if (!list.includes(rest)) out.set(m[2]!, [...list, rest]);
  }
  // An adjective given to two regions ("الأوروبية" for ES and PT in Arabic) is a continent's, not a country's.
  const count = new Map<string, number>();
  for (const list of out.values()) for (const a of list) count.set(a, (count.get(a) ?? 0) + 1);
  // So is one that begins with the whole name of another region, where CLDR's English gives this region no adjective:
  // "portugais européen" is "European Portuguese", "européen" Europe's (not "американский" of "Америка", which English
  // gives the US too, "American English").
  const english = lang === 'en' ? undefined : regionAdjectives('en');
  const regions = Object.entries(localeDisplayNames(lang, 'territories')).map(([code, n]) => [code, fold(n)] as const);
  const another = (region: string, adjective: string): boolean =>
    (english?.get(region)?.length ?? 0) === 0 &&
    regions.some(([code, n]) => code !== region && n.length >= 4 && fold(adjective).startsWith(n));
  for (const [region, list] of out)
    out.set(
      region,
      list.filter((a) => count.get(a) === 1 && !(english !== undefined && another(region, a))),
    );
  return out;
}

/** The target language's adjectives for a region CLDR names ("américain" for US in French); none for other names. */
export function cldrAdjectives(name: CldrName, targetLang: string): readonly string[] {
  return name.kind === 'region' ? (regionAdjectives(primarySubtag(targetLang)).get(name.code) ?? []) : [];
}

const peopleCache = new Map<string, string | undefined>();

/**
 * The target language's name of the language that is a country's own — the one whose likeliest country it is (Greek
 * for Greece, not German for Austria): its people and things are called by that word ("Greece's workers" →
 * "trabajadores griegos", "la population grecque"). Undefined where there is no such language, or CLDR names regional
 * variants of it (English, Spanish, German: those name several countries' people), or its name is of several words.
 */
export function cldrLanguageOfRegion(name: CldrName, lang: string): string | undefined {
  if (name.kind !== 'region' || !/^[A-Z]{2}$/u.test(name.code)) return undefined;
  const key = `${name.code}\u0000${lang}`;
  if (peopleCache.has(key)) return peopleCache.get(key);
  let word: string | undefined;
  try {
    const language = likelyLanguageOf(name.code, lang)!;
    // (a language CLDR names regional variants of, English or German, is more than one country's)
    if (likelyRegionOf(language, lang) === name.code && !hasRegionalVariants(language, lang)) {
      const n = nameOf(lang, 'language', 'long', language);
      if (n && /^[\p{L}\p{M}]{4,}$/u.test(n)) word = n;
    }
  } catch {
    // A code Intl does not know: no language.
  }
  peopleCache.set(key, word);
  return word;
}

let withVariants: Set<string> | undefined;

/** Whether CLDR names regional variants of a language ("en-GB", "de-AT"), in English's list of language names. */
function hasRegionalVariants(language: string, lang: string): boolean {
  withVariants ??= new Set(tableOf(lang)?.withVariants ?? readWithVariants());
  return withVariants.has(language);
}

/** The languages CLDR names regional variants of, read from cldr-localenames-full's English names. */
function readWithVariants(): string[] {
  const out: string[] = [];
  // (no CLDR names: no variants known)
  for (const key of Object.keys(localeDisplayNames('en', 'languages'))) {
    const m = /^([a-z]{2,3})-(?:[A-Z]{2}|\d{3})$/u.exec(key);
    if (m && !out.includes(m[1]!)) out.push(m[1]!);
  }
  return out;
}

/**
 * The target language's name of a region's likeliest language, whether or not other countries speak it ("Französisch"
 * for France, "anglais" for the United Kingdom): a word the region's things may be called by, for counting them.
 */
export function cldrLikelyLanguageName(name: CldrName, lang: string): string | undefined {
  if (name.kind !== 'region' || !/^[A-Z]{2}$/u.test(name.code)) return undefined;
  const key = `${name.code}\u0000${lang}`;
  if (likelyLanguageCache.has(key)) return likelyLanguageCache.get(key);
  let word: string | undefined;
  try {
    word = nameOf(lang, 'language', 'long', likelyLanguageOf(name.code, lang)!);
  } catch {
    // A code Intl does not know: no language.
  }
  likelyLanguageCache.set(key, word);
  return word;
}
const likelyLanguageCache = new Map<string, string | undefined>();
