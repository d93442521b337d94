/**
 * Numbers written as words, per language: cardinals of any size ("twenty-five", "veinticinco",
 * "quatre-vingt-dix", "fünfundzwanzig", "خمسة وعشرون"), ordinals ("third", "tercera", "troisième",
 * "dritte", "الثالث") and the indefinite articles that look like "one" (un/une/ein) but are not it.
 */

/** How a word takes part in a spelled number. */
export type WordRole =
  | { readonly role: 'unit'; readonly value: number } // added to the running value (1..99, "doscientos")
  | { readonly role: 'hundred' } // multiplies what is before it by 100 ("two hundred"), or is 100 alone
  | { readonly role: 'thousand' } // closes a group ("two thousand"), or is 1000 alone
  | { readonly role: 'ordinal'; readonly value: number }
  | { readonly role: 'article' } // un/une/ein: "one" only when the other side spelled "one"
  | { readonly role: 'and' }; // connector inside a number ("treinta y nueve", "vingt et un")

type Lexicon = ReadonlyMap<string, WordRole>;

const unit = (value: number): WordRole => ({ role: 'unit', value });
const ord = (value: number): WordRole => ({ role: 'ordinal', value });

function add(map: Map<string, WordRole>, words: string, role: (i: number) => WordRole, start = 0): void {
  words.split(' ').forEach((alts, i) => {
    for (const w of alts.split('|')) if (w) map.set(w, role(i + start));
  });
}

