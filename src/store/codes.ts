import type { Content, InlineCode, Run } from '../model/content.js';
import { codesOf, normalizeContent } from '../model/content.js';

/**
 * Inline codes in an i18next string: {{x1}} for a standalone code, {{bx2}} and
 * {{ex2}} for the two halves of a pair (named after XLIFF 1.2's <x/>, <bx/>, <ex/>).
 * At build time `fillMarkers` puts each code in, in one pass (i18next's own interpolation copies the
 * whole string once per value: minutes for a long unit with thousands of codes).
 *
 * The syntax is unambiguous both ways:
 * - Text never holds "{{": a literal "{" is stored as "{\" when a "{", a "\" or a code
 *   follows it (or it ends the string), so text shaped like a marker ("{{bx1}}", "{{name}}")
 *   stays text and i18next never interpolates it; `unescapeText` gives it back.
 *   A stored string without "{\" reads exactly as it did before this escape existed.
 * - A code id is written with "%", "{", "}", ",", white space and control characters
 *   percent-encoded (UTF-8), so an id such as `1}} {{x9` is one marker, not two.
 */
export type MarkerKind = 'x' | 'bx' | 'ex';
const PREFIX: Readonly<Record<InlineCode['code'], MarkerKind>> = { standalone: 'x', open: 'bx', close: 'ex' };
/** A marker: its kind and its encoded id. The one pattern for markers; others build on its `source`. */
export const MARKER = /\{\{(x|bx|ex)([^{}\s]+)\}\}/gu;
const KINDS: Readonly<Record<string, InlineCode['code']>> = { x: 'standalone', bx: 'open', ex: 'close' };

/** A code id as it is written inside a marker. */
export function encodeMarkerId(id: string): string {
  return id.replace(/[%{},\s\p{Cc}]/gu, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** The code id a marker stands for; an id that is not valid percent-encoding is taken as it is. */
export function decodeMarkerId(id: string): string {
  if (!id.includes('%')) return id;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** A stored string with each marker `values` names (by markerName) replaced by its value; other markers stay. */
export function fillMarkers(stored: string, values: Readonly<Record<string, string>>): string {
  if (!stored.includes('{{')) return stored;
  return stored.replace(MARKER, (m, kind: string, id: string) => {
    const name = `${kind}${id}`;
    return Object.hasOwn(values, name) ? values[name]! : m;
  });
}

export function markerName(code: InlineCode): string {
  return `${PREFIX[code.code]}${encodeMarkerId(code.id)}`;
}

/** The marker of a code of this kind and id, as the store writes it ("{{bx2}}"). */
export function marker(kind: MarkerKind, id: string): string {
  return `{{${kind}${encodeMarkerId(id)}}}`;
}

/** A text run as stored: every "{" that a "{", a "\" or a code (or the end) follows becomes "{\". */
export function escapeText(text: string, codeFollows = true): string {
  return text.replace(/\{(?=[{\\]|$)/gu, (m, at: number) => (at === text.length - 1 && !codeFollows ? m : '{\\'));
}

/** Stored text back to the text it stands for: "{\" is "{". */
export function unescapeText(text: string): string {
  return text.includes('{\\') ? text.replaceAll('{\\', '{') : text;
}

export function contentToI18n(content: Content): string {
  // Adjacent text runs are escaped as one, so equal content has one stored form.
  const runs = normalizeContent(content);
  let out = '';
  runs.forEach((run, i) => {
    out += typeof run === 'string' ? escapeText(run, i < runs.length - 1) : marker(PREFIX[run.code], run.id);
  });
  return out;
}

/** A stored (marker) string as its text runs and markers, text unescaped. */
export function splitMarkers(
  text: string,
): Array<string | { readonly kind: MarkerKind; readonly id: string; readonly raw: string }> {
  const parts: Array<string | { readonly kind: MarkerKind; readonly id: string; readonly raw: string }> = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index > at) parts.push(unescapeText(text.slice(at, m.index)));
    parts.push({ kind: m[1] as MarkerKind, id: decodeMarkerId(m[2]!), raw: m[2]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(unescapeText(text.slice(at)));
  return parts;
}

/** Reads a stored string back into Content, taking each code's data from the source unit. Unknown markers stay text. */
export function i18nToContent(text: string, source: Content): Run[] {
  const codes = new Map(codesOf(source).map((c) => [markerName(c), c]));
  const runs: Run[] = [];
  let pending = '';
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    const code = codes.get(`${m[1]!}${m[2]!}`) ?? codes.get(`${m[1]!}${encodeMarkerId(decodeMarkerId(m[2]!))}`);
    if (!code || KINDS[m[1]!] !== code.code) continue;
    pending += text.slice(at, m.index);
    if (pending) runs.push(unescapeText(pending));
    pending = '';
    runs.push(code);
    at = m.index + m[0].length;
  }
  pending += text.slice(at);
  if (pending) runs.push(unescapeText(pending));
  return runs;
}
