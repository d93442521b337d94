// Defects injected into real translations for bench/qa-real.mjs. Each injector takes the plain source and
// target of a clean pair, the target language and a seeded random source, and returns one defective target,
// or null where that defect would not be a real, unambiguous one (the pair then does not count for the type).

/** Small, fast, seedable PRNG: the same pair always gets the same defect. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seed from the language, the pair index and the defect type (FNV-1a), so types do not share draws. */
export function seedFor(lang, index, type) {
  let h = 0x811c9dc5;
  for (const ch of `${lang}:${index}:${type}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

const pick = (items, rng) => items[Math.floor(rng() * items.length)];

// ---------- numbers ----------

const D = '0-9\\u0660-\\u0669\\u06F0-\\u06F9';
// Grouping by a space only with a 1–3 digit head and 3-digit groups ("17 500"), so "2009 300" stays two numbers.
const NUMBER = new RegExp(
  `[${D}]{1,3}(?:[ \\u00A0\\u202F\\u2009][${D}]{3}(?![${D}]))+(?:[.,\\u066B][${D}]+)?|[${D}]+(?:[.,'’\\u066B\\u066C][${D}]+)*`,
  'gu',
);
const DIGIT = new RegExp(`[${D}]`, 'u');

/** ASCII value of one digit of any of the three scripts. */
const digitValue = (c) => {
  const code = c.codePointAt(0);
  if (code >= 0x6f0) return code - 0x6f0;
  if (code >= 0x660) return code - 0x660;
  return code - 48;
};

/** Numbers with their separators; value = the digits only, in ASCII, without leading zeros. */
export function numbersIn(text) {
  return [...text.matchAll(NUMBER)].map((m) => {
    const digits = [...m[0]]
      .filter((c) => DIGIT.test(c))
      .map(digitValue)
      .join('');
    return { text: m[0], start: m.index, end: m.index + m[0].length, value: digits.replace(/^0+(?=\d)/u, '') };
  });
}

const countOf = (values) => {
  const m = new Map();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
};

/** Removes [start, end) and one adjacent space, so the result reads as a plausible slip, not a double space. */
function cut(text, start, end) {
  if (start > 0 && /\s/u.test(text[start - 1])) start--;
  else if (/\s/u.test(text[end] ?? '')) end++;
  return text.slice(0, start) + text.slice(end);
}

const splice = (text, start, end, replacement) => text.slice(0, start) + replacement + text.slice(end);

export function digitChanged(src, tgt, lang, rng) {
  const srcValues = new Set(numbersIn(src).map((n) => n.value));
  const cands = numbersIn(tgt).filter((n) => srcValues.has(n.value));
  if (!cands.length) return null;
  const n = pick(cands, rng);
  const positions = [...n.text].flatMap((c, i) => (DIGIT.test(c) ? [i] : []));
  // Try positions in a random order; a change that yields another number of the source is no clear defect.
  for (const i of positions
    .map((p) => [rng(), p])
    .sort((a, b) => a[0] - b[0])
    .map((x) => x[1])) {
    const old = n.text[i];
    const zero = old.codePointAt(0) - digitValue(old);
    const leading = i === positions[0] && positions.length > 1;
    const options = [...Array(10).keys()].filter((d) => d !== digitValue(old) && !(leading && d === 0));
    for (const d of options
      .map((x) => [rng(), x])
      .sort((a, b) => a[0] - b[0])
      .map((x) => x[1])) {
      const text = splice(n.text, i, i + 1, String.fromCodePoint(zero + d));
      if (srcValues.has(numbersIn(text)[0]?.value)) continue;
      return splice(tgt, n.start, n.end, text);
    }
  }
  return null;
}

export function numberDeleted(src, tgt, lang, rng) {
  const srcCount = countOf(numbersIn(src).map((n) => n.value));
  const tgtNumbers = numbersIn(tgt);
  const tgtCount = countOf(tgtNumbers.map((n) => n.value));
  // Only where the target does not hold the number more often than the source: then deleting one loses it.
  const cands = tgtNumbers.filter((n) => (srcCount.get(n.value) ?? 0) >= tgtCount.get(n.value));
  if (!cands.length) return null;
  const n = pick(cands, rng);
  return cut(tgt, n.start, n.end);
}

export function numbersSwapped(src, tgt, lang, rng) {
  const srcValues = new Set(numbersIn(src).map((n) => n.value));
  const cands = numbersIn(tgt).filter((n) => srcValues.has(n.value));
  const pairs = [];
  for (let i = 0; i < cands.length; i++)
    for (let j = i + 1; j < cands.length; j++) if (cands[i].value !== cands[j].value) pairs.push([cands[i], cands[j]]);
  if (!pairs.length) return null;
  const [a, b] = pick(pairs, rng);
  return tgt.slice(0, a.start) + b.text + tgt.slice(a.end, b.start) + a.text + tgt.slice(b.end);
}

// ---------- magnitudes ----------

// Each series is one way of writing magnitudes, in order; each level is [singular, plural].
const SERIES = {
  es: [
    [
      ['millón', 'millones'],
      ['mil millones', 'mil millones'],
      ['billón', 'billones'],
    ],
    [
      ['millón', 'millones'],
      ['millardo', 'millardos'],
      ['billón', 'billones'],
    ],
  ],
  fr: [
    [
      ['million', 'millions'],
      ['milliard', 'milliards'],
      ['billion', 'billions'],
    ],
  ],
  de: [
    [
      ['Million', 'Millionen'],
      ['Milliarde', 'Milliarden'],
      ['Billion', 'Billionen'],
    ],
    [
      ['Mio.', 'Mio.'],
      ['Mrd.', 'Mrd.'],
      ['Bio.', 'Bio.'],
    ],
    [
      ['Mio', 'Mio'],
      ['Mrd', 'Mrd'],
      ['Bio', 'Bio'],
    ],
  ],
  ar: [
    [
      ['مليون', 'ملايين'],
      ['مليار', 'مليارات'],
      ['تريليون', 'تريليونات'],
    ],
    [
      ['مليون', 'ملايين'],
      ['بليون', 'بلايين'],
      ['تريليون', 'تريليونات'],
    ],
  ],
};
const ABBREVIATIONS = [
  ['m', 'm'],
  ['bn', 'bn'],
  ['tn', 'tn'],
];
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

function magnitudeTable(lang) {
  // German magnitudes are nouns, matched with their capital; Spanish and French ones in any case.
  const key = (form) => (lang === 'de' ? form : form.toLowerCase());
  const forms = new Map();
  for (const series of SERIES[lang] ?? []) {
    series.forEach((level, l) =>
      level.forEach((form, f) => {
        const known = forms.get(key(form));
        // The first series wins; within a level whose forms are alike ("mil millones"), the plural.
        if (!known || (known.series === series && known.level === l))
          forms.set(key(form), { series, level: l, plural: f });
      }),
    );
  }
  const alternation = [...forms.keys()]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|');
  // Arabic attaches proclitics and case endings ("بمليون", "مليونا"): no word boundaries there.
  const re = !alternation
    ? null
    : lang === 'ar'
      ? new RegExp(alternation, 'gu')
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}])`, lang === 'de' ? 'gu' : 'giu');
  return { forms, re };
}
const TABLES = new Map();

const SOURCE_MAGNITUDE =
  /(?<![\p{L}])(?:million|billion|trillion)s?(?![\p{L}])|\d\s?(?:bn|mn|tn)(?![\p{L}])|[$£€]\s?\d[\d.,]*\s?m(?![\p{L}])/iu;
// "m" after a number is a magnitude only after a currency sign; otherwise it may be metres or minutes.
const ENGLISH_STYLE = /([$£€]\s?)?\d[\d.,]*\s?(bn|mn|tn|m)(?![\p{L}\p{N}])/gu;

const matchCase = (model, word) =>
  /^\p{Lu}/u.test(model) && !/^\p{Lu}/u.test(word) ? word[0].toUpperCase() + word.slice(1) : word;

export function magnitudeChanged(src, tgt, lang, rng) {
  if (!SOURCE_MAGNITUDE.test(src)) return null;
  if (!TABLES.has(lang)) TABLES.set(lang, magnitudeTable(lang));
  const { forms, re } = TABLES.get(lang);
  const cands = [];
  for (const m of re ? tgt.matchAll(re) : []) {
    const { series, level, plural } = forms.get(lang === 'de' ? m[0] : m[0].toLowerCase());
    cands.push({ start: m.index, end: m.index + m[0].length, text: m[0], series, level, plural });
  }
  for (const m of tgt.matchAll(ENGLISH_STYLE)) {
    if (m[2] === 'm' && !m[1]) continue;
    const end = m.index + m[0].length;
    const level = ABBREVIATIONS.findIndex((l) => l[0] === m[2]);
    cands.push({
      start: end - m[2].length,
      end,
      text: m[2],
      series: ABBREVIATIONS,
      level: Math.max(level, 0),
      plural: 0,
    });
  }
  if (!cands.length) return null;
  const c = pick(cands, rng);
  const up = c.level === 0 || (c.level < c.series.length - 1 && rng() < 0.5);
  const next = c.series[c.level + (up ? 1 : -1)];
  return splice(tgt, c.start, c.end, matchCase(c.text, next[Math.min(c.plural, next.length - 1)]));
}

// ---------- names ----------

const WORD = /\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*/gu;
const LATIN = /^[\p{Script=Latin}\p{M}-]+$/u;
// A word right after one of these (or at the start) may be capitalised only because it opens a sentence or quote.
const OPENER = /[.!?:;"“”«»„—–([]/u;

/** Capitalised Latin words of ≥3 letters that do not open a sentence, grouped into runs joined by one space. */
function capitalisedRuns(src) {
  const runs = [];
  let run = null;
  let prevEnd = -1;
  for (const m of src.matchAll(WORD)) {
    const gap = prevEnd < 0 ? null : src.slice(prevEnd, m.index);
    prevEnd = m.index + m[0].length;
    const opensSentence = gap === null || OPENER.test(gap);
    const ok =
      !opensSentence && /^\p{Lu}/u.test(m[0]) && LATIN.test(m[0]) && m[0].replace(/[^\p{L}]/gu, '').length >= 3;
    const word = { text: m[0], start: m.index, end: prevEnd };
    if (ok && run && gap === ' ') run.push(word);
    else if (ok) runs.push((run = [word]));
    else run = null;
  }
  return runs;
}

/** Whole-word, case-sensitive occurrences of `name` in `text`. */
function occurrences(text, name) {
  const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${esc(name)}(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Names of the source found verbatim in the target, no more often there than in the source. */
function verbatimNames(src, tgt, { wholeRuns }) {
  const out = new Map();
  const consider = (name) => {
    if (out.has(name)) return true;
    const inTarget = occurrences(tgt, name);
    if (!inTarget.length || inTarget.length > occurrences(src, name).length) return false;
    out.set(name, inTarget);
    return true;
  };
  for (const run of capitalisedRuns(src)) {
    if (wholeRuns && run.length > 1 && consider(src.slice(run[0].start, run.at(-1).end))) continue;
    for (const w of run) consider(w.text);
  }
  return [...out].map(([name, at]) => ({ name, at }));
}

export function nameDeleted(src, tgt, lang, rng) {
  const cands = verbatimNames(src, tgt, { wholeRuns: true });
  if (!cands.length) return null;
  const { at } = pick(cands, rng);
  const o = pick(at, rng);
  return cut(tgt, o.start, o.end);
}

export function nameMisspelt(src, tgt, lang, rng) {
  const cands = verbatimNames(src, tgt, { wholeRuns: false }).filter(
    (c) => c.name.replace(/[^\p{L}]/gu, '').length >= 5,
  );
  if (!cands.length) return null;
  const { name, at } = pick(cands, rng);
  const chars = [...name];
  // Adjacent inner letters that differ: never the first or last letter of the name.
  const swaps = [];
  for (let i = 1; i + 2 < chars.length; i++)
    if (/\p{L}/u.test(chars[i]) && /\p{L}/u.test(chars[i + 1]) && chars[i] !== chars[i + 1]) swaps.push(i);
  if (!swaps.length) return null;
  const i = pick(swaps, rng);
  [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  const o = pick(at, rng);
  return splice(tgt, o.start, o.end, chars.join(''));
}

// ---------- months ----------

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const LEVANTINE = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];

/** Month names of the target language by style: format ("5 de marzo"), stand-alone, and for Arabic the Levantine names. */
function monthStyles(lang) {
  const names = (options) =>
    EN_MONTHS.map(
      (_, m) =>
        new Intl.DateTimeFormat(lang, options)
          .formatToParts(new Date(Date.UTC(2021, m, 15, 12)))
          .find((p) => p.type === 'month').value,
    );
  const styles = [names({ day: 'numeric', month: 'long', timeZone: 'UTC' }), names({ month: 'long', timeZone: 'UTC' })];
  if (lang === 'ar') styles.push(LEVANTINE);
  return styles;
}
const MONTHS = new Map();
function monthTable(lang) {
  if (MONTHS.has(lang)) return MONTHS.get(lang);
  const styles = monthStyles(lang);
  const byName = new Map();
  styles.forEach((names, s) =>
    names.forEach((n, m) => byName.has(n.toLowerCase()) || byName.set(n.toLowerCase(), { style: s, month: m })),
  );
  const alternation = [...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|');
  const table = { styles, byName, re: new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternation})(?![\\p{L}\\p{M}])`, 'giu') };
  MONTHS.set(lang, table);
  return table;
}

