/**
 * Where words were cut out of an Arabic text: what no Arabic sentence has, the pattern that finds it (its parts begin
 * with target.ts's `notAfter` marks, \u0001…\u0002, a lookbehind the gap finder drops from its candidates' pattern).
 */
const notAfter = (characters: string): string => `\u0001${characters}\u0002`;

// Prepositions written apart, the clitics written apart before a word in Latin letters ("لـ PubMed") among them; not
// "في", also the letter V spelt out ("آمي في،").
const PREPOSITIONS = 'من|إلى|على|عن|مع|لـ|بـ|كـ';

// Company, laboratory, organisation, journal, newspaper, agency, foundation, institute, university, platform, app.
const KINDS = 'شركة|مختبر|منظمة|مجلة|صحيفة|وكالة|مؤسسة|معهد|جامعة|منصة|تطبيق';

export const ARABIC_GAPS = [
  // A preposition before punctuation or the end: "من،", "لـ،".
  `${notAfter('\\p{L}')}(?:${PREPOSITIONS})\\s*(?=[،؛.:!)]|$)`,
  // A preposition right before a word in the accusative, written with its ending "ًا" (or "اً"): a preposition governs
  // the genitive, so a name stood between them ("بالتعاون مع ∅ تطبيقًا يسمح").
  `${notAfter('\\p{L}\\p{M}')}(?:${PREPOSITIONS}|في)\\s+\\p{L}+(?:ًا|اً)(?![\\p{L}\\p{M}])`,
  // A noun that names a kind of body, without its article, right before a comma, semicolon or closing bracket: the name it
  // introduces was cut ("أعلنت شركة ∅، وهي"). Not before a period, which may end a sentence on such a noun.
  `${notAfter('\\p{L}\\p{M}')}(?:${KINDS})\\s*(?=[،؛)]|,)`,
  // A proclitic written apart, as before a word in Latin letters, right before an opening bracket ("وفقًا لـ (https://…)"):
  // it is written apart only before such a word, which was cut. Not before a quotation mark ("يُعرف بـ \"تسطيح\""), nor a
  // digit ("لـ 6%").
  `${notAfter('\\p{L}')}(?:لـ|بـ|كـ)\\s*\\(`,
  // A hashtag's sign with no tag: nothing after it, and no Latin word or digit right before it (where a right-to-left line
  // may set a tag written in Latin letters: "Tag# تويتر"): "هاشتاج# تويتر".
  `${notAfter('\\p{Script=Latin}\\p{N}_#')}#(?=\\s|[،؛.:!)]|$)`,
  // A preposition, or "مثل" (such as), right before "و" (and) joined to a word in Latin letters: the first of the things
  // it joined was cut ("أدوات مثل ∅ وZoom"). Not before "و" joined to an Arabic word ("من وإلى").
  `${notAfter('\\p{L}')}(?:${PREPOSITIONS}|مثل|بين)\\s+و(?=\\p{Script=Latin})`,
  // Words in Latin letters that begin, after an Arabic word, with a lower-case English joining word, or end with one or
  // with an article before punctuation or an Arabic word: a name kept in Latin letters lost its first or last words
  // ("الطبية ∅ of Medicine", "Who Gives a ∅،").
  `${notAfter('\\p{L}\\p{N}')}(?<=[\\p{Script=Arabic}\\p{M}]\\s+)(?:of|and|for|the|de|du|von|van)(?=\\s+\\p{Script=Latin})`,
  `${notAfter('\\p{L}\\p{N}')}(?<=\\p{Script=Latin}\\s)(?:a|an|the|of|and|for)(?=\\s*[،؛.,:)]|\\s+\\p{Script=Arabic})`,
  // Two hyphens inside a code in Latin letters: a part between them was cut ("MVA--S").
  `${notAfter('\\p{L}\\p{N}')}[\\p{Script=Latin}\\p{N}]+--[\\p{Script=Latin}\\p{N}]`,
].join('|');
