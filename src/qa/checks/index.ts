import type { Check } from '../types.js';
import { empty } from './empty.js';
import { inlineCodes } from './inline-codes.js';
import { numbers } from './numbers.js';
import { untranslated } from './untranslated.js';

/** Every check locflow runs, in report order. */
export const CHECKS: readonly Check[] = [empty, untranslated, inlineCodes, numbers];
