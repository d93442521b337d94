import { memo } from '../../model/memo.js';
import { editDistance } from './similar.js';

/**
 * Names written in another script: a Latin name and its Arabic (or Cyrillic,
 * Greek) transliteration share their consonants, not their vowels, which
 * Arabic leaves unwritten. Both sides are reduced to a skeleton of consonant
 * classes and compared with a small tolerance: "Najaf" ~ "النجف",
 * "COVID" ~ "كوفيد", "Hopkins" ~ "هوبكنز".
 */

// Letters that sound alike across the scripts share one class letter.
const ARABIC: Readonly<Record<string, string>> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ط: 't',
  // (the "th" of Thermo, Smith: ثيرمو، سميث)
  ث: 't',
  ج: 'j',
  چ: 'c',
  ح: 'h',
  خ: 'k',
  د: 't',
  ض: 't',
  ذ: 's',
  ر: 'r',
  ز: 's',
  ژ: 'j',
  س: 's',
  ص: 's',
  ظ: 's',
  ش: 'c',
  غ: 'g',
  ف: 'f',
  ڤ: 'f',
  ق: 'k',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: '',
  ع: '',
  ء: '',
  أ: '',
  إ: '',
  آ: '',
  ا: '',
  ؤ: '',
  ئ: '',
  و: '',
  ي: '',
  ى: '',
  ی: '',
};
const CYRILLIC: Readonly<Record<string, string>> = {
  б: 'b',
  п: 'b',
  в: 'f',
  ф: 'f',
  г: 'g',
  д: 't',
  т: 't',
  ж: 'j',
  з: 's',
  с: 's',
  ц: 's',
  к: 'k',
  х: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  р: 'r',
  ч: 'c',
  ш: 'c',
  щ: 'c',
  й: '',
};
const GREEK: Readonly<Record<string, string>> = {
  β: 'f',
  π: 'b',
  γ: 'g',
  δ: 't',
  τ: 't',
  θ: 't',
  ζ: 's',
  σ: 's',
  ς: 's',
  ξ: 'ks',
  ψ: 'bs',
  κ: 'k',
  χ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ρ: 'r',
  φ: 'f',
};

/** The consonant skeleton of a folded Latin-script word. */
export function latinSkeleton(word: string): string {
  return (
    word
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/ph/gu, 'f')
      .replace(/th/gu, 't')
      .replace(/kh/gu, 'k')
      .replace(/gh/gu, 'g')
      // The "sh" sound, Chinese zh and initial x (Xi → شي) included: one class, marked until the hard c is gone.
      .replace(/sch|tch|sh|ch|zh|^x/gu, '§')
      .replace(/c(?=[eiy])/gu, 's')
      .replace(/x/gu, 'ks')
      .replace(/[ckq]/gu, 'k')
      .replace(/[pb]/gu, 'b')
      .replace(/[dt]/gu, 't')
      .replace(/[zs]/gu, 's')
      .replace(/v/gu, 'f')
      .replace(/§/gu, 'c')
      .replace(/[^bcfghjklmnrst]/gu, '')
      .replace(/(.)\1+/gu, '$1')
  );
}

// One table for the three scripts, as looked up in turn: Arabic first, then Cyrillic (which lends Greek letters), then
// Greek. Indexed by the letter's code (every letter is one UTF-16 unit): no one-letter string made per letter read.
const FOREIGN: ReadonlyArray<string | undefined> = (() => {
  const table: Array<string | undefined> = [];
  for (const [letter, sound] of new Map([
    ...Object.entries(GREEK),
    ...Object.entries(CYRILLIC),
    ...Object.entries(ARABIC),
  ]))
    table[letter.charCodeAt(0)] = sound;
  return table;
})();

/** The consonant skeleton of a word in Arabic, Cyrillic or Greek script; null for other scripts. */
export function foreignSkeleton(word: string): string | null {
  let out = '';
  let known = false;
  // Arabic writes "ch" and "zh" (Chinese names: Zhou → تشو) as t + sh.
  const lower = word.toLowerCase();
  const text = lower.includes('تش') ? lower.replace(/تش/gu, 'ش') : lower;
  let last = '';
  for (let i = 0; i < text.length; i++) {
    // (a letter past the table is none of the scripts': answered before the read, which optimised code would not take)
    const code = text.charCodeAt(i);
    const c = code < FOREIGN.length ? FOREIGN[code] : undefined;
    if (c === undefined) continue;
    known = true;
    // A sound class written twice in a row is one.
    for (let k = 0; k < c.length; k++) {
      const sound = c.charAt(k);
      if (sound !== last) out += last = sound;
    }
  }
  return known ? out : null;
}

/** Arabic clitics written onto a name: "and", "in/with", "to", "like", and the article. */
const ARABIC_PREFIXES = /^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?/u;
// A final ه after a long vowel writes the vowel's end, no consonant: "Taipei" → "تايبيه", "Gaza" → "غزه".
const VOWEL_H = /(?<=[اوي])ه$/u;

/**
 * Skeletons a target word may carry: with and without the Arabic article and clitics, and without a final ه that only
 * ends a vowel. A clitic before a name of one consonant leaves that consonant ("لتشو": "to Zhou"). (No memory: reading
 * one letter by letter costs less than looking up a word, let alone two words joined, which are new every time.)
 */
