import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

describe('end-punctuation', () => {
  it.each<[string, string, string, number]>([
    ['Is it true?', 'هل هذا صحيح؟', 'ar', 0],
    ['It is.', 'それはそうです。', 'ja', 0],
    ['He said "stop."', 'Dijo "alto".', 'es', 0],
    ['Is it true?', 'Es verdad.', 'es', 1],
  ])('"%s" → "%s" (%s)', async (source, target, lang, count) => {
    expect(await issues('end-punctuation', pair(source, target, lang))).toHaveLength(count);
  });
});
