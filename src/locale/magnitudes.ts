/**
 * Magnitude words and their abbreviations, per language, as multipliers:
 * "million" = "millón" = "Million" = "مليون" = 10⁶; en "billion" = es "mil millones" = fr "milliard"
 * = de "Milliarde" = 10⁹; es "billón", fr "billion", de "Billion" = 10¹².
 */

export interface Magnitude {
  readonly factor: number;
  /** A plural form ("millions", "millones"): with no number before it, it names no value. */
  readonly plural: boolean;
}

type Table = Readonly<Record<string, readonly [number, boolean]>>;

const K = 1e3;
const M = 1e6;
const G = 1e9;
const T = 1e12;

const WORDS: Readonly<Record<string, Table>> = {
  en: {
    thousand: [K, false],
    thousands: [K, true],
    million: [M, false],
    millions: [M, true],
    billion: [G, false],
    billions: [G, true],
    trillion: [T, false],
    trillions: [T, true],
    lakh: [1e5, false],
    lakhs: [1e5, true],
    crore: [1e7, false],
    crores: [1e7, true],
    bn: [G, false],
    mn: [M, false],
    mln: [M, false],
    tn: [T, false],
    trn: [T, false],
  },
  es: {
    mil: [K, false],
    miles: [K, true],
    millón: [M, false],
    millon: [M, false],
    millones: [M, true],
    millardo: [G, false],
    millardos: [G, true],
    billón: [T, false],
    billon: [T, false],
    billones: [T, true],
    mdd: [M, false],
    mdp: [M, false],
    mln: [M, false],
  },
  fr: {
    mille: [K, false],
    milliers: [K, true],
    million: [M, false],
    millions: [M, true],
    milliard: [G, false],
    milliards: [G, true],
    billion: [T, false],
    billions: [T, true],
    md: [G, false],
    mds: [G, true],
    mrd: [G, false],
    mrds: [G, true],
    mio: [M, false],
    mln: [M, false],
  },
  de: {
    tausend: [K, false],
    tausende: [K, true],
    tsd: [K, false],
    million: [M, false],
    millionen: [M, true],
    mio: [M, false],
    milliarde: [G, false],
    milliarden: [G, true],
    mrd: [G, false],
    mia: [G, false],
    billion: [T, false],
    billionen: [T, true],
    bio: [T, false],
  },
  ar: {
    الف: [K, false],
    الاف: [K, true],
    الفا: [K, false],
    مليون: [M, false],
    ملايين: [M, true],
    مليونا: [M, false],
    مليار: [G, false],
    مليارات: [G, true],
    مليارا: [G, false],
    بليون: [G, false],
    بلايين: [G, true],
    تريليون: [T, false],
    تريليونات: [T, true],
  },
  it: {
    mila: [K, false],
    mille: [K, false],
    milione: [M, false],
    milioni: [M, true],
    miliardo: [G, false],
    miliardi: [G, true],
    mln: [M, false],
    mld: [G, false],
    mrd: [G, false],
  },
  pt: {
    mil: [K, false],
    milhão: [M, false],
    milhao: [M, false],
    milhões: [M, true],
    milhoes: [M, true],
    bilhão: [G, false],
    bilhões: [G, true],
    mi: [M, false],
    bi: [G, false],
  },
  ca: {
    mil: [K, false],
    milers: [K, true],
    milió: [M, false],
    milions: [M, true],
    miliard: [G, false],
    miliards: [G, true],
    bilió: [T, false],
    bilions: [T, true],
  },
};

/** Abbreviations glued to digits ("£2.8bn", "800m", "5k", "3Mio"), lowercased, any language. */
const GLUED: Readonly<Record<string, number>> = {
  bn: G,
  b: G,
  mn: M,
  mln: M,
  m: M,
  k: K,
  tn: T,
  trn: T,
  md: G,
  mds: G,
  mrd: G,
  mrds: G,
  mio: M,
  bio: T,
  tsd: K,
};

const cache = new Map<string, ReadonlyMap<string, Magnitude>>();

/** Magnitude words of a language (keys lowercased, Arabic folded with foldArabic). */
export function magnitudeWords(lang: string): ReadonlyMap<string, Magnitude> {
  let map = cache.get(lang);
  if (!map) {
    const m = new Map<string, Magnitude>();
    for (const [w, [factor, plural]] of Object.entries(WORDS[lang] ?? WORDS.en!)) m.set(w, { factor, plural });
    cache.set(lang, (map = m));
  }
  return map;
}

/** A magnitude abbreviation glued to digits ("bn" in "2.8bn"), any language. */
export function gluedMagnitude(suffix: string): Magnitude | undefined {
  const factor = GLUED[suffix.toLowerCase()];
  return factor === undefined ? undefined : { factor, plural: false };
}

/** "million" for 1e6 etc., for messages. */
export function magnitudeName(factor: number): string {
  return factor === K
    ? 'thousand'
    : factor === M
      ? 'million'
      : factor === G
        ? 'billion (10⁹)'
        : factor === T
          ? 'trillion (10¹²)'
          : String(factor);
}
