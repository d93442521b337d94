import type { Unit, Role } from './unit.js';

/**
 * A piece of the skeleton: literal text kept verbatim; the place of a unit
 * (with its text exactly as the file wrote it, escapes and all, when that
 * differs from the unit's text); the place where a format may add plural
 * forms the target language needs and the source does not have; or the
 * bounds of a plural form that a target language without that category drops.
 */
export type SkeletonPart =
  | string
  | { readonly unit: string; readonly raw?: string }
  | { readonly plural: PluralSlot }
  | { readonly pluralForm: { readonly category: string; readonly ordinal: boolean } }
  | { readonly pluralFormEnd: true };

export interface PluralSlot {
  /** The key without its plural suffix ("item" for "item_one", "item_other"). */
  readonly base: string;
  readonly ordinal: boolean;
  /** Categories the source writes. */
  readonly present: readonly string[];
  /** The unit of the "other" form, whose translation fills missing categories. */
  readonly other: string;
  /** White space that starts a member line, to write new members like the others. */
  readonly indent: string;
}

export interface Block {
  readonly role: Role;
  readonly translate: boolean;
  /** Ids of the units this block was cut into, in order. */
  readonly units: readonly string[];
}

/**
 * A source document cut into units. Writing every skeleton part back, with each
 * unit's source in its place, gives the original file byte for byte.
 */
export interface Document {
  readonly id: string;
  readonly path: string;
  readonly sourceLang: string;
  readonly format: string;
  readonly blocks: readonly Block[];
  readonly units: readonly Unit[];
  readonly skeleton: readonly SkeletonPart[];
}