function build(lang: string): Map<string, WordRole> {
  const m = new Map<string, WordRole>();
  const tens = (words: string): void => add(m, words, (i) => unit((i + 2) * 10));
  switch (lang) {
    case 'en':
      add(
        m,
        'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
        unit,
      );
      tens('twenty thirty forty fifty sixty seventy eighty ninety');
      m.set('hundred', { role: 'hundred' })
        .set('thousand', { role: 'thousand' })
        .set('and', { role: 'and' })
        .set('dozen', unit(12))
        .set('dozens', unit(12));
      add(
        m,
        'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth',
        ord,
        1,
      );
      break;
    case 'es':
      add(
        m,
        'cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis|dieciseis diecisiete dieciocho diecinueve veinte',
        unit,
      );
      add(
        m,
        'veintiuno|veintiún|veintiun|veintiuna veintidós|veintidos veintitrés|veintitres veinticuatro veinticinco veintiséis|veintiseis veintisiete veintiocho veintinueve',
        unit,
        21,
      );
      tens('_ treinta cuarenta cincuenta sesenta setenta ochenta noventa');
      m.delete('_');
      m.set('cien', unit(100))
        .set('ciento', { role: 'hundred' })
        .set('mil', { role: 'thousand' })
        .set('y', { role: 'and' })
        .set('docena', unit(12));
      add(
        m,
        'doscientos|doscientas trescientos|trescientas cuatrocientos|cuatrocientas quinientos|quinientas seiscientos|seiscientas setecientos|setecientas ochocientos|ochocientas novecientos|novecientas',
        (i) => unit((i + 2) * 100),
      );
      m.set('un', { role: 'article' }).set('una', { role: 'article' });
      // approximate counts: "una decena" (about ten)
      for (const [w, v] of [
        ['docenas', 12],
        ['decena', 10],
        ['decenas', 10],
        ['quincena', 15],
        ['veintena', 20],
        ['veintenas', 20],
        ['treintena', 30],
        ['cuarentena', 40],
        ['cincuentena', 50],
        ['centenar', 100],
        ['centenares', 100],
      ] as const)
        m.set(w, unit(v));
      add(
        m,
        'primero|primera|primer|primeros|primeras segundo|segunda|segundos|segundas tercero|tercera|tercer|terceros|terceras cuarto|cuarta quinto|quinta sexto|sexta séptimo|séptima|septimo|septima octavo|octava noveno|novena décimo|décima|decimo|decima',
        ord,
        1,
      );
      break;
    case 'fr':
      add(m, 'zéro|zero _ deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize', unit);
      m.delete('_');
      tens('vingt|vingts trente quarante cinquante soixante septante quatre-vingt|quatre-vingts|huitante nonante');
      m.set('cent', { role: 'hundred' })
        .set('cents', { role: 'hundred' })
        .set('mille', { role: 'thousand' })
        .set('et', { role: 'and' })
        .set('douzaine', unit(12));
      m.set('un', { role: 'article' }).set('une', { role: 'article' });
      // approximate counts: "une dizaine" (about ten), "une trentaine"
      for (const [w, v] of [
        ['douzaines', 12],
        ['dizaines', 10],
        ['vingtaines', 20],
        ['centaines', 100],
        ['dizaine', 10],
        ['quinzaine', 15],
        ['vingtaine', 20],
        ['trentaine', 30],
        ['quarantaine', 40],
        ['cinquantaine', 50],
        ['soixantaine', 60],
        ['centaine', 100],
      ] as const)
        m.set(w, unit(v));
      add(
        m,
        'premier|première|premiers|premières|1er deuxième|second|seconde troisième quatrième cinquième sixième septième huitième neuvième dixième onzième douzième treizième quatorzième quinzième seizième',
        ord,
        1,
      );
      break;
    case 'de':
      add(
        m,
        'null eins|zwo zwei drei vier fünf|fuenf sechs sieben acht neun zehn elf zwölf|zwoelf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn',
        unit,
      );
      m.set('zwo', unit(2));
      tens('zwanzig dreißig|dreissig vierzig fünfzig sechzig siebzig achtzig neunzig');
      m.set('hundert', { role: 'hundred' })
        .set('tausend', { role: 'thousand' })
        .set('dutzend', unit(12))
        .set('dutzende', unit(12))
        .set('dutzenden', unit(12));
      for (const a of ['ein', 'eine', 'einen', 'einem', 'einer', 'eines']) m.set(a, { role: 'article' });
      for (const [stem, v] of [
        ['erst', 1],
        ['zweit', 2],
        ['dritt', 3],
        ['viert', 4],
        ['fünft', 5],
        ['sechst', 6],
        ['siebt', 7],
        ['acht', 8],
        ['neunt', 9],
        ['zehnt', 10],
        ['elft', 11],
        ['zwölft', 12],
      ] as const) {
        for (const end of ['e', 'en', 'er', 'es', 'em'])
          if (!(stem === 'acht' && end === '')) m.set(stem + end, ord(v));
      }
      break;
    case 'ar':
      // Keys are folded (see foldArabic): no diacritics, one alef, final ى → ي, ة kept.
      add(
        m,
        'صفر واحد|واحدة|احد|احدي اثنان|اثنين|اثنتان|اثنتين|اثني|اثنتي ثلاثة|ثلاث اربعة|اربع خمسة|خمس ستة|ست سبعة|سبع ثمانية|ثماني|ثمان تسعة|تسع عشرة|عشر',
        unit,
      );
      tens('عشرون|عشرين ثلاثون|ثلاثين اربعون|اربعين خمسون|خمسين ستون|ستين سبعون|سبعين ثمانون|ثمانين تسعون|تسعين');
      for (const w of ['مائة', 'مئة', 'مايه', 'ماية']) m.set(w, { role: 'hundred' });
      for (const w of ['مئتان', 'مئتين', 'مائتان', 'مائتين']) m.set(w, unit(200));
      for (const [w, v] of [
        ['ثلاثمائة', 300],
        ['اربعمائة', 400],
        ['خمسمائة', 500],
        ['ستمائة', 600],
        ['سبعمائة', 700],
        ['ثمانمائة', 800],
        ['تسعمائة', 900],
        ['ثلاثمئة', 300],
        ['اربعمئة', 400],
        ['خمسمئة', 500],
        ['ستمئة', 600],
        ['سبعمئة', 700],
        ['ثمانمئة', 800],
        ['تسعمئة', 900],
      ] as const)
        m.set(w, unit(v));
      m.set('ألفان', unit(2000)).set('الفان', unit(2000)).set('الفين', unit(2000));
      add(
        m,
        'الاول|الاولي|اول الثاني|الثانية|ثاني الثالث|الثالثة|ثالث الرابع|الرابعة|رابع الخامس|الخامسة|خامس السادس|السادسة السابع|السابعة الثامن|الثامنة التاسع|التاسعة العاشر|العاشرة',
        ord,
        1,
      );
      break;
    case 'it':
      add(
        m,
        'zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove',
        unit,
      );
      tens('venti trenta quaranta cinquanta sessanta settanta ottanta novanta');
      m.set('cento', { role: 'hundred' })
        .set('mille', { role: 'thousand' })
        .set('mila', { role: 'thousand' })
        .set('un', { role: 'article' })
        .set('una', { role: 'article' });
      add(m, 'primo|prima secondo|seconda terzo|terza quarto|quarta quinto|quinta', ord, 1);
      break;
    case 'pt':
      add(
        m,
        'zero um|uma dois|duas três|tres quatro cinco seis sete oito nove dez onze doze treze catorze|quatorze quinze dezesseis|dezasseis dezessete|dezassete dezoito dezenove|dezanove',
        unit,
      );
      tens('vinte trinta quarenta cinquenta sessenta setenta oitenta noventa');
      m.set('cem', unit(100))
        .set('cento', { role: 'hundred' })
        .set('mil', { role: 'thousand' })
        .set('e', { role: 'and' })
        .set('um', { role: 'article' })
        .set('uma', { role: 'article' });
      add(m, 'primeiro|primeira segundo|segunda terceiro|terceira quarto|quarta quinto|quinta', ord, 1);
      break;
    case 'ca':
      add(
        m,
        'zero u dos|dues tres quatre cinc sis set vuit nou deu onze dotze tretze catorze quinze setze disset divuit dinou',
        unit,
      );
      tens('vint trenta quaranta cinquanta seixanta setanta vuitanta noranta');
      m.set('cent', { role: 'hundred' })
        .set('mil', { role: 'thousand' })
        .set('un', { role: 'article' })
        .set('una', { role: 'article' });
      add(m, 'primer|primera segon|segona tercer|tercera quart|quarta cinquè|cinquena', ord, 1);
      break;
    default:
      return build('en');
  }
  return m;
}

