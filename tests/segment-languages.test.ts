import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinLines, segment } from '../src/segment/segmenter.js';
import { rulesFor } from '../src/segment/languages.js';
import { CLI, ROOT } from './helpers.js';

interface LabelledSet {
  lang: string;
  cases: Array<{ class: string; text: string; sentences: string[] }>;
}

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'segment');
const sets = (): LabelledSet[] =>
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as LabelledSet);
const bare = (s: string): string => s.replace(/\s+/gu, '');
const same = (got: string[], want: string[]): boolean =>
  JSON.stringify(got.map(bare).filter(Boolean)) === JSON.stringify(want.map(bare));
const intl = (text: string, lang: string): string[] =>
  [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => s.segment);

describe('terminators: Unicode Sentence_Terminal, per script', () => {
  it('ends sentences at the full stops of other scripts', () => {
    expect(segment('वह कल दिल्ली गया। आज वापस आएगा।', 'hi')).toEqual(['वह कल दिल्ली गया।', 'आज वापस आएगा।']);
    expect(segment('धर्मो रक्षति रक्षितः॥ यह प्रसिद्ध है।', 'hi')).toHaveLength(2);
    expect(segment('Նա երեկ եկավ։ Այսօր կգնա։', 'hy')).toEqual(['Նա երեկ եկավ։', 'Այսօր կգնա։']);
    expect(segment('ሰላም ነው። እንዴት ነህ፧ ደህና ነኝ።', 'am')).toHaveLength(3);
    expect(segment('မင်္ဂလာပါ။ နေကောင်းလား။', 'my')).toHaveLength(2);
    expect(segment('یہ کتاب ہے۔ وہ قلم ہے۔', 'ur')).toHaveLength(2);
    expect(segment('هل وصلت؟ نعم، وصلت.', 'ar')).toEqual(['هل وصلت؟', 'نعم، وصلت.']);
    expect(segment('今日は晴れです。明日は雨！本当？', 'ja')).toEqual(['今日は晴れです。', '明日は雨！', '本当？']);
  });

  it('reads ";" as the Greek question mark, and ":" as the Armenian full stop typed on a Latin keyboard', () => {
    expect(segment('Τι ώρα είναι; Είναι ήδη αργά.', 'el')).toEqual(['Τι ώρα είναι;', 'Είναι ήδη αργά.']);
    expect(segment('Ήρθε αργά· όλοι είχαν φύγει.', 'el')).toHaveLength(1); // the ano teleia is a semicolon
    expect(segment('It failed; nobody knew why.', 'en')).toHaveLength(1);
    expect(segment('Նա եկավ: Հետո գնաց:', 'hy')).toEqual(['Նա եկավ:', 'Հետո գնաց:']);
    expect(segment('Ժամը 10:30-ին սկսվեց։', 'hy')).toHaveLength(1);
  });

  it('does not end at marks that look like terminators: Armenian ՞ ՜ and the ․ mijaket, Myanmar ၊', () => {
    expect(segment('Ո՞ւր ես գնում։ Բարև՜ ձեզ։', 'hy')).toEqual(['Ո՞ւր ես գնում։', 'Բարև՜ ձեզ։']);
    expect(segment('Նա ասաց․ «Վաղը կգամ»։', 'hy')).toHaveLength(1);
    expect(segment('ထမင်းစား၊ ရေသောက်။', 'my')).toHaveLength(1);
  });

  it('a language without rules of its own takes its script defaults', () => {
    expect(rulesFor('mr').spaceless).toBe(false);
    expect(rulesFor('yue').spaceless).toBe(true);
    expect(segment('तो घरी गेला। ती शाळेत आली।', 'mr')).toHaveLength(2);
    expect(segment('佢話：「我聽日嚟。你呢？」我冇答。', 'yue')).toEqual(['佢話：「我聽日嚟。你呢？」', '我冇答。']);
    expect(segment('Ի՞նչ է սա։ Գիրք է։', 'hy-AM')).toHaveLength(2);
    expect(segment('Αυτό είναι; Ναι.', 'el-CY')).toHaveLength(2);
  });
});

