import { textOnly } from '../../model/content.js';
import { conventionsOf, findNumbers, readNumberToken, spelledNumbers, toLatinDigits, type FoundNumber } from '../../locale/numbers.js';
import type { Check, Finding } from '../types.js';

const show = (n: number): string => String(n);
const showFound = (n: FoundNumber): string => (n.kind === 'time' ? `${Math.floor(n.value / 60)}:${String(n.value % 60).padStart(2, '0')}` : show(n.value));

/**
 * Numbers compared by value, each side read with its own locale's conventions:
 * "1,200" (en) = "1.200" (es) = "1 200" (fr) = "١٬٢٠٠" (ar-EG); "2:15 PM" = "14:15".
 * Small numbers spelled out on one side may stand for digits on the other.
 */
export const numbers: Check = {
  id: 'numbers',
  severity: 'error',
  description: 'Numbers, times and dates in the source must all be in the target, with the same values (locale formats accepted).',
  run(pair) {
    const sourceText = textOnly(pair.source);
    const targetText = textOnly(pair.target);
    const src = findNumbers(sourceText, pair.sourceLang);
    const trg = findNumbers(targetText, pair.targetLang);
    const key = (n: FoundNumber): string => `${n.kind}:${n.value}`;
    const missing = [...src];
    const extra: FoundNumber[] = [];
    for (const t of trg) {
      const i = missing.findIndex((s) => key(s) === key(t));
      if (i >= 0) missing.splice(i, 1);
      else extra.push(t);
    }
    const findings: Finding[] = [];
    // A target number still written in the source's format ("1,200" in Spanish) is a warning, not a wrong value.
    const sourceConv = conventionsOf(pair.sourceLang);
    for (const t of [...extra]) {
      const asSource = readNumberToken(toLatinDigits(t.text), sourceConv);
      const i = asSource === null ? -1 : missing.findIndex((s) => s.kind === 'number' && s.value === asSource);
      if (i >= 0) {
        missing.splice(i, 1);
        extra.splice(extra.indexOf(t), 1);
        findings.push({ message: `"${t.text}" is written in the source's number format, not ${pair.targetLang}'s`, severity: 'warning', targetSpan: { start: t.start, end: t.end } });
      }
    }
    // Spelled-out small numbers ("five" = 5 = "cinco") settle what is left on either side.
    const spelledTarget = spelledNumbers(targetText, pair.targetLang);
    for (const s of [...missing]) {
      const i = spelledTarget.indexOf(s.value);
      if (s.kind === 'number' && i >= 0) {
        spelledTarget.splice(i, 1);
        missing.splice(missing.indexOf(s), 1);
      }
    }
    const spelledSource = spelledNumbers(sourceText, pair.sourceLang);
    for (const t of [...extra]) {
      const i = spelledSource.indexOf(t.value);
      if (t.kind === 'number' && i >= 0) {
        spelledSource.splice(i, 1);
        extra.splice(extra.indexOf(t), 1);
      }
    }
    if (missing.length) findings.push({ message: `number(s) missing from the target: ${missing.map((n) => `${n.text} (${showFound(n)})`).join(', ')}` });
    for (const t of extra) findings.push({ message: `number not in the source: ${t.text} (${showFound(t)})`, targetSpan: { start: t.start, end: t.end } });
    return findings;
  },
};
