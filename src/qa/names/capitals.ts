/**
 * The capitalised words of a run's source texts, read once per text: the names check's indexes of a run (kept.ts,
 * mentions.ts) look names up by them, and a source translated into several languages is one text, met once per
 * language.
 */

// Capitalised words as written, the way a name's words are looked up.
const CAPITALISED = /\p{Lu}[\p{L}\p{M}\p{N}]*/gu;

/** A source text's capitalised words: each once, in the order first met. */
export type CapitalisedOf = (source: string) => readonly string[];

/** Per run (its units' list), the words of each source text read so far. */
const readings = new WeakMap<object, Map<string, readonly string[]>>();

/** The capitalised words of the source texts of a run, each text read once whoever asks. */
export function capitalisedIn(run: object): CapitalisedOf {
  let read = readings.get(run);
  if (!read) readings.set(run, (read = new Map()));
  const known = read;
  return (source) => {
    let words = known.get(source);
    if (words === undefined) {
      words = [...new Set(source.match(CAPITALISED))];
      known.set(source, words);
    }
    return words;
  };
}