describe('abbreviations per language, as data', () => {
  it('titles before a name never end a sentence', () => {
    expect(segment('Dr. Müller und Prof. Schmidt kommen. Sie bringen Akten.', 'de')).toHaveLength(2);
    expect(segment('El Sr. Gómez y la Dra. Ruiz llegaron. Luego se fueron.', 'es')).toHaveLength(2);
    expect(segment('M. Dupont a reçu Mme Martin. Elle est repartie.', 'fr')).toHaveLength(2);
    expect(segment("L'Avv. Verdi ha depositato il ricorso. Il giudice decide.", 'it')).toHaveLength(2);
    expect(segment('Проф. Иванов выступил. Зал аплодировал.', 'ru')).toHaveLength(2);
    expect(segment('Ο κ. Παπαδόπουλος έφτασε. Η συνεδρίαση άρχισε.', 'el')).toHaveLength(2);
    expect(segment('التقى د. أحمد بالوزير أمس. وناقشا الخطة.', 'ar')).toHaveLength(2);
    expect(segment('डॉ. शर्मा ने मरीज़ को देखा। उन्होंने दवा लिखी।', 'hi')).toHaveLength(2);
    expect(segment('Պրն. Պետրոսյանը ժամանեց։ Նիստը սկսվեց։', 'hy')).toEqual([
      'Պրն. Պետրոսյանը ժամանեց։',
      'Նիստը սկսվեց։',
    ]);
    expect(segment('Mr. Smithは東京に来た。彼は喜んだ。', 'ja')).toEqual(['Mr. Smithは東京に来た。', '彼は喜んだ。']);
  });

  it('abbreviations before a number hold, and the same word ends a sentence when no number follows', () => {
    expect(segment('Siehe Nr. 7 und S. 12 der Broschüre. Dort steht alles.', 'de')).toHaveLength(2);
    expect(segment('Vedi pag. 34 e cap. 5. Lì trovi tutto.', 'it')).toHaveLength(2);
    expect(segment('El art. 14 de la Constitución lo dice. Nadie lo discute.', 'es')).toHaveLength(2);
    expect(segment('Voir p. 12 et chap. 3 pour les détails. Le reste suit.', 'fr')).toHaveLength(2);
    expect(segment('См. рис. 3 на стр. 15. Там всё показано.', 'ru')).toHaveLength(2);
    expect(segment('Δείτε σελ. 45 για λεπτομέρειες. Εκεί είναι όλα.', 'el')).toHaveLength(2);
    expect(segment('इसकी कीमत रु. 1,25,000 है। यह महँगा है।', 'hi')).toHaveLength(2);
  });

  it('units and eras after a number may end a sentence; before a lower-case word they do not', () => {
    expect(segment('Работа завершилась в 2021 г. Отчёт опубликуют позже.', 'ru')).toHaveLength(2);
    expect(segment('Он родился в 1990 г. в Москве. Потом переехал.', 'ru')).toHaveLength(2);
    expect(segment('Встреча в г. Москва прошла хорошо.', 'ru')).toHaveLength(1); // "г." before a name: a title
    expect(segment('ولد الشاعر عام 1950 م. وتوفي عام 2010 م.', 'ar')).toHaveLength(2);
    expect(segment('2023 թ. Երևանում բացվեց թանգարան։ Այն մեծ է։', 'hy')).toHaveLength(2); // "." abbreviates
    expect(segment('Das Unternehmen machte 4,5 Mio. Euro Gewinn. Die Aktionäre freuen sich.', 'de')).toHaveLength(2);
    expect(segment('Der Verlust betrug 4,5 Mio. Das war zu erwarten.', 'de')).toHaveLength(2);
  });

  it('abbreviations that may end a sentence end it when a new sentence visibly starts', () => {
    expect(segment('Wir brauchen Mehl, Eier usw. Den Rest kaufen wir morgen.', 'de')).toHaveLength(2);
    expect(segment('Wir brauchen Mehl, Eier usw. Zucker haben wir.', 'de')).toHaveLength(1); // German nouns
    expect(segment('Мы купили хлеб, сыр и т. д. Потом пошли домой.', 'ru')).toHaveLength(2);
    expect(segment('Abbiamo comprato pane, latte ecc. Poi siamo tornati.', 'it')).toHaveLength(2);
    expect(segment('Αγοράσαμε ψωμί, τυρί κ.λπ. Μετά γυρίσαμε.', 'el')).toHaveLength(2);
    expect(segment('César conquit la Gaule en 50 av. J.-C. Il rentra à Rome.', 'fr')).toEqual([
      'César conquit la Gaule en 50 av. J.-C.',
      'Il rentra à Rome.',
    ]);
  });

  it('Dutch and Swedish lists: titles, months before a year, abbreviations that may end', () => {
    expect(segment('Dhr. Jansen kwam om 10 uur. Het was o.a. leuk, enz. Daarna ging hij.', 'nl')).toEqual([
      'Dhr. Jansen kwam om 10 uur.',
      'Het was o.a. leuk, enz.',
      'Daarna ging hij.',
    ]);
    expect(segment('Mötet hölls den 3 okt. 2023. Det var bra.', 'sv')).toEqual([
      'Mötet hölls den 3 okt. 2023.',
      'Det var bra.',
    ]);
  });

  it('a period inside a multi-word abbreviation never ends a sentence', () => {
    expect(segment('Er hat z. B. Äpfel gekauft. Das reicht.', 'de')).toHaveLength(2);
    expect(segment('La delegación de EE. UU. llegó ayer. El resto viene hoy.', 'es')).toHaveLength(2);
    expect(segment('Город основан в V в. до н. э. Его история богата.', 'ru')).toHaveLength(2);
    expect(segment('La sesión acaba a las 2 p. m. Habrá café.', 'es')).toHaveLength(2);
  });

  it("CLDR's suppressions apply, except where they are ordinary words of the language", () => {
    expect(segment('Die Firma Gebr. Schmidt baut Häuser.', 'de')).toHaveLength(1); // only CLDR lists "Gebr."
    expect(segment('Il regarde la mer. Puis il rentre.', 'fr')).toHaveLength(2); // "mer." (mercredi) is the sea
    expect(segment('Wir machen einen Test. Danach gibt es Ferien.', 'de')).toHaveLength(2);
    expect(segment('Se bañó en el mar. Luego comió.', 'es')).toHaveLength(2);
    expect(segment('Das ist so. Aber warum?', 'de')).toHaveLength(2); // CLDR "So." (Sonntag) keeps its capital
  });

  it('an entry with a capital inside matches only as written: Greek π.Χ. (BC) is not π.χ. (e.g.)', () => {
    expect(segment('Ο Περικλής πέθανε το 429 π.Χ. Η Αθήνα θρήνησε.', 'el')).toHaveLength(2);
    expect(segment('Πολλοί, π.χ. Καζαντζάκης και Σεφέρης, έγραψαν. Λίγοι διαβάζονται.', 'el')).toHaveLength(2);
  });

  it('initials stay with the name, in scripts with and without capitals', () => {
    expect(segment('Поэма написана А. С. Пушкиным. Она стала классикой.', 'ru')).toHaveLength(2);
    expect(segment('Le roman de J. M. G. Le Clézio a été primé. Il est traduit.', 'fr')).toHaveLength(2);
    expect(segment('Ο Γ. Σεφέρης τιμήθηκε. Ήταν ποιητής.', 'el')).toHaveLength(2);
    expect(segment('ए. पी. जे. अब्दुल कलाम राष्ट्रपति थे। वे वैज्ञानिक थे।', 'hi')).toHaveLength(2);
    expect(segment('मैं घर जा रहा हूँ. तुम भी चलो.', 'hi')).toHaveLength(2);
  });
});

