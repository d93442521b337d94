/**
 * Units and currencies beside a number, as language-independent classes: "%", "por ciento",
 * "Prozent" and "بالمئة" are all `pct`; "dólares", "$" and "دولار" are `usd`. The classes tie a
 * value to what it counts (so a swap is visible) and tell which units translators convert.
 */
import { foldArabic } from './number-words.js';

const CLASSES: Readonly<Record<string, string>> = {
  pct: '% ٪ percent percentage pct porcentaje porciento pourcent pourcents prozent prozentpunkte prozentpunkt بالمئة بالمائة',
  usd: '$ us$ dollar dollars dólar dólares dolar dolares dollaro dollari dólares دولار دولارا دولارات',
  eur: '€ euro euros eur يورو',
  gbp: '£ sterling gbp libras livres pfund جنيه جنيها جنيهات',
  pound: 'pound pounds lb lbs',
  year: 'year years yr yrs año años anos ans an année années annee annees jahr jahre jahren jahres jährige jährigen jähriger jährig anni anno عام عاما أعوام سنة سنوات سنين عامًا',
  month: 'month months mes meses mois monat monate monaten monats شهر أشهر شهور شهرا',
  decade:
    'decade decades década décadas decenio decenios décennie décennies decennie jahrzehnt jahrzehnte jahrzehnten عقد عقود',
  week: 'week weeks semana semanas semaine semaines woche wochen أسبوع أسابيع',
  day: 'day days día días dia dias jour jours journée tag tage tagen يوم أيام يوما',
  hour: 'hour hours hrs hora horas heure heures stunde stunden ساعة ساعات',
  minute: 'minute minutes min mins minuto minutos minuten دقيقة دقائق',
  people: 'people persons personas personnes menschen personen persone pessoas أشخاص شخص شخصا',
  dead: 'dead killed deaths fatalities muertos muertas fallecidos víctimas mortales morts tués décès tote toten todesopfer قتلى قتيلا قتيل وفاة وفيات',
  injured:
    'injured wounded injuries heridos heridas lesionados blessés blessées verletzte verletzten verletzt جرحى جريحا مصابا مصابين إصابة إصابات',
  km: 'km kilometre kilometres kilometer kilometers kilómetro kilómetros kilomètre kilomètres kilometern كيلومتر كيلومترا كيلومترات كم',
  mile: 'mile miles mi milla millas mille milles meile meilen ميل أميال ميلا',
  m: 'metre metres meter meters metro metros mètre mètres metern متر مترا أمتار',
  ft: 'foot feet ft pie pies pied pieds fuß fuss قدم أقدام',
  inch: 'inch inches pulgada pulgadas pouce pouces zoll بوصة',
  kg: 'kg kilo kilos kilogram kilograms kilogramme kilogrammes kilogramo kilogramos kilogramm kilogramm كيلوغرام كيلوجرام كغ كلغ',
  tonne: 'tonne tonnes ton tons tonelada toneladas tonnen tonne طن أطنان',
  gallon: 'gallon gallons galón galones gallon gallone',
  acre: 'acre acres',
  ha: 'hectare hectares hectárea hectáreas hektar ha هكتار',
  litre: 'litre litres liter liters litro litros لتر',
  mph: 'mph',
  kmh: 'km/h kmh',
  degF: '°f fahrenheit',
  degC: '°c celsius',
  times: 'times veces fois mal مرة مرات',
};

/** Units a translator may legitimately convert, with the factor to the metric class. */
export const CONVERSIONS: Readonly<Record<string, readonly [string, number]>> = {
  mile: ['km', 1.609344],
  mph: ['kmh', 1.609344],
  ft: ['m', 0.3048],
  inch: ['cm', 2.54],
  pound: ['kg', 0.45359237],
  gallon: ['litre', 3.785411784],
  acre: ['ha', 0.40468564],
};

export const CURRENCIES = new Set(['usd', 'eur', 'gbp', 'pound']);

let table: Map<string, string> | undefined;

function lookup(): Map<string, string> {
  if (!table) {
    table = new Map();
    for (const [cls, words] of Object.entries(CLASSES))
      for (const w of words.split(' ')) table.set(foldArabic(w.toLowerCase()), cls);
  }
  return table;
}

/** The unit class of a word or symbol ("dólares" → usd), or undefined. Arabic proclitics are tried off. */
export function unitClass(word: string): string | undefined {
  const key = foldArabic(word.toLowerCase());
  const t = lookup();
  const direct = t.get(key);
  if (direct !== undefined || !/^[\u0600-\u06FF]/u.test(key)) return direct;
  for (const pre of ['ال', 'بال', 'وال', 'لل', 'و', 'ب', 'ل'])
    if (key.startsWith(pre) && t.has(key.slice(pre.length))) return t.get(key.slice(pre.length));
  return undefined;
}

/** Whether a unit class is one translators convert (miles, °F, pounds, currencies). */
export function isConvertible(cls: string | undefined): boolean {
  return cls !== undefined && (cls in CONVERSIONS || cls === 'degF' || CURRENCIES.has(cls));
}
