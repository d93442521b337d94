import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeShownAttr, escapeShownText, escapeText, needsEscape } from '../src/io/xml.js';

/** The escapes as they were written before their one-look fast paths: each replace made, then escaped. */
const INVALID_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;
const picture = (c: string): string =>
  c.charCodeAt(0) < 0x20
    ? String.fromCharCode(0x2400 + c.charCodeAt(0))
    : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const shownText = (text: string): string => escapeText(text.replace(INVALID_ALL, picture));
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;
const attr = (text: string): string => {
  if (!/[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u.test(text) && !/["\t\n\r]/u.test(text)) return text;
  if (INVALID.test(text)) return 'thrown';
  const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  return text
    .replace(/[&<>"]/gu, (c) => escapes[c] ?? c)
    .replace(/\n/gu, '&#10;')
    .replace(/\r/gu, '&#13;')
    .replace(/\t/gu, '&#9;');
};
const shownAttr = (text: string): string => attr(text.replace(INVALID_ALL, picture));

const text = fc
  .array(fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0000', '\u001b', '\uFFFE', 'é', '€'), {
    maxLength: 8,
  })
  .map((chars) => chars.join(''));

const outcome = (f: () => string): string => {
  try {
    return f();
  } catch {
    return 'thrown';
  }
};

describe('XML escapes', () => {
  it('shown text and attributes are escaped as each step made in turn, whatever the characters', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(outcome(() => escapeShownText(t))).toBe(outcome(() => shownText(t)));
        expect(outcome(() => escapeShownAttr(t))).toBe(shownAttr(t));
        expect(outcome(() => escapeAttr(t))).toBe(attr(t));
        expect(needsEscape(t)).toBe(outcome(() => escapeText(t)) !== t);
      }),
      { numRuns: 3000 },
    );
  });
});
