import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayRepeat } from '../../../src/qa/checks/repeated-words.js';
import { issues, pair } from '../helpers.js';

describe('repeated-words', () => {
  it.each<[string, string, string[]]>([
    ['The base was hit.', 'La base fue atacada.', []],
    ['The base was hit.', 'La la base fue atacada.', ['"La" is repeated']],
  ])('"%s" → "%s"', async (source, target, expected) => {
    const found = (await issues('repeated-words', pair(source, target))).map((i) => i.message);
    expect(found.map((m) => /"[^"]+" is repeated/u.exec(m)?.[0] ?? m)).toEqual(expected);
  });
});

/** The quick look as it was first written: the lower-cased text split at white space, token by token. */
function splitMayRepeat(text: string): boolean {
  const asciiNonWord = (code: number): boolean =>
    code < 128 && !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122));
  const leading = (token: string): string => /^[^\p{L}\p{M}\p{N}]*([\p{L}\p{M}\p{N}]*)/u.exec(token)![1]!;
  const trailing = (token: string): string => /([\p{L}\p{M}\p{N}]*)[^\p{L}\p{M}\p{N}]*$/u.exec(token)![1]!;
  const tokens = text.toLowerCase().split(/\s+/u);
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (a === b && a !== '') return true;
    if (a === '' || b === '' || asciiNonWord(a.charCodeAt(a.length - 1)) || asciiNonWord(b.charCodeAt(0))) continue;
    if (!a.includes(b.charAt(0)) || !b.includes(a.charAt(a.length - 1))) continue;
    if (trailing(a) === leading(b)) return true;
  }
  return false;
}

describe('repeated-words quick look', () => {
  it('tells what splitting the text at white space tells, whatever the text', () => {
    const piece = fc.constantFrom(
      'the',
      'The',
      'THE',
      'de',
      'a',
      'é',
      'É',
      'Σ',
      'ς',
      ' ',
      '  ',
      '\u00a0',
      '\u3000',
      '\n',
      '.',
      '"',
      '(',
      ')',
      '-',
      '1',
      '😀',
      'İ',
      'ß',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        expect(mayRepeat(text)).toBe(splitMayRepeat(text));
      }),
      { numRuns: 3000 },
    );
  });
});
