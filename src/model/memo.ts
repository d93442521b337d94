/**
 * Functions remembered per string argument, shared by every layer: names,
 * words, spellings and skeletons recur across the units of a run. Each memory
 * is forgotten whole when it reaches `limit` entries, so a run over millions
 * of words stays bounded.
 */

/** Every memory made here (a memo is made once, at the top of its module, or once per language), for forgetMemos. */
const memories = new Set<Map<string, unknown>>();

export function memo<V>(
  compute: (key: string) => V,
  limit = 100_000,
  own?: (key: string) => string,
): (key: string) => V {
  const seen = new Map<string, V>();
  memories.add(seen);
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      // A key made a string of its own is also what is computed from, so neither it nor its value keeps alive the
      // text the key was cut from: for computations that cost far more than the copy (a whole sentence read).
      const kept = own === undefined ? key : own(key);
      value = compute(kept);
      if (seen.size >= limit) seen.clear();
      seen.set(kept, value);
    }
    return value;
  };
}

/** The same per word and language, one memory per language (no key is built per call). */
export function memoPerLanguage<V>(
  compute: (word: string, lang: string) => V,
  limit = 100_000,
  own?: (word: string) => string,
): (word: string, lang: string) => V {
  const byLang = new Map<string, (word: string) => V>();
  return (word, lang) => {
    let remembered = byLang.get(lang);
    if (!remembered) byLang.set(lang, (remembered = memo((w) => compute(w, lang), limit, own)));
    return remembered(word);
  };
}

/**
 * Forgets what every memo remembers (each computes again when next asked, with the same answers): for a command whose
 * checking is done while it still has work to do that needs the memory more (import's commit). What the memos hold
 * grows with the run up to their limits: tens of megabytes over thousands of documents.
 */
export function forgetMemos(): void {
  for (const seen of memories) seen.clear();
}