export function targetSkeletons(word: string): string[] {
  const whole = foreignSkeleton(word);
  if (whole === null) return [];
  const out = [whole];
  const stripped = word.replace(ARABIC_PREFIXES, '');
  const bare = stripped === word ? whole : foreignSkeleton(stripped);
  if (bare !== null && bare !== whole && bare.length >= 1) out.push(bare);
  if (VOWEL_H.test(word))
    for (const form of stripped === word ? [word] : [word, stripped]) {
      const open = foreignSkeleton(form.slice(0, -1));
      if (open !== null && open.length >= 1 && !out.includes(open)) out.push(open);
    }
  return out;
}

/**
 * The ways one Latin letter or pair is read in the languages names come from, each written the way another script
 * writes it: German, Greek and Hebrew "ch" (Koch → كوخ, Technion → التخنيون), Italian "ci", "ce" (Fauci → فاوتشي),
 * Chinese and Portuguese "x" (Ningxia → نينغشيا), Chinese "zh" as z or j (Guangzhou → غوانزو), "j" for the y sound
 * (Ljubljana → ليوبليانا).
 */
// (the third: whether the reading leaves a consonant unwritten; what such a reading leaves must keep three, two are too
// many words' skeletons, "Teijin" is no "tn")
const OTHER_READINGS: ReadonlyArray<readonly [RegExp, string, boolean]> = [
  [/(?<![st])ch/gu, 'k', false],
  [/c(?=[ei])/gu, 'sh', false],
  [/x/gu, 'sh', false],
  [/zh/gu, 'z', false],
  [/zh/gu, 'j', false],
  [/j/gu, '', true],
  // Chinese "q" (Keqiang → "كه تشيانغ"), and a name's adjective or its -ism, made in Arabic with "-ية" (Olympics →
  // "الأولمبية")
  [/q(?!u)/gu, 'ch', false],
  [/(?:ics|ism|ian|ians)$/u, '', true],
];

/**
 * The consonant skeletons a Latin name may be transliterated by: its English reading, each other reading of one of its
 * letters (see OTHER_READINGS), and all of those at once. An "h" after a consonant only marks it breathed ("Dhaka" →
 * "دكا"), and an initial "wh" is a w ("Whitby" → "ويتبي"): neither is written.
 */
export function latinReadings(word: string): string[] {
  const plain = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/^wh/u, 'w')
    .replace(/(?<=[bdfjlmnrv])h/gu, '');
  const readings = new Set([latinSkeleton(plain)]);
  let all = plain;
  let others = 0;
  let silent = false;
  for (const [letters, by, drops] of OTHER_READINGS) {
    const read = plain.replace(letters, by);
    if (read === plain) continue;
    const skeleton = latinSkeleton(read);
    if (!drops || skeleton.length >= 3) readings.add(skeleton);
    silent ||= drops;
    all = all.replace(letters, by);
    others++;
  }
  const allAtOnce = latinSkeleton(all);
  if (others > 1 && (!silent || allAtOnce.length >= 3)) readings.add(allAtOnce);
  readings.delete('');
  return [...readings];
}

/** The readings of a Latin word, remembered (see latinReadings). */
export const latinReadingsOf = memo(latinReadings);

/**
 * Sound classes compared across scripts a little coarser than written: Arabic writes both the "j" and the hard "g" of
 * a name with ج (Gregory → جريجوري, Daegu → دايجو), and "g" with غ.
 */
const coarse = (skeleton: string): string => (skeleton.includes('j') ? skeleton.replace(/j/gu, 'g') : skeleton);

/** Whether a Latin name word and a foreign-script word's skeleton can be the same name. */
export function sameSkeleton(latinSide: string, foreignSide: string): boolean {
  const latin = coarse(latinSide);
  const foreign = coarse(foreignSide);
  // One consonant ("Zhou" → تشو) matches only a word of that one consonant.
  if (latin.length < 2 || foreign.length < 2) return latin === foreign && latin.length > 0;
  if (latin === foreign) return true;
  return near(latin, foreign);
}

/** How many consonants two skeletons of two or more may differ by, by the longer one's length. */
const allowedFor = (longest: number): number => (longest <= 3 ? 0 : longest <= 6 ? 1 : 2);

function near(latin: string, foreign: string): boolean {
  const allowed = allowedFor(Math.max(latin.length, foreign.length));
  return Math.abs(latin.length - foreign.length) <= allowed && editDistance(latin, foreign, allowed) <= allowed;
}

/** The skeleton of a Latin word, remembered (a run asks for the same names again and again). */
export const latinSkeletonOf = memo(latinSkeleton);

/**
 * A text's skeletons, ready to be asked whether one of them is the same name as a Latin word's (`sameSkeleton`): each
 * distinct skeleton once, and only those of a length that can be (no two differ by more than two consonants).
 */
export class SkeletonIndex {
  private readonly all = new Set<string>();
  private readonly byLength: string[][] = [];

  add(written: string): void {
    const skeleton = coarse(written);
    if (this.all.has(skeleton)) return;
    this.all.add(skeleton);
    if (skeleton.length >= 2) (this.byLength[skeleton.length] ??= []).push(skeleton);
  }

  /** Whether some skeleton added is the same name as the Latin skeleton `latin` (see sameSkeleton). */
  matches(written: string): boolean {
    const latin = coarse(written);
    if (latin.length === 0) return false;
    if (this.all.has(latin)) return true;
    if (latin.length < 2) return false;
    for (let n = Math.max(2, latin.length - 2); n <= latin.length + 2; n++)
      if (this.byLength[n]?.some((k) => near(latin, k))) return true;
    return false;
  }

  /** Whether some skeleton added is the same name as one of the readings of a Latin word (see latinReadings). */
  matchesName(word: string): boolean {
    return latinReadingsOf(word).some((latin) => this.matches(latin));
  }
}
