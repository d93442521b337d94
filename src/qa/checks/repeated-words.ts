import { textWithoutCodes } from '../text.js';
import type { PairCheck } from '../types.js';

const REPEAT = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/giu;

export const repeatedWords: PairCheck = {
  id: 'repeated-words',
  severity: 'warning',
  description: 'A word repeated twice in a row in the target ("the the") where the source has no such repetition.',
  run(pair) {
    const src = new Set([...textWithoutCodes(pair.source).matchAll(REPEAT)].map((m) => m[1]!.toLowerCase()));
    const trg = textWithoutCodes(pair.target);
    return [...trg.matchAll(REPEAT)]
      .filter((m) => !src.has(m[1]!.toLowerCase()) && m[1]!.length > 1)
      .map((m) => ({ message: `"${m[1]}" is repeated`, targetSpan: { start: m.index, end: m.index + m[0].length } }));
  },
};
