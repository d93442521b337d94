/**
 * Roman numerals ("XV" = 15, "XXI" = 21). Only uppercase, well-formed numerals are read;
 * callers decide from context whether a token such as "I" or "MIX" is a numeral at all.
 */

const VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const WELL_FORMED = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;

/** The value of an uppercase Roman numeral, or null when the token is not a well-formed one. */
export function romanValue(token: string): number | null {
  if (token === '' || !WELL_FORMED.test(token)) return null;
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const v = VALUES[token[i]!]!;
    const next = i + 1 < token.length ? VALUES[token[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * A Roman numeral that stands on its own without context: only I, V and X letters, two or more
 * of them ("II", "XV", "XXI"), so that the pronoun "I" and words like "MIX", "CD" or "DC" are not read.
 */
export function standaloneRoman(token: string): number | null {
  if (token.length < 2 || !/^[IVX]+$/u.test(token)) return null;
  return romanValue(token);
}
