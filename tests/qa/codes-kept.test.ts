import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codesKeptInRun, codeTextsOf, type CodeTexts } from '../../src/qa/codes-kept.js';

// Texts made of code-like pieces: letters glued to digits, Arabic-Indic and other numerals, separators.
const piece = fc.constantFrom(
  'ACE',
  'ace',
  '2',
  '20',
  '٢',
  '۲٠',
  '𝟐',
  '½',
  '²',
  ' ',
  '-',
  '.',
  'x',
  'virus',
  '\uFFFC',
  'R0',
);
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
const pair = fc.record({ source: text, target: text, targetLang: fc.constantFrom('es', 'es-MX', 'ar') });

describe('codeTextsOf', () => {
  it('keeps what the evidence on codes needs: every count the same as with the whole texts', () => {
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 25, size: 'max' }), text, (run, asking) => {
        const whole = codesKeptInRun(run);
        const kept = codesKeptInRun(
          run.map((p) => codeTextsOf(p.source, p.target, p.targetLang)).filter((p): p is CodeTexts => !!p),
        );
        const codes = ['ACE2', 'R0', '2', '20', 'ACE-20', '٢', 'ace2', 'E2'];
        for (const code of codes)
          for (const lang of ['es', 'ar'])
            for (const source of [asking, ...run.map((p) => p.source)])
              expect(kept(code, source, lang)).toEqual(whole(code, source, lang));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps nothing of a pair whose source has no digit, and only the numerals of its target', () => {
    expect(codeTextsOf('The virus spread.', 'El virus 2 se propagó.', 'es')).toBeUndefined();
    expect(codeTextsOf('ACE2 and R0', 'ACE2 y R٠ en 2020½', 'es')).toEqual({
      source: 'ACE2 and R0',
      target: '2 0 2020½',
      targetLang: 'es',
    });
  });
});
