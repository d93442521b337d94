import { ARABIC_GAPS } from './arabic-gaps.js';
import { primarySubtag } from '../../model/language.js';
import { memo } from '../../model/memo.js';
import { allBelow, fold, opensSentence } from '../text.js';
import { latinReadingsOf, latinSkeleton, SkeletonIndex, targetSkeletons } from './romanize.js';
import { editDistance, isCognate, isTransposition, LikenessIndex } from './similar.js';
import { isGermanNoun } from './words.js';

/**
 * A target text read once, then asked for names the ways translators render
 * them: verbatim (case and accents aside), inflected or compounded, respelled
 * (a cognate), transliterated into another script, or as a localised acronym.
 */

export type WordMatch = 'verbatim' | 'cognate' | 'transliterated';

// Endings a kept name takes: plurals and genitives (Obamas, Merkels), Romance gender and number.
const INFLECTION = /^(?:s|n|en|es|ns|e|a|o|as|os|i|is)$/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// Arabic attaches conjunctions, prepositions and the article to the word: "وكركوك", "بالعراق".
const ARABIC_CLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'بال', 'لل', 'فال', 'كال', 'وب', 'ول'];
const ARABIC_PROCLITIC = new RegExp(`^(?:${ARABIC_CLITICS.join('|')})?$`, 'u');
/** Beyond this many distinct words (no sentence or paragraph has them), names are matched verbatim and inflected only. */
export const MAX_WORDS_FOR_RESPELLINGS = 3000;
// Small words inside a written-out acronym's name, in the languages names are written out in.
const EXPANSION_PARTICLES = new Set(
  'of the and for on in de del la las los el le les des du di della degli e y et und der die das den dem des für fur von zu al'.split(
    ' ',
  ),
);

/** How far (a share of the text's length) a rendering may stand from where its name stood in the source. */
export const PLACE_MARGIN = 0.3;
const NEARER = 0.05;

// Particles inside one name ("Campeonato de Europa", "Bank of England"); "and", "in" join two names.
const RUN_PARTICLES = new Set('of de del la las los el le les des du di della al da von der'.split(' '));

/** Whether `form` is `word` or an inflection of it ("Berbers" of "Berber"). */
const inflected = (word: string, form: string): boolean =>
  form.startsWith(word) && (form.length === word.length || INFLECTION.test(form.slice(word.length)));

export interface TargetWord {
  readonly folded: string;
  /** Capitalised and not the first word of a sentence: a name, in languages that capitalise only names. */
  readonly capitalised: boolean;
  readonly start: number;
  readonly end: number;
  readonly acronym: boolean;
  /** Whether the text's characters at the word's place begin with an upper-case letter (a sentence's first word too). */
  readonly initialCapital: boolean;
}

// Classes of the characters words are read by (the Basic Multilingual Plane's filled as met; others computed).
const WORD_CHAR = 1;
const UPPERCASE = 2;
const CHANGED_BY_LOWER_CASE = 4;
const CLASSIFIED = 8;
const charClasses = new Uint8Array(0x10000);

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (
    CLASSIFIED |
    (/[\p{L}\p{M}\p{N}]/u.test(ch) ? WORD_CHAR : 0) |
    (/\p{Lu}/u.test(ch) ? UPPERCASE : 0) |
    // (lower-casing changes a text exactly where it changes one of its characters: only a final sigma depends on
    // its neighbours, and it changes either way)
    (ch.toLowerCase() !== ch ? CHANGED_BY_LOWER_CASE : 0)
  );
}

function charClass(cp: number): number {
  if (cp > 0xffff) return classify(cp);
  let c = charClasses[cp]!;
  if (c === 0) charClasses[cp] = c = classify(cp);
  return c;
}

/** An acronym's letters, folded, a plural "s" aside, in order (asked of the same few acronyms again and again). */
const sortedLetters = memo((acronym: string): string => [...fold(acronym).replace(/s$/u, '')].sort().join(''));

const NUMBER_CHAR = /\p{N}/u;
export const NOT_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
// The first code points the script patterns match (Bopomofo's modifier tones U+02EA–02EB; Greek at U+0370): a text
// all below them is Latin without a pattern run along it (tests/qa/names/target-scripts.test.ts tries every unit below).
export const NOT_LATIN_FROM = 0x2ea;
export const OTHER_SCRIPTS_FROM = 0x370;
const LETTERS_AND_NUMBERS_MEET = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

// Words this long are not like a name by chance: a lower-case one is an adjective or demonym made from it.
const long = (a: string, b: string): boolean => Math.min(a.length, b.length) >= 8;

/** "EE. UU." and "EE.UU.", "É.-U." and "É-U." are one spelling: abbreviations compared without inner spaces. */
function closeAbbreviations(text: string): string {
  // (asked first whether a period and a space stand before a short word's period at all: the pattern's lookbehind is
  // tried at every space of a text, eight times the time)
  return ABBREVIATIONS_MEET.test(text) ? text.replace(/(?<=\b\p{L}{1,3}\.)[\s-]+(?=\p{L}{1,3}\.)/gu, '') : text;
}
const ABBREVIATIONS_MEET = /\.[\s-]+\p{L}{1,3}\./u;

// A word of another script: a letter of an ideographic or syllabic one, or two letters in a row of an alphabet (a
// stray letter inside a Latin word, the "β" typed for "ß" in "ließen", is no such word).
export const OTHER_SCRIPT_WORD =
  /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{Script=Arabic}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Thai}]{2}/u;

// A gap pattern's part begins where no letter (nor other characters: `notAfter`'s class) stands before it. Such
// lookbehinds, at the head of every part, keep V8 from skipping ahead to a part's first letters: it tries every part at
// every character (≈ 40 µs a sentence). Gaps are found as candidates first, by the pattern without them — it matches
// wherever the whole one does, and more —, and each candidate is tried with the whole pattern at its place.
const notAfter = (characters: string): string => `\u0001${characters}\u0002`;
const NOT_AFTER_WORD = notAfter("\\p{L}\\p{N}'’.(-");

