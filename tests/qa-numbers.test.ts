import { describe, expect, it } from 'vitest';
import { loadChecks } from '../src/qa/checks/index.js';
import { EMPTY_GLOSSARY } from '../src/qa/glossary.js';
import { runChecks } from '../src/qa/runner.js';
import type { QaPair } from '../src/qa/types.js';
import { findQuantities } from '../src/locale/numbers.js';
import { findCalendarWords } from '../src/locale/months.js';
import { romanValue, standaloneRoman } from '../src/locale/roman.js';

const pair = (source: string, target: string, targetLang = 'es'): QaPair => ({
  id: 'u1',
  source: [source],
  target: [target],
  sourceLang: 'en',
  targetLang,
  file: 'f.txt',
});

async function found(
  source: string,
  target: string,
  lang = 'es',
): Promise<Array<{ message: string; severity: string }>> {
  const { issues } = await runChecks([pair(source, target, lang)], {
    checks: await loadChecks(['numbers']),
    glossary: EMPTY_GLOSSARY,
  });
  return issues.map((i) => ({ message: i.message, severity: i.severity }));
}
const errors = async (s: string, t: string, lang = 'es'): Promise<string[]> =>
  (await found(s, t, lang)).filter((f) => f.severity === 'error').map((f) => f.message);
const warnings = async (s: string, t: string, lang = 'es'): Promise<string[]> =>
  (await found(s, t, lang)).filter((f) => f.severity === 'warning').map((f) => f.message);
const values = (text: string, lang: string): number[] => findQuantities(text, lang).map((q) => q.value);

