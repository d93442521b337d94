import { describe, expect, it } from 'vitest';
import { cldrRenderings } from '../../../src/qa/names/cldr.js';

describe('cldrRenderings', () => {
  it('gives a region its long, short and variant names in the target language', () => {
    expect(cldrRenderings({ kind: 'region', code: 'US' }, 'es')).toEqual(
      expect.arrayContaining(['Estados Unidos', 'EE. UU.']),
    );
    expect(cldrRenderings({ kind: 'region', code: 'CZ' }, 'de')).toEqual(
      expect.arrayContaining(['Tschechien', 'Tschechische Republik']),
    );
    expect(cldrRenderings({ kind: 'language', code: 'fr' }, 'de')).toEqual(['Französisch']);
  });

  it('makes them once per language and name: asked again, the same list', () => {
    const first = cldrRenderings({ kind: 'region', code: 'JP' }, 'fr');
    expect(cldrRenderings({ kind: 'region', code: 'JP' }, 'fr')).toBe(first);
    expect(cldrRenderings({ kind: 'region', code: 'JP' }, 'de')).not.toBe(first);
    expect(cldrRenderings({ kind: 'language', code: 'ja' }, 'fr')).not.toEqual(first);
  });
});