// Per language, prepositions that never end a clause (none a separable verb particle: German "an", "auf", "mit" are
// left out) and the conjunctions that cannot follow one.
const GAP_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  es: ['de|del|en|a|al|con|por|para|desde|hasta|entre|sobre|sin|hacia|según|ante|tras', 'y|o|e|u|ni'],
  fr: ['de|du|à|au|aux|en|pour|par|chez|dans|sur|sous|vers|entre|sans|selon', 'et|ou|ni'],
  de: ['von|vom|zum|zur|im|am|in|für|seit|beim|ohne|wegen|während|trotz|zwischen|neben|gegen', 'und|oder'],
  it: ['di|del|della|a|al|alla|da|dal|in|nel|nella|con|su|sul|per|tra|fra', 'e|o|né'],
  pt: ['de|do|da|em|no|na|a|ao|com|por|para|desde|até|entre|sobre|sem', 'e|ou|nem'],
};
// One of them in lower case, not inside a word, an abbreviation or parentheses ("Mexikaner (in)"), before punctuation (not an ellipsis, nor the
// period of an abbreviation: "a.m.") or the end, or before a conjunction.
// And what no clause ends with in any case: an elided article or preposition before a space or punctuation (French,
// Italian "l'", "d'": "l' européenne", "d',"), an Arabic preposition before punctuation ("من،", "لـ،"; not "في", also
// the letter V spelt out: "آمي في،").
const ELIDED_BEFORE_NOTHING = `${notAfter('\\p{L}\\p{N}')}[ldLD]['’](?=\\s|[,;:.!?)\\]]|$)`;
// Or an elided article or preposition right before a consonant, a digit or a conjunction (French, Italian "l'des
// Vétérans", "l'syrien", "l'2012", "l'et"): elision is before a vowel or a mute h only, so the word it stood before
// was cut. Not "y" ("il l'y a"), nor inside a word ("aujourd'hui").
const ELIDED_BEFORE_CONSONANT = `${notAfter('\\p{L}\\p{N}')}[ldLD]['’](?=[bcdfgjklmnpqrstvwxzçBCDFGJKLMNPQRSTVWXZÇ0-9]|(?:et|ou|e|o)(?![\\p{L}\\p{N}]))`;
// A conjunction before the end of a clause (not before a comma or colon: "y, sin embargo,", "und: Im Bad"), or an article before punctuation or
// a conjunction: no clause ends with either ("Liberty y.", "en el.", "des et"). Only articles that never stand alone as
// a pronoun (not French "le", "la", "les": "je le." is not hyphenated; nor "un", "una", nor German's "der", "das").
const BEFORE_END = `\\s*(?:[;!?)\\]]|\\.(?!\\.|\\s*\\p{Ll})|$)`;
const BEFORE_PUNCTUATION = `\\s*(?:[,;:!?)\\]]|\\.(?!\\.|\\s*\\p{Ll})|$)`;
const clauseEnd = (conjunctions: string, articles?: string): string =>
  `${NOT_AFTER_WORD}(?:(?:${conjunctions})${BEFORE_END}${
    articles ? `|(?:${articles})(?:${BEFORE_PUNCTUATION}|\\s+(?:${conjunctions})\\s)` : ''
  })`;
// "or" alone between two commas (", o, se negó", ", ou, a refusé"), where "the National Action Party, or PAN," stood:
// the name that "or" gave again was cut. Not "and" (Spanish "y, tras una visita,").
const orBetweenCommas = (or: string): string => `,\\s*(?:${or}),`;
// An article right before an acronym in brackets ("La (NCUA) es responsable", "Die (FHFA) hat"): the name written out
// before its acronym was cut; a translation that gives the acronym alone drops the brackets with the name.
const beforeBracketedAcronym = (articles: string): string => {
  const both = articles
    .split('|')
    .flatMap((a) => [a, a.charAt(0).toUpperCase() + a.slice(1)])
    .join('|');
  return `${NOT_AFTER_WORD}(?:${both})\\s+\\((?=\\p{Lu}[\\p{Lu}\\p{N}&-]+\\))`;
};
// A preposition before another that no sentence puts there, or before a conjunction and a comma ("de en el Mar",
// "al en una entrevista", "en y, después"; not "de en medio", "à en croire", "pour en savoir", "en de nombreux cas"): the
// name between them was cut.
const prepositionsMeet = (first: string, second: string): string =>
  `${NOT_AFTER_WORD}(?:${first})\\s+(?:${second})(?![\\p{L}\\p{N}'’-])`;
// A preposition or an article right before a closing quotation mark, with no space between them (`"Los".`, `a".`,
// `"Tore von"`): no quoted title or saying ends so; the name that ended it was cut. Capitalised too, where it opens the
// quotation ("Los"), but for one letter (`"Plan A"`); not before a letter (an opening mark: `de"Monsieur`) nor after a
// space (`de "Monsieur"`). Not in French, which quotes a fragment so ("il est nécessaire de" débattre).
const beforeClosingQuote = (words: string): string => {
  const both = words
    .split('|')
    .flatMap((a) => (a.length > 1 ? [a, a.charAt(0).toUpperCase() + a.slice(1)] : [a]))
    .join('|');
  return `${NOT_AFTER_WORD}(?:${both})["”»“](?=\\s|[,;:.!?)\\]]|$)`;
};
// A preposition written twice ("la Cour Suprême de de la Nation", "la Ley de de Presupuesto"): the name that stood
// between them was cut. Spanish and French, whose prepositions are never said twice; not German, whose articles are
// also relative pronouns ("die die Stadt").
const doubled = (words: string): string =>
  `${NOT_AFTER_WORD}(?:${words
    .split('|')
    .map((w) => `${w}\\s+${w}`)
    .join('|')})(?![\\p{L}\\p{N}'’-])`;
