import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

describe('length', () => {
  it.each<[string, string, RegExp | null]>([
    ['This is a long enough sentence to judge.', 'Sí.', /left out/u],
    ['This is a long enough sentence to judge.', 'Esta es una frase lo bastante larga para juzgar.', null],
  ])('"%s" → "%s"', async (source, target, message) => {
    const found = (await issues('length', pair(source, target))).map((i) => i.message);
    if (message) expect(found[0]).toMatch(message);
    else expect(found).toEqual([]);
  });
});
