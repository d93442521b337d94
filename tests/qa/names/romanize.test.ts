import { describe, expect, it } from 'vitest';
import { foreignSkeleton, latinSkeleton, sameSkeleton, targetSkeletons } from '../../../src/qa/names/romanize.js';

describe('consonant skeletons of names in another script', () => {
  it.each<[string, string | null, string[]]>([
    ['النجف', 'lnjf', ['lnjf', 'njf']],
    ['والنجف', 'lnjf', ['lnjf', 'njf']],
    ['كوفيد', 'kft', ['kft', 'ft']],
    ['هوبكنز', 'hbkns', ['hbkns']],
    ['تشو', 'c', ['c']],
    ['Москва', 'mskf', ['mskf']],
    ['Αθήνα', 'tn', ['tn']],
    ['ξένος', 'ksns', ['ksns']],
    ['Paris', null, []],
  ])('%s → %s', (word, skeleton, skeletons) => {
    expect(foreignSkeleton(word)).toBe(skeleton);
    expect(targetSkeletons(word)).toEqual(skeletons);
  });

  it('matches a Latin name with its transliteration, not with another name', () => {
    const like = (latin: string, foreign: string): boolean =>
      targetSkeletons(foreign).some((k) => sameSkeleton(latinSkeleton(latin), k));
    expect(like('Najaf', 'والنجف')).toBe(true);
    expect(like('COVID', 'كوفيد')).toBe(true);
    expect(like('Hopkins', 'هوبكنز')).toBe(true);
    expect(like('Moskva', 'Москва')).toBe(true);
    expect(like('Baghdad', 'هوبكنز')).toBe(false);
  });
});