/** Months named in the English source; "May" and "March" only where they cannot be a sentence's first word. */
function sourceMonths(src) {
  const found = new Set();
  const re = new RegExp(`(?<![\\p{L}])(${EN_MONTHS.join('|')})(?![\\p{L}])`, 'gu');
  for (const m of src.matchAll(re)) {
    if (
      (m[1] === 'May' || m[1] === 'March') &&
      (m.index === 0 || OPENER.test(src.slice(Math.max(0, m.index - 3), m.index)))
    )
      continue;
    found.add(EN_MONTHS.indexOf(m[1]));
  }
  return found;
}

const sameCase = (model, word) =>
  model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()
    ? word.toUpperCase()
    : matchCase(model, /^\p{Lu}/u.test(model) ? word : word.toLowerCase());

export function monthChanged(src, tgt, lang, rng) {
  const inSource = sourceMonths(src);
  if (!inSource.size) return null;
  const { styles, byName, re } = monthTable(lang);
  const cands = [...tgt.matchAll(re)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], ...byName.get(m[0].toLowerCase()) }))
    .filter((c) => inSource.has(c.month) && !inSource.has((c.month + 3) % 12));
  if (!cands.length) return null;
  const c = pick(cands, rng);
  return splice(tgt, c.start, c.end, sameCase(c.text, styles[c.style][(c.month + 3) % 12]));
}

