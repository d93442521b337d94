import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../src/model/content.js';

/** What a word is, as billing counts it: the pattern the one-scan count must agree with. */
const WORDS = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,-]*/gu;

describe('countWords', () => {
  it('counts the runs the word pattern matches, for any text (marks, astral letters, lone surrogates)', () => {
    const unit = fc.constantFrom(
      ...['a', 'Z', '7', ' ', '.', ',', '-', "'", '’', '!', '\u0301', 'é', 'ß', '٣', 'क', '\u093f', '𝐀', '😀'],
      ...['\ud800', '\udc00', '\u00a0', '_', '\n', 'ǅ', '½'],
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        expect(countWords([text])).toBe(text.match(WORDS)?.length ?? 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts as the pattern does with any UTF-16 unit alone, beside letters and before a mark', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}`, `${ch}a`, `a${ch}b`, ` ${ch}\u0301b`, `${ch}${ch} ${ch}`])
        if (countWords([text]) !== (text.match(WORDS)?.length ?? 0)) expect(JSON.stringify(text)).toBe('counted alike');
    }
  });

  it('leaves codes out and counts a billed sentence', () => {
    const code = { code: 'standalone', id: '1', type: 'placeholder', data: '{{count}}' } as const;
    expect(countWords(['It costs ', code, ' euros, doesn’t it? 1,200.50 - x'])).toBe(7);
  });
});
