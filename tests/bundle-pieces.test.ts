import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleFilePieces, bundleFiles, metaPathOf, type Bundle, type UnitMeta } from '../src/store/bundle.js';
import { UNIT_STATES } from '../src/model/unit.js';

/** The bundle's two files as they were written whole: the text the pieces must make. */
function whole(bundlePath: string, bundle: Bundle, order: readonly string[]): string[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const ids = Object.keys(bundle.translations).sort(
    (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b),
  );
  const translations: Record<string, string> = {};
  const meta: Record<string, UnitMeta> = {};
  for (const id of ids) {
    translations[id] = bundle.translations[id]!;
    const m = bundle.meta[id];
    if (m) meta[id] = m;
  }
  return [
    JSON.stringify(translations, null, 2) + '\n',
    JSON.stringify({ format: 'locflow-meta/1', units: meta }, null, 2) + '\n',
  ];
}

const id = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', '0', '1', '01', '4294967295', '-1', 'a"b', 'é\n\u2028'),
  fc.nat().map(String),
);

describe('bundleFilePieces', () => {
  it('joined, is the JSON of the bundle and its metadata as written whole, whatever the ids and texts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(id, fc.string(), fc.option(fc.tuple(fc.constantFrom(...UNIT_STATES), fc.string(), fc.string()))),
          {
            maxLength: 40,
          },
        ),
        fc.array(id, { maxLength: 10 }),
        fc.integer({ min: 0, max: 3 }),
        (entries, order, repeat) => {
          const translations: Record<string, string> = {};
          const meta: Record<string, UnitMeta> = {};
          // Many entries now and then, past one piece's worth.
          const all =
            repeat === 3
              ? entries.flatMap((e, i) =>
                  Array.from({ length: 300 }, (_, k) => [`${e[0]}${i}-${k}`, e[1], e[2]] as const),
                )
              : entries;
          for (const [key, text, m] of all) {
            translations[key] = text;
            if (m) meta[key] = { state: m[0], origin: m[1], source: m[2] };
          }
          const bundle = { translations, meta };
          const pieces = bundleFilePieces('locales/es/a.json', bundle, order);
          expect(pieces.map((f) => f.path)).toEqual(['locales/es/a.json', metaPathOf('locales/es/a.json')]);
          expect(pieces.map((f) => [...f.pieces].join(''))).toEqual(whole('locales/es/a.json', bundle, order));
          expect(bundleFiles('locales/es/a.json', bundle, order).map((f) => f.data)).toEqual(
            whole('locales/es/a.json', bundle, order),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cuts a large bundle into many pieces', () => {
    const translations = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`u${i}`, `text ${i}`]));
    const [file] = bundleFilePieces('a.json', { translations, meta: {} }, []);
    expect([...file!.pieces].length).toBeGreaterThan(4);
  });
});