describe('ordinals and dates with a period', () => {
  it('keeps German ordinals and dotted dates inside the sentence', () => {
    expect(segment('Am 3. Oktober feiern wir. Viele haben frei.', 'de')).toHaveLength(2);
    expect(segment('Der 2. Weltkrieg endete 1945. Danach kam der Wiederaufbau.', 'de')).toHaveLength(2);
    expect(segment('Die Frist läuft vom 1. 12. 2023 bis zum 31. 1. 2024. Danach nicht.', 'de')).toHaveLength(2);
    expect(segment('Termin: 1. 12. 2023 kl. 10. Vi ses der.', 'da')).toHaveLength(2);
    expect(segment('Spotkanie odbyło się 1. 12. 2023 w Krakowie. Było udane.', 'pl')).toHaveLength(2);
    expect(segment('Schůze se konala 3. května. Byla dlouhá.', 'cs')).toHaveLength(2);
    expect(segment('Sie wurden 3. Die anderen wurden Vierte.', 'de')).toHaveLength(2); // a starter follows
  });

  it('reads "7. und 8." in German prose as ordinals, not as a numbered list', () => {
    expect(segment('Forsa hat am 7. und 8. November Menschen befragt.', 'de')).toHaveLength(1);
    expect(segment('Schritte:\n1. Öffnen\n2. Speichern', 'de')).toEqual(['Schritte:', '1. Öffnen', '2. Speichern']);
  });
});

