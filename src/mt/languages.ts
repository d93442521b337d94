import { primarySubtag } from '../model/language.js';

/**
 * BCP 47 → the ISO 639-3 codes Apertium names its modes with (eng-spa). Only
 * the primary language subtag matters to the engines; a few Apertium pairs use
 * two-letter codes (en-gl), so both forms are tried against the installed list.
 */
const ISO639_3: Readonly<Record<string, string>> = {
  en: 'eng',
  es: 'spa',
  ca: 'cat',
  gl: 'glg',
  eo: 'epo',
  fr: 'fra',
  pt: 'por',
  it: 'ita',
  de: 'deu',
  ar: 'ara',
  nl: 'nld',
  af: 'afr',
  eu: 'eus',
  oc: 'oci',
  ro: 'ron',
  sv: 'swe',
  da: 'dan',
  nb: 'nob',
  nn: 'nno',
  is: 'isl',
  hbs: 'hbs',
  sh: 'hbs',
  sr: 'srp',
  hr: 'hrv',
  bs: 'bos',
  sl: 'slv',
  mk: 'mkd',
  bg: 'bul',
  ru: 'rus',
  uk: 'ukr',
  be: 'bel',
  pl: 'pol',
  cs: 'ces',
  sk: 'slk',
  kk: 'kaz',
  tt: 'tat',
  tr: 'tur',
  mt: 'mlt',
  cy: 'cym',
  br: 'bre',
  ga: 'gle',
  gd: 'gla',
  an: 'arg',
  ast: 'ast',
  sc: 'srd',
  co: 'cos',
  hi: 'hin',
  ur: 'urd',
  id: 'ind',
  ms: 'msa',
};

export function iso6393(tag: string): string {
  const p = primarySubtag(tag);
  return ISO639_3[p] ?? p;
}

/** The Apertium mode for a pair among the installed ones, or null. */
export function apertiumMode(source: string, target: string, installed: readonly string[]): string | null {
  const candidates = [
    `${iso6393(source)}-${iso6393(target)}`,
    `${primarySubtag(source)}-${primarySubtag(target)}`,
    `${iso6393(source)}-${primarySubtag(target)}`,
    `${primarySubtag(source)}-${iso6393(target)}`,
  ];
  return candidates.find((c) => installed.includes(c)) ?? null;
}

/**
 * A pseudo-locale: Microsoft's qps-* (qps-ploc, qps-plocm), the XA/XB/XC regions Android and
 * Chromium use (en-XA accented, ar-XB right to left), or a private-use tag (es-x-mt, de-x-pseudo),
 * which names a project's own draft store rather than a language readers get.
 */
export function isPseudoLocale(tag: string): boolean {
  const parts = tag.toLowerCase().split(/[-_]/u);
  return (
    parts[0] === 'qps' || parts.slice(1).some((p) => p === 'xa' || p === 'xb' || p === 'xc') || parts.includes('x')
  );
}
