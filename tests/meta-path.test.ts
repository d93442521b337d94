import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaPathOf } from '../src/store/bundle.js';

/** A bundle's metadata file: the bundle's name with its final ".json" (if any, exactly so written) made ".meta.json". */
describe('metaPathOf', () => {
  it('replaces a final ".json" only', () => {
    expect(metaPathOf('locales/es/a.json')).toBe('locales/es/a.meta.json');
    expect(metaPathOf('locales/es/a.json.json')).toBe('locales/es/a.json.meta.json');
    expect(metaPathOf('locales/es/a')).toBe('locales/es/a.meta.json');
    expect(metaPathOf('locales/es/a.JSON')).toBe('locales/es/a.JSON.meta.json');
    expect(metaPathOf('locales/es/a.json\n')).toBe('locales/es/a.json\n.meta.json');
    expect(metaPathOf('.json')).toBe('.meta.json');
    expect(metaPathOf('a.jsonx')).toBe('a.jsonx.meta.json');
  });

  it('is the name with /\\.json$/ taken off, then ".meta.json", for any name (property)', () => {
    const piece = fc.constantFrom('.json', 'json', '.', 'a', '/', '\n', '.JSON', 'é', '\u{1F600}');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 6 }), (parts) => {
        const name = parts.join('');
        expect(metaPathOf(name)).toBe(name.replace(/\.json$/u, '') + '.meta.json');
      }),
    );
  });
});
