import type { Content, Run } from '../model/content.js';
import { textOnly } from '../model/content.js';

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçđéƒĝĥîĵķľɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĽṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
);

/** Latin letters to accented look-alikes; everything else as it is. */
export function pseudoText(text: string): string {
  return text.replace(/[A-Za-z]/gu, (c) => ACCENTED[c] ?? c);
}

export interface PseudoOptions {
  /** Share of extra length, 0.3 = 30 %, as translations into German or French often need. */
  readonly expansion?: number;
  /** Wrap each unit in right-to-left override marks to test mirrored layouts. */
  readonly rtl?: boolean;
}

/**
 * Pseudo-translation: accented letters, padding for expansion, brackets that
 * show truncation. Digits and inline codes are left alone, so numbers, dates,
 * links and placeholders survive exactly as a real translation must keep them.
 */
export function pseudoContent(source: Content, options: PseudoOptions = {}): Run[] {
  const expansion = options.expansion ?? 0.3;
  const letters = textOnly(source).replace(/\s+/gu, '').length;
  const pad = Math.max(1, Math.round(letters * expansion));
  const runs: Run[] = [options.rtl ? '\u202E[' : '['];
  for (const run of source) runs.push(typeof run === 'string' ? pseudoText(run) : run);
  runs.push(` ${'·'.repeat(pad)}]${options.rtl ? '\u202C' : ''}`);
  return runs;
}
