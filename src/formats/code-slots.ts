import { randomBytes } from 'node:crypto';

/**
 * Where a build puts each inline code while the words around it are escaped: a private-use character,
 * a random token of this process, the code's index and another private-use character. A source or a
 * translation may contain U+E000 and U+E001 themselves; without the token it cannot name a slot, so it
 * can neither inject a code nor change how the words around one are escaped.
 */
const TOKEN = randomBytes(8).toString('hex');

/** The slot of the code at `index`. */
export function codeSlot(index: number): string {
  return `\uE000${TOKEN}:${index}\uE001`;
}

/** Every slot in a text; group 1 is the code's index. */
export const CODE_SLOTS = new RegExp(`\\uE000${TOKEN}:(\\d+)\\uE001`, 'gu');
