import { describe, expect, it } from 'vitest';
import { glossaryFile, issues, pair } from '../helpers.js';

describe('terminology', () => {
  const g = glossaryFile('en,es,type\nair strike,ataque aéreo|ataques aéreos,term\n');
  it.each<[string, string, RegExp | null]>([
    ['The air strike hit.', 'El ataque aéreo impactó.', null],
    ['The air strikes hit.', 'Los ataques aéreos impactaron.', null],
    ['The air strike hit.', 'El bombardeo impactó.', /"ataque aéreo" or "ataques aéreos"/u],
  ])('"%s" → "%s"', async (source, target, message) => {
    const found = (await issues('terminology', pair(source, target), g)).map((i) => i.message);
    if (message) expect(found[0]).toMatch(message);
    else expect(found).toEqual([]);
  });
});