describe('decimal and thousand separators of each locale', () => {
  it('does not break inside numbers', () => {
    expect(segment('Der Eintritt kostet 1.250,50 Euro. Bitte zahlen Sie bar.', 'de')).toHaveLength(2);
    expect(segment("Le chiffre atteint 1\u202f234,5 millions. C'est un record.", 'fr')).toHaveLength(2);
    expect(segment('ارتفع السعر إلى ١٢٫٥ دولاراً. وتوقع الخبراء المزيد.', 'ar')).toHaveLength(2);
    expect(segment('株価は３．５％上昇した。投資家は安心した。', 'ja')).toHaveLength(2);
    expect(segment('今年经济增长了5.2%。这是好消息。', 'zh')).toHaveLength(2);
    expect(segment('Η συνάντηση είναι στις 10.30 το πρωί. Μην αργήσετε.', 'el')).toHaveLength(2);
  });
});

describe("each language's quotation marks", () => {
  it('a closing mark after the terminator belongs to the sentence, and a reporting clause continues it', () => {
    expect(segment('„Kommst du morgen?“, fragte sie. Er nickte.', 'de')).toEqual([
      '„Kommst du morgen?“, fragte sie.',
      'Er nickte.',
    ]);
    expect(segment('»Frag doch Anna.« Dann ging er.', 'de')).toEqual(['»Frag doch Anna.«', 'Dann ging er.']);
    expect(segment('« Tu viens ce soir ? » demanda-t-elle. Je me tus.', 'fr')).toEqual([
      '« Tu viens ce soir ? » demanda-t-elle.',
      'Je me tus.',
    ]);
    expect(segment("« C'est fini. » Puis il est parti.", 'fr')).toEqual(["« C'est fini. »", 'Puis il est parti.']);
    expect(segment('«Ты придёшь?» — спросила она. Я кивнул.', 'ru')).toHaveLength(2);
    expect(segment('— Привет! — сказал он. — Как дела?', 'ru')).toEqual(['— Привет! — сказал он.', '— Как дела?']);
    expect(segment('—¿Dónde estabas? —preguntó su madre. —En casa.', 'es')).toHaveLength(2);
  });

  it('the terminator may stand outside the closing mark', () => {
    expect(segment('Il a dit : « Je pars demain ». Personne ne l’a cru.', 'fr')).toHaveLength(2);
    expect(segment('Disse: «Non lo so». Poi se ne andò.', 'it')).toHaveLength(2);
    expect(segment('Er sagte „ja“. Dann ging er.', 'de')).toHaveLength(2);
  });

  it('Japanese 「」 and Chinese “” 《》 hold their sentences; a particle after 」 continues the sentence', () => {
    expect(segment('「はい。わかりました。」と答えた。', 'ja')).toHaveLength(1);
    expect(segment('「明日は休みです。」と彼は言った。それから帰った。', 'ja')).toHaveLength(2);
    expect(segment('「行こう。」そう言って歩き出した。', 'ja')).toEqual(['「行こう。」', 'そう言って歩き出した。']);
    expect(segment('她最喜欢的书是《你好！旧时光》。我也读过。', 'zh')).toHaveLength(2);
    expect(segment('老师说：“明天考试。大家好好复习！”同学们都很紧张。', 'zh')).toEqual([
      '老师说：“明天考试。大家好好复习！”',
      '同学们都很紧张。',
    ]);
    expect(segment('他说：“我明天来。', 'zh')).toHaveLength(1); // an unclosed mark holds nothing to break
    expect(segment('「未完。次の文。', 'ja')).toHaveLength(2);
  });

  it('a closing mark left alone after a space joins the sentence before it', () => {
    expect(segment('Il écrit : "Ersatz, partout ersatz. "', 'fr')).toHaveLength(1);
  });
});

