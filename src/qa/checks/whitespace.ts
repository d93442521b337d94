import { toPlainText } from '../../model/content.js';
import type { Finding, PairCheck } from '../types.js';

const lead = (s: string): string => /^\s*/u.exec(s)![0];
const trail = (s: string): string => /\s*$/u.exec(s)![0];
const show = (s: string): string => JSON.stringify(s);

export const whitespace: PairCheck = {
  id: 'whitespace',
  severity: 'warning',
  description: 'Leading or trailing white space differs from the source, or the target has doubled spaces the source does not.',
  run(pair) {
    const src = toPlainText(pair.source);
    const trg = toPlainText(pair.target);
    const findings: Finding[] = [];
    if (lead(src) !== lead(trg)) findings.push({ message: `leading white space ${show(lead(trg))} differs from the source's ${show(lead(src))}` });
    if (trail(src) !== trail(trg)) findings.push({ message: `trailing white space ${show(trail(trg))} differs from the source's ${show(trail(src))}` });
    const doubled = /\S( {2,})\S/gu;
    const srcDoubles = (src.match(doubled) ?? []).length;
    const m = [...trg.matchAll(doubled)];
    if (m.length > srcDoubles) findings.push({ message: 'the target has doubled spaces' });
    return findings;
  },
};