describe('numbers: normalised values', () => {
  it('attaches magnitude words and abbreviations in every language', async () => {
    expect(values('The deal is worth £4.6bn, or 900m dollars.', 'en')).toEqual([4.6e9, 9e8]);
    expect(values('vale 4.600 millones de libras y 3 mil millones', 'es')).toEqual([4.6e9, 3e9]);
    expect(values('4,6 Milliarden Euro, 2 Mio. Kunden, 7 Mrd.', 'de')).toEqual([4.6e9, 2e6, 7e9]);
    expect(values('4,6 milliards d’euros et 12 Md€', 'fr')).toEqual([4.6e9, 12e9]);
    expect(values('بلغت 4 مليارات دولار', 'ar')).toEqual([4e9]);
    expect(await found('Sales reached £4.6bn.', 'Las ventas alcanzaron 4.600 millones de libras.')).toEqual([]);
    expect(await found('About 2.5 million voters.', 'Environ 2 500 000 électeurs.', 'fr')).toEqual([]);
    expect(await found('It cost $7 billion.', 'Es kostete 7 Milliarden Dollar.', 'de')).toEqual([]);
    expect(await found('It cost $7 billion.', 'Costó 7 mil millones de dólares.')).toEqual([]);
  });

  it('reports a changed magnitude as an error (Spanish billón is 10^12)', async () => {
    expect(await errors('It cost $7 billion.', 'Costó 7 billones de dólares.')).toEqual([
      'magnitude changed: "7 billion" (billion (10⁹)) became "7 billones" (trillion (10¹²)) in the target',
    ]);
    expect((await errors('About 40 million people.', 'Unos 40 mil millones de personas.'))[0]).toMatch(
      /magnitude changed: "40 million"/u,
    );
    expect((await errors('About 40 million people.', 'Etwa 40 Milliarden Menschen.', 'de'))[0]).toMatch(
      /magnitude changed/u,
    );
    expect((await errors('About 40 million people.', 'نحو 40 مليار شخص.', 'ar'))[0]).toMatch(/magnitude changed/u);
    expect((await errors('Losses ran into the millions.', 'Las pérdidas llegaron a miles de millones.'))[0]).toMatch(
      /magnitude changed/u,
    );
  });

  it('reads ordinals, Roman numerals in context and decades', async () => {
    expect(await found('A church from the 14th century.', 'Una iglesia del siglo XIV.')).toEqual([]);
    expect(await found('A church from the 14th century.', 'Une église du XIVe siècle.', 'fr')).toEqual([]);
    expect(await found('He finished 3rd in the race.', 'Terminó tercero en la carrera.')).toEqual([]);
    expect(await found('He finished 3rd in the race.', 'Er wurde 3. im Rennen.', 'de')).toEqual([]);
    expect(await found('Music of the 1980s.', 'Música de los 80.')).toEqual([]);
    expect(await found('Music of the 1980s.', 'Musik der 1980er.', 'de')).toEqual([]);
    expect(await found('Music of the 1980s.', 'Musik der achtziger Jahre.', 'de')).toEqual([]);
    expect(await found('Music of the 1980s.', 'موسيقى الثمانينيات.', 'ar')).toEqual([]);
    expect(standaloneRoman('I')).toBeNull();
    expect(standaloneRoman('MIX')).toBeNull();
    expect(romanValue('XXI')).toBe(21);
    expect(values('I saw the MIX tape.', 'en')).toEqual([]);
  });

  it('reads every clock style', async () => {
    expect(await found('The meeting starts at 4 p.m.', 'La réunion commence à 16 h.', 'fr')).toEqual([]);
    expect(await found('The meeting starts at 4:30 p.m.', 'La reunión empieza a las 16:30.')).toEqual([]);
    expect(await found('The meeting starts at 4:30 p.m.', 'Die Sitzung beginnt um 16.30 Uhr.', 'de')).toEqual([]);
    expect(await found('The meeting starts at 4:30 p.m.', 'La réunion commence à 16h30.', 'fr')).toEqual([]);
    expect(await found('The meeting starts at 4 p.m.', 'La reunión empieza a las 4 de la tarde.')).toEqual([]);
    expect(await errors('The meeting starts at 4 p.m.', 'La reunión empieza a las 17 horas.')).toEqual([
      'number(s) missing from the target: 4 p.m. (16:00)',
    ]);
  });

  it('compares spelled-out numbers on both sides, above twelve too', async () => {
    expect(await found('Twenty-five miners were rescued.', 'Fueron rescatados veinticinco mineros.')).toEqual([]);
    expect(await found('Twenty-five miners were rescued.', 'Fünfundzwanzig Bergleute wurden gerettet.', 'de')).toEqual(
      [],
    );
    expect(await found('Twenty-five miners were rescued.', 'Vingt-cinq mineurs ont été sauvés.', 'fr')).toEqual([]);
    expect(await found('Ninety-two miners were rescued.', 'Quatre-vingt-douze mineurs ont été sauvés.', 'fr')).toEqual(
      [],
    );
    expect(await found('There were 25 miners.', 'Había veinticinco mineros.')).toEqual([]);
    expect(await found('Twenty miners were rescued.', 'تم إنقاذ عشرين عاملا.', 'ar')).toEqual([]);
    expect(await errors('Nine miners were rescued.', 'Fueron rescatados siete mineros.')).toEqual([
      '"Nine" (9) became "siete" (7) in the target',
    ]);
    expect(await errors('Nine miners were rescued.', 'Fueron rescatados 7 mineros.')).toEqual([
      '"Nine" (9) became "7" (7) in the target',
    ]);
  });

  it('never takes an article for the number 1', async () => {
    expect(await errors('Only 1 player scored.', 'Solo un jugador marcó.')).toEqual([
      'number(s) missing from the target: 1',
    ]);
    expect(await errors('Only 1 player scored.', 'Seul un joueur a marqué.', 'fr')).toEqual([
      'number(s) missing from the target: 1',
    ]);
    expect(await found('Only one player scored.', 'Solo un jugador marcó.')).toEqual([]);
    expect(await found('Only one player scored.', 'Nur ein Spieler traf.', 'de')).toEqual([]);
  });

  it('reads space and apostrophe grouping in every locale, and ambiguous separators by the source text', async () => {
    expect(await found('It has 17,500 seats.', 'Tiene 17 500 asientos.')).toEqual([]);
    expect(await found('It has 17,500 seats.', 'Es hat 17\u202f500 Sitze.', 'de')).toEqual([]);
    expect(await found('It has 17,500 seats.', "Es hat 17'500 Sitze.", 'de')).toEqual([]);
    // an English source that writes "2,5 million" can only mean 2.5 million
    expect(await found('Some 2,5 million visitors came.', 'Vinieron unos 2,5 millones de visitantes.')).toEqual([]);
    // a source that writes "1.234.567" groups with dots, so its "4.500" is 4500
    expect(
      await found('The budget rose from 1.234.567 to 4.500 pesos.', 'El presupuesto pasó de 1.234.567 a 4.500 pesos.'),
    ).toEqual([]);
    expect(await found('It has 2.5 seats.', 'Tiene 2.5 asientos.')).toEqual([
      { message: '"2.5" is written in the source\'s number format, not es\'s', severity: 'warning' },
    ]);
  });

  it('compares alphanumeric codes verbatim', async () => {
    expect(await found('The F-16 and the A380 flew over the M25.', 'El F-16 y el A380 sobrevolaron la M25.')).toEqual(
      [],
    );
    expect(await errors('The F-16 flew over.', 'El F-18 sobrevoló.')).toEqual([
      'code "F-16" is changed in the target: "F-18"',
    ]);
    expect(await errors('See page p214.', 'Véase la página.')).toEqual(['code "p214" is missing from the target']);
    expect(await found('The G7 met.', 'اجتمعت مجموعة السبع G7.', 'ar')).toEqual([]);
    expect(await found('The ACE2 receptor.', 'مستقبل الإنزيم المحول 2.', 'ar')).toEqual([]);
  });

  it('takes converted units and currencies and rounding as warnings', async () => {
    expect(await warnings('The road is 20 miles long.', 'La carretera mide 32 kilómetros.')).toEqual([
      '"20" appears as "32" in the target: converted to another unit or currency? Check the conversion',
    ]);
    expect(await warnings('It was 86 °F.', 'Hacía 30 °C.')).toHaveLength(1);
    expect(await errors('It was 86 °F.', 'Hacía 30 °C.')).toEqual([]);
    expect(await warnings('It raised 1,234,567 dollars.', 'Recaudó 1,2 millones de dólares.')).toEqual([
      '"1,234,567" appears rounded as "1,2 millones" in the target',
    ]);
  });

  it('reports two numbers swapped between their nouns or units', async () => {
    expect(await errors('Prices rose 4% to $12.', 'Los precios subieron un 12% hasta 4 dólares.')).toEqual([
      'numbers swapped: "4" and "12" traded places in the target',
    ]);
    expect(await errors('3 dead and 10 injured.', '10 muertos y 3 heridos.')).toEqual([
      'numbers swapped: "3" and "10" traded places in the target',
    ]);
    expect(await found('3 dead and 10 injured.', '3 muertos y 10 heridos.')).toEqual([]);
  });
});

