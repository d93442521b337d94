import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST, writeJsonList } from '../src/cli/output.js';

/** The pieces writeJsonList writes, joined. */
function written<T>(document: Record<string, unknown>, items: readonly T[], shown: (item: T) => unknown): string {
  const pieces: string[] = [];
  writeJsonList((text) => pieces.push(text), document, items, shown);
  return pieces.join('');
}

const member = fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.jsonValue({ maxDepth: 3 }));

describe("import's --json document, written a result at a time", () => {
  it('is the text of JSON.stringify(document, null, 2) with the items in the list', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), member, { maxKeys: 4 }),
        fc.nat({ max: 4 }),
        fc.string(),
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
        (rest, position, name, items) => {
          // The list member among the others, at any place (a name of its own).
          const key = `list:${name}`;
          const entries: Array<[string, unknown]> = Object.entries(rest);
          entries.splice(Math.min(position, entries.length), 0, [key, LIST]);
          const document = Object.fromEntries(entries);
          const shown = (item: unknown): unknown => ({ item, also: [item] });
          const expected = `${JSON.stringify({ ...document, [key]: items.map(shown) }, null, 2)}\n`;
          expect(written(document, items, shown)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a result as the command shows it, with a line per member, and an empty list as []', () => {
    const results = [{ file: 'a.xlf', flagged: [], partly: [{ unit: 'u1' }] }, { file: 'b.xlf' }];
    const document = { command: 'import', results: LIST, totals: { files: 2 } };
    expect(written(document, results, (r) => r)).toBe(`${JSON.stringify({ ...document, results }, null, 2)}\n`);
    expect(written(document, [], (r) => r)).toBe(`${JSON.stringify({ ...document, results: [] }, null, 2)}\n`);
  });
});
