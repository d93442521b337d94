import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText, readTextPieces } from '../src/io/files.js';

const folder = mkdtempSync(join(tmpdir(), 'locflow-pieces-'));
const file = (name: string, bytes: Uint8Array | string): string => {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
};

describe('readTextPieces', () => {
  it('gives readText’s text however the pieces cut multi-byte characters (BOM kept)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é', '€', '😀', '\r\n', 'ß') }),
        fc.boolean(),
        fc.integer({ min: 4, max: 64 }),
        (text, bom, size) => {
          const path = file('t.txt', (bom ? '\uFEFF' : '') + text);
          const pieces = [...readTextPieces(path, 'source file', 'utf-8', size)];
          expect(pieces.join('')).toBe(readText(path, 'source file'));
          if (Buffer.byteLength(text) > 2 * size) expect(pieces.length).toBeGreaterThan(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a byte that is not UTF-8 past the first piece as readText does: offset, line and column', () => {
    const bytes = Buffer.concat([Buffer.from('line one\n'.repeat(20)), Buffer.from([0x61, 0xff, 0x62])]);
    const path = file('bad.txt', bytes);
    const whole = (() => {
      try {
        readText(path, 'source file');
      } catch (err) {
        return err as Error & { line?: number };
      }
      throw new Error('readText accepted an invalid byte');
    })();
    expect(whole.message).toMatch(/byte offset 181/u);
    expect(() => [...readTextPieces(path, 'source file', 'utf-8', 16)]).toThrow(whole.message);
  });

  it('reads a file in another encoding whole, decoded as readText decodes it', () => {
    const path = file(
      'latin.txt',
      Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' €'.repeat(30))]),
    );
    expect(() => [...readTextPieces(path, 'source file', 'utf-8', 8)]).toThrow(/not valid UTF-8/u);
    const config = [...readTextPieces(path, 'source file', 'windows-1252', 8)];
    expect(config).toEqual([readText(path, 'source file', 'windows-1252')]);
    expect(config[0]!.startsWith('café')).toBe(true);
  });

  it('tells the encoding from the file’s declaration when a piece is shorter than it', () => {
    const body = '<root>' + '<x>é</x>'.repeat(20) + '</root>';
    const unknown = file('unknown.xml', `<?xml version="1.0" encoding="F-8"?>${body}`);
    expect(() => readText(unknown, 'XLIFF file')).toThrow(/declares the encoding "F-8"/u);
    expect(() => [...readTextPieces(unknown, 'XLIFF file', 'utf-8', 16)]).toThrow(/declares the encoding "F-8"/u);
    const latin = file('latin.xml', Buffer.from(`<?xml version="1.0" encoding="windows-1252"?>${body}`, 'latin1'));
    expect([...readTextPieces(latin, 'XLIFF file', 'utf-8', 16)].join('')).toBe(readText(latin, 'XLIFF file'));
  });

  it('names a missing file', () => {
    expect(() => [...readTextPieces(join(folder, 'none.txt'), 'source file')]).toThrow(/source file not found/u);
  });
});
