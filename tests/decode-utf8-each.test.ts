import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/io/encoding.js';

/** A file's UTF-8 text, cut anywhere (a character's bytes may be cut in two), or bytes that are no UTF-8 at all. */
const bytes = fc.oneof(
  fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.nat()).map(([text, cut]) => {
    const all = Buffer.from(`x${text}`);
    return all.subarray(0, 1 + (cut % all.length));
  }),
  fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.concat([Buffer.from('x'), b])),
);

/** What one file's bytes read as, alone: its text, or a refusal. */
function alone(b: Uint8Array): string | { refused: true } {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return { refused: true };
  }
}

function decoded(b: Uint8Array): string | { refused: true } {
  try {
    return decodeText(b, 'a.txt').text;
  } catch {
    return { refused: true };
  }
}

describe('UTF-8 files read one after another', () => {
  it('each read as it reads alone: nothing of a file (a cut character, a refused byte) carries into the next', () => {
    fc.assert(
      fc.property(fc.array(bytes, { minLength: 2, maxLength: 12 }), (files) => {
        for (const b of files) expect(decoded(b)).toEqual(alone(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('a character cut at the end of one file does not join the next file', () => {
    const euro = Buffer.from('x€');
    expect(decoded(euro.subarray(0, 2))).toEqual({ refused: true });
    expect(decoded(Buffer.concat([Buffer.from('x'), euro.subarray(2)]))).toEqual({ refused: true });
    expect(decoded(Buffer.from('x€'))).toBe('x€');
  });
});
