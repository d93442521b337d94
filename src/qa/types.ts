import type { Content } from '../model/content.js';
import type { Diagnostic } from '../errors.js';
import type { SettingValues, SettingsSpec } from '../settings.js';
import type { Glossary } from './glossary.js';
import type { CodesKept } from './codes-kept.js';

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
  /** How the run's other units write a code of the source: with its digits or not (see codes-kept.ts). */
  readonly codesKept?: CodesKept;
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
  /**
   * What `run` reads of a source alone, read ahead and remembered, where a workflow has the sources before their
   * targets (translate, while the engine works): `run` then finds it read. What `run` finds is the same either way.
   */
  readSource?(source: Content, lang: string): void;
}

export type PairFindings = Array<{ readonly pair: QaPair; readonly finding: Finding }>;

/**
 * A check that needs every pair at once (consistency, spelling through one
 * hunspell run). It may answer later: the runner starts such checks first, so
 * an external program works on the other core while the pair checks run.
 */
export interface CollectionCheck extends CheckMeta {
  runAll(pairs: readonly QaPair[], context: CheckContext): PairFindings | Promise<PairFindings>;
  /**
   * runAll's findings for a run read in slices, so that a large run is never held whole: the check learns what it
   * needs of the whole run a pair at a time, then is given the run again, a slice at a time. A check without it is
   * given every pair at once.
   */
  start?(context: CheckContext): CollectionRun;
}

/** A pair's texts with each code as one U+FFFC (textWithoutCodes), made once for every check that learns a run. */
export interface PairTexts {
  readonly source: string;
  readonly target: string;
}

/** One run of a collection check read in two passes (see CollectionCheck.start). */
export interface CollectionRun {
  /** First pass: every pair of the run, in order. */
  learn(pair: QaPair, texts: PairTexts): void;
  /** Between the passes: every pair is learnt (a check may start work on the whole run here). */
  learnt?(): void;
  /**
   * Second pass: the findings on the pairs of one slice (the slices in run order, the same pairs as learnt), each
   * with `part` when a check lists some of its findings after all others of a run (runAll's order).
   */
  check(slice: readonly QaPair[]): SliceFindings | Promise<SliceFindings>;
  /** The run given up or done: what the check holds outside memory (files) let go. */
  stop?(): void;
}

export type SliceFindings = Array<{ readonly pair: QaPair; readonly finding: Finding; readonly part?: number }>;

/** A document's parts in order, as the alignment of a localized document with its source compares them. */
export interface DocumentParts {
  /** Blocks (paragraphs, captions…) read by the documents' formats, or the lines of two plain texts. */
  readonly kind: 'blocks' | 'lines';
  readonly source: ReadonlyArray<{ readonly role: string; readonly unit: string }>;
  /** Each with the label reports give the aligned pair ("caption, line 4"). */
  readonly target: ReadonlyArray<{ readonly role: string; readonly label: string }>;
}

/** A finding about a document pair: about the whole document, or about one aligned unit. */
export interface DocumentFinding extends Finding {
  readonly unit?: { readonly id: string; readonly label: string };
}

/** A check of a localized document against its source as wholes, before its units are paired. */
export interface DocumentCheck extends CheckMeta {
  compare(parts: DocumentParts): DocumentFinding[];
}

export type Check = PairCheck | CollectionCheck | DocumentCheck;

/**
 * A QA finding as reported: a Diagnostic (id "qa/<check>", rule = the check) with the unit it is about.
 * `check` repeats the rule under the name the JSON report has always used.
 */
export interface Issue extends Diagnostic {
  readonly check: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly unit: string;
  /** The unit as a person calls it (see QaPair.label). */
  readonly label?: string;
  readonly file: string;
  readonly lang: string;
  readonly source: string;
  readonly target: string;
  readonly targetSpan?: { readonly start: number; readonly end: number };
}
