import { describe, expect, it } from 'vitest';
import { TargetText } from '../../../src/qa/names/target.js';

describe('abbreviations written with and without inner spaces are one spelling', () => {
  it('finds "EE.UU." where "EE. UU." stands, and the other way round', () => {
    expect(new TargetText('Los EE. UU. y Canadá firmaron.', 'es').hasPhrase('EE.UU.')).toBe(true);
    expect(new TargetText('Los EE.UU. y Canadá firmaron.', 'es').hasPhrase('EE. UU.')).toBe(true);
    expect(new TargetText('Les É.-U. et le Canada.', 'fr').hasPhrase('É-U.')).toBe(false);
    expect(new TargetText('Les É.-U. et le Canada.', 'fr').hasPhrase('É.U.')).toBe(true);
    // (only abbreviations meet so: a sentence's end before a short word is no abbreviation's inside)
    expect(new TargetText('Vino. Un día.', 'es').hasPhrase('vino.un')).toBe(false);
  });
});
