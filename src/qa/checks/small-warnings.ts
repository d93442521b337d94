// The small checks whose own severity is a warning, in one module (see small-errors.ts).
export { untranslated } from './untranslated.js';
export { terminology } from './terminology.js';
export { length } from './length.js';
export { whitespace } from './whitespace.js';
export { endPunctuation } from './end-punctuation.js';
export { bracketsQuotes } from './brackets-quotes.js';
export { repeatedWords } from './repeated-words.js';
export { consistency } from './consistency.js';
