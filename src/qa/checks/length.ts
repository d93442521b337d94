import { textOnly } from '../../model/content.js';
import { primary } from '../glossary.js';
import type { PairCheck } from '../types.js';

const SLACK = 15;

export const length: PairCheck = {
  id: 'length',
  severity: 'warning',
  description:
    'The target is much shorter or longer than the source (ratio range per target language, configurable, with 15 characters of slack above for short texts).',
  run(pair, context) {
    const s = textOnly(pair.source).trim().length;
    const t = textOnly(pair.target).trim().length;
    if (s < 20 || t === 0) return []; // short units vary too much to judge; empty targets are "empty"'s business
    const [min, max] = context.lengthRatio[pair.targetLang] ??
      context.lengthRatio[primary(pair.targetLang)] ??
      context.lengthRatio['*'] ?? [0.4, 2.5];
    const ratio = t / s;
    if (ratio < min)
      return [
        {
          message: `the target is ${Math.round(ratio * 100)} % of the source's length (below ${Math.round(min * 100)} %): something left out?`,
        },
      ];
    // A short text grows more when translated (a headline written out as a sentence): some characters of slack.
    if (ratio > max && t > max * s + SLACK)
      return [
        {
          message: `the target is ${Math.round(ratio * 100)} % of the source's length (above ${Math.round(max * 100)} %): something added?`,
        },
      ];
    return [];
  },
};