/**
 * Collective and approximate counts ("a dozen", "una cuarentena", "une vingtaine", "Dutzende", "عشرات"):
 * a translator renders them freely ("over a dozen" → "more than ten"), so they are never compared as exact values.
 */
const APPROXIMATE =
  /^(?:dozens?|docenas?|decenas?|quincenas?|veintenas?|treintenas?|cuarentenas?|cincuentenas?|centenar(?:es)?|douzaines?|dizaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|soixantaines?|centaines?|dutzend(?:e|en)?|عشرات|مئات)$/iu;
export function isApproximateCount(text: string): boolean {
  return APPROXIMATE.test(text.trim().replace(/^(?:a|an|una?|une|ein(?:e|en|em|er)?)\s+/iu, ''));
}

const lexicons = new Map<string, Lexicon>();

export function numberWords(lang: string): Lexicon {
  let lex = lexicons.get(lang);
  if (!lex) lexicons.set(lang, (lex = build(lang)));
  return lex;
}

/** Arabic folded for lookups: no diacritics or tatweel, one alef, final yeh. */
export function foldArabic(word: string): string {
  return word
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ى/gu, 'ي');
}

/** The parts a German compound number is split into (splitGermanNumber), longest first where one begins another. */
export const GERMAN_PARTS: readonly string[] = [
  'hundert',
  'tausend',
  'zwanzig',
  'dreißig',
  'dreissig',
  'vierzig',
  'fünfzig',
  'sechzig',
  'siebzig',
  'achtzig',
  'neunzig',
  'dreizehn',
  'vierzehn',
  'fünfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
  'zwölf',
  'zehn',
  'elf',
  'eins',
  'ein',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'und',
];

/** German compounds split into number words ("fünfundzwanzig" → fünf und zwanzig); null if it is not one. */
export function splitGermanNumber(word: string): string[] | null {
  const parts: string[] = [];
  let rest = word;
  while (rest) {
    const p = GERMAN_PARTS.find((x) => rest.startsWith(x));
    if (!p) return null;
    parts.push(p);
    rest = rest.slice(p.length);
  }
  return parts.length > 1 ? parts : null;
}

/**
 * The value of a run of number words (already looked up); null when it does not form a number.
 * "two hundred and five" → 205; "treinta y nueve" → 39; "fünf und zwanzig" → 25; "dos mil" → 2000.
 */
export function combineWords(roles: readonly WordRole[]): number | null {
  let total = 0;
  let current = 0;
  let any = false;
  for (const r of roles) {
    if (r.role === 'unit') {
      current += r.value;
      any = true;
    } else if (r.role === 'hundred') {
      current = (current || 1) * 100;
      any = true;
    } else if (r.role === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
      any = true;
    } else if (r.role === 'and') continue;
    else return null;
  }
  return any ? total + current : null;
}
