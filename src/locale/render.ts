import type { InlineCode } from '../model/content.js';
import { formatDateTime } from './format.js';

/**
 * The text a code stands for in a localized document. Dates are formatted for
 * the target locale; in the source language, and for every other code, the
 * original text comes back verbatim.
 */
export function renderCode(code: InlineCode, lang: string, sourceLang: string): string {
  if (code.type === 'date' && code.value && lang !== sourceLang) {
    return formatDateTime({ iso: code.value, hasTime: code.value.includes('T') }, lang);
  }
  return code.data;
}