// ---------- URLs ----------

const URL = /(?:https?:\/\/|www\.)[^\s<>"'«»“”]+/giu;

export function urlChanged(src, tgt, lang, rng) {
  const trimmed = (m) => m[0].replace(/[.,;:!?)\]]+$/u, '');
  const inSource = new Set([...src.matchAll(URL)].map(trimmed));
  const cands = [...tgt.matchAll(URL)]
    .map((m) => ({ start: m.index, text: trimmed(m) }))
    .filter((u) => inSource.has(u.text));
  if (!cands.length) return null;
  const u = pick(cands, rng);
  const head = /^(?:https?:\/\/)?(?:www\.)?/iu.exec(u.text)[0].length;
  const positions = [...u.text].flatMap((c, i) => (i >= head && /[a-z0-9]/iu.test(c) ? [i] : []));
  if (!positions.length) return null;
  const i = pick(positions, rng);
  const old = u.text[i];
  const pool = (
    /\d/u.test(old) ? '0123456789' : /[A-Z]/u.test(old) ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' : 'abcdefghijklmnopqrstuvwxyz'
  ).replace(old, '');
  const changed = splice(u.text, i, i + 1, pick([...pool], rng));
  return splice(tgt, u.start, u.start + u.text.length, changed);
}

/** The defect types, in report order. */
export const DEFECTS = [
  ['digit-changed', digitChanged],
  ['number-deleted', numberDeleted],
  ['magnitude-changed', magnitudeChanged],
  ['name-deleted', nameDeleted],
  ['name-misspelt', nameMisspelt],
  ['month-changed', monthChanged],
  ['url-changed', urlChanged],
  ['numbers-swapped', numbersSwapped],
];
