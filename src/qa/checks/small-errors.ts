// The small checks whose own severity is an error, in one module: a run loads them together (one chunk of the bundle
// to resolve, read and run instead of one each). The warnings' are in small-warnings.ts, so import's and translate's
// gates, which ask for errors, still load none of them; numbers, names and spelling, large, load on their own.
// (urls-emails stays a chunk of its own: tests/code-cache.test.ts takes it as the example of a check's chunk.)
export { empty } from './empty.js';
export { inlineCodes } from './inline-codes.js';
export { placeholders } from './placeholders.js';
export { pluralForms } from './plural-forms.js';
export { alignment } from './alignment.js';
