import type { Content, Run } from '../model/content.js';
import { textOnly } from '../model/content.js';
import { protectForMt, restoreFromMt, type ProtectedTerm } from './protect.js';

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
  /** Names and terms written back as they are given, not accented: what machine translation protects. */
  readonly keep?: readonly ProtectedTerm[];
}

/**
 * Pseudo-translation: accented letters, padding for expansion, brackets that
 * show truncation. Digits, inline codes and the names in `keep` are left alone,
 * so numbers, dates, links, placeholders and names survive exactly as a real
 * translation must keep them. `locflow pseudo` and `translate --engine pseudo` both write this.
 */
export function pseudoContent(source: Content, options: PseudoOptions = {}): Run[] {
  const expansion = options.expansion ?? 0.3;
  const letters = textOnly(source).replace(/\s+/gu, '').length;
  const pad = Math.max(1, Math.round(letters * expansion));
  // What MT would not touch (codes, placeholders written as text, the names given) is kept as machine translation keeps it.
  const { html, slots } = protectForMt(source, options.keep ?? []);
  const accented = html
    .split(/(<[^>]*>|&[#\w]+;)/u)
    .map((part, i) => (i % 2 ? part : pseudoText(part)))
    .join('');
  const body = restoreFromMt(accented, slots, source).content.filter((r) => r !== '');
  return [options.rtl ? '\u202E[' : '[', ...body, ` ${'·'.repeat(pad)}]${options.rtl ? '\u202C' : ''}`];
}

const PLAIN: ReadonlyMap<string, string> = new Map(
  Object.entries(ACCENTED).map(([plain, accented]) => [accented, plain]),
);
/** Each accented look-alike's UTF-16 unit (all are one) → its plain letter's; 0 for every other unit. */
const PLAIN_UNIT = new Uint16Array(0x10000);
for (const [accented, plain] of PLAIN) PLAIN_UNIT[accented.charCodeAt(0)] = plain.charCodeAt(0);

/** `text` with each accented look-alike read as its plain letter (a lone surrogate is no look-alike: kept). */
function plainLetters(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const plain = PLAIN_UNIT[text.charCodeAt(i)]!;
    if (plain === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(plain);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
const OPENING = /^\u202E?\[/u;
const CLOSING = / ·+\]\u202C?$/u;

/**
 * What a pseudo-translation says, read back: the source-language text with the accents undone and
 * the brackets and padding taken away; undefined when `target` is not shaped as pseudoContent (and
 * the pseudo engine) write it. Checks read this, so that what pseudo-translation changes by design
 * (every letter, the length) is not reported, and what it must keep (numbers, names, codes) is checked.
 */
export function readPseudo(target: Content): Run[] | undefined {
  const first = target.findIndex((r) => typeof r === 'string' && r !== '');
  const last = target.findLastIndex((r) => typeof r === 'string' && r !== '');
  if (first !== 0 || last !== target.length - 1) return undefined;
  const head = target[first] as string;
  const tail = target[last] as string;
  if (!OPENING.test(head) || !CLOSING.test(tail) || (first === last && head.length < 4)) return undefined;
  const runs = target.map((r, i) => {
    if (typeof r !== 'string') return r;
    let text = r;
    if (i === first) text = text.replace(OPENING, '');
    if (i === last) text = text.replace(CLOSING, '');
    return plainLetters(text);
  });
  return runs.filter((r) => r !== '');
}
