import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

describe('whitespace', () => {
  it.each<[string, string, number]>([
    ['Hello.', 'Hola.', 0],
    ['Hello.', ' Hola.', 1],
    ['Hello there.', 'Hola  allí.', 1],
  ])('"%s" → "%s"', async (source, target, count) => {
    expect(await issues('whitespace', pair(source, target))).toHaveLength(count);
  });
});
