import { primarySubtag } from '../model/language.js';
import { pushTo } from '../lists-by-key.js';

/**
 * Codes the other units of a run write with their digits. In another script a code may be translated into words
 * ("R0" → "معدل التكاثر الأساسي"), so its absence alone proves nothing; but translators render a code the same way
 * throughout a text: where the other units whose source has "ACE2" keep its "2", a unit without it lost it.
 */
export interface CodeCount {
  /** Other source texts of the run (each counted once, however often translated) that have the code as written. */
  readonly withCode: number;
  /** How many of them keep the code's digits in a target. */
  readonly keeping: number;
}

/**
 * `code` as written in the source ("ACE2"), with a digit; `source`: the asking unit's source text, left out of the
 * count.
 */
export type CodesKept = (code: string, source: string, targetLang: string) => CodeCount;

interface Sources {
  /** Each source text of the language with its targets, in run order. */
  readonly targets: Map<string, string[]>;
  /** Answers already given, per code. */
  readonly counts: Map<string, Map<string, boolean>>;
}

// Arabic-Indic and Persian digits read as ASCII ones, so "٢" keeps a "2".
const INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;
const asciiDigits = (text: string): string => text.replace(INDIC_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));

/** Whether `text` has `word` where no letter or digit touches it. */
function standsAlone(text: string, word: string, letters: boolean): boolean {
  const inside = letters ? /[\p{L}\p{N}]/u : /\p{N}/u;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !inside.test(before)) && (after === undefined || !inside.test(after))) return true;
  }
  return false;
}

/**
 * A pair of the run as codesKeptInRun reads it: its source with each code as one U+FFFC (textWithoutCodes), and of its
 * target only the runs of digits (see codeTextsOf).
 */
export interface CodeTexts {
  readonly source: string;
  readonly target: string;
  readonly targetLang: string;
}

/**
 * What the evidence on codes keeps of a pair, or nothing — a run holds this for every pair, so it holds little. A code
 * has digits (asked of anything else, the count is not the run's), so a source without a digit never has one and is
 * not kept. Of the target only its numerals count, each digit there standing alone or not: its maximal runs of
 * numerals (Arabic-Indic digits as ASCII) are kept, a space between them, where a digit stands alone exactly where it
 * did in the target.
 */
export function codeTextsOf(source: string, target: string, targetLang: string): CodeTexts | undefined {
  if (!HAS_DIGIT.test(source)) return undefined;
  return { source, target: asciiDigits(target).match(NUMERALS)?.join(' ') ?? '', targetLang };
}

const HAS_DIGIT = /\p{Nd}/u;
const NUMERALS = /\p{N}+/gu;

/** The run's evidence on codes (its pairs as codeTextsOf keeps them), read only when a unit asks (most runs never do). */
export function codesKeptInRun(pairs: readonly CodeTexts[]): CodesKept {
  const byLang = new Map<string, Sources>();
  const sourcesOf = (lang: string): Sources => {
    let sources = byLang.get(lang);
    if (sources) return sources;
    sources = { targets: new Map(), counts: new Map() };
    byLang.set(lang, sources);
    for (const p of pairs) {
      if (primarySubtag(p.targetLang) !== lang) continue;
      const source = p.source;
      pushTo(sources.targets, source, asciiDigits(p.target));
    }
    return sources;
  };
  return (code, source, targetLang) => {
    const digits = code.match(/\d+/gu) ?? [];
    const sources = sourcesOf(primarySubtag(targetLang));
    let keptBy = sources.counts.get(code);
    if (!keptBy) {
      keptBy = new Map();
      sources.counts.set(code, keptBy);
      for (const [text, targets] of sources.targets) {
        if (!text.includes(code) || !standsAlone(text, code, true)) continue;
        keptBy.set(
          text,
          targets.some((t) => digits.every((d) => standsAlone(t, d, false))),
        );
      }
    }
    let withCode = 0;
    let keeping = 0;
    for (const [text, keeps] of keptBy) {
      if (text === source) continue;
      withCode++;
      if (keeps) keeping++;
    }
    return { withCode, keeping };
  };
}
