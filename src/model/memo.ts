/**
 * Functions remembered per string argument, shared by every layer: names,
 * words, spellings and skeletons recur across the units of a run. Each memory
 * is forgotten whole when it reaches `limit` entries, so a run over millions
 * of words stays bounded.
 */
export function memo<V>(compute: (key: string) => V, limit = 100_000): (key: string) => V {
  const seen = new Map<string, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      value = compute(key);
      if (seen.size >= limit) seen.clear();
      seen.set(key, value);
    }
    return value;
  };
}

/** The same per word and language, one memory per language (no key is built per call). */
export function memoPerLanguage<V>(
  compute: (word: string, lang: string) => V,
  limit = 100_000,
): (word: string, lang: string) => V {
  const byLang = new Map<string, (word: string) => V>();
  return (word, lang) => {
    let remembered = byLang.get(lang);
    if (!remembered) byLang.set(lang, (remembered = memo((w) => compute(w, lang), limit)));
    return remembered(word);
  };
}
