// Entry point for the Golden Rules benchmark harness: segment(text, lang) => string[].
export { segment } from './segmenter.js';