describe('numbers: months and weekdays', () => {
  it('compares months wherever they appear, with CLDR and Levantine names', async () => {
    expect(await found('The vote was moved to October.', 'La votación se aplazó a octubre.')).toEqual([]);
    expect(await errors('The vote was moved to October.', 'La votación se aplazó a noviembre.')).toEqual([
      'month October names another month in the target ("noviembre")',
    ]);
    expect(await errors('The vote was moved to October.', 'La votación se aplazó.')).toEqual([
      'month October is missing from the target',
    ]);
    expect(await found('The vote was moved to July.', 'تم تأجيل التصويت إلى تموز.', 'ar')).toEqual([]);
    expect(await found('The vote was moved to January.', 'تم تأجيل التصويت إلى كانون الثاني.', 'ar')).toEqual([]);
    expect(await found('The vote was moved to January.', 'تم تأجيل التصويت إلى يناير.', 'ar')).toEqual([]);
    expect(await errors('The vote was moved to January.', 'تم تأجيل التصويت إلى شباط.', 'ar')).toHaveLength(1);
    expect(await warnings('The vote was moved to October.', 'La votación se aplazó a October.')).toEqual([
      'month October is written in the source language in the target',
    ]);
  });

  it('does not read the modal "may", the verb "march" or "Sun" as dates', async () => {
    expect(findCalendarWords('May I ask? Prices may rise. Workers march on. The Sun rose.', 'en')).toEqual([]);
    expect(findCalendarWords('Theresa May spoke.', 'en')).toEqual([]);
    expect(
      findCalendarWords('It happened in May and on Sun 5 March.', 'en').map((c) => `${c.kind}:${c.value}`),
    ).toEqual(['month:5', 'weekday:0', 'month:3']);
  });

  it('reports a weekday changed, and accepts "Sunday night" as the night to Monday', async () => {
    expect(await errors('They met on Tuesday.', 'Se reunieron el jueves.')).toEqual([
      'weekday Tuesday names another weekday in the target ("jueves")',
    ]);
    expect(
      await found('A fire broke out on Sunday night.', 'In der Nacht zu Montag brach ein Feuer aus.', 'de'),
    ).toEqual([]);
    expect(await found('They met on Tuesday evening.', 'Sie trafen sich am Dienstagabend.', 'de')).toEqual([]);
  });
});

