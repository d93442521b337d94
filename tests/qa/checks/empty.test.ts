import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

describe('empty', () => {
  it.each<[string, string, number]>([
    ['Hello', 'Hola', 0],
    ['Hello', ' ', 1],
    ['Hello', '', 1],
  ])('"%s" → "%s"', async (source, target, count) => {
    expect(await issues('empty', pair(source, target))).toHaveLength(count);
  });
});
