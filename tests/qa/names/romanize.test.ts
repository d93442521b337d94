import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foreignSkeleton,
  latinReadings,
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

describe('a Latin name read the ways the languages names come from write it, against its transliteration', () => {
  const like = (latin: string, foreign: string): boolean => {
    const index = new SkeletonIndex();
    for (const k of targetSkeletons(foreign)) index.add(k);
    return index.matchesName(latin);
  };

  it.each<[string, string, string]>([
    ['German "ch" as kh', 'Bach', 'باخ'],
    ['Italian "ci" as ch', 'Ciampi', 'تشامبي'],
    ['Chinese "x" as sh', 'Jiangxi', 'جيانغشي'],
    ['Chinese "zh" as j', 'Zhuhai', 'جوهاي'],
    ['Chinese "q" as ch', 'Qin', 'تشين'],
    ['"j" for the y sound', 'Ljubljana', 'ليوبليانا'],
    ['an -ics name made an adjective', 'Celtics', 'السلتية'],
    ['"wh" as w', 'Wheeler', 'ويلر'],
    ['a breathed consonant', 'Bhutto', 'بوتو'],
    ['"th" written ث', 'Smith', 'سميث'],
    ['"g" written ج', 'Gupta', 'جوبتا'],
    ['a vowel ended with ه', 'Kobe', 'كوبيه'],
    ['a one-consonant name after a clitic', 'Xu', 'لشو'],
  ])('%s: %s ~ %s', (_, latin, foreign) => {
    expect(like(latin, foreign)).toBe(true);
  });

  it('not another name, nor a reading that leaves two consonants of a longer name', () => {
    expect(like('Bach', 'بوتو')).toBe(false);
    expect(like('Gupta', 'كوبيه')).toBe(false);
    // "Teijin" read with its j unwritten would be any word of t and n
    expect(latinReadings('Teijin')).toEqual(['tjn']);
    expect(like('Teijin', 'تنفيذ')).toBe(false);
  });
});

describe('SkeletonIndex', () => {
  const skeleton = fc
    .array(fc.constantFrom('b', 'c', 'g', 'j', 'k', 'l', 'm', 'n', 's', 't'), { maxLength: 9 })
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
