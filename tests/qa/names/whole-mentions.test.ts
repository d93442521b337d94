import { describe, expect, it } from 'vitest';
import { wholeMentions } from '../../../src/qa/names/mentions.js';

describe('wholeMentions', () => {
  it('finds a name only where it stands as whole words', () => {
    const text = 'Ford said Stratford and Fordham were not Ford-owned; Ford2 and 3Ford either. Ford.';
    // (a hyphen ends a word: "Ford-owned" names Ford; a digit does not: "Ford2", "3Ford")
    expect(wholeMentions(text, 'Ford')).toEqual([0, 41, 77]);
  });

  it('finds a name of several words, also at the very start and end, and none in an empty text', () => {
    expect(wholeMentions('Anna Berg met Anna Bergström and Anna Berg', 'Anna Berg')).toEqual([0, 33]);
    expect(wholeMentions('', 'Anna')).toEqual([]);
  });

  it('counts overlapping mentions each once', () => {
    expect(wholeMentions('Bora Bora Bora', 'Bora Bora')).toEqual([0, 5]);
  });
});
