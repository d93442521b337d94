import { textOnly } from '../../model/content.js';
import type { PairCheck } from '../types.js';

const PAIRS: ReadonlyArray<[string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['“', '”'],
  ['«', '»'],
  ['‘', '’'],
  ['„', '“'],
];

const count = (text: string, ch: string): number => text.split(ch).length - 1;

/** Unbalanced brackets and quotes that the source does not have (a quote may legitimately span sentences). */
export const bracketsQuotes: PairCheck = {
  id: 'brackets-quotes',
  severity: 'warning',
  description: 'Brackets and quotation marks are balanced in the target as they are in the source.',
  run(pair) {
    const src = textOnly(pair.source);
    const trg = textOnly(pair.target);
    const balanced = (text: string, open: string, close: string): boolean => {
      if (open === '‘' && close === '’') return true; // ’ is also the apostrophe
      if (close === '“') return count(text, open) === count(text, close) || count(text, open) === 0;
      return count(text, open) === count(text, close);
    };
    const findings = [];
    const srcUnbalanced = new Set(PAIRS.filter(([o, c]) => !balanced(src, o, c)).map(([o]) => o));
    for (const [open, close] of PAIRS) {
      if (!balanced(trg, open, close) && !srcUnbalanced.has(open) && (srcUnbalanced.size === 0 || !/[“”«»„"]/u.test(open))) {
        findings.push({ message: `unbalanced ${open}${close} in the target (${count(trg, open)} opening, ${count(trg, close)} closing)` });
      }
    }
    // Straight double quotes: an odd count where the source has an even one.
    if (count(trg, '"') % 2 !== count(src, '"') % 2 && srcUnbalanced.size === 0) findings.push({ message: 'an odd number of " in the target' });
    return findings;
  },
};
