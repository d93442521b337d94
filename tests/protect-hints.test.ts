import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTORS, protect } from '../src/protect/protect.js';

const text = fc
  .array(
    fc.constantFrom(
      'a',
      ' ',
      'WWW.',
      'www.',
      'x.org',
      'http://',
      '://',
      '@',
      'me@x.org',
      '{{n}}',
      '{n}',
      '%s',
      '%',
      '{',
    ),
    { maxLength: 8 },
  )
  .map((pieces) => pieces.join(''));

describe('protect', () => {
  it('finds what each detector finds when its hints are looked for at once', () => {
    fc.assert(
      fc.property(text, fc.nat({ max: 3 }), (t, firstId) => {
        // A copy of the list is not the default list: each detector's hint is then tried in turn.
        expect(protect(t, firstId + 1)).toEqual(protect(t, firstId + 1, [...DETECTORS]));
      }),
      { numRuns: 3000 },
    );
  });
});
