import type { Check, Severity } from '../types.js';

/**
 * Every check locflow runs, in report order, loaded on first use: the keys are the only list of check ids
 * (configuration, reports, help). A new check is one file exporting a Check and one line here; a small one is
 * loaded through small-errors.ts or small-warnings.ts, by its own severity (one chunk of the bundle each).
 */
export const CHECKS: Readonly<Record<string, () => Promise<Check>>> = {
  empty: () => import('./small-errors.js').then((m) => m.empty),
  untranslated: () => import('./small-warnings.js').then((m) => m.untranslated),
  numbers: () => import('./numbers.js').then((m) => m.numbers),
  names: () => import('./names.js').then((m) => m.names),
  'inline-codes': () => import('./small-errors.js').then((m) => m.inlineCodes),
  placeholders: () => import('./small-errors.js').then((m) => m.placeholders),
  'plural-forms': () => import('./small-errors.js').then((m) => m.pluralForms),
  'urls-emails': () => import('./urls-emails.js').then((m) => m.urlsEmails),
  terminology: () => import('./small-warnings.js').then((m) => m.terminology),
  length: () => import('./small-warnings.js').then((m) => m.length),
  whitespace: () => import('./small-warnings.js').then((m) => m.whitespace),
  'end-punctuation': () => import('./small-warnings.js').then((m) => m.endPunctuation),
  'brackets-quotes': () => import('./small-warnings.js').then((m) => m.bracketsQuotes),
  'repeated-words': () => import('./small-warnings.js').then((m) => m.repeatedWords),
  consistency: () => import('./small-warnings.js').then((m) => m.consistency),
  spelling: () => import('./spelling.js').then((m) => m.spelling),
  alignment: () => import('./small-errors.js').then((m) => m.alignment),
};

export const CHECK_IDS: readonly string[] = Object.keys(CHECKS);

/**
 * Each check's own severity (its `severity`), known without loading it: a run that asks only for some severities
 * (import's and translate's gates ask for errors) need not load the modules of checks that can never reach them.
 */
export const CHECK_SEVERITY: Readonly<Record<string, Severity>> = {
  empty: 'error',
  untranslated: 'warning',
  numbers: 'error',
  names: 'error',
  'inline-codes': 'error',
  placeholders: 'error',
  'plural-forms': 'error',
  'urls-emails': 'error',
  terminology: 'warning',
  length: 'warning',
  whitespace: 'warning',
  'end-punctuation': 'warning',
  'brackets-quotes': 'warning',
  'repeated-words': 'warning',
  consistency: 'warning',
  spelling: 'warning',
  alignment: 'error',
};

/** The checks with these ids (default: all), in report order. */
export async function loadChecks(ids: readonly string[] = CHECK_IDS): Promise<Check[]> {
  return Promise.all(CHECK_IDS.filter((id) => ids.includes(id)).map((id) => CHECKS[id]!()));
}
