import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

describe('brackets-quotes', () => {
  it.each<[string, string, number]>([
    ['He (the chief) spoke.', 'Él (el jefe) habló.', 0],
    ['He (the chief) spoke.', 'Él (el jefe habló.', 1],
    ['"Iraqi forces were notified.', '"Las fuerzas fueron informadas.', 0],
  ])('"%s" → "%s"', async (source, target, count) => {
    expect(await issues('brackets-quotes', pair(source, target))).toHaveLength(count);
  });
});