// A Spanish article with a capital, where it opens a name kept in Spanish ("Los Zetas", "Los Angeles"), before a
// lower-case word, punctuation or a closing quotation mark in a French or German text ("appelé "Los".", "aus Los und"):
// French has no such word, so the name's rest was cut; German's noun "Los" (a lot) stands after an article, so there
// only after a preposition of place or an opening quotation mark.
const SPANISH_ARTICLE_LEFT = {
  fr: `(?<=[\\p{Ll},] |\\p{Ll} ["“«„] ?)(?:Los|Las)(?=\\s+\\p{Ll}|\\s*[,.;:!?"”»)])`,
  de: `(?<=(?:aus|in|nach|von|bei|um)\\s)(?:Los|Las)(?=\\s+\\p{Ll}|\\s*[,.;:!?)\\]])|(?<=["„“]\\s?)(?:Los|Las)(?=["“”])`,
};
// An English joining word right after an opening bracket ("agressions sexuelles (and Response Office)", "(of
// Independent Business)"): a name kept in English in brackets lost its first words; no name begins so.
const JOINER_AFTER_BRACKET = `\\(\\s*(?:and|of|for)(?=\\s)`;
const MORE_GAPS: Readonly<Record<string, string>> = {
  es: [
    clauseEnd('y|e|o|u|ni', 'el|la|los|las'),
    orBetweenCommas('o|u'),
    beforeBracketedAcronym('el|la|los|las|del|al|de|en|a|con|por|para'),
    beforeClosingQuote(`${GAP_WORDS.es![0]}|el|los|las`),
    prepositionsMeet('a|al', 'durante|mediante|según|tras|ante'),
    doubled('de|del|en|a|al|con|por|para'),
    JOINER_AFTER_BRACKET,
    prepositionsMeet('de|del|en|a|al', 'en(?!\\s+medio)'),
    prepositionsMeet('en', 'de|del|a|al'),
    prepositionsMeet('de|del', 'con'),
    prepositionsMeet('en', 'para'),
    prepositionsMeet('de|del|en|a|al|con|por|para', '(?:y|e|o|u|ni),'),
    // A preposition right before a finite "ser", "haber" or "estar" ("fuera de son", "el nombre de fue"): no noun
    // phrase ends in a preposition, so the name it governed was cut.
    prepositionsMeet(
      'de|del|en|a|al|con|por|para',
      'es|son|fue|fueron|era|eran|ha|han|había|habían|está|están|estaba|estaban',
    ),
  ].join('|'),
  fr: [
    ELIDED_BEFORE_NOTHING,
    ELIDED_BEFORE_CONSONANT,
    // (a courtesy title right before a closing quotation mark: "Monsieur"., where "Monsieur IBM" stood)
    `${NOT_AFTER_WORD}(?:Monsieur|Madame|Mademoiselle)["”»](?=\\s|[,;:.!?)\\]]|$)`,
    clauseEnd('et|ou|ni', 'des'),
    orBetweenCommas('ou'),
    beforeBracketedAcronym('le|la|les|du|des|au|aux|de|à|en|pour|par|dans|sur'),
    doubled('de|du|des|à|au|aux|en|pour|par|dans|sur'),
    JOINER_AFTER_BRACKET,
    prepositionsMeet('de|du|au|aux|dans|sur', 'en'),
    prepositionsMeet('en', 'du|à|au|aux'),
    prepositionsMeet('de|du|à|au|aux|en|pour|par|dans|sur', '(?:et|ou),'),
    SPANISH_ARTICLE_LEFT.fr,
    // Two prepositions side by side that no sentence puts there ("de à AA+", "en pour"): the name between them was
    // cut. Not "de par" (de par son rôle), "de sur", "de dans", nor "du à" (a common slip for "dû à").
    prepositionsMeet('de', 'à|au|aux|avec|pour|sans|chez'),
    prepositionsMeet('en', 'pour|avec|sans|chez|dans|sur'),
  ].join('|'),
  de: [
    clauseEnd('und|oder'),
    orBetweenCommas('oder'),
    // An article, or an inflected lower-case word, joined by a hyphen to a capitalised word: "der-Gruppe",
    // "die-Theater", "legendären-Turm", where "der Visegrad-Gruppe" stood; no German word is written so. Its lookbehind
    // stays in the candidates: without it, "\p{Ll}+" would be tried from every letter of every word.
    "(?<![\\p{L}\\p{N}'’.(-])(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|im|am|zum|zur|vom|beim|\\p{Ll}+(?:e|en|em|er|es))-(?=\\p{Lu})",
    beforeBracketedAcronym('der|die|das|den|dem|des|im|am|zum|zur|vom|beim|von|für|mit|bei'),
    beforeClosingQuote(GAP_WORDS.de![0]),
    // Two hyphens between letters, the second before a capital: "Johannes--Gymnasium", where "Johannes-Kepler-
    // Gymnasium" stood; its first hyphen heads the part, so that candidates are tried only at hyphens.
    '-(?<=\\p{L}-)-(?=\\p{Lu})',
    // "des", never a pronoun, before punctuation: "Präsident des,".
    `${NOT_AFTER_WORD}des${BEFORE_PUNCTUATION}`,
    // A preposition before a contracted one: "in zur", "von im" — not "nach", "aus", "mit" or "zu", which also stand
    // after a noun or as adverbs: "seiner Meinung nach im", "mit im Boot".
    prepositionsMeet('bei|von|für|in|seit|ohne|gegen', 'im|am|zum|zur|vom|beim|ins'),
    // A preposition right before a finite "sein", "haben" or "werden" ("von wird", "im wurde"; not "dem ist", a
    // pronoun's): the name it governed was cut.
    prepositionsMeet(
      'von|vom|für|bei|beim|zum|zur|im|am',
      'ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|wurden',
    ),
    JOINER_AFTER_BRACKET,
    SPANISH_ARTICLE_LEFT.de,
    // An article before a sentence's end ("in der Libyen-Mission der.", "mit der."): "der", "dem", "den" end no
    // sentence, as pronouns neither (not before a comma: "das, was", "dem, der").
    `${NOT_AFTER_WORD}(?:der|dem|den)\\s*(?:[;!?]|\\.(?!\\.|\\s*\\p{Ll}))`,
  ].join('|'),
  it: `${ELIDED_BEFORE_NOTHING}|${ELIDED_BEFORE_CONSONANT}|${beforeBracketedAcronym('il|lo|la|gli|le|del|della|dei|al|alla')}`,
  pt: beforeBracketedAcronym('o|a|os|as|do|da|dos|das|ao|à'),
  ar: ARABIC_GAPS,
};
// In any language: quotation marks, brackets or commas with nothing between them ("la plateforme «»", 'die Plattform ""',
// "Sporturist,, Rekrea": a list's item cut).
const EMPTY_PAIR = /,\s*,|""|“\s*”|„\s*[“”]|«\s*»|\(\s*\)|\[\s*\]/gu;
/** A language's gap pattern, whole (sticky: tried at one place) and without its parts' lookbehinds (see notAfter). */
interface GapPattern {
  readonly whole: RegExp;
  readonly candidates: RegExp;
}
const GAP_LANGS = new Set([...Object.keys(GAP_WORDS), ...Object.keys(MORE_GAPS)]);
// Each language's pattern made on its first use: a run checks one or two target languages, and making the
// RegExps of all six at load cost a one-unit check (translate's gate) about 13 ms.
const GAPS = new Map<string, GapPattern | undefined>();

