import type { Content } from '../model/content.js';
import type { SettingValues, SettingsSpec } from '../settings.js';
import type { Glossary } from './glossary.js';

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
  /** What a person calls the unit: its key ("common.greeting") or its role and line ("paragraph, line 12"). The id stays the machines' handle. */
  readonly label?: string;
}

/** What every check may consult besides the pair itself. */
export interface CheckContext {
  readonly glossary: Glossary;
  /** The project's "qa" section: each check takes its own options from it (settingsFrom(check.options, …)). */
  readonly settings: SettingValues;
  /** Messages a check wants said once per run (e.g. "no dictionary for xx"). */
  notice(message: string): void;
  /** Renderings of a source name learnt from the project's approved translations (memory and store). */
  readonly learnt?: (name: string, targetLang: string) => readonly string[];
}

export interface Finding {
  readonly message: string;
  /** Offsets into the target's text with each code as one U+FFFC (see textWithoutCodes), when the finding has a place. */
  readonly targetSpan?: { readonly start: number; readonly end: number };
  /** A weaker finding than the check's default (e.g. a number left in source format). */
  readonly severity?: Severity;
}

/** What must hold of a pair for a check to make sense on it (an empty target has no numbers to compare). */
export interface Precondition {
  readonly id: string;
  holds(pair: QaPair): boolean;
}

interface CheckMeta {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  /** The pairs the check is about; findings on any other pair are not reported. */
  readonly preconditions: readonly Precondition[];
  /** Its options under "qa" in locflow.config.json (keys, defaults, validation). */
  readonly options?: SettingsSpec;
}

/** A check of one pair at a time: metadata plus one pure function. */
export interface PairCheck extends CheckMeta {
  run(pair: QaPair, context: CheckContext): Finding[];
}

export type PairFindings = Array<{ readonly pair: QaPair; readonly finding: Finding }>;

/**
 * A check that needs every pair at once (consistency, spelling through one
 * hunspell run). It may answer later: the runner starts such checks first, so
 * an external program works on the other core while the pair checks run.
 */
export interface CollectionCheck extends CheckMeta {
  runAll(pairs: readonly QaPair[], context: CheckContext): PairFindings | Promise<PairFindings>;
}

export type Check = PairCheck | CollectionCheck;

export interface Issue {
  readonly check: string;
  readonly severity: Severity;
  readonly message: string;
  readonly unit: string;
  /** The unit as a person calls it (see QaPair.label). */
  readonly label?: string;
  readonly file: string;
  readonly line?: number;
  readonly lang: string;
  readonly source: string;
  readonly target: string;
  readonly targetSpan?: { readonly start: number; readonly end: number };
}