describe('numbers: renderings that are not another value', () => {
  it('treats collective counts (dozen, cuarentena, douzaines, Dutzende) as approximate', async () => {
    expect(await errors('Nearly two dozen shops closed.', 'Cerraron casi dos docenas de tiendas.')).toEqual([]);
    expect(await errors('Some forty boats sank.', 'Se hundieron una cuarentena de barcos.')).toEqual([]);
    expect(await errors('More than a dozen teams applied.', 'تقدم أكثر من اثني عشر فريقًا.', 'ar')).toEqual([]);
    expect(await errors('More than a dozen teams applied.', 'تقدمت عشرات الفرق.', 'ar')).toEqual([]);
    expect(await warnings('More than a dozen teams applied.', 'Se presentaron muchos equipos.')).toHaveLength(1);
    // an exact spelled-out count changed is still an error
    expect(await errors('Nine teams applied.', 'Se presentaron siete equipos.')).toHaveLength(1);
  });

  it('does not take a target "one" or an Arabic dual as the replacement of a spelled-out number', async () => {
    expect(
      await errors('Each patient infects about two others.', 'يمكن للمريض الواحد أن يعدي شخصين آخرين.', 'ar'),
    ).toEqual([]);
    expect(
      await errors(
        'Sales fell in three regions and one shop closed.',
        'Las ventas cayeron en tres regiones y una tienda cerró.',
      ),
    ).toEqual([]);
    expect(
      await errors('Several million voters stayed home.', 'Varios millones de votantes se quedaron en casa.'),
    ).toEqual([]);
  });

  it('keeps the digits of a transliterated code for the code ("HKU-5" → "إتش كيه يو-5")', async () => {
    expect(await errors('Both strains of HKU-5 were sequenced.', 'تم تحديد تسلسل سلالتي إتش كيه يو-5.', 'ar')).toEqual(
      [],
    );
    expect(
      await errors('Both strains of HKU-5 were sequenced.', 'تم تحديد تسلسل سلالتي إتش كيه يو-7.', 'ar'),
    ).toHaveLength(1);
  });

  it('lets "Monday night" be named by the day before, as a warning', async () => {
    expect(await errors('A shop was robbed on Friday night.', 'Una tienda fue asaltada la noche del jueves.')).toEqual(
      [],
    );
    expect(
      await warnings('A shop was robbed on Friday night.', 'Una tienda fue asaltada la noche del jueves.'),
    ).toHaveLength(1);
    expect(
      await errors('A shop was robbed on Friday morning.', 'Una tienda fue asaltada el jueves por la mañana.'),
    ).toHaveLength(1);
  });
});

