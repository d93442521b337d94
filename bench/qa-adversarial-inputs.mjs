// Hostile units for the QA checks: long runs that trip quadratic scans and backtracking patterns.
// Each function gives about `size` characters.
export const ADVERSARIAL = {
  'no spaces': (size) => 'a'.repeat(size),
  'at signs': (size) => 'a@'.repeat(size / 2),
  dots: (size) => 'a.'.repeat(size / 2),
  digits: (size) => '1,'.repeat(size / 2),
  capitals: (size) => 'Ab '.repeat(size / 3),
  braces: (size) => '{{'.repeat(size / 2),
  hashes: (size) => '#a'.repeat(size / 2),
  urls: (size) => 'http://'.repeat(size / 7),
  quotes: (size) => '"«'.repeat(size / 2),
  'title case': (size) => 'Mr Ab Cd Ef 12 May '.repeat(size / 19),
};
