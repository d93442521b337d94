import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

describe('untranslated', () => {
  it.each<[string, string, number]>([
    ['The strike hit the base.', 'The strike hit the base.', 1],
    ['The strike hit the base.', 'El ataque alcanzó la base.', 0],
    ['AP', 'AP', 0], // names only
    ['Centcom 2023', 'Centcom 2023', 0],
    ['%#@files@', '%#@files@', 0], // a stringsdict plural variable is code
    ['%1$@ (%2$#@items@)', '%1$@ (%2$#@items@)', 0],
    ['{{count}} files at https://example.com/files', '{{count}} files at https://example.com/files', 1],
  ])('"%s" → "%s"', async (source, target, count) => {
    expect(await issues('untranslated', pair(source, target))).toHaveLength(count);
  });
});