describe('numbers: stricter readings and swaps', () => {
  it('does not read "6.000" as six in a foreign convention (a changed magnitude stays visible)', async () => {
    expect(findQuantities('6.000', 'es')[0]!.keys).toEqual(['n:6000']);
    expect(
      (await errors('Debts reached $6 billion.', 'Las deudas alcanzaron 6.000 mil millones de dólares.'))[0],
    ).toMatch(/magnitude changed|missing/u);
    expect(await errors('Debts reached $6 billion.', 'Las deudas alcanzaron 6.000 millones de dólares.')).toEqual([]);
  });

  it('accepts a year moved with its clause, but not a year moved into a count', async () => {
    expect(
      await errors(
        'The club sold 30 shirts at the 2019 fair.',
        'Auf der Messe im Jahre 2019 verkaufte der Verein 30 Trikots.',
        'de',
      ),
    ).toEqual([]);
    expect(
      await errors(
        'The club sold 30 shirts at the 2019 fair.',
        'Der Verein verkaufte 2019 Trikots auf der Messe 30.',
        'de',
      ),
    ).toHaveLength(1);
  });

  it('matches a code kept by its last part ("XyZ-AB7" → "AB7"), and reports it changed there', async () => {
    expect(await errors('The strain XyZ-AB7 was found in 12 bats.', 'عُثر على السلالة AB7 في 12 خفاشًا.', 'ar')).toEqual(
      [],
    );
    expect(
      (await errors('The strain XyZ-AB7 was found in 12 bats.', 'عُثر على السلالة AB12 في 7 خفافيش.', 'ar')).length,
    ).toBeGreaterThan(0);
  });
});

describe('numbers: fast paths change no result', () => {
  it('skips texts with no digit, number word, Roman numeral or calendar name, and still reads compounds', () => {
    expect(findQuantities('Nothing to count here.', 'en')).toEqual([]);
    expect(findQuantities('Der Nachtzug fährt ab.', 'de')).toEqual([]);
    expect(values('Dreiundzwanzig Leute kamen, einundzwanzig blieben.', 'de')).toEqual([23, 21]);
    expect(values('Llegaron una cuarentena de barcos en el siglo XV.', 'es')).toEqual([1, 40, 15]);
    expect(findCalendarWords('Sie kamen am Dienstagabend.', 'de').map((c) => c.value)).toEqual([2]);
    expect(findCalendarWords('Il est venu mercredi.', 'fr').map((c) => c.value)).toEqual([3]);
    expect(findCalendarWords('Nobody came.', 'en')).toEqual([]);
  });
});

describe('numbers: years as decades, one with its unit, years never rounded', () => {
  it('reads "N decades/centuries" as years, and fifty years as half a century', async () => {
    expect(await errors('The dam stood for 40 years.', 'La presa resistió durante cuatro décadas.')).toEqual([]);
    expect(await errors('The dam stood for 40 years.', 'Der Damm hielt vier Jahrzehnte lang.', 'de')).toEqual([]);
    expect(await errors('The party ruled for six decades.', 'Le parti a gouverné pendant soixante ans.', 'fr')).toEqual(
      [],
    );
    expect(await errors('Within 50 years the town doubled.', 'En un demi-siècle, la ville a doublé.', 'fr')).toEqual(
      [],
    );
    expect(await errors('The dam stood for 40 years.', 'La presa resistió durante tres décadas.')).toHaveLength(1);
  });

  it('lets an article stand for a source "1" beside the same unit only', async () => {
    expect(await errors('They dug a 1-metre trench.', 'Cavaron una zanja de un metro.')).toEqual([]);
    expect(await errors('They dug a trench in 1 day and 3 hours.', 'Cavaron una zanja en tres horas.')).toHaveLength(1);
  });

  it('never calls a changed year a rounding', async () => {
    expect(await errors('The law passed in 2013.', 'La ley se aprobó en 2010.')).toHaveLength(1);
  });
});

