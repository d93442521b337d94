import type { Content } from '../model/content.js';
import type { UnitState } from '../model/unit.js';

/** XLIFF as locflow reads and writes it, whatever the version. */
export type XliffVersion = '1.2' | '2.0';

export interface XliffMatch {
  readonly score: number;
  readonly source: Content;
  readonly target: Content;
  readonly origin: string;
}

/** One segment of an XLIFF 2 unit of several: translated, or not, on its own. */
export interface XliffSegment {
  readonly id?: string;
  readonly source: Content;
  readonly target?: Content;
  readonly state: UnitState;
  readonly line?: number;
}

export interface XliffUnit {
  readonly id: string;
  /** A human-readable name: role and position ("paragraph-3.2"). */
  readonly name?: string;
  readonly source: Content;
  readonly target?: Content;
  readonly state: UnitState;
  readonly origin?: string;
  readonly notes: readonly string[];
  readonly context?: Readonly<Record<string, string>>;
  readonly matches?: readonly XliffMatch[];
  /**
   * The segments of a unit that has more than one (XLIFF 2). The unit has a target only when every segment
   * has one; a partly translated unit is read through these, never as its translated segments joined.
   */
  readonly segments?: readonly XliffSegment[];
  /** Where the unit starts in the file it was read from. */
  readonly line?: number;
}

export interface XliffFile {
  readonly original: string;
  readonly units: readonly XliffUnit[];
}

export interface XliffDocument {
  readonly version: XliffVersion;
  readonly sourceLang: string;
  readonly targetLang?: string;
  readonly files: readonly XliffFile[];
}