/** A language's gap pattern (primary subtag), made once. */
function gapsFor(lang: string): GapPattern | undefined {
  if (GAPS.has(lang)) return GAPS.get(lang);
  let made: GapPattern | undefined;
  if (GAP_LANGS.has(lang)) {
    const words = GAP_WORDS[lang];
    const parts = [
      ...(words
        ? [`${NOT_AFTER_WORD}(?:${words[0]})(?:\\s*(?:[,;:!?)\\]]|\\.(?!\\.|\\s*\\p{Ll})|$)|\\s+(?:${words[1]})\\s)`]
        : []),
      ...(MORE_GAPS[lang] ? [MORE_GAPS[lang]] : []),
    ];
    const pattern = parts.join('|');
    made = {
      whole: new RegExp(pattern.replace(/\u0001(.*?)\u0002/gu, '(?<![$1])'), 'uy'),
      candidates: new RegExp(pattern.replace(/\u0001.*?\u0002/gu, ''), 'gu'),
    };
  }
  GAPS.set(lang, made);
  return made;
}

/** A language's whole gap pattern, global: the gaps of a text are what its matchAll finds (see gapsIn). */
export function gapPatternOf(lang: string): RegExp | undefined {
  const whole = gapsFor(primarySubtag(lang))?.whole;
  return whole && new RegExp(whole.source, 'gu');
}

/** What `matchAll` of the whole pattern gives: where a candidate begins, the whole pattern tried there. */
function gapsIn(text: string, { whole, candidates }: GapPattern): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  candidates.lastIndex = 0;
  for (let c = candidates.exec(text); c !== null; c = candidates.exec(text)) {
    whole.lastIndex = c.index;
    const m = whole.exec(text);
    if (m) out.push(m);
    // (after a gap, from its end, as matchAll goes on; else from the next character: a gap never begins inside a pair)
    candidates.lastIndex = m
      ? m.index + Math.max(1, m[0].length)
      : c.index + (text.codePointAt(c.index)! > 0xffff ? 2 : 1);
  }
  return out;
}

export class TargetText {
  readonly folded: string;
  readonly words: readonly TargetWord[];
  private readonly lang: string;
  private skeletons: SkeletonIndex | undefined;
  private unexplained: readonly TargetWord[] | undefined;
  private found: Map<string, WordMatch | undefined> | undefined;
  private foundProper: Map<string, WordMatch | undefined> | undefined;
  private distinctWords: Set<string> | undefined;
  private capitalised: Set<string> | undefined;
  private sorted: string[] | undefined;
  private likeIndex: LikenessIndex | undefined;
  private closed: string | undefined;
  private pieces: Set<string> | undefined;
  private acronymList: string[] | undefined;
  private otherScript: boolean | undefined;
  private readonly gapsClaimed = new Set<number>();
  private gapMode: 'first' | 'lost first' | 'nearest' = 'first';
  private gapAsked: Array<number | undefined> = [];
  private gapRefused = false;
  private askingAt: readonly number[] = [];
  private gapList: RegExpExecArray[] | undefined;
  private sourceWords: ReadonlySet<string> | undefined;
  /** Whether any word is in a script other than Latin (only those can hold a transliteration); asked on first need. */
  private foreign: boolean | undefined;

  /**
   * `lowerCase`: words the run's targets in this language write in lower case, when the run is large enough to know
   * them: a sentence's first word not among them may be a name.
   */
  /**
   * `sourceText`: the source text, when the target is read against it: a target word that is another of its words kept
   * is no respelling of a name ("Festival" of "Festa Academia Festival" is no "Festa").
   */
  constructor(
    readonly text: string,
    lang: string,
    private readonly lowerCase?: ReadonlySet<string>,
    private readonly sourceText?: string,
  ) {
    this.lang = primarySubtag(lang);
    this.folded = fold(text);
    const words: TargetWord[] = [];
    // Folding keeps length for almost every text; where it does not, offsets come from the folded text itself.
    const same = this.folded.length === text.length;
    const source = same ? text : this.folded;
    // Words as WORD matches them, read character by character through a table of classes (no match objects, no
    // lower-cased copy per word): whether a character is a word's, an upper-case letter, changed by lower-casing.
    const n = source.length;
    for (let i = 0; i < n;) {
      let cp = source.codePointAt(i)!;
      let c = charClass(cp);
      if (!(c & WORD_CHAR)) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      const start = i;
      const firstUpper = (c & UPPERCASE) !== 0;
      let upper = false;
      let allUpper = true;
      let count = 0;
      while (i < n) {
        cp = source.codePointAt(i)!;
        c = charClass(cp);
        if (!(c & WORD_CHAR)) break;
        if (c & CHANGED_BY_LOWER_CASE) upper = true;
        if (!(c & UPPERCASE)) allUpper = false;
        count++;
        i += cp > 0xffff ? 2 : 1;
      }
      const sentenceStart = words.length === 0 || (upper && opensSentence(source, start));
      words.push({
        folded: same ? this.folded.slice(start, i) : source.slice(start, i),
        start,
        end: i,
        acronym: upper && allUpper && count >= 2,
        capitalised: upper && !sentenceStart && firstUpper,
        // (where folding changed the text's length the offsets are the folded text's, and the text is read at them)
        initialCapital: same ? firstUpper : /^\p{Lu}/u.test(text.slice(start, i)),
      });
    }
    this.foreign = undefined;
    this.words = words;
  }