describe('numbers: codes with their digits moved', () => {
  it('reports digits moved inside the same code pattern, accepts the parts written in another order', async () => {
    expect(await errors('The KLM7-R2 line was closed.', 'Se cerró la línea KLM2-R7.')).toHaveLength(1);
    expect(await errors('Results for 3Q were weak.', 'Los resultados del Q3 fueron flojos.')).toEqual([]);
  });
});

describe('numbers: ranges sharing a magnitude word', () => {
  it('reads "4 to 7 billion" as 4 billion to 7 billion', async () => {
    expect(
      await errors('Losses of 4 to 7 billion dollars.', 'Pérdidas de entre 4.000 y 7.000 millones de dólares.'),
    ).toEqual([]);
    expect(
      await errors('Losses of 4 to 7 billion dollars.', 'Pérdidas de entre 5.000 y 7.000 millones de dólares.'),
    ).toHaveLength(1);
  });
});

describe('numbers: the day of a date, and codes that keep their word', () => {
  it('reports a date whose day changed beside the same month, in any order and script', async () => {
    expect(await errors('The vote is on 4 June in Lyon.', 'La votación es el 5 de junio en Lyon.')).toEqual([
      expect.stringMatching(/date "4 June" became "5 de junio"/u),
    ]);
    expect(await errors('Talks resume on March 21st.', 'Die Gespräche beginnen am 12. März wieder.', 'de')).toEqual([
      expect.stringMatching(/another day/u),
    ]);
    expect(
      await errors('The law took effect on 2 April 2019.', 'دخل القانون حيز التنفيذ في ٣ أبريل ٢٠١٩.', 'ar'),
    ).toEqual([expect.stringMatching(/another day/u)]);
    // the same day, a range that keeps the source's day, or a month written without a day: nothing to compare
    expect(await errors('The vote is on 4 June in Lyon.', 'La votación, el 4 de junio, es en Lyon.')).toEqual([]);
    expect(await errors('The fair runs June 4-9.', 'La feria va del 4 al 9 de junio.')).toEqual([]);
    expect(await errors('The vote is on 4 June.', 'La votación es en junio, el día 4.')).toEqual([]);
    // a year or a clock time next to the month is not its day
    expect(
      await errors('In June 2019 at 10:00 the site opened.', 'En junio de 2019, a las 10:00, abrió el sitio.'),
    ).toEqual([]);
  });

  it('reports the numbers of two word-and-number codes traded, also when the codes are transliterated', async () => {
    expect(
      await errors('MERS-CoV and HKU-4 circulate in bats.', 'يدور ميرس-كوف وإتش كيه يو-4 في الخفافيش.', 'ar'),
    ).toEqual([]);
    // moved with their words: not a swap; the numbers traded between the words: a swap
    expect(await errors('Apollo-11 landed before Soyuz-19.', 'سويوز-19 هبطت بعد أبولو-11.', 'ar')).toEqual([]);
    expect(await errors('Apollo-11 landed before Soyuz-19.', 'سويوز-11 هبطت بعد أبولو-19.', 'ar')).toEqual([
      expect.stringMatching(/"Soyuz-19" became "سويوز-11"/u),
      expect.stringMatching(/"Apollo-11" became "أبولو-19"/u),
    ]);
    expect(await errors('Apollo-11 landed before Soyuz-19.', 'أبولو-19 هبطت قبل سويوز-11.', 'ar')).toEqual([
      expect.stringMatching(/numbers swapped/u),
    ]);
  });

  it('reports a day lost beside a month the target keeps, and a code whose letters stay without its digits', async () => {
    expect(await errors('Voting closes on 9 May 2021.', 'يغلق التصويت في مايو 2021.', 'ar')).toEqual([
      expect.stringMatching(/date "9 May" lost its day/u),
    ]);
    expect(await errors('Voting closes on 9 May 2021.', 'يغلق التصويت في 9 مايو 2021.', 'ar')).toEqual([]);
    expect(await errors('The gene kras4 was silenced.', 'تم إسكات الجين kras.', 'ar')).toEqual([
      expect.stringMatching(/code "kras4" lost its digits/u),
    ]);
    // the letters alone are in the source too: they are that word's, not the code's
    expect(await errors('Both KRAS and kras4 were silenced.', 'تم إسكات KRAS والجين 4.', 'ar')).toEqual([]);
  });

  it("takes a glued code missing from an Arabic target as an error where the run's other units keep its digits", async () => {
    const run = (targets: string[]): QaPair[] =>
      targets.map((target, i) => ({
        ...pair(
          [`The TLR4 gene was studied.`, `Mice lacking TLR4 survived.`, `TLR4 binds the ligand.`][i]!,
          target,
          'ar',
        ),
        id: `u${i}`,
      }));
    const found = async (pairs: QaPair[]): Promise<Array<{ unit: string; message: string; severity: string }>> =>
      (await runChecks(pairs, { checks: await loadChecks(['numbers']) })).issues.map((i) => ({
        unit: i.unit,
        message: i.message,
        severity: i.severity,
      }));
    // the two other units write the receptor with its 4: the third lost it
    expect(
      await found(
        run([
          'دُرس جين مستقبل شبيه بالتول 4.',
          'نجت الفئران التي تفتقر إلى مستقبل شبيه بالتول 4.',
          'يرتبط مستقبل شبيه بالتول بالربيطة.',
        ]),
      ),
    ).toEqual([
      {
        unit: 'u2',
        message: 'code "TLR4" is missing from the target, where 2 other units keep its digits',
        severity: 'error',
      },
    ]);
    // alone, or where the run translates it into words, a code lost in another script may have been translated
    expect(
      await found(
        run([
          'دُرس جين مستقبل شبيه بالتول.',
          'نجت الفئران التي تفتقر إلى مستقبل شبيه بالتول.',
          'يرتبط مستقبل شبيه بالتول بالربيطة.',
        ]),
      ),
    ).toEqual(
      ['u0', 'u1', 'u2'].map((unit) => ({
        unit,
        message: 'code "TLR4" is missing from the target',
        severity: 'warning',
      })),
    );
    // said twice, it may be "it" the second time: kept once is kept
    const twice = run(['دُرس جين مستقبل شبيه بالتول 4.', 'نجت الفئران التي تفتقر إلى مستقبل شبيه بالتول 4.', ''])
      .slice(0, 2)
      .concat({
        ...pair(
          'TLR4 binds the ligand, and TLR4 then signals.',
          'يرتبط مستقبل شبيه بالتول 4 بالربيطة ثم يرسل إشارة.',
          'ar',
        ),
        id: 'u2',
      });
    expect((await found(twice)).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("matches a spelled-out target number to the source's spelled-out one, so a lost figure is an error", async () => {
    // "three" and "3" in the source, one "tres" in the target: the figure "3" went
    expect(await errors('Three friends bought the 3D edition.', 'Tres amigos compraron la edición D.')).toEqual([
      'number(s) missing from the target: 3',
    ]);
    expect(await errors('Three friends bought the 3D edition.', 'Tres amigos compraron la edición 3D.')).toEqual([]);
  });

  it('reads a Latin code glued to an Arabic proclitic as the code, and capital letters after digits as a code', async () => {
    expect(await errors('Variants B117 and P381 spread.', 'انتشر المتحوران B117 وP381.', 'ar')).toEqual([]);
    expect(await errors('Variants B117 and P381 spread.', 'انتشر المتحوران B381 وP117.', 'ar')).toHaveLength(2);
    expect(findQuantities('strain 229E and the 63e régiment', 'fr').map((q) => q.kind)).toEqual(['code', 'number']);
  });
});
