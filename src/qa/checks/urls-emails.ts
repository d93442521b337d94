import { toPlainText } from '../../model/content.js';
import { textWithoutCodes } from '../text.js';
import { EMAIL, URL, URL_HINT } from '../../protect/patterns.js';
import type { Finding, PairCheck, QaPair, Severity } from '../types.js';
import { translated } from '../preconditions.js';

interface Kind {
  readonly name: string;
  /** Compared in the plain text (codes as their text: a protected URL is a code) or in the words only. */
  readonly inPlainText: boolean;
  /** Cheap test that must pass before the pattern runs: almost no sentence has "@", "#" or "://". */
  readonly hint: (text: string) => boolean;
  readonly pattern: RegExp;
  /** What makes two spellings the same thing. */
  readonly key: (found: string) => string;
}

const lower = (s: string): string => s.toLowerCase();
const at = (text: string): boolean => text.includes('@');

const KINDS: readonly Kind[] = [
  // Scheme and host are case-insensitive; "http://x.org/" and "http://x.org" are one address.
  {
    name: 'URL',
    inPlainText: true,
    hint: (t) => URL_HINT.test(t),
    pattern: URL,
    key: (u) => u.replace(/^[^/]*\/\/[^/]*|^www\.[^/]*/iu, lower).replace(/\/+$/u, ''),
  },
  { name: 'e-mail address', inPlainText: true, hint: at, pattern: EMAIL, key: lower },
  // Only in the words, so an ICU "#" code before "st" is no hashtag. Platforms ignore case in both.
  {
    name: 'hashtag',
    inPlainText: false,
    hint: (t) => t.includes('#'),
    pattern: /(?<![\p{L}\p{N}&/])#[\p{L}_][\p{L}\p{N}_]*/gu,
    key: lower,
  },
  {
    name: 'handle',
    inPlainText: false,
    hint: at,
    pattern: /(?<![\p{L}\p{N}._%+-])@[A-Za-z0-9_]{1,30}\b(?![.@][\p{L}])/gu,
    key: lower,
  },
];

const RTL = /^(?:ar|arc|ckb|dv|fa|he|iw|ks|ku-Arab|pa-Arab|ps|sd|ug|ur|yi)(?:-|$)/u;

/**
 * URLs, e-mail addresses, hashtags and @handles must come through identical.
 * Missing or changed is an error; one the target adds while the source's all
 * came through (an attribution, "escribe @user") is a warning.
 */
export const urlsEmails: PairCheck = {
  id: 'urls-emails',
  severity: 'error',
  preconditions: [translated],
  description: 'URLs, e-mail addresses, hashtags and @handles must be identical in source and target.',
  run(pair) {
    const plain = [toPlainText(pair.source), toPlainText(pair.target)] as const;
    // Almost no pair has any: a single test of both texts, the patterns only where it passes.
    if (!MAY_HOLD.test(plain[0]) && !MAY_HOLD.test(plain[1])) return [];
    return compare(pair, plain);
  },
};

/** What every kind's hint looks for ("://", "www.", "@", "#"), in the plain text, which holds the words' text too. */
const MAY_HOLD = /[@#]|:\/\/|www\./iu;

/** Each kind found in the source and the target, compared. */
function compare(pair: QaPair, plain: readonly [string, string]): Finding[] {
  let words: readonly [string, string] | undefined;
  const findings: Finding[] = [];
  for (const kind of KINDS) {
    const [src, trg] = kind.inPlainText
      ? plain
      : (words ??= [textWithoutCodes(pair.source), textWithoutCodes(pair.target)]);
    const inSource = kind.hint(src);
    if (!inSource && !kind.hint(trg)) continue;
    const a = inSource ? [...src.matchAll(kind.pattern)].map((m) => m[0]) : [];
    const b = [...trg.matchAll(kind.pattern)].map((m) => m[0]);
    const bKeys = b.map(kind.key);
    const missing: string[] = [];
    for (const x of a) {
      const i = bKeys.indexOf(kind.key(x));
      if (i >= 0) {
        b.splice(i, 1);
        bKeys.splice(i, 1);
      } else missing.push(x);
    }
    for (const x of missing) {
      // Typed in a right-to-left editor, "#tag" may come out as "tag#": it looks right and no longer works.
      if (kind.name === 'hashtag' && RTL.test(pair.targetLang) && trg.includes(`${x.slice(1)}#`)) {
        findings.push({
          message: `hashtag ${x} is written "${x.slice(1)}#" in the target (the # after the word, as right-to-left typing shows it): it will not work as a hashtag`,
          severity: 'warning',
        });
      } else findings.push({ message: `${kind.name} ${x} is missing or changed in the target` });
    }
    const extra: Severity = missing.length ? 'error' : 'warning';
    for (const x of b) findings.push({ message: `${kind.name} ${x} is not in the source`, severity: extra });
  }
  return findings;
}
