// Builds the labelled QA corpus in tests/fixtures/qa/: realistic news sentence pairs en→es/fr/de/ar,
// formatted with each locale's conventions (Intl), then copies with one injected defect each.
// Deterministic (seeded); run `node bench/qa-corpus.mjs` to rebuild the fixture.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LANGS = ['es', 'fr', 'de', 'ar'];

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const rand = rng(7);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

// Names with their renderings; the glossary written beside the corpus approves them.
const PLACES = [
  { en: 'Kirkuk', es: 'Kirkuk', fr: 'Kirkouk', de: 'Kirkuk', ar: 'كركوك' },
  { en: 'Baghdad', es: 'Bagdad', fr: 'Bagdad', de: 'Bagdad', ar: 'بغداد' },
  { en: 'Erbil', es: 'Erbil', fr: 'Erbil', de: 'Erbil', ar: 'أربيل' },
  { en: 'Mosul', es: 'Mosul', fr: 'Mossoul', de: 'Mossul', ar: 'الموصل' },
  { en: 'Damascus', es: 'Damasco', fr: 'Damas', de: 'Damaskus', ar: 'دمشق' },
  { en: 'Beirut', es: 'Beirut', fr: 'Beyrouth', de: 'Beirut', ar: 'بيروت' },
  { en: 'Basra', es: 'Basora', fr: 'Bassora', de: 'Basra', ar: 'البصرة' },
  { en: 'Najaf', es: 'Najaf', fr: 'Nadjaf', de: 'Nadschaf', ar: 'النجف' },
];
const PEOPLE = [
  { en: 'John Kirby', ar: 'جون كيربي' },
  { en: 'Lloyd Austin', ar: 'لويد أوستن' },
  { en: 'Antony Blinken', ar: 'أنتوني بلينكن' },
  { en: 'Volker Türk', ar: 'فولكر تورك' },
];
// Organisations: the form after "according to" (obj) and after "of" (of), per language.
const ORGS = [
  {
    en: 'Central Command',
    es: { obj: 'el Comando Central', of: 'del Comando Central' },
    fr: { obj: 'le Commandement central', of: 'du Commandement central' },
    de: { obj: 'dem Zentralkommando', of: 'des Zentralkommandos' },
    ar: 'القيادة المركزية',
    term: { es: 'Comando Central', fr: 'Commandement central', de: 'Zentralkommando' },
  },
  {
    en: 'the Pentagon',
    es: { obj: 'el Pentágono', of: 'del Pentágono' },
    fr: { obj: 'le Pentagone', of: 'du Pentagone' },
    de: { obj: 'dem Pentagon', of: 'des Pentagons' },
    ar: 'البنتاغون',
    term: { es: 'Pentágono', fr: 'Pentagone', de: 'Pentagon' },
  },
  {
    en: 'Reuters',
    es: { obj: 'Reuters', of: 'de Reuters' },
    fr: { obj: 'Reuters', of: 'de Reuters' },
    de: { obj: 'Reuters', of: 'von Reuters' },
    ar: 'رويترز',
    term: { es: 'Reuters', fr: 'Reuters', de: 'Reuters' },
  },
  {
    en: 'the Red Cross',
    es: { obj: 'la Cruz Roja', of: 'de la Cruz Roja' },
    fr: { obj: 'la Croix-Rouge', of: 'de la Croix-Rouge' },
    de: { obj: 'dem Roten Kreuz', of: 'des Roten Kreuzes' },
    ar: 'الصليب الأحمر',
    term: { es: 'Cruz Roja', fr: 'Croix-Rouge', de: 'Roten Kreuz' },
  },
];
const WORDS = {
  en: ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  es: ['dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  fr: ['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
  de: ['zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
  ar: ['اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'],
};
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// Locale formatting, as a careful translator would write it.
const numLocale = (lang, v) => (lang === 'ar' && v.arabicDigits ? 'ar-EG' : lang);
const fmt = {
  N: (lang, v) => new Intl.NumberFormat(numLocale(lang, v)).format(v.n),
  D: (lang, v) =>
    new Intl.DateTimeFormat(numLocale(lang, v), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(v.date),
  T: (lang, v) =>
    new Intl.DateTimeFormat(numLocale(lang, v), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(v.date),
  PCT: (lang, v) =>
    new Intl.NumberFormat(numLocale(lang, v), { style: 'percent', maximumFractionDigits: 1 }).format(v.pct / 100),
  M: (lang, v) => new Intl.NumberFormat(numLocale(lang, v), { maximumFractionDigits: 1 }).format(v.m),
  KM: (lang, v) => new Intl.NumberFormat(numLocale(lang, v), { maximumFractionDigits: 1 }).format(v.km),
  Y: (lang, v) => new Intl.NumberFormat(numLocale(lang, v), { useGrouping: false }).format(v.y),
  n: (lang, v) => new Intl.NumberFormat(numLocale(lang, v)).format(v.small),
};

// Templates: {SLOT} values, <b>…</b> and <a>…</a> paired codes, {URL} a standalone code, {{x}} placeholders kept as text.
const TEMPLATES = [
  {
    en: 'At least {N} people were killed in {P} on {D}, officials said.',
    es: 'Al menos {N} personas murieron en {P} el {D}, según las autoridades.',
    fr: 'Au moins {N} personnes ont été tuées à {P} le {D}, selon les autorités.',
    de: 'Mindestens {N} Menschen wurden am {D} in {P} getötet, teilten Beamte mit.',
    ar: 'قُتل ما لا يقل عن {N} شخصًا في {P} في {D}، بحسب مسؤولين.',
  },
  {
    en: 'According to {O}, the attack began at {T} on {D}.',
    es: 'Según {O.obj}, el ataque comenzó a las {T} del {D}.',
    fr: 'Selon {O.obj}, l’attaque a commencé à {T} le {D}.',
    de: 'Laut {O.obj} begann der Angriff am {D} um {T}.',
    ar: 'وبحسب {O}، بدأ الهجوم عند الساعة {T} يوم {D}.',
  },
  {
    en: 'Prices in {P} rose {PCT} in {Y}, the central bank said.',
    es: 'Los precios en {P} subieron un {PCT} en {Y}, según el banco central.',
    fr: 'Les prix à {P} ont augmenté de {PCT} en {Y}, selon la banque centrale.',
    de: 'Die Preise in {P} stiegen {Y} um {PCT}, teilte die Zentralbank mit.',
    ar: 'ارتفعت الأسعار في {P} بنسبة {PCT} في عام {Y}، بحسب البنك المركزي.',
  },
  {
    en: '{W} soldiers and {N} civilians were injured near {P}.',
    es: '{W} soldados y {N} civiles resultaron heridos cerca de {P}.',
    fr: '{W} soldats et {N} civils ont été blessés près de {P}.',
    de: '{W} Soldaten und {N} Zivilisten wurden in der Nähe von {P} verletzt.',
    ar: 'أصيب {W} جنود و{N} مدنيًا قرب {P}.',
  },
  {
    en: 'Read the <a>full statement</a> from {O} on the attack in {P}.',
    es: 'Lea el <a>comunicado completo</a> {O.of} sobre el ataque en {P}.',
    fr: 'Lisez le <a>communiqué complet</a> {O.of} sur l’attaque à {P}.',
    de: 'Lesen Sie die <a>vollständige Erklärung</a> {O.of} zum Angriff in {P}.',
    ar: 'اقرأ <a>البيان الكامل</a> الصادر عن {O} بشأن الهجوم في {P}.',
  },
  {
    en: 'Reporting by {{author}} in {P}; editing by {{editor}}.',
    es: 'Información de {{author}} en {P}; edición de {{editor}}.',
    fr: 'Reportage de {{author}} à {P} ; édition de {{editor}}.',
    de: 'Berichterstattung von {{author}} in {P}; Redaktion: {{editor}}.',
    ar: 'تقرير {{author}} من {P}؛ تحرير {{editor}}.',
  },
  {
    en: '<b>Breaking:</b> {N} families have fled {P} since {D}.',
    es: '<b>Última hora:</b> {N} familias han huido de {P} desde el {D}.',
    fr: '<b>Dernière minute :</b> {N} familles ont fui {P} depuis le {D}.',
    de: '<b>Eilmeldung:</b> {N} Familien sind seit dem {D} aus {P} geflohen.',
    ar: '<b>عاجل:</b> فرّت {N} عائلة من {P} منذ {D}.',
  },
  {
    en: 'The aid package is worth ${M} million, {PERSON} said in {P}.',
    es: 'El paquete de ayuda asciende a {M} millones de dólares, dijo {PERSON} en {P}.',
    fr: 'Le programme d’aide s’élève à {M} millions de dollars, a déclaré {PERSON} à {P}.',
    de: 'Das Hilfspaket hat einen Wert von {M} Millionen Dollar, sagte {PERSON} in {P}.',
    ar: 'تبلغ قيمة حزمة المساعدات {M} مليون دولار، بحسب ما قاله {PERSON} في {P}.',
  },
  {
    en: 'More information on the evacuation of {P} is available at {URL}.',
    es: 'Hay más información sobre la evacuación de {P} en {URL}.',
    fr: 'Plus d’informations sur l’évacuation de {P} sont disponibles sur {URL}.',
    de: 'Weitere Informationen zur Evakuierung von {P} gibt es unter {URL}.',
    ar: 'تتوفر معلومات إضافية عن إجلاء السكان من {P} على {URL}.',
  },
  {
    en: 'It was the {n}th attack on US forces in {P} this year.',
    es: 'Fue el {n}.º ataque contra fuerzas estadounidenses en {P} este año.',
    fr: 'Il s’agit de la {n}e attaque contre les forces américaines à {P} cette année.',
    de: 'Es war der {n}. Angriff auf US-Truppen in {P} in diesem Jahr.',
    ar: 'كان ذلك الهجوم رقم {n} على القوات الأمريكية في {P} هذا العام.',
  },
  {
    en: '"We will respond," {PERSON} told reporters in {P} on {D}.',
    es: '«Responderemos», dijo {PERSON} a los periodistas en {P} el {D}.',
    fr: '« Nous répondrons », a déclaré {PERSON} aux journalistes à {P} le {D}.',
    de: '„Wir werden reagieren“, sagte {PERSON} am {D} vor Journalisten in {P}.',
    ar: '"سنرد"، قال {PERSON} للصحفيين في {P} يوم {D}.',
  },
  {
    en: 'Officials in {P} said <b>{N}</b> homes were destroyed.',
    es: 'Las autoridades de {P} dijeron que <b>{N}</b> viviendas quedaron destruidas.',
    fr: 'Les autorités de {P} ont indiqué que <b>{N}</b> maisons avaient été détruites.',
    de: 'Die Behörden in {P} erklärten, <b>{N}</b> Häuser seien zerstört worden.',
    ar: 'قالت السلطات في {P} إن <b>{N}</b> منزلًا دُمّرت.',
  },
  {
    en: 'The blast was felt {KM} kilometres away, in {P}.',
    es: 'La explosión se sintió a {KM} kilómetros, en {P}.',
    fr: 'L’explosion a été ressentie à {KM} kilomètres, à {P}.',
    de: 'Die Explosion war noch in {KM} Kilometern Entfernung zu spüren, in {P}.',
    ar: 'شعر السكان بالانفجار على بعد {KM} كيلومتر، في {P}.',
  },
];

/** Fills a template into Content runs; returns the runs and the names used (for name defects). */
function fill(tpl, lang, v) {
  const names = [];
  let text = tpl.replace(/\{(\w+)(?:\.(\w+))?\}(?!\})/g, (m, slot, form) => {
    if (slot === 'P') return (names.push(v.place[lang]), v.place[lang]);
    if (slot === 'PERSON') return (names.push(v.person[lang] ?? v.person.en), v.person[lang] ?? v.person.en);
    if (slot === 'O') {
      const o = lang === 'en' ? v.org.en : lang === 'ar' ? v.org.ar : v.org[lang][form ?? 'obj'];
      names.push(lang === 'en' ? v.org.en.replace(/^the /, '') : lang === 'ar' ? v.org.ar : v.org.term[lang]);
      return o;
    }
    if (slot === 'W') return v.wordCap ? cap(WORDS[lang][v.word]) : WORDS[lang][v.word];
    if (slot === 'URL') return '\u0001';
    if (slot in fmt) return fmt[slot](lang, v);
    return m;
  });
  // Inline codes: <b>…</b>, <a>…</a> → paired codes; \u0001 → a URL code.
  const runs = [];
  const re = /<(\/?)(b|a)>|\u0001/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) runs.push(text.slice(at, m.index));
    if (m[0] === '\u0001') runs.push({ code: 'standalone', id: '3', type: 'url', data: v.url });
    else {
      const id = m[2] === 'b' ? '1' : '2';
      const data = m[1] ? `</${m[2]}>` : m[2] === 'a' ? `<a href="${v.url}">` : '<b>';
      runs.push({ code: m[1] ? 'close' : 'open', id, type: m[2] === 'a' ? 'link' : 'tag', data });
    }
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push(text.slice(at));
  return { runs, names };
}

function values() {
  return {
    n: pick([int(1000, 9999), int(10000, 99999), int(12, 950), int(100000, 2500000)]),
    small: int(2, 40),
    date: new Date(Date.UTC(2023, int(0, 11), int(1, 28), int(0, 23), pick([0, 5, 15, 30, 45]))),
    pct: pick([int(2, 40), int(20, 99) / 10]),
    m: pick([int(2, 900), int(15, 95) / 10]),
    km: pick([int(3, 90), int(15, 250) / 10]),
    y: int(2015, 2024),
    place: pick(PLACES),
    person: pick(PEOPLE),
    org: pick(ORGS),
    word: int(0, 7),
    wordCap: true,
    url: pick([
      'https://www.centcom.mil/MEDIA/',
      'https://reliefweb.int/country/irq',
      'https://www.icrc.org/en/where-we-work/middle-east',
      'https://example.org/statement-2023.pdf',
    ]),
    arabicDigits: rand() < 0.5,
  };
}

// ---- defects -------------------------------------------------------------
const DIGIT = /[0-9\u0660-\u0669]/u;
const NUMBER_RUN = /[0-9\u0660-\u0669]+(?:[.,\u00a0\u202f\u066b\u066c][0-9\u0660-\u0669]+)*/gu;
const bump = (d) => {
  const code = d.charCodeAt(0);
  const base = code >= 0x660 ? 0x660 : 48;
  return String.fromCharCode(base + ((code - base + 1) % 10));
};
function mapText(runs, fn) {
  let done = false;
  return runs.map((r) => {
    if (done || typeof r !== 'string') return r;
    const out = fn(r);
    if (out !== null) {
      done = true;
      return out;
    }
    return r;
  });
}
const DEFECTS = {
  'changed-digit': (t) =>
    mapText(t, (s) => {
      const m = [...s.matchAll(NUMBER_RUN)].pop();
      if (!m) return null;
      const digits = [...m[0]].map((c, i) => (DIGIT.test(c) ? i : -1)).filter((i) => i >= 0);
      const i = digits[digits.length - 1];
      const changed = m[0].slice(0, i) + bump(m[0][i]) + m[0].slice(i + 1);
      return s.slice(0, m.index) + changed + s.slice(m.index + m[0].length);
    }),
  'dropped-number': (t) =>
    mapText(t, (s) => {
      const m = [...s.matchAll(NUMBER_RUN)][0];
      if (!m) return null;
      return (s.slice(0, m.index) + s.slice(m.index + m[0].length)).replace(/\s{2,}/u, ' ');
    }),
  'wrong-number': (t, lang, v) =>
    mapText(t, (s) => {
      const m = [...s.matchAll(NUMBER_RUN)][0];
      if (!m) return null;
      // A plausible, well-formatted number of the same size: the first digit changed.
      const loc = lang === 'ar' && v.arabicDigits ? 'ar-EG' : lang;
      const value = Number(
        m[0].replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[^\d]/gu, ''),
      );
      if (!Number.isFinite(value) || m[0].match(/[.,\u066b]\d{1,2}$/u)) return null;
      const other = value + Math.pow(10, String(value).length - 1) * (String(value)[0] === '9' ? -1 : 1);
      return (
        s.slice(0, m.index) +
        new Intl.NumberFormat(loc, { useGrouping: m[0].length > 4 || /[.,\u00a0\u202f\u066c]/u.test(m[0]) }).format(
          other,
        ) +
        s.slice(m.index + m[0].length)
      );
    }),
  name: (t, lang, v, names) =>
    mapText(t, (s) => {
      const name = names.find((n) => s.includes(n));
      if (!name) return null;
      if (rand() < 0.5) return s.replace(name, '').replace(/\s{2,}/u, ' '); // dropped
      const other = PLACES.map((p) => p[lang]).find((p) => p !== name && !s.includes(p)) ?? 'X';
      const altered = name.length > 4 && rand() < 0.5 ? name.slice(0, 2) + name[3] + name[2] + name.slice(4) : other; // misspelt or replaced
      return s.replace(name, altered === name ? other : altered);
    }),
  tag: (t) => {
    const codes = t.filter((r) => typeof r !== 'string');
    if (codes.length && rand() < 0.6) {
      const victim = codes[0];
      return t.filter((r) => r !== victim); // a lost tag
    }
    return [...t.slice(0, -1), { code: 'standalone', id: '9', type: 'tag', data: '<br/>' }, ...t.slice(-1)]; // an extra tag
  },
  placeholder: (t) =>
    mapText(t, (s) =>
      s.includes('{{author}}') ? s.replace('{{author}}', pick(['{{autor}}', '{author}', '{{ author'])) : null,
    ),
};

const pairs = [];
let n = 0;
for (const lang of LANGS) {
  TEMPLATES.forEach((tpl, ti) => {
    for (let k = 0; k < 6; k++) {
      const v = values();
      const src = fill(tpl.en, 'en', v);
      const trg = fill(tpl[lang], lang, v);
      const id = `${lang}-${ti + 1}-${k + 1}`;
      pairs.push({ id, lang, template: ti + 1, source: src.runs, target: trg.runs, defect: null });
      for (const [kind, inject] of Object.entries(DEFECTS)) {
        const broken = inject(trg.runs, lang, v, trg.names);
        if (JSON.stringify(broken) === JSON.stringify(trg.runs)) continue; // not applicable to this pair
        pairs.push({ id: `${id}-${kind}`, lang, template: ti + 1, source: src.runs, target: broken, defect: kind });
      }
      n++;
    }
  });
}

const glossary = [
  'en,es,fr,de,ar,type,translate',
  ...PLACES.map((p) => [p.en, p.es, p.fr, p.de, p.ar, 'name', ''].join(',')),
  ...PEOPLE.map((p) => [p.en, '', '', '', p.ar, 'name', p.ar ? '' : 'no'].join(',')),
  ...ORGS.map((o) =>
    [
      o.en.replace(/^the /, ''),
      o.term.es,
      o.term.fr,
      o.term.de === 'Roten Kreuz' ? 'Roten Kreuz|Rote Kreuz|Roten Kreuzes' : o.term.de,
      o.ar,
      'name',
      '',
    ].join(','),
  ),
  'US,estadounidense|estadounidenses|Estados Unidos|EE. UU.,américain|américaine|américains|américaines|États-Unis,US|USA|amerikanische,الأمريكي|الأمريكية|الأمريكيين|الولايات المتحدة,name,',
];

const dir = join(root, 'tests', 'fixtures', 'qa');
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'corpus.json'),
  JSON.stringify(
    {
      description:
        'Labelled QA corpus: clean en→xx news sentence pairs and copies with one injected defect each. Built by bench/qa-corpus.mjs.',
      pairs,
    },
    null,
    1,
  ) + '\n',
);
writeFileSync(join(dir, 'glossary.csv'), glossary.join('\n') + '\n');
const count = (f) => pairs.filter(f).length;
console.log(
  `${n} clean pairs (${LANGS.map((l) => `${l} ${count((p) => p.lang === l && !p.defect)}`).join(', ')}), ${count((p) => p.defect)} with defects`,
);