  /** Whether a phrase occurs as whole words (case and accents aside), allowing German -s and Arabic proclitics. */
  hasPhrase(phrase: string): boolean {
    return this.phraseCount(phrase, 1) > 0;
  }

  /** How many times a phrase occurs as `hasPhrase` finds it, counted up to `limit`. */
  phraseCount(phrase: string, limit = Infinity): number {
    const n = closeAbbreviations(fold(phrase).trim());
    if (!n) return 0;
    const h = (this.closed ??= closeAbbreviations(this.folded));
    let count = 0;
    for (let at = h.indexOf(n); at >= 0; at = h.indexOf(n, at + 1)) {
      const rest = h.slice(at + n.length);
      if (/^[\p{L}\p{N}]/u.test(rest) && !(this.lang === 'de' && /^(?:s|n|es|en)(?![\p{L}])/u.test(rest))) continue;
      let start = at;
      while (start > 0 && /\p{L}/u.test(h.charAt(start - 1))) start--;
      const prefix = h.slice(start, at);
      if ((prefix === '' || (this.lang === 'ar' && ARABIC_PROCLITIC.test(prefix))) && ++count >= limit) return count;
    }
    return count;
  }

  /**
   * How a folded source word occurs in the target, if it does (remembered per word: a text asks again and again).
   * A word only a name has (`proper`) is respelled into a name, capitalised (Tehran → Teherán), or made an adjective
   * with its stem (Moravia → moravos): a lower-case word merely like it ("Meder" → "medio", "Thomas" → "tras") is
   * another word.
   */
  findWord(word: string, proper = false): WordMatch | undefined {
    if (word.length === 0) return undefined;
    // (one memory for each way of asking: no key made per question)
    const found = proper ? (this.foundProper ??= new Map()) : (this.found ??= new Map());
    const known = found.get(word);
    if (known !== undefined || found.has(word)) return known;
    const match = this.lookUp(word, proper);
    found.set(word, match);
    return match;
  }

