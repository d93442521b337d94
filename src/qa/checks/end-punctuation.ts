import { textWithoutCodes } from '../text.js';
import type { Finding, PairCheck } from '../types.js';
import { translated } from '../preconditions.js';

type Mark = 'question mark' | 'exclamation mark' | 'full stop' | 'colon' | 'semicolon' | 'ellipsis';

// Sentence-final marks by class; each script's own forms count as the same mark.
const CLASSES: ReadonlyArray<readonly [Mark, string]> = [
  ['question mark', '?？؟;'],
  ['exclamation mark', '!！'],
  ['full stop', '.。۔।'],
  ['colon', ':：'],
  ['semicolon', ';；؛'],
  ['ellipsis', '…'],
];
// Closing quotes and brackets after the mark, and white space.
const CLOSERS = new Set([
  '"',
  "'",
  '”',
  '’',
  '»',
  ')',
  ']',
  '」',
  '』',
  '›',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u202f',
  '\u3000',
]);

/** The mark before position `end`, closing quotes, brackets and white space skipped; where that mark starts. */
function markBefore(text: string, end: number, lang: string): { mark: Mark | null; at: number } {
  while (end > 0 && CLOSERS.has(text.charAt(end - 1))) end--;
  if (end >= 3 && text.startsWith('...', end - 3)) return { mark: 'ellipsis', at: end - 3 };
  const last = text.charAt(end - 1);
  // ";" is a question mark only in Greek (U+037E folds to it).
  if (last === ';' || last === '\u037e')
    return { mark: lang === 'el' || lang.startsWith('el-') ? 'question mark' : 'semicolon', at: end - 1 };
  return { mark: CLASSES.find(([, chars]) => chars.includes(last))?.[0] ?? null, at: end - 1 };
}

/**
 * The marks a text ends with: the last one, and the one inside a closing quote
 * or bracket before it (Spanish and French put the full stop after the quote:
 * «¿Por qué?».).
 */
function finalMarks(text: string, lang: string): { last: Mark | null; inner: Mark | null } {
  const outer = markBefore(text, text.length, lang);
  if (
    outer.mark === null ||
    outer.at <= 0 ||
    !CLOSERS.has(text.charAt(outer.at - 1)) ||
    /\s/u.test(text.charAt(outer.at - 1))
  )
    return { last: outer.mark, inner: null };
  return { last: outer.mark, inner: markBefore(text, outer.at, lang).mark };
}

const ends = (mark: Mark | null): string =>
  mark ? `with a${/^[aeiou]/u.test(mark) ? 'n' : ''} ${mark}` : 'without one';

/**
 * A question that lost its question mark is a warning. A full stop added or
 * left out (a headline written as a sentence), an ellipsis for a full stop
 * and a colon or semicolon at the end of a list item are styles, not
 * reported; an exclamation toned down or added, a statement turned into a
 * (rhetorical or direct) question and a colon changed are information.
 */
export const endPunctuation: PairCheck = {
  id: 'end-punctuation',
  severity: 'warning',
  preconditions: [translated],
  description:
    'A question in the source is a question in the target (? = ؟ = ？); a changed exclamation or colon is noted; a full stop added or left out is style.',
  run(pair) {
    // Codes stand as U+FFFC: a sentence ending in a protected URL ends in no mark, whatever comes before it.
    const target = textWithoutCodes(pair.target);
    if (target.replace(/\uFFFC/gu, '').trim() === '') return [];
    const source = finalMarks(textWithoutCodes(pair.source), pair.sourceLang);
    const marks = finalMarks(target, pair.targetLang);
    const s = source.last;
    const t = marks.last;
    if (s === t || (s !== null && s === marks.inner) || (t !== null && t === source.inner)) return [];
    const message = s
      ? `the source ends with a${/^[aeiou]/u.test(s) ? 'n' : ''} ${s}, the target ${ends(t)}`
      : `the target ends with a${t && /^[aeiou]/u.test(t) ? 'n' : ''} ${t}, the source does not`;
    const finding = (severity?: 'info'): Finding[] => [{ message, ...(severity ? { severity } : {}) }];
    if (s === 'question mark') return finding();
    if (t === 'question mark' || s === 'exclamation mark' || t === 'exclamation mark' || s === 'colon' || t === 'colon')
      return finding('info');
    return [];
  },
};
