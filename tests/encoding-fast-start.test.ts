import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../src/io/encoding.js';

/** Bytes before the markup: white space as a pattern's \s reads them in ISO-8859-1 (0xA0 is), or not (0x85, 0x1C). */
const lead = fc
  .array(fc.constantFrom(0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x85, 0x1c, 0x61), { maxLength: 4 })
  .map((b) => Uint8Array.from(b));
const HTML = Buffer.from('<html><head><meta charset="windows-1252"></head>');
const XML = Buffer.from('<?xml version="1.0" encoding="ISO-8859-2"?><a/>');
const PLAIN = Buffer.from('Plain text < with a sign.');

describe('the encoding of a file without a byte order mark', () => {
  it('is declared only by a declaration at the start, or HTML after white space, whatever bytes come first', () => {
    fc.assert(
      fc.property(lead, fc.constantFrom(HTML, XML, PLAIN), fc.constantFrom('a.txt', 'a.html'), (before, body, path) => {
        const bytes = Buffer.concat([before, body]);
        const blank = /^\s*$/u.test(Buffer.from(before).toString('latin1'));
        const expected =
          body === XML && before.length === 0
            ? 'iso-8859-2'
            : body === HTML && (blank || path.endsWith('.html'))
              ? 'windows-1252'
              : 'utf-8';
        expect(detectEncoding(bytes, path).encoding).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
