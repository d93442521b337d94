import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foreignSkeleton,
  latinSkeleton,
  sameSkeleton,
  SkeletonIndex,
  targetSkeletons,
} from '../../../src/qa/names/romanize.js';

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

describe('SkeletonIndex', () => {
  const skeleton = fc
    .array(fc.constantFrom('b', 'c', 'k', 'l', 'm', 'n', 's', 't'), { maxLength: 9 })
    .map((a) => a.join(''));
  it('matches a Latin skeleton exactly when one of the skeletons added is the same name, whatever they are', () => {
    fc.assert(
      fc.property(
        skeleton.chain((latin) =>
          fc.tuple(
            fc.constant(latin),
            // random skeletons, and ones a letter or two from it (inserted, left out, changed)
            fc.array(
              fc.oneof(
                skeleton,
                fc
                  .tuple(fc.nat(9), skeleton, fc.nat(2))
                  .map(([at, s, cut]) => latin.slice(0, at) + s.slice(0, 2) + latin.slice(at + cut)),
              ),
              { maxLength: 20 },
            ),
          ),
        ),
        ([latin, skeletons]) => {
          const index = new SkeletonIndex();
          for (const k of skeletons) index.add(k);
          expect(index.matches(latin)).toBe(skeletons.some((k) => sameSkeleton(latin, k)));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
