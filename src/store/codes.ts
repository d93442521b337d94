import type { Content, InlineCode, Run } from '../model/content.js';
import { codeKey, codesOf } from '../model/content.js';

/**
 * Inline codes in an i18next string: {{x1}} for a standalone code, {{bx2}} and
 * {{ex2}} for the two halves of a pair (named after XLIFF 1.2's <x/>, <bx/>, <ex/>).
 * At build time each becomes an interpolation value, so i18next itself fills them in.
 */
const PREFIX: Readonly<Record<InlineCode['code'], string>> = { standalone: 'x', open: 'bx', close: 'ex' };
const MARKER = /\{\{(x|bx|ex)([^{}\s]+)\}\}/gu;

export function markerName(code: InlineCode): string {
  return `${PREFIX[code.code]}${code.id}`;
}

export function contentToI18n(content: Content): string {
  return content.map((run) => (typeof run === 'string' ? run : `{{${markerName(run)}}}`)).join('');
}

/** Reads a stored string back into Content, taking each code's data from the source unit. Unknown markers stay text. */
export function i18nToContent(text: string, source: Content): Run[] {
  const codes = new Map(codesOf(source).map((c) => [codeKey(c), c]));
  const kinds: Readonly<Record<string, InlineCode['code']>> = { x: 'standalone', bx: 'open', ex: 'close' };
  const runs: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    const code = codes.get(`${kinds[m[1] ?? 'x']}:${m[2]}`);
    if (!code) continue;
    if (m.index > at) runs.push(text.slice(at, m.index));
    runs.push(code);
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push(text.slice(at));
  return runs;
}