describe('line breaks', () => {
  it('inside CJK prose a line break is no boundary, and the joined sentence gets no space', () => {
    const ja = segment('政府は新しい経済政策を\n発表した。市場は好感した。', 'ja');
    expect(ja).toEqual(['政府は新しい経済政策を\n発表した。', '市場は好感した。']);
    expect(joinLines(ja[0]!)).toBe('政府は新しい経済政策を発表した。');
    expect(segment('国务院今天发布了新的\n经济刺激计划。市场反应积极。', 'zh')).toHaveLength(2);
  });

  it('hard-wrapped prose goes on; headlines and list lines stay apart', () => {
    expect(segment('The minister said on\nMonday that talks would go on.', 'en')).toHaveLength(2); // capital: ambiguous
    expect(segment('It was a cold \nnight in the city.', 'en')).toEqual(['It was a cold \nnight in the city.']);
    expect(segment('Die Regierung hat ein neues\nGesetz beschlossen. Es gilt ab Mai.', 'de')).toHaveLength(2);
    expect(segment('Neues Gesetz beschlossen\nDie Regierung hat entschieden.', 'de')).toHaveLength(2);
    expect(segment('أعلنت الحكومة عن خطة جديدة\nلدعم الشباب. وستبدأ قريباً.', 'ar')).toHaveLength(2);
    expect(segment('features\ncontact manager\nevents, activities\n', 'en')).toHaveLength(3);
    expect(segment('First paragraph without end\n\nsecond one.', 'en')).toHaveLength(2);
  });

  it('the format may say what a line break is', () => {
    const text = 'Apples\npears and plums.';
    expect(segment(text, 'en', { lineBreaks: 'sentence' })).toHaveLength(2);
    expect(segment(text, 'en', { lineBreaks: 'space' })).toHaveLength(1);
    expect(segment(text, 'en')).toHaveLength(1);
  });
});

describe('the labelled sets of tests/fixtures/segment', () => {
  it('hold at least 10 hard cases in each of the 11 languages', () => {
    const langs = sets().map((s) => s.lang);
    expect(langs.sort()).toEqual(['ar', 'de', 'el', 'es', 'fr', 'hi', 'hy', 'it', 'ja', 'ru', 'zh']);
    for (const s of sets()) {
      expect(s.cases.length, s.lang).toBeGreaterThanOrEqual(10);
      for (const c of s.cases) expect(bare(c.sentences.join('')), c.text).toBe(bare(c.text));
    }
  });

  // (sentencex, the other comparison, is the benchmark's: `npm run bench:segment` with it installed)
  it('locflow passes them all and beats Intl.Segmenter in every language', () => {
    for (const { lang, cases } of sets()) {
      const score = (run: (text: string) => string[]): number =>
        cases.filter((c) => same(run(c.text), c.sentences)).length;
      const ours = score((t) => segment(t, lang));
      expect(ours, lang).toBe(cases.length);
      expect(ours, lang).toBeGreaterThan(score((t) => intl(t, lang)));
    }
  });

  it('`locflow segment --lang` cuts them the same way', () => {
    expect(existsSync(CLI)).toBe(true);
    for (const lang of ['de', 'ja']) {
      const { cases } = sets().find((s) => s.lang === lang)!;
      const text = cases.map((c) => c.text).join('\n\n');
      const r = spawnSync(process.execPath, [CLI, 'segment', '--lang', lang], { input: text, encoding: 'utf8' });
      expect(r.status).toBe(0);
      const want = cases.flatMap((c) => c.sentences.map(joinLines));
      expect(r.stdout.trim().split('\n'), lang).toEqual(want);
      if (lang === 'ja') expect(r.stdout).toContain('政府は新しい経済政策を発表した。');
    }
  });
});

describe('the vendored CLDR data', () => {
  it('comes with the Unicode licence and a note of where it comes from', () => {
    const data = JSON.parse(
      readFileSync(join(ROOT, 'src', 'segment', 'data', 'cldr-sentence-breaks.json'), 'utf8'),
    ) as {
      source: string;
      languages: Record<string, { suppressions?: string[] }>;
    };
    expect(data.source).toMatch(/cldr-segments-full \d+\.\d+\.\d+/u);
    expect(data.languages.de?.suppressions).toContain('Gebr.');
    expect(readFileSync(join(ROOT, 'src', 'segment', 'data', 'LICENSE-Unicode.txt'), 'utf8')).toContain(
      'UNICODE LICENSE V3',
    );
    expect(existsSync(join(ROOT, 'scripts', 'cldr-sentence-breaks.mjs'))).toBe(true);
  });
});
