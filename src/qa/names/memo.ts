/**
 * A function remembered per string argument: names, words and skeletons recur
 * across the pairs of a run. The memory is forgotten whole when it reaches
 * `limit` entries, so a run over millions of words stays bounded.
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
