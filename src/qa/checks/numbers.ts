import { conventionsOf, findNumbers, readNumberToken, spelledNumbers, toLatinDigits, type FoundNumber } from '../../locale/numbers.js';
import { monthNames } from '../../locale/dates.js';
import { fold, textWithoutCodes } from '../text.js';
import type { Finding, PairCheck } from '../types.js';

const show = (n: number): string => String(n);
const showFound = (n: FoundNumber): string => (n.kind === 'time' ? `${Math.floor(n.value / 60)}:${String(n.value % 60).padStart(2, '0')}` : show(n.value));

/**
 * Numbers compared by value, each side read with its own locale's conventions:
 * "1,200" (en) = "1.200" (es) = "1 200" (fr) = "١٬٢٠٠" (ar-EG); "2:15 PM" = "14:15".
 * Small numbers spelled out on one side may stand for digits on the other.
 */
export const numbers: PairCheck = {
  id: 'numbers',
  severity: 'error',
  description: 'Numbers, times and dates in the source must all be in the target, with the same values (locale formats accepted).',
  run(pair) {
    const sourceText = textWithoutCodes(pair.source);
    const targetText = textWithoutCodes(pair.target);
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
    findings.push(...compareMonths(sourceText, pair.sourceLang, targetText, pair.targetLang));
    if (missing.length) findings.push({ message: `number(s) missing from the target: ${missing.map((n) => `${n.text} (${showFound(n)})`).join(', ')}` });
    for (const t of extra) findings.push({ message: `number not in the source: ${t.text} (${showFound(t)})`, targetSpan: { start: t.start, end: t.end } });
    return findings;
  },
};

/** Month names next to a number (a date): "October 7" must be "7 de octubre", not "7 de noviembre". */
const foldedMonths = new Map<string, Map<string, number>>();

function monthsInDates(text: string, lang: string): number[] {
  let names = foldedMonths.get(lang);
  if (!names) foldedMonths.set(lang, (names = new Map([...monthNames(lang)].map(([k, v]) => [fold(k), v]))));
  if (!/\p{N}/u.test(text)) return []; // no number, no date
  const words = [...text.matchAll(/[\p{L}]+\.?|\p{N}+/gu)].map((m) => m[0]);
  const out: number[] = [];
  words.forEach((w, i) => {
    const month = names.get(fold(w).replace(/\.$/u, ''));
    if (month === undefined) return;
    const near = [words[i - 1], words[i + 1], words[i - 2], words[i + 2]].some((x) => x !== undefined && /^\p{N}+$/u.test(x));
    if (near) out.push(month);
  });
  return out.sort((a, b) => a - b);
}

function compareMonths(source: string, sourceLang: string, target: string, targetLang: string): Finding[] {
  const s = monthsInDates(source, sourceLang);
  const t = monthsInDates(target, targetLang);
  if (s.length === 0 || s.join() === t.join()) return [];
  const name = (m: number): string => new Intl.DateTimeFormat(sourceLang, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2001, m - 1, 15));
  const missingFrom = (found: number[]): number[] => s.filter((m, i) => s.indexOf(m) === i && s.filter((x) => x === m).length > found.filter((x) => x === m).length);
  const missing = missingFrom(t);
  if (missing.length === 0) return [];
  // A month still in the source language ("November 22" in a Spanish text) is the same date, badly localized.
  if (missingFrom([...t, ...monthsInDates(target, sourceLang)]).length === 0) {
    return [{ message: `date with month ${missing.map(name).join(', ')} is written in the source language`, severity: 'warning' }];
  }
  return [{ message: `date with month ${missing.map(name).join(', ')} is missing or names another month in the target` }];
}
