import type { Unit, Role } from './unit.js';

/** A piece of the skeleton: literal text kept verbatim, or the place of a unit. */
export type SkeletonPart = string | { readonly unit: string };

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
