/**
 * Per-language segmentation data, in the spirit of SRX language rules:
 * abbreviations that do not end a sentence, words that usually start one,
 * and the punctuation the language ends sentences with.
 */
export interface LanguageRules {
  /** Titles and other abbreviations written before a name or number: never a sentence end ("Mr.", "Dr."). */
  readonly prepositive: ReadonlySet<string>;
  /** Abbreviations that can end a sentence: a break only when a capitalised word follows ("Inc.", "etc."). */
  readonly abbreviations: ReadonlySet<string>;
  /** Abbreviations that refer to a following number ("p. 55", "No. 7"). */
  readonly numeric: ReadonlySet<string>;
  /** Multi-period abbreviations for times of day ("a.m."), which usually close a clause. */
  readonly timeOfDay: ReadonlySet<string>;
  /** Capitalised words that begin a sentence often enough to confirm a break after "U.S." or "E.U.". */
  readonly starters: ReadonlySet<string>;
  /** Numbers followed by a period are ordinals ("5. Dezember"). */
  readonly ordinalPeriod: boolean;
  /** Full stops that need no following space (CJK "。"). */
  readonly spacelessTerminators: string;
}

const words = (s: string): ReadonlySet<string> =>
  new Set(
    s
      .split(/\s+/u)
      .filter(Boolean)
      .map((w) => w.toLowerCase()),
  );

const EN: LanguageRules = {
  prepositive: words(`mr mrs ms mx dr prof rev fr gen lt col capt cpt maj sgt cmdr adm brig sen rep gov pres supt
    insp det hon messrs mmes msgr st mt ft sr jr`),
  abbreviations: words(`co corp inc ltd llc plc bros dept est approx vs etc al cf ca jan feb mar apr jun jul aug sep
    sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd hwy mass calif conn fla ill wash esp fig
    figs vol vols ed eds min max misc hr hrs yr yrs oz lb lbs ft sq`),
  numeric: words('p pp no nos nr n° vol vols fig figs ch chap art sec sect para pt pts ed'),
  timeOfDay: words('a.m p.m am pm'),
  starters: words(`a an as at after all also although and another any because before being both but by despite
    did do does during each either even every for from further hence he her here his how however i if in instead
    it its many meanwhile millions more most much my neither no nor not now of on once one only or our over she
    since so some still such than that the their then there these they this those though thus to two under unless
    until upon we what whatever when where whether which while who whom whose why with within without yet you your`),
  ordinalPeriod: false,
  spacelessTerminators: '',
};

const ES: LanguageRules = {
  prepositive: words('sr sra srta sres sras dr dra d dña don lic ing arq prof gral cnel tte sto sta mons fr'),
  abbreviations: words(`etc cía s.a ltda ene feb mar abr may jun jul ago sep sept oct nov dic av avda c ud uds vd vds
    aprox máx mín dpto pág págs cap vol vols tel`),
  numeric: words('p pp pág págs núm nº n° no art cap vol fig'),
  timeOfDay: words('a.m p.m'),
  starters: words(
    'el la los las un una en de del por para pero sin embargo además así este esta estos estas ese esa según tras',
  ),
  ordinalPeriod: false,
  spacelessTerminators: '',
};

const FR: LanguageRules = {
  prepositive: words('m mm mme mmes mlle mlles mgr dr pr me st ste sts stes'),
  abbreviations: words(`etc cf env av apr j.-c bd boul ch fig janv févr avr juil sept oct nov déc éd ex p.-ê chap vol`),
  numeric: words('p pp n° no nº vol chap art fig t'),
  timeOfDay: new Set(),
  starters: words('le la les un une des en de du mais ainsi ce cette ces il elle ils elles selon après'),
  ordinalPeriod: false,
  spacelessTerminators: '',
};

const DE: LanguageRules = {
  prepositive: words('hr hrn fr frl dr prof st sr'),
  abbreviations: words(`bzw ca usw etc evtl ggf inkl exkl vgl z.b d.h u.a u.ä o.ä s.o s.u u.v.m z.t gegr geb gest
    jan feb mär apr jun jul aug sep sept okt nov dez mio mrd tsd str abs bd jh jhd`),
  numeric: words('nr s abs art bd kap ziff'),
  timeOfDay: new Set(),
  starters: words('der die das ein eine es er sie wir ich in im am aber doch dann denn dies diese nach'),
  ordinalPeriod: true,
  spacelessTerminators: '',
};

const CA: LanguageRules = {
  prepositive: words('sr sra srta dr dra en na mn mns prof sant sta'),
  abbreviations: words('etc pàg pàgs núm cap vol av avda c gen febr abr jul set oct nov des aprox'),
  numeric: words('p pàg pàgs núm n° art cap vol fig'),
  timeOfDay: new Set(),
  starters: words('el la els les un una en de del però així aquest aquesta segons'),
  ordinalPeriod: false,
  spacelessTerminators: '',
};

const AR: LanguageRules = {
  // Arabic abbreviates with a letter and a period: "د." (doctor), "أ." (professor), "م." (CE/metre), "هـ." (AH).
  prepositive: words('د أ م.د أ.د م'),
  abbreviations: words('هـ ق.م ص.ب ت'),
  numeric: words('ص ج'),
  timeOfDay: words('ص م'),
  starters: new Set(),
  ordinalPeriod: false,
  spacelessTerminators: '',
};

const CJK: LanguageRules = {
  prepositive: new Set(),
  abbreviations: new Set(),
  numeric: new Set(),
  timeOfDay: new Set(),
  starters: new Set(),
  ordinalPeriod: false,
  spacelessTerminators: '。！？',
};

const OTHER_ORDINAL = new Set([
  'da',
  'nb',
  'no',
  'nn',
  'fi',
  'cs',
  'sk',
  'pl',
  'hu',
  'tr',
  'is',
  'et',
  'lv',
  'lt',
  'sl',
  'hr',
  'sr',
  'bs',
]);

const BY_LANGUAGE: Readonly<Record<string, LanguageRules>> = {
  en: EN,
  es: ES,
  fr: FR,
  de: DE,
  ca: CA,
  ar: AR,
  fa: AR,
  ur: AR,
  ja: CJK,
  zh: CJK,
  ko: CJK,
};

/** The rules for a BCP 47 tag, by its primary language; English rules with the language's own ordinal habit otherwise. */
export function rulesFor(lang: string): LanguageRules {
  const primary = lang.toLowerCase().split(/[-_]/u)[0] ?? 'en';
  const found = BY_LANGUAGE[primary];
  if (found) return found;
  return OTHER_ORDINAL.has(primary) ? { ...EN, ordinalPeriod: true } : EN;
}

export const SEGMENTER_LANGUAGES = Object.keys(BY_LANGUAGE);
