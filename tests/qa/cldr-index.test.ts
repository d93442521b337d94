import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cldrIndex, cldrIndexEntries, cldrIndexFile } from '../../src/qa/names/cldr.js';

describe('the CLDR index of names the build writes', () => {
  it('is the index a run makes, entry for entry and in its order', () => {
    const entries = cldrIndexEntries('en');
    expect(entries.length).toBeGreaterThan(500);
    expect(entries.map(([name, kind, code]) => [name, { kind, code }])).toEqual([...cldrIndex('en')]);
    expect(new Map(entries.map(([name, kind, code]) => [name, { kind, code }])).get('united states')).toEqual({
      kind: 'region',
      code: 'US',
    });
  });

  it('is named by the versions it is made of, and the built one holds what Intl gives now', () => {
    const file = cldrIndexFile('en');
    expect(file).toContain(`icu${process.versions.icu}-cldr${process.versions.cldr}`);
    // The build writes it into dist/data (npm test builds first); its entries are this Node's.
    const built = file.replace(/[\\/]src[\\/]data[\\/]/u, '/dist/data/');
    if (existsSync(built)) expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(cldrIndexEntries('en'));
  });
});
