import type { Content } from '../model/content.js';

export type Severity = 'error' | 'warning' | 'info';

/** One (source, target) pair as the checks see it. */
export interface QaPair {
  readonly id: string;
  readonly source: Content;
  readonly target: Content;
  readonly sourceLang: string;
  readonly targetLang: string;
  /** Where the pair comes from, for reports: a file and, when known, a line. */
  readonly file: string;
  readonly line?: number;
}

export interface Finding {
  readonly message: string;
  /** Offsets into the target's plain text that the finding points at, when it has a place. */
  readonly targetSpan?: { readonly start: number; readonly end: number };
  /** A weaker finding than the check's default (e.g. a number left in source format). */
  readonly severity?: Severity;
}

/** A QA check: metadata plus one pure function; the runner knows nothing of any check in particular. */
export interface Check {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  run(pair: QaPair): Finding[];
}

export interface Issue {
  readonly check: string;
  readonly severity: Severity;
  readonly message: string;
  readonly unit: string;
  readonly file: string;
  readonly line?: number;
  readonly lang: string;
  readonly source: string;
  readonly target: string;
  readonly targetSpan?: { readonly start: number; readonly end: number };
}
