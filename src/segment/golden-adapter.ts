// Entry point for the Golden Rules benchmark harness: segment(text, lang) => string[], each sentence on one
// line as `locflow segment` prints it.
import { joinLines, segment as segmentText } from './segmenter.js';

export function segment(text: string, lang = 'en'): string[] {
  return segmentText(text, lang).map(joinLines);
}
