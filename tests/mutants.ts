import fc from 'fast-check';

/**
 * Changed copies of a file, for the property that a reader working in pieces gives what the whole-text reader
 * gives — the result, or the same error at the same place — however the file is cut and changed.
 */

/** What a read gives: its result, or the error as a person and a script see it. */
export function outcome(read: () => unknown): unknown {
  try {
    return { result: read() };
  } catch (err) {
    const e = err as Error & { id?: string; line?: number; column?: number; cause?: { id?: string } };
    return { error: [e.name, e.id, e.message, e.line, e.column, e.cause?.id] };
  }
}

/** An edit: where (a fraction of the text's length), how many characters to cut, and the fragment put there. */
export type Edit = [at: number, cut: number, fragment: string];

export function edits(fragments: readonly string[], maxLength: number): fc.Arbitrary<Edit[]> {
  return fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(40), fc.constantFrom(...fragments)), {
    maxLength,
  });
}

/** The text with each edit made: a few characters cut out somewhere and a fragment put there (or nothing). */
export function edited(text: string, changes: readonly Edit[]): string {
  for (const [at, cut, fragment] of changes) {
    const i = Math.floor(at * text.length);
    text = text.slice(0, i) + (cut % 3 === 0 ? '' : fragment) + text.slice(i + (cut % 7));
  }
  return text;
}