  /** Where the sorted distinct words that start with `prefix` begin (binary search), if any does. */
  private firstStartingWith(prefix: string): number | undefined {
    const sorted = this.sortedWords();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]!.startsWith(prefix) ? lo : undefined;
  }

  /**
   * Whether a folded source word stands in the text as written: what `findWord` calls "verbatim", without its dearer
   * comparisons (asked where only that matters: "is every word of the name there as written?").
   */
  hasVerbatim(word: string): boolean {
    if (word.length === 0) return false;
    const known = this.found?.get(word) ?? this.foundProper?.get(word);
    return known !== undefined ? known === 'verbatim' : this.keptAsWritten(word);
  }

  /** Verbatim, inflected (Obamas), or the first part of a compound (Irakkrieg) when the name is long enough to be sure. */
  private keptAsWritten(word: string): boolean {
    // (a word there as it is needs no sorting: most names are kept so)
    if (this.distinct().has(word)) return true;
    const sorted = this.sortedWords();
    // Words that start with it, found by binary search in the sorted distinct words.
    for (let i = this.firstStartingWith(word) ?? sorted.length; i < sorted.length && sorted[i]!.startsWith(word); i++) {
      const rest = sorted[i]!.slice(word.length);
      if (rest === '' || INFLECTION.test(rest) || (word.length >= 4 && rest.length >= 3)) return true;
    }
    return this.lang === 'ar' && ARABIC_CLITICS.some((c) => this.distinct().has(c + word));
  }

  private lookUp(word: string, proper: boolean): WordMatch | undefined {
    if (this.keptAsWritten(word)) return 'verbatim';
    // Only then the dearer comparisons, which a text of thousands of distinct words does not get.
    if (this.respellingsSkipped) return undefined;
    const sorted = this.sortedWords();
    this.likeIndex ??= new LikenessIndex(sorted);
    if (
      this.likeIndex.some(
        word,
        (t, like) =>
          (like === 'stem' || (like === 'respelled' && (!proper || this.capitalisedForms().has(t) || long(word, t)))) &&
          !this.rendersAnother(word, t),
      )
    )
      return 'cognate';
    if (this.transliterated(word)) return 'transliterated';
    return undefined;
  }

  /**
   * Whether a target word like `word` is another word of the source kept as written or inflected ("Festival" of "Festa
   * Academia Festival" is no "Festa", "Nigeria" no "Niger"), not the name spelt otherwise.
   */
  private rendersAnother(word: string, t: string): boolean {
    if (this.sourceText === undefined) return false;
    // (read only here, on a likeness found: most targets never ask)
    this.sourceWords ??= new Set(fold(this.sourceText).match(WORD));
    for (const s of this.sourceWords) {
      // (not the name itself spelt otherwise in the source: "Berbr" and "Berber")
      if (s.length < 3 || !t.startsWith(s) || editDistance(s, word, 1) <= 1 || inflected(word, s)) continue;
      const rest = t.slice(s.length);
      if (rest === '' || INFLECTION.test(rest)) return true;
    }
    return false;
  }

  /** The distinct words of the text like a folded word (see `likeness`), none where respellings are skipped. */
  wordsLike(word: string): ReadonlySet<string> {
    const like = new Set<string>();
    if (this.respellingsSkipped) return like;
    this.likeIndex ??= new LikenessIndex(this.sortedWords());
    this.likeIndex.some(word, (t) => {
      like.add(t);
      return false;
    });
    return like;
  }

  /** Whether the text is too long for respelled and transliterated matches (each compares every distinct word). */
  get respellingsSkipped(): boolean {
    return this.distinct().size > MAX_WORDS_FOR_RESPELLINGS;
  }

  /**
   * Whether a word stands here capitalised as a foreign word: written with a capital, and never in lower case in the
   * run's targets (`School`, `Speed` in a Spanish text; not `Central`). Undefined where the run is too small to tell.
   */
  keepsForeign(word: string): boolean | undefined {
    if (this.lowerCase === undefined) return undefined;
    return this.capitalisedForms().has(word) && !this.lowerCase.has(word);
  }

  /** Whether the run's targets write this folded word in lower case (a word of the target's language). */
  writesInLowerCase(word: string): boolean {
    return this.lowerCase?.has(word) === true;
  }

  /** The folded words written with a capital somewhere in the text (a sentence's first included). */
  private capitalisedForms(): Set<string> {
    return (this.capitalised ??= new Set(this.words.filter((t) => t.initialCapital).map((t) => t.folded)));
  }

  private distinct(): Set<string> {
    if (this.distinctWords === undefined) {
      this.distinctWords = new Set();
      for (const t of this.words) this.distinctWords.add(t.folded);
    }
    return this.distinctWords;
  }

  private sortedWords(): readonly string[] {
    return (this.sorted ??= [...this.distinct()].sort());
  }

  /** Whether a digit run or a single letter stands in the target as a word of its own ("2" in "سارس-كوف-2", "C"). */
  hasToken(token: string): boolean {
    if (this.pieces === undefined) {
      this.pieces = new Set();
      for (const t of this.words) {
        // (a word without a number character has nothing to split)
        if (!NUMBER_CHAR.test(t.folded)) this.pieces.add(t.folded);
        else for (const piece of t.folded.split(LETTERS_AND_NUMBERS_MEET)) this.pieces.add(piece);
      }
    }
    return this.pieces.has(token);
  }

  /** Whether a word begins with this folded prefix. */
  hasWordStartingWith(prefix: string): boolean {
    return this.firstStartingWith(prefix) !== undefined;
  }

  /**
   * A preposition before nothing — before punctuation or a conjunction: "de ,", "à et", "von." — about where a name
   * stood (`place`, a share of the text's length; anywhere when undefined): where words were cut out of the text.
   * Each gap is given once, to the first name that asks — or as `gapsFirstToLost` and `gapsToNearest` say: a name
   * known lost by other means (`lost`) first, then the asking name nearest to the gap (`stood`: where the name stood,
   * for that comparison, where `place` is undefined).
   */
  gap(place?: number, lost = false, stood = place): string | undefined {
    if (this.gapMode === 'lost first' && !lost) {
      this.gapAsked.push(stood);
      return undefined;
    }
    for (const m of this.gaps()) {
      const at = m.index / Math.max(1, this.text.length);
      if (place !== undefined && Math.abs(at - place) > PLACE_MARGIN) continue;
      // A gap stands for one lost name: the first that asks for it.
      if (this.gapsClaimed.has(m.index)) continue;
      if (this.gapMode === 'nearest' && !lost && this.nearerAsking(at, stood)) {
        this.gapRefused = true;
        continue;
      }
      this.gapsClaimed.add(m.index);
      return m[0].trim();
    }
    return undefined;
  }

  /**
   * Gaps given to the names known lost by other means only (`gap(place, true)`); the others that ask are noted
   * (`takeAsked`) to ask again once those have taken theirs.
   */
  gapsFirstToLost(): void {
    this.gapMode = 'lost first';
  }

  /** Where a name asked for gaps since the last call (undefined: anywhere). */
  takeAsked(): Array<number | undefined> {
    const asked = this.gapAsked;
    this.gapAsked = [];
    return asked;
  }

  /**
   * Each gap to the name nearest to it of those that ask (where they stood, shares of the source's length): not to an
   * earlier name that was translated (`el secretario de Gobernación,, y` where "José Francisco Blake Mora" was cut is
   * no loss of "Secretary").
   */
  gapsToNearest(places: readonly number[]): void {
    this.gapMode = 'nearest';
    this.askingAt = places;
  }

  /** Whether a gap was left to a nearer name since the last call. */
  takeRefusal(): boolean {
    const refused = this.gapRefused;
    this.gapRefused = false;
    return refused;
  }

  /** Each gap to the first name that asks (a name left one for a nearer name asks again so, if that one did not take it). */
  gapsToFirst(): void {
    this.gapMode = 'first';
  }

  private nearerAsking(at: number, stood: number | undefined): boolean {
    const mine = stood === undefined ? Infinity : Math.abs(at - stood);
    return this.askingAt.some((p) => Math.abs(p - at) < mine - NEARER && Math.abs(p - at) <= PLACE_MARGIN);
  }

  /** Whether the text has a gap no name has been given yet. */
  get hasGap(): boolean {
    return this.gaps().some((m) => !this.gapsClaimed.has(m.index));
  }

  private gaps(): ReadonlyArray<RegExpExecArray> {
    if (this.gapList) return this.gapList;
    const pattern = gapsFor(this.lang);
    const gaps = pattern ? gapsIn(this.text, pattern) : [];
    const empty = [...this.text.matchAll(EMPTY_PAIR)];
    return (this.gapList = empty.length ? [...gaps, ...empty].sort((a, b) => a.index - b.index) : gaps);
  }

  /**
   * Whether a target word begins like the word, all but its last three letters (four at least): an adjective,
   * a demonym or an inflection made from a name ("barceloneses", "Pilsner", "Washingtoner", "Bartošové").
   */
  hasWordStartingLike(word: string): boolean {
    if (word.length < 4) return false;
    const stem = word.slice(0, Math.max(4, word.length - 3));
    return this.firstStartingWith(stem) !== undefined;
  }

  /** The distinct words `hasWordStartingLike` finds for a folded word. */
  wordsStartingLike(word: string): string[] {
    if (word.length < 4) return [];
    const stem = word.slice(0, Math.max(4, word.length - 3));
    const sorted = this.sortedWords();
    const out: string[] = [];
    for (let i = this.firstStartingWith(stem) ?? sorted.length; i < sorted.length && sorted[i]!.startsWith(stem); i++)
      out.push(sorted[i]!);
    return out;
  }

  /** A target word that is the source word with two adjacent letters swapped: a typing slip. */
  transposed(word: string): string | undefined {
    if (this.respellingsSkipped) return undefined;
    // The first in sorted order, found without sorting: a text whose names are all kept as written is never sorted.
    let first: string | undefined;
    for (const t of this.distinct())
      if (t.length === word.length && (first === undefined || t < first) && isTransposition(word, t)) first = t;
    return first;
  }

  /** Whether a word of another script (Arabic, Cyrillic, Greek) can be the source word transliterated. */
  private transliterated(word: string): boolean {
    if (!(this.foreign ??= !allBelow(this.text, NOT_LATIN_FROM) && NOT_LATIN.test(this.text))) return false;
    if (latinReadingsOf(word).length === 0) return false;
    if (this.skeletons === undefined) {
      // Each word, and each pair of neighbours: another script may split a name ("Jinping" → "جين بينغ").
      const index = (this.skeletons = new SkeletonIndex());
      this.words.forEach((t, i) => {
        for (const k of targetSkeletons(t.folded)) index.add(k);
        const next = this.words[i + 1];
        if (next) for (const k of targetSkeletons(t.folded + next.folded)) index.add(k);
      });
    }
    return this.skeletons.matchesName(word);
  }

  /** Whether a text in another script keeps some words in Latin letters (acronyms, names): then it may have kept this one too. */
  get hasLatinWords(): boolean {
    return /\p{Script=Latin}{2,}/u.test(this.text);
  }

  /** Whether the text is written in a script other than Latin (then capitals and acronyms tell nothing). */
  get nonLatin(): boolean {
    return (this.otherScript ??= !allBelow(this.text, OTHER_SCRIPTS_FROM) && OTHER_SCRIPT_WORD.test(this.text));
  }

  /**
   * An acronym written out: capitalised words whose initials are its letters, in any order and with
   * particles between them ("EU" → "Europäische Union", "Unión Europea"; "NATO" → "Organización del
   * Tratado del Atlántico Norte"; "TGD" → "Türkische Gemeinde in Deutschland"). With `adjectives`, the words
   * before the last may be lower case, as adjectives inside a name are in German and French ("der europäischen Union").
   */
  hasExpansion(acronym: string, adjectives = false): boolean {
    const letters = sortedLetters(acronym);
    if (letters.length < 2 || letters.length > 6) return false;
    const capital = (w: TargetWord): boolean => w.initialCapital;
    // (one list for every place: most places start no run of capitals at all)
    const initials: string[] = [];
    for (let i = 0; i < this.words.length; i++) {
      initials.length = 0;
      let last: TargetWord | undefined;
      for (let k = i; k < this.words.length && k - i < 3 * letters.length && initials.length < letters.length; k++) {
        const w = this.words[k]!;
        if (EXPANSION_PARTICLES.has(w.folded) && initials.length > 0) continue;
        if ((!capital(w) && !adjectives) || w.acronym) break;
        initials.push(w.folded[0]!);
        last = w;
      }
      if (initials.length === letters.length && initials.sort().join('') === letters && last && capital(last))
        return true;
    }
    return false;
  }

  /**
   * Whether an acronym is there localised: the same letters in another order
   * (NATO → OTAN, EU → UE, HIV → VIH) or with one letter more or less (UN → ONU).
   */
  hasLocalisedAcronym(acronym: string): boolean {
    const letters = sortedLetters(acronym);
    for (const t of this.words) {
      if (!t.acronym) continue;
      const mine = [...t.folded].sort().join('');
      if (mine === letters) return true;
      if (letters.length >= 2 && Math.abs(mine.length - letters.length) === 1) {
        const [short, long] = mine.length < letters.length ? [mine, letters] : [letters, mine];
        let i = 0;
        for (const ch of long) if (ch === short[i]) i++;
        if (i === short.length) return true;
      }
    }
    return false;
  }

  /**
   * Capitalised words of the target that no word of the source explains (kept
   * or respelled): where a source name was translated ("Holanda", "Universidad
   * Carolina"), if it was not lost.
   */
  unexplainedCapitals(source: string, renderings: readonly string[] = [], nouns = false): string[] {
    return this.unexplainedWords(source, renderings)
      .filter((t) => this.mayBeName(t, nouns))
      .map((t) => t.folded);
  }

  /**
   * Whether a capitalised word may be a name: inside a sentence, or first in one where the run's other targets never
   * write it in lower case ("Josef kann …", not "Los …"). German capitalises every noun: only a word its dictionary
   * does not have may be a name.
   */
  private mayBeName(t: TargetWord, nouns = false): boolean {
    const upper = t.capitalised || (this.lowerCase !== undefined && t.initialCapital && !this.lowerCase.has(t.folded));
    return upper && (nouns || this.lang !== 'de' || !isGermanNoun(this.text.slice(t.start, t.end)));
  }

  /** The folded word right before the first occurrence of `word` (folded; inflected too), if any. */
  wordBefore(word: string): string | undefined {
    const at = this.words.findIndex((t) => t.folded.startsWith(word));
    return at > 0 ? this.words[at - 1]!.folded : undefined;
  }

  /** Whether a compound of the text ends in `word` (folded): "Aquadome" for "dome". */
  hasCompoundEnding(word: string): boolean {
    return this.words.some((t) => t.folded.length >= word.length + 3 && t.folded.endsWith(word));
  }

  /**
   * The capitalised word right before `word` (folded) where no source word explains it and it may be a name: the
   * rendering of a first name the target gives its own way ("Jan Pokorný" for "Honza Pokorný").
   */
  nameBefore(word: string, source: string, renderings: readonly string[]): string | undefined {
    const at = this.words.findIndex((t) => t.folded === word || t.folded.startsWith(word));
    const before = at > 0 ? this.words[at - 1]! : undefined;
    if (!before || !/^\s+$/u.test(this.text.slice(before.end, this.words[at]!.start))) return undefined;
    return this.unexplainedCapitals(source, renderings).includes(before.folded) ? before.folded : undefined;
  }

  /**
   * The unexplained capitalised words that may render a name: not those that stand in one run of capitalised
   * words with a word rendering another name of the source ("Campeonato de Europa" is "European Championship",
   * no candidate for a lost "Čech"). `others` holds the folded words of the source's other names; `place` where the
   * name stood (a share of the source's length); `properOnly`, whether only a proper name renders it (a person's name,
   * a country), never a word the run's targets write in lower case; `nouns`, whether German
   * nouns count (the rendering of a name of common words: "Law Department" → "Juristische Fakultät").
   */
  candidatesFor(
    source: string,
    renderings: readonly string[],
    others: ReadonlySet<string>,
    place?: number,
    properOnly = false,
    nouns = false,
  ): string[] {
    const unexplained = this.unexplainedWords(source, renderings);
    // A rendering stands about where the name stood: a word at the other end of the text renders something else.
    const near = (t: TargetWord): boolean =>
      (place === undefined || Math.abs((t.start + t.end) / 2 / this.text.length - place) <= PLACE_MARGIN) &&
      // A person's name is kept or transliterated, a country's has an exonym: a word the run's targets write in lower
      // case does not render it.
      !(properOnly && this.lowerCase?.has(t.folded));
    const free = new Set(unexplained.filter(near));
    if (free.size === 0) return [];
    if (others.size === 0)
      return this.unexplainedCapitals(source, renderings, nouns).filter((w) => [...free].some((t) => t.folded === w));
    const renders = (t: TargetWord): boolean =>
      others.has(t.folded) ||
      [...others].some((w) => w.length >= 4 && (t.folded.startsWith(w) || isCognate(w, t.folded)));
    for (let i = 0; i < this.words.length;) {
      // A run: capitalised words (a particle between two of them allowed) with only spaces between.
      let j = i;
      const upper = (k: number): boolean => this.words[k]!.initialCapital;
      if (!upper(i)) {
        i++;
        continue;
      }
      while (
        j + 1 < this.words.length &&
        /^\s+$/u.test(this.text.slice(this.words[j]!.end, this.words[j + 1]!.start))
      ) {
        const next = this.words[j + 1]!;
        if (upper(j + 1) || (RUN_PARTICLES.has(next.folded) && j + 2 < this.words.length && upper(j + 2))) j++;
        else break;
      }
      const run = this.words.slice(i, j + 1);
      if (run.length > 1 && run.some((t) => !free.has(t) && renders(t))) for (const t of run) free.delete(t);
      i = j + 1;
    }
    return this.unexplainedCapitals(source, renderings, nouns).filter((w) => [...free].some((t) => t.folded === w));
  }

  /**
   * An unexplained capitalised word that sounds like the name: the same consonant skeleton but for one
   * sound ("Munich" → "München", "Beijing" → "Peking", "Moravia" → "Mähren"), an exonym the word lists
   * do not know. German nouns count here: the German dictionary lists place names too; and so does a sentence's
   * first word, the likeness of sound being evidence enough ("Mähren ist …").
   */
  soundsLike(name: string, source: string, renderings: readonly string[] = []): string | undefined {
    const skeleton = latinSkeleton(name);
    if (skeleton.length < 3) return undefined;
    const hit = this.unexplainedWords(source, renderings).find((t) => {
      // German lengthens a vowel with a silent h ("Mähren", "Bahn"): no consonant of the name.
      const other = latinSkeleton(this.lang === 'de' ? t.folded.replace(/(?<=[aeiou])h(?![aeiou])/gu, '') : t.folded);
      return other[0] === skeleton[0] && other.length >= 3 && editDistance(skeleton, other, 1) <= 1;
    });
    return hit ? this.text.slice(hit.start, hit.end) : undefined;
  }

  /** Words with a capital (a sentence's first too) that no word of the source explains. */
  private unexplainedWords(source: string, renderings: readonly string[]): readonly TargetWord[] {
    if (this.unexplained === undefined) {
      const sourceWords = new Set([...fold(source).matchAll(WORD)].map((m) => m[0]));
      const sourceList = [...sourceWords];
      // The target's names for the source's countries ("Ucrania" for "Ukraine") are explained too.
      const rendered = new Set(renderings.flatMap((r) => fold(r).match(WORD) ?? []));
      this.unexplained = this.words.filter(
        (t) =>
          (t.capitalised || t.initialCapital) &&
          !t.acronym &&
          !sourceWords.has(t.folded) &&
          !rendered.has(t.folded) &&
          !(!this.respellingsSkipped && sourceList.some((s) => isCognate(s, t.folded))),
      );
    }
    return this.unexplained;
  }

  /**
   * Whether a German compound holds the word with a part before it ("Karlsuniversität" for "University"): the
   * compound renders the name the word belongs to, its other words made into that part.
   */
  hasInCompound(word: string): boolean {
    if (this.lang !== 'de' || word.length < 5) return false;
    const stem = word.slice(0, Math.max(5, word.length - 2));
    return this.sortedWords().some((t) => t.length > word.length + 2 && t.indexOf(stem) >= 3);
  }

  /** Acronyms of three letters or more the source does not have: a name may be written as one (Czechoslovakia → ČSSR). */
  ownAcronyms(source: string): string[] {
    const sourceWords = new Set(fold(source).match(WORD) ?? []);
    return this.words
      .filter((t) => t.acronym && t.folded.length >= 3 && !sourceWords.has(t.folded))
      .map((t) => this.text.slice(t.start, t.end));
  }

  /** Acronyms in the target that no source name accounts for: signs that one was localised. */
  acronyms(): string[] {
    return (this.acronymList ??= this.words.filter((t) => t.acronym).map((t) => t.folded));
  }
}
