import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bundleFiles, readTranslations, readTranslationTable } from '../src/store/bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'locflow-translation-table-'));
const path = join(dir, 'doc.json');

/** What readTranslations gives or throws for `text`, as a table (or the error's message). */
function expected(text: string): Map<string, string> | string {
  try {
    return new Map(Object.entries(readTranslations(path, text)));
  } catch (err) {
    return (err as Error).message;
  }
}

function got(text: string): Map<string, string> | string {
  try {
    return new Map(readTranslationTable(path, text));
  } catch (err) {
    return (err as Error).message;
  }
}

/** Keys and values: unit ids, and text with what JSON escapes or may trip a reading by lines. */
const piece = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '"',
    '\\',
    '\\"',
    '": "',
    '",',
    '\n',
    '\t',
    '\r',
    '\u2028',
    '{',
    '}',
    ',',
    ' ',
    '__proto__',
    '\uFFFD',
  ),
);
const text = fc.array(piece, { maxLength: 4 }).map((ps) => ps.join(''));
const dictionary = fc.array(fc.tuple(fc.oneof(text, fc.constantFrom('u1', 'u2', '__proto__', '10')), text), {
  maxLength: 8,
});

describe('readTranslationTable (what a build reads of each bundle)', () => {
  it('gives what readTranslations gives for any bundle as locflow writes it', () => {
    fc.assert(
      fc.property(dictionary, (pairs) => {
        const translations = Object.fromEntries(pairs.filter(([k]) => k !== '__proto__'));
        const [file] = bundleFiles(path, { translations, meta: {} }, []);
        expect(got(file!.data)).toEqual(expected(file!.data));
      }),
      { numRuns: 400 },
    );
  });

  it('gives what readTranslations gives or throws for any text (other layouts, damage, other JSON)', () => {
    const laidOut = dictionary.chain((pairs) =>
      fc
        .tuple(fc.constantFrom(0, 2, '\t', ' '), fc.constantFrom('', '\n', '\n\n', ' '))
        .map(([space, end]) => JSON.stringify(Object.fromEntries(pairs), null, space) + end),
    );
    // Lines of entries put together by hand: repeated keys, two on a line, a missing or extra comma, values of other kinds.
    const line = fc
      .tuple(
        text,
        fc.oneof(
          text.map((v) => JSON.stringify(v)),
          fc.constantFrom('1', 'null', '{}', '"a" "b"', '"x'),
        ),
      )
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${v}`);
    const handMade = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom(',\n', '\n', ', ', ',\n\n'))
      .map(([ls, sep]) => `{\n${ls.join(sep)}\n}\n`);
    const cut = fc
      .tuple(laidOut, fc.nat(), fc.constantFrom('', '"', '\\', ',', '\n', '}', '\u0001'))
      .map(([t, at, put]) => t.slice(0, at % (t.length + 1)) + put + t.slice((at % (t.length + 1)) + 1));
    fc.assert(
      fc.property(fc.oneof(laidOut, handMade, cut), (t) => {
        expect(got(t)).toEqual(expected(t));
      }),
      { numRuns: 600 },
    );
  });

  it('reads a bundle as locflow writes it without JSON.parse of the whole (no object of keys per bundle)', () => {
    const translations = { u1fe52292b02f5b: 'Hola "mundo"', u2: 'Adiós', '10': 'diez\\n', __proto__x: '{{x1}}' };
    const [file] = bundleFiles(path, { translations, meta: {} }, []);
    writeFileSync(path, file!.data);
    const parse = vi.spyOn(JSON, 'parse');
    const table = readTranslationTable(path);
    // The one line with escapes is given to JSON.parse alone.
    const lines = file!.data.split('\n').filter((l) => l.includes('\\'));
    expect(lines).toHaveLength(2);
    expect(parse.mock.calls.map(([t]) => t)).toEqual(lines.map((l) => `{${l.replace(/,$/u, '')}}`));
    parse.mockRestore();
    expect(new Map(table)).toEqual(new Map(Object.entries(translations)));
    expect(readTranslationTable(join(dir, 'missing.json')).size).toBe(0);
  });
});
