/**
 * Where words were cut out of a text, more of what no sentence has (the names check's own additions to target.ts's gap
 * patterns; each part begins with target.ts's `notAfter` marks, \u0001…\u0002, a lookbehind the gap finder drops from
 * its candidates' pattern, or with a literal word).
 */
const notAfter = (characters: string): string => `\u0001${characters}\u0002`;
const NOT_AFTER_WORD = notAfter("\\p{L}\\p{N}'’.(-");

// A French preposition before another that no sentence puts there ("de à AA+", "en pour"): the name between them was
// cut. Not "de par" (de par son rôle), "de sur", "de dans", nor "du à" (a common slip for "dû à").
const prepositionsMeet = (first: string, second: string): string =>
  `${NOT_AFTER_WORD}(?:${first})\\s+(?:${second})(?![\\p{L}\\p{N}'’-])`;

export const MORE_NAMES_GAPS: Readonly<Record<string, string>> = {
  fr: [
    prepositionsMeet('de', 'à|au|aux|avec|pour|sans|chez'),
    prepositionsMeet('en', 'pour|avec|sans|chez|dans|sur'),
  ].join('|'),
  // An article before a sentence's end ("in der Libyen-Mission der.", "mit der."): "der", "dem", "den" end no
  // sentence, as pronouns neither (not before a comma: "das, was", "dem, der").
  de: `${NOT_AFTER_WORD}(?:der|dem|den)\\s*(?:[;!?]|\\.(?!\\.|\\s*\\p{Ll}))`,
};
