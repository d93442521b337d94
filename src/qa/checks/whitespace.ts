import { toPlainText } from '../../model/content.js';
import type { Finding, PairCheck } from '../types.js';
import { translated } from '../preconditions.js';
import { isSpace } from '../../segment/space.js';

function lead(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return s.slice(0, i);
}

function trail(s: string): string {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return s.slice(i);
}

/** Runs of two or more spaces between two non-space characters. */
function doubledSpaces(s: string): number {
  if (!s.includes('  ')) return 0;
  return s.match(/\S( {2,})(?=\S)/gu)?.length ?? 0;
}

const show = (s: string): string => JSON.stringify(s);

export const whitespace: PairCheck = {
  id: 'whitespace',
  severity: 'warning',
  preconditions: [translated],
  description:
    'Leading or trailing white space differs from the source, or the target has doubled spaces the source does not.',
  run(pair) {
    const src = toPlainText(pair.source);
    const trg = toPlainText(pair.target);
    const findings: Finding[] = [];
    if (lead(src) !== lead(trg))
      findings.push({ message: `leading white space ${show(lead(trg))} differs from the source's ${show(lead(src))}` });
    if (trail(src) !== trail(trg))
      findings.push({
        message: `trailing white space ${show(trail(trg))} differs from the source's ${show(trail(src))}`,
      });
    if (doubledSpaces(trg) > doubledSpaces(src)) findings.push({ message: 'the target has doubled spaces' });
    return findings;
  },
};
