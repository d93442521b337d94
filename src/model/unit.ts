import type { Content } from './content.js';

/** Lifecycle of a translation, mapped onto XLIFF 1.2 and 2.0 states by the XLIFF writers. */
export type UnitState = 'new' | 'translated' | 'needs-review' | 'reviewed' | 'final';
export const UNIT_STATES: readonly UnitState[] = ['new', 'translated', 'needs-review', 'reviewed', 'final'];

/** Role of the block a unit comes from; reaches translators as a note. */
export type Role =
  | 'headline'
  | 'standfirst'
  | 'caption'
  | 'credit'
  | 'boilerplate'
  | 'related-link'
  | 'paragraph'
  | 'timestamp'
  | 'message';

export interface UnitContext {
  readonly role: Role;
  /** Position of the block in the document (1-based) and of the sentence in its block. */
  readonly block: number;
  readonly sentence: number;
  readonly previous?: string;
  readonly next?: string;
}

export interface Unit {
  readonly id: string;
  /** The app string's key ("common.greeting", "cart.total"): what the application looks it up by. Documents have none. */
  readonly key?: string;
  readonly source: Content;
  readonly context: UnitContext;
  readonly notes: readonly string[];
}

/** A unit with its translation, as read from XLIFF or the locale store. */
export interface TranslatedUnit extends Unit {
  readonly target?: Content;
  readonly state: UnitState;
  /** Who made the target: "human", "mt:<engine>", "tm", "pseudo"… */
  readonly origin?: string;
}
