import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketsQuotes } from '../../../src/qa/checks/brackets-quotes.js';
import { placeholders } from '../../../src/qa/checks/placeholders.js';
import { urlsEmails } from '../../../src/qa/checks/urls-emails.js';
import type { CheckContext, PairCheck } from '../../../src/qa/types.js';
import { EMPTY_GLOSSARY } from '../../../src/qa/glossary.js';
import { pair } from '../helpers.js';

// Checks that skip a pair on one quick test of its texts: the findings are those of the full comparison, which a
// text is made to need by something that finds nothing (an "@" alone, a "%" alone, a " 【】" on both sides).
const context: CheckContext = { glossary: EMPTY_GLOSSARY, settings: {}, notice: () => {} };
const found = (check: PairCheck, source: string, target: string): string[] =>
  [...check.run(pair(source, target), context)].map((f) => `${f.severity ?? ''} ${f.message}`);

/** Texts of the characters the checks look for, and of words and spaces. */
const text = (chars: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join(''));

const RUNS = { numRuns: 400 };

describe('quick tests before a check compares', () => {
  it('urls-emails: a pair skipped has nothing the patterns would find', () => {
    const t = text([
      'a',
      'W',
      'w',
      'www.',
      'WWW.',
      '.',
      '/',
      ':',
      '//',
      'http',
      's',
      'x@y.org',
      '@',
      '#',
      '#tag',
      ' ',
      'é',
      'com',
    ]);
    fc.assert(
      fc.property(t, t, (s, g) => {
        expect(found(urlsEmails, s, g)).toEqual(found(urlsEmails, `${s} @`, `${g} @`));
      }),
      RUNS,
    );
  });

  it('placeholders: a pair skipped has no placeholder', () => {
    const t = text(['a', 's', 'd', '%', '%s', '{', '}', '{x}', '{{y}}', '1$', '$', ' ', '#', '@', '.2f']);
    fc.assert(
      fc.property(t, t, (s, g) => {
        expect(found(placeholders, s, g)).toEqual(found(placeholders, `${s} %`, `${g} %`));
      }),
      RUNS,
    );
  });

  it('brackets-quotes: a pair skipped has no bracket or quotation mark to pair', () => {
    const marks = ['(', ')', '[', ']', '{', '}', '（', '）', '"', '“', '”', '„', '‟', '«', '»', '「', '」', '『', '』'];
    const t = text([...marks, 'a', 'b', ' ', '.', '-', 'é']);
    fc.assert(
      fc.property(t, t, (s, g) => {
        expect(found(bracketsQuotes, s, g)).toEqual(found(bracketsQuotes, `${s} 【】`, `${g} 【】`));
      }),
      RUNS,
    );
  });
});
