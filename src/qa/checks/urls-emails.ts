import { toPlainText } from '../../model/content.js';
import { textWithoutCodes } from '../text.js';
import { EMAIL } from '../../protect/patterns.js';
import type { PairCheck } from '../types.js';

const PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['URL', /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”»]/giu],
  ['e-mail address', EMAIL],
  ['hashtag', /(?<![\p{L}\p{N}&/])#[\p{L}_][\p{L}\p{N}_]*/gu],
  ['handle', /(?<![\p{L}\p{N}._%+-])@[A-Za-z0-9_]{1,30}\b(?![.@][\p{L}])/gu],
];

/** URLs, e-mail addresses, hashtags and @handles must come through identical (codes included: they carry the original). */
export const urlsEmails: PairCheck = {
  id: 'urls-emails',
  severity: 'error',
  description: 'URLs, e-mail addresses, hashtags and @handles must be identical in source and target.',
  run(pair) {
    // URLs and addresses are compared with codes as their text (a protected URL is a code);
    // hashtags and handles only in the words, so an ICU "#" code before "st" is no hashtag.
    const plain = [toPlainText(pair.source), toPlainText(pair.target)] as const;
    const words = [textWithoutCodes(pair.source), textWithoutCodes(pair.target)] as const;
    const findings = [];
    for (const [kind, re] of PATTERNS) {
      const [src, trg] = kind === 'URL' || kind === 'e-mail address' ? plain : words;
      const a = [...src.matchAll(re)].map((m) => m[0]);
      const b = [...trg.matchAll(re)].map((m) => m[0]);
      for (const x of a) {
        const i = b.indexOf(x);
        if (i >= 0) b.splice(i, 1);
        else findings.push({ message: `${kind} ${x} is missing or changed in the target` });
      }
      for (const x of b) findings.push({ message: `${kind} ${x} is not in the source` });
    }
    return findings;
  },
};
