import { fold } from './text.js';

/**
 * Proper names in a source sentence: runs of capitalised words that are not
 * just the first word of the sentence, and acronyms. Adjectives derived from a
 * name in the same sentence or from a country ("Iraqi", "Iranian") are left
 * out: languages write those differently.
 */
export interface FoundName {
  readonly text: string;
  readonly start: number;
  readonly words: readonly string[];
}

const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'da', 'do', 'dos', 'du', 'le']);
const WORD = /\p{L}[\p{L}\p{M}'’]*|\p{N}+/gu;

const regionCache = new Map<string, Map<string, string>>();

/** English (or any source) country names → ISO region codes, from CLDR through Intl.DisplayNames. */
export function regionCodes(lang: string): Map<string, string> {
  const cached = regionCache.get(lang);
  if (cached) return cached;
  const names = new Map<string, string>();
  const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = display.of(code);
        if (name && name !== code) names.set(fold(name), code);
      } catch {
        // not a region code
      }
    }
  }
  regionCache.set(lang, names);
  return names;
}

/** The CLDR name of the region a source name stands for, in the target language. */
const displayNames = new Map<string, Intl.DisplayNames>();

export function regionNameIn(name: string, sourceLang: string, targetLang: string): string | undefined {
  const code = regionCodes(sourceLang).get(fold(name));
  if (!code) return undefined;
  try {
    let dn = displayNames.get(targetLang);
    if (!dn) displayNames.set(targetLang, (dn = new Intl.DisplayNames([targetLang], { type: 'region', fallback: 'none' })));
    return dn.of(code);
  } catch {
    return undefined;
  }
}

const calendarCache = new Map<string, Set<string>>();

/** Month and weekday names: capitalised in English but not names; dates are the numbers check's business. */
function calendarWords(lang: string): Set<string> {
  let words = calendarCache.get(lang);
  if (!words) {
    words = new Set<string>();
    for (const style of ['long', 'short'] as const) {
      const month = new Intl.DateTimeFormat(lang, { month: style, timeZone: 'UTC' });
      const day = new Intl.DateTimeFormat(lang, { weekday: style, timeZone: 'UTC' });
      for (let i = 0; i < 12; i++) words.add(fold(month.format(Date.UTC(2001, i, 15))).replace(/\.$/u, ''));
      for (let i = 0; i < 7; i++) words.add(fold(day.format(Date.UTC(2001, 0, 7 + i))).replace(/\.$/u, ''));
    }
    for (const m of ['am', 'pm']) words.add(m); // "2:15 PM"
    calendarCache.set(lang, words);
  }
  return words;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly sentenceStart: boolean;
  readonly capital: boolean;
  readonly acronym: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const between = text.slice(last, m.index);
    if (out.length && /[.!?:;"“”«»()\[\]\n]|\s[-–—]\s/u.test(between)) sentenceStart = /[.!?:"“”«»\n]/u.test(between);
    let word = m[0].replace(/['’]s$/u, '');
    if (word === '') word = m[0];
    out.push({
      text: word,
      start: m.index,
      sentenceStart: out.length === 0 || sentenceStart,
      capital: /^\p{Lu}/u.test(word),
      acronym: /^\p{Lu}{2,}s?$/u.test(word),
    });
    sentenceStart = false;
    last = m.index + m[0].length;
    // Hyphenated compounds ("Iran-backed", "Israel-Gaza") are split by WORD already; a hyphen does not end a name run.
  }
  return out;
}

export function findNames(text: string, lang: string): FoundName[] {
  const toks = tokens(text);
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = (): void => {
    while (run.length && !run[run.length - 1]!.capital) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  toks.forEach((t, i) => {
    const gap = i > 0 ? text.slice(toks[i - 1]!.start + toks[i - 1]!.text.length, t.start) : '';
    // Names run across single spaces only: "Israel-Gaza" is two names, written "Israel y Gaza" in Spanish.
    const joined = run.length > 0 && /^(?:['’]s)?\s$/u.test(gap.replace(/\s+/gu, ' '));
    if (t.capital && (joined || run.length === 0)) run.push(t);
    else if (run.length && joined && CONNECTORS.has(t.text) && toks[i + 1]?.capital) run.push(t);
    else {
      flush();
      if (t.capital) run.push(t);
    }
  });
  flush();

  const regions = regionCodes(lang);
  const calendar = calendarWords(lang);
  const names: FoundName[] = [];
  for (const r of runs) {
    // Month and weekday names ("on Sunday", "May 2") are not names, but "Theresa May" is.
    let words = r.length === 1 ? r.filter((w) => !calendar.has(fold(w.text))) : r.filter((w, i) => i > 0 || !calendar.has(fold(w.text)));
    if (words.length === 0) continue;
    // A lone capitalised word opening a sentence is usually just a capital letter, unless it is an acronym or a country.
    if (words.length === 1 && words[0]!.sentenceStart && !words[0]!.acronym && !regions.has(fold(words[0]!.text))) continue;
    if (words[0]!.sentenceStart && words.length > 1 && !words[0]!.acronym && /^(?:The|A|An|In|At|On|For|But|And|As|After|While|When|If|According)$/u.test(words[0]!.text)) words = words.slice(1);
    const first = words[0]!;
    const last = words[words.length - 1]!;
    names.push({ text: text.slice(first.start, last.start + last.text.length), start: first.start, words: words.map((w) => w.text) });
  }
  // Drop adjectives formed on a name or country ("Iraqi" from "Iraq", "Iranian" from "Iran").
  const local = new Set(names.map((n) => fold(n.text)));
  const isStem = (s: string): boolean => local.has(s) || regions.has(s);
  return names.filter((n) => {
    if (n.words.length > 1 || n.words[0]!.length < 4) return true;
    const f = fold(n.text);
    // "Iraqi" = "Iraq" + at most four letters: try each prefix of four letters or more.
    for (let k = Math.max(4, f.length - 4); k < f.length; k++) if (isStem(f.slice(0, k))) return false;
    return true;
  });
}
