import { textOnly, codesOf } from '../../model/content.js';
import type { PairCheck } from '../types.js';

export const empty: PairCheck = {
  id: 'empty',
  severity: 'error',
  preconditions: [],
  description: 'The target is empty or only white space while the source has text.',
  run(pair) {
    const source = textOnly(pair.source).trim();
    const target = textOnly(pair.target).trim();
    return source !== '' && target === '' && codesOf(pair.target).length === 0
      ? [{ message: 'the target is empty' }]
      : [];
  },
};
