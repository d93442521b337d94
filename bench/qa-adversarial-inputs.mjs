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

// A paragraph of about `size` characters with a tag pair every 16 characters; in the target every pair is opened
// first and closed afterwards in the same order, so each closing tag crosses all the pairs opened after its own.
export function manyCodes(size) {
  const n = Math.max(1, Math.floor(size / 16));
  const tag = (code, id) => ({ code, id: String(id), type: 'tag', data: code === 'open' ? '<b>' : '</b>' });
  const source = [];
  const target = [];
  for (let i = 0; i < n; i++) source.push('word ', tag('open', i), 'bold', tag('close', i), ' ');
  for (let i = 0; i < n; i++) target.push('palabra ', tag('open', i), 'negrita ');
  for (let i = 0; i < n; i++) target.push(tag('close', i), ' ');
  return { source, target };
}
