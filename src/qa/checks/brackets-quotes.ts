import { textOnly } from '../../model/content.js';
import type { Finding, PairCheck } from '../types.js';
import { translated } from '../preconditions.js';

const BRACKETS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['（', '）'],
  ['【', '】'],
];

/**
 * Double quotation marks of every language are one family: English " " and “ ”,
 * French « », German „ “ and » «, Japanese 「 」. A translation may use another
 * style, or (as a style choice) add or drop the quotes around a quotation; what
 * the check looks for is a quotation left open inside the target.
 * Single quotes are left out: ’ and ' are also apostrophes.
 */
const QUOTES = '"“”„‟«»「」『』';
function count(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

/** Every bracket and quotation mark the check counts. */
const MARKS = /[()[\]{}（）【】"“”„‟«»「」『』]/u;

type Role = 'open' | 'close' | 'unknown';

const OPENS_AFTER = /[\s([{\u2013\u2014/-]/u;
const CLOSES_BEFORE = /[\s.,;:!?…)\]}\u2013\u2014/-]/u;

/** Whether a quotation mark opens or closes, from what touches it; spaced guillemets by their shape. */
function role(text: string, at: number): Role {
  const before = at === 0 || OPENS_AFTER.test(text.charAt(at - 1));
  const after = at === text.length - 1 || CLOSES_BEFORE.test(text.charAt(at + 1));
  if (before && !after) return 'open';
  if (after && !before) return 'close';
  const ch = text.charAt(at);
  if (before && after) return '«„‹「『'.includes(ch) ? 'open' : '»‟›」』'.includes(ch) ? 'close' : 'unknown';
  return 'unknown'; // between two letters or digits
}

interface Quotes {
  readonly count: number;
  /** A straight " between letters: a mistyped apostrophe (l"édifice) or a missing space, so the count proves nothing. */
  readonly glued: boolean;
  /** The first mark closes (the quotation began in an earlier sentence) or the last opens (it goes on in the next one). */
  readonly spansSegments: boolean;
}

/**
 * Which UTF-16 units are QUOTES (each mark is one): a text is read a code unit at a time, with no string made per
 * character (strings of other scripts are of another kind, which made the engine throw its optimised code away).
 */
const IS_QUOTE = new Uint8Array(0x10000);
for (let k = 0; k < QUOTES.length; k++) IS_QUOTE[QUOTES.charCodeAt(k)] = 1;
const STRAIGHT_QUOTE = 0x22;

function quotes(text: string): Quotes {
  let count = 0;
  let first = -1;
  let last = -1;
  let glued = false;
  // (a letter beside a mark is read only inside the text)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (IS_QUOTE[c] !== 1) continue;
    count++;
    if (first < 0) first = i;
    last = i;
    if (
      c === STRAIGHT_QUOTE &&
      i > 0 &&
      i + 1 < text.length &&
      LETTER.test(text.charAt(i - 1)) &&
      LETTER.test(text.charAt(i + 1))
    )
      glued = true;
  }
  if (count === 0) return { count: 0, glued: false, spansSegments: false };
  return { count, glued, spansSegments: role(text, first) === 'close' || role(text, last) === 'open' };
}

const LETTER = /\p{L}/u;

/**
 * Brackets unbalanced in the target though balanced in the source; a quotation
 * opened or closed inside the target with no partner, where the source's are paired.
 * A segment may cut a quotation (it goes on in the next sentence), so a target
 * that starts or ends with its unpaired mark is left alone, as is a source whose
 * own quotes are unpaired.
 */
export const bracketsQuotes: PairCheck = {
  id: 'brackets-quotes',
  severity: 'warning',
  preconditions: [translated],
  description:
    'Brackets and quotation marks are balanced in the target as they are in the source (any quotation style; quotes added or dropped around a quotation are a style choice).',
  run(pair) {
    const trg = textOnly(pair.target);
    // Only a bracket or a quotation mark in the target can be unpaired: most targets have none.
    if (!MARKS.test(trg)) return [];
    const src = textOnly(pair.source);
    const findings: Finding[] = [];
    for (const [open, close] of BRACKETS) {
      const o = count(trg, open);
      const c = count(trg, close);
      if (o !== c && count(src, open) === count(src, close))
        findings.push({ message: `unbalanced ${open}${close} in the target (${o} opening, ${c} closing)` });
    }
    const t = quotes(trg);
    if (t.count % 2 === 0 || t.glued) return findings;
    const s = quotes(src);
    if (s.count % 2 === 1 || s.glued) return findings; // the source's own quotation is cut by the segment
    if (!t.spansSegments)
      findings.push({ message: `a quotation mark in the target has no partner (${t.count} quotation marks)` });
    else if (s.count > 0)
      findings.push({
        message: 'the source closes its quotation in this sentence; the target leaves one open at its start or end',
        severity: 'info',
      });
    return findings;
  },
};
