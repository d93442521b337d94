import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketsQuotes } from '../../../src/qa/checks/brackets-quotes.js';
import { EMPTY_GLOSSARY } from '../../../src/qa/glossary.js';
import type { CheckContext, Finding } from '../../../src/qa/types.js';
import { issues, pair } from '../helpers.js';

describe('brackets-quotes', () => {
  it.each<[string, string, number]>([
    ['He (the chief) spoke.', 'Él (el jefe) habló.', 0],
    ['He (the chief) spoke.', 'Él (el jefe habló.', 1],
    ['"Iraqi forces were notified.', '"Las fuerzas fueron informadas.', 0],
  ])('"%s" → "%s"', async (source, target, count) => {
    expect(await issues('brackets-quotes', pair(source, target))).toHaveLength(count);
  });
});

// The quotation marks as a pattern over the whole text found them, and the check's verdicts on them (the bracket
// counts aside), as they were written with it: what the check reads by hand must give the same.
const MARK = /["“”„‟«»「」『』]/gu;
const OPENS_AFTER = /[\s([{\u2013\u2014/-]/u;
const CLOSES_BEFORE = /[\s.,;:!?…)\]}\u2013\u2014/-]/u;
function roleAt(text: string, at: number): string {
  const before = at === 0 || OPENS_AFTER.test(text.charAt(at - 1));
  const after = at === text.length - 1 || CLOSES_BEFORE.test(text.charAt(at + 1));
  if (before && !after) return 'open';
  if (after && !before) return 'close';
  const ch = text.charAt(at);
  if (before && after) return '«„‹「『'.includes(ch) ? 'open' : '»‟›」』'.includes(ch) ? 'close' : 'unknown';
  return 'unknown';
}
function quotesByPattern(text: string): { count: number; glued: boolean; spans: boolean } {
  const at = [...text.matchAll(MARK)].map((m) => m.index);
  if (at.length === 0) return { count: 0, glued: false, spans: false };
  const glued = at.some(
    (i) => text.charAt(i) === '"' && /\p{L}/u.test(text.charAt(i - 1)) && /\p{L}/u.test(text.charAt(i + 1)),
  );
  return { count: at.length, glued, spans: roleAt(text, at[0]!) === 'close' || roleAt(text, at.at(-1)!) === 'open' };
}
function quoteFindingsByPattern(source: string, target: string): string[] {
  const t = quotesByPattern(target);
  if (t.count % 2 === 0 || t.glued) return [];
  const s = quotesByPattern(source);
  if (s.count % 2 === 1 || s.glued) return [];
  if (!t.spans) return [`a quotation mark in the target has no partner (${t.count} quotation marks)`];
  return s.count > 0
    ? ['the source closes its quotation in this sentence; the target leaves one open at its start or end']
    : [];
}

describe('brackets-quotes reads quotation marks as a pattern over the text did', () => {
  const context: CheckContext = { glossary: EMPTY_GLOSSARY, settings: {}, notice: () => {} };
  const text = fc
    .array(fc.constantFrom('"', '“', '”', '„', '«', '»', '「', '」', "'", 'a', 'é', ' ', '.', '-', '😀', 'ش', '('), {
      maxLength: 20,
    })
    .map((a) => a.join(''));
  it('gives the same quotation findings, whatever the texts', () => {
    fc.assert(
      fc.property(text, text, (source, target) => {
        const found = [...bracketsQuotes.run(pair(source, target), context)]
          .map((f: Finding) => f.message)
          .filter((m) => !m.startsWith('unbalanced'));
        expect(found).toEqual(quoteFindingsByPattern(source, target));
      }),
      { numRuns: 5000 },
    );
  });
});
