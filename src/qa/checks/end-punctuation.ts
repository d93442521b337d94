import { textWithoutCodes } from '../text.js';
import type { Finding, PairCheck } from '../types.js';

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
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '」', '』', '›', ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u3000']);

/** The mark a text ends with. ";" is a question mark only in Greek (U+037E folds to it). */
function finalMark(text: string, lang: string): Mark | null {
  let end = text.length;
  while (end > 0 && CLOSERS.has(text.charAt(end - 1))) end--;
  if (end >= 3 && text.startsWith('...', end - 3)) return 'ellipsis';
  const last = text.charAt(end - 1);
  if (last === ';' || last === '\u037e') return lang === 'el' || lang.startsWith('el-') ? 'question mark' : 'semicolon';
  return CLASSES.find(([, chars]) => chars.includes(last))?.[0] ?? null;
}

const ends = (mark: Mark | null): string => (mark ? `with a${/^[aeiou]/u.test(mark) ? 'n' : ''} ${mark}` : 'without one');

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
  description: 'A question in the source is a question in the target (? = ؟ = ？); a changed exclamation or colon is noted; a full stop added or left out is style.',
  run(pair) {
    // Codes stand as U+FFFC: a sentence ending in a protected URL ends in no mark, whatever comes before it.
    const target = textWithoutCodes(pair.target);
    if (target.replace(/\uFFFC/gu, '').trim() === '') return [];
    const s = finalMark(textWithoutCodes(pair.source), pair.sourceLang);
    const t = finalMark(target, pair.targetLang);
    if (s === t) return [];
    const message = s ? `the source ends with a${/^[aeiou]/u.test(s) ? 'n' : ''} ${s}, the target ${ends(t)}` : `the target ends with a${t && /^[aeiou]/u.test(t) ? 'n' : ''} ${t}, the source does not`;
    const finding = (severity?: 'info'): Finding[] => [{ message, ...(severity ? { severity } : {}) }];
    if (s === 'question mark') return finding();
    if (t === 'question mark' || s === 'exclamation mark' || t === 'exclamation mark' || s === 'colon' || t === 'colon') return finding('info');
    return [];
  },
};
