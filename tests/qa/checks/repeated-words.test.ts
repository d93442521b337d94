import { describe, expect, it } from 'vitest';
import { issues, pair } from '../helpers.js';

describe('repeated-words', () => {
  it.each<[string, string, string[]]>([
    ['The base was hit.', 'La base fue atacada.', []],
    ['The base was hit.', 'La la base fue atacada.', ['"La" is repeated']],
  ])('"%s" → "%s"', async (source, target, expected) => {
    const found = (await issues('repeated-words', pair(source, target))).map((i) => i.message);
    expect(found.map((m) => /"[^"]+" is repeated/u.exec(m)?.[0] ?? m)).toEqual(expected);
  });
});
