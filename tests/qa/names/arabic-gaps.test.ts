import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapPatternOf, TargetText } from '../../../src/qa/names/target.js';

/** Every gap an Arabic text gives, in order (each is given once). */
function gapsOf(text: string): string[] {
  const target = new TargetText(text, 'ar');
  const out: string[] = [];
  for (let g = target.gap(); g !== undefined; g = target.gap()) out.push(g);
  return out;
}

/** The same by the whole pattern run along the text, with the gaps of empty brackets, quotes and commas. */
function expected(text: string): string[] {
  const empty = /,\s*,|""|“\s*”|„\s*[“”]|«\s*»|\(\s*\)|\[\s*\]/gu;
  return [...text.matchAll(gapPatternOf('ar')!), ...text.matchAll(empty)]
    .sort((a, b) => a.index - b.index)
    .map((m) => m[0].trim());
}

// Prepositions, words in the accusative and in the genitive, nouns of a kind of body with and without their article,
// a conjunction, digits, punctuation and brackets.
const PIECES = [
  ...'من مع في لـ بـ على تطبيقًا جديداً كتاب شركة الشركة مختبر وشركة و 64 Zorvanix مثل وKelta of a the Velo -- -'.split(
    ' ',
  ),
  ...[' ', ' ', ' ', '،', ',', '.', '؛', ':', '(', ')', '"', 'ً', 'ا', '#', '_', '\n'],
];

describe('gaps of an Arabic text', () => {
  it('a preposition before punctuation or a word in the accusative, a kind of body before a comma', () => {
    expect(gapsOf('قال المسؤول من، إن الوضع')).toEqual(['من']);
    expect(gapsOf('عملت الوزارة مع تطبيقًا جديدًا.')).toEqual(['مع تطبيقًا']);
    expect(gapsOf('عملت الوزارة على كتاباً جديداً.')).toEqual(['على كتاباً']);
    expect(gapsOf('أعلنت شركة، وهي شركة دنماركية؛ وأعلن مختبر) أمس.')).toEqual(['شركة', 'مختبر']);
  });

  it('words in Latin letters cut at either end or inside, and a list whose first item was cut', () => {
    // (a name kept in Latin letters: its first words cut before "of", its last after "a"; a code's middle cut)
    expect(gapsOf('نشرت دورية الأطباء of Surgery دراسة جديدة.')).toEqual(['of']);
    expect(gapsOf('أعلنت شركة Save the، التي تبيع الأحذية، أرباحها.')).toEqual(['the']);
    expect(gapsOf('جرّب الفريق اللقاح (KV7--B) على القرود.')).toEqual(['KV7--B']);
    expect(gapsOf('استخدم الطلاب برامج مثل وSkype للتواصل.')).toEqual(['مثل و']);
    // not a name in Latin letters kept whole, nor "و" joined to an Arabic word after a preposition
    for (const text of [
      'نشرت دورية Annals of Surgery دراسة جديدة.',
      'أعلنت شركة Save the Children أرباحها.',
      'جرّب الفريق اللقاح (KV7-B) على القرود.',
      'استخدم الطلاب برامج مثل Teams وSkype للتواصل، من وإلى المدرسة.',
    ])
      expect(gapsOf(text)).toEqual([]);
  });

  it("a hashtag's sign with no tag", () => {
    expect(gapsOf('انتشر هاشتاج# على تويتر.')).toEqual(['#']);
    expect(gapsOf('انتشر الوسم # أمس.')).toEqual(['#']);
    // (a tag after it, or a tag in Latin letters right before it, set so by a right-to-left line)
    expect(gapsOf('انتشر الوسم #كورونا و#StayHome وTagName# أمس، والرقم 5# هنا.')).toEqual([]);
  });

  it('not a preposition with its noun, a number between, a kind of body with its article or a prefix, or ending a sentence', () => {
    for (const text of [
      'عملت الوزارة مع الشركة على تطبيق جديد.',
      'اختبرت الشركة أكثر من 64 مريضًا.',
      'عمل معًا في المختبر.',
      'تحدثت الشركة، وهي دنماركية.',
      'تعاونت الوزارة وشركة، ثم انسحبت.',
      'إنها شركة.',
    ])
      expect(gapsOf(text)).toEqual([]);
  });

  it('gives for any text what the whole pattern gives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(gapsOf(text)).toEqual(expected(text));
      }),
      { numRuns: 3000 },
    );
  });
});
