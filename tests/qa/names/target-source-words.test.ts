import { describe, expect, it } from 'vitest';
import { TargetText } from '../../../src/qa/names/target.js';

describe('a target word that is another word of the source kept is no respelling of a name', () => {
  const source = 'Visitors of the Alpa Alpaca Farm';

  it('"Alpaca" kept renders the source\'s "Alpaca", not the name "Alpa" beside it', () => {
    expect(new TargetText('Besucher der Alpaca Farm', 'de', undefined, source).findWord('alpa', true)).toBeUndefined();
  });

  it('read without the source, the same word is like the name', () => {
    expect(new TargetText('Besucher der Alpaca Farm', 'de').findWord('alpa', true)).toBe('cognate');
  });

  it('the name spelt otherwise in the source is still the name ("Alpaka" beside "Alpaca")', () => {
    const spelt = 'The Alpaka Alpaca Farm';
    expect(new TargetText('Besucher der Alpaca Farm', 'de', undefined, spelt).findWord('alpaka', true)).toBe('cognate');
  });
});
