import { textOnly, toPlainText } from '../../model/content.js';
import { protect } from '../../protect/protect.js';
import type { PairCheck } from '../types.js';
import { translated } from '../preconditions.js';

// A unit of names, acronyms, numbers and punctuation only ("AP", "NATO", "2023") is often the same in every language.
// A name may carry punctuation, as a label does ("Peru:", "(AP)").
const NAME_LIKE =
  /^(?:[\p{P}\p{S}]*[\p{Lu}\p{N}][\p{L}\p{N}.'’&-]*[\p{P}\p{S}]*|[\p{P}\p{S}\s]+)(?:\s+(?:[\p{P}\p{S}]*[\p{Lu}\p{N}][\p{L}\p{N}.'’&-]*[\p{P}\p{S}]*|[\p{P}\p{S}]+))*$/u;

// Placeholders, URLs and addresses are code, the same in every language: "%#@files@" alone is not untranslated text.
function withoutProtected(text: string): string {
  return protect(text)
    .map((run) => (typeof run === 'string' ? run : ' '))
    .join('');
}

export const untranslated: PairCheck = {
  id: 'untranslated',
  severity: 'warning',
  preconditions: [translated],
  description: 'The target equals the source (units made only of names, numbers and placeholders excepted).',
  run(pair) {
    const source = toPlainText(pair.source).trim();
    if (source !== toPlainText(pair.target).trim()) return [];
    const text = withoutProtected(textOnly(pair.source)).trim();
    if (text === '' || NAME_LIKE.test(text) || !/\p{L}{2}/u.test(text)) return [];
    return [{ message: 'the target is the same as the source: not translated?' }];
  },
};
