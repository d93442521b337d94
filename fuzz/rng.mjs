/** A seeded pseudo-random generator (mulberry32): the same seed gives the same cases on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [lo, hi). */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** The seed of case `i` of a category: cases can be run alone and in any order. */
export function caseSeed(seed, category, i) {
  let h = seed >>> 0;
  for (const ch of `${category}:${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}
