import { textOnly } from '../../model/content.js';
import type { PairCheck } from '../types.js';

// Sentence-final marks by class; each script's own forms count as the same mark.
const CLASSES: ReadonlyArray<[string, string]> = [
  ['question mark', '?？؟;'],
  ['exclamation mark', '!！'],
  ['full stop', '.。۔।'],
  ['colon', ':：'],
  ['ellipsis', '…'],
];
const CLOSERS = /["'”’»)\]」』›\s]+$/u;

function finalClass(text: string): string | null {
  const bare = text.replace(CLOSERS, '');
  if (bare.endsWith('...')) return 'ellipsis';
  const last = bare.charAt(bare.length - 1);
  return CLASSES.find(([, chars]) => chars.includes(last))?.[0] ?? null;
}

export const endPunctuation: PairCheck = {
  id: 'end-punctuation',
  severity: 'warning',
  description: 'The target ends with the same kind of punctuation as the source (? = ؟ = ？, . = 。, …).',
  run(pair) {
    const s = finalClass(textOnly(pair.source).trim());
    const t = finalClass(textOnly(pair.target).trim());
    if (s === t || textOnly(pair.target).trim() === '') return [];
    if (s === 'full stop' && t === 'ellipsis') return [];
    return [{ message: s ? `the source ends with a ${s}, the target ${t ? `with a ${t}` : 'without one'}` : `the target ends with a ${t}, the source does not` }];
  },
};
