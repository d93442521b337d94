import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

describe('urls-emails', () => {
  it.each<[string, string, string, number]>([
    [
      'identical links, addresses, hashtags and handles',
      'See https://example.com/a or mail me@x.org #Iraq @thenational',
      'Vea https://example.com/a o escriba a me@x.org #Iraq @thenational',
      0,
    ],
    ['a changed link: one missing, one extra', 'See https://example.com/a', 'Vea https://example.com/b', 2],
  ])('%s', async (_name, source, target, count) => {
    expect(await issues('urls-emails', pair(source, target))).toHaveLength(count);
  });
});
