import type { Check } from '../types.js';
import { bracketsQuotes } from './brackets-quotes.js';
import { consistency } from './consistency.js';
import { empty } from './empty.js';
import { endPunctuation } from './end-punctuation.js';
import { inlineCodes } from './inline-codes.js';
import { length } from './length.js';
import { names } from './names.js';
import { numbers } from './numbers.js';
import { placeholders } from './placeholders.js';
import { repeatedWords } from './repeated-words.js';
import { spelling } from './spelling.js';
import { terminology } from './terminology.js';
import { untranslated } from './untranslated.js';
import { urlsEmails } from './urls-emails.js';
import { whitespace } from './whitespace.js';

/** Every check locflow runs, in report order. */
export const CHECKS: readonly Check[] = [
  empty,
  untranslated,
  numbers,
  names,
  inlineCodes,
  placeholders,
  urlsEmails,
  terminology,
  length,
  whitespace,
  endPunctuation,
  bracketsQuotes,
  repeatedWords,
  consistency,
  spelling,
];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);
