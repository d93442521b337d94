import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, readTextIfAny } from '../src/io/files.js';
import { plainDecoded, plainTextOf, readPlainText, readPlainTextIfAny } from '../src/io/plain-utf8.js';

/** What a call gives: its text, or the message it throws. */
function outcome(read: () => string | undefined): { text?: string | undefined; error?: string } {
  try {
    return { text: read() };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe('readPlainText (a build reads each source and bundle in one call): what readText gives, always', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-plain-utf8-'));
  const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
  const files: Array<[name: string, bytes: Buffer]> = [
    ['plain.txt', utf8('Hello, world.\nAdiós, señor — 東京.\n')],
    ['empty.txt', Buffer.alloc(0)],
    ['replacement.txt', utf8('a real U+FFFD: \uFFFD stays\n')],
    ['bom.txt', utf8('\uFEFFWith a byte order mark\n')],
    ['utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hola ñ\n', 'utf16le')])],
    ['utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Hola ñ\n', 'utf16le').swap16()])],
    ['invalid.txt', Buffer.concat([utf8('caf'), Buffer.from([0xe9]), utf8(' au lait\n')])],
    ['declared.xml', utf8('<?xml version="1.0" encoding="iso-8859-1"?>\n<a>café</a>\n')],
    ['spaced.xml', utf8('  \n<?xml version="1.0" encoding="windows-1252"?><a>é</a>')],
    // Valid UTF-8 bytes in an HTML file that declares another charset after some text: read as it declares.
    ['page.html', utf8('Welcome <meta charset="windows-1252"> café\n')],
    ['page.md', utf8('Welcome <meta charset="windows-1252"> café\n')],
    ['doctype.txt', utf8('<!DOCTYPE html><meta charset="koi8-r"><p>тест</p>')],
  ];
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  mkdirSync(join(dir, 'folder.txt'));

  it('gives readText’s text, or its error, for every kind of file and configured encoding', () => {
    for (const [name] of [...files, ['folder.txt'], ['missing.txt']]) {
      const path = join(dir, name!);
      for (const fallback of ['utf-8', 'windows-1252', 'iso-8859-15']) {
        const expected = outcome(() => readText(path, 'source file', fallback));
        expect(
          outcome(() => readPlainText(path, 'source file', fallback)),
          `${name} as ${fallback}`,
        ).toEqual(expected);
      }
      const expected = outcome(() => readTextIfAny(path, 'bundle'));
      expect(
        outcome(() => readPlainTextIfAny(path, 'bundle')),
        `${name}, if any`,
      ).toEqual(expected);
    }
  });

  it('gives readText’s text, or its error, from bytes read already (a build’s read-ahead thread)', () => {
    for (const [name, bytes] of files) {
      const path = join(dir, name);
      for (const fallback of ['utf-8', 'windows-1252']) {
        const expected = outcome(() => readText(path, 'source file', fallback));
        const copy = Buffer.from(readFileSync(path));
        expect(
          outcome(() => plainTextOf(copy, path, 'source file', fallback)),
          `${name} as ${fallback}`,
        ).toEqual(expected);
        expect(copy.equals(bytes)).toBe(true);
      }
    }
  });

  it('gives readText’s text from a text decoded elsewhere as UTF-8 (a read-ahead thread), or leaves it to readText', () => {
    const taken: string[] = [];
    for (const [name] of files) {
      const path = join(dir, name);
      for (const fallback of ['utf-8', 'windows-1252', 'iso-8859-15']) {
        const expected = outcome(() => readText(path, 'source file', fallback));
        const decoded = plainDecoded(readFileSync(path).toString('utf8'), path, fallback);
        if (decoded !== undefined) taken.push(`${name} as ${fallback}`);
        expect(
          outcome(() => decoded ?? readText(path, 'source file', fallback)),
          `${name} as ${fallback}`,
        ).toEqual(expected);
      }
    }
    // Plain UTF-8 is taken as decoded; everything readText decides about is left to it.
    expect(taken).toEqual(['plain.txt as utf-8', 'empty.txt as utf-8', 'page.md as utf-8']);
  });

  it('refuses bytes that are not UTF-8 with readText’s offset and line, and a missing source as not found', () => {
    expect(() => readPlainText(join(dir, 'invalid.txt'), 'source file')).toThrow(/UTF-8/u);
    expect(() => readPlainText(join(dir, 'missing.txt'), 'source file')).toThrow(/source file not found/u);
    expect(readPlainTextIfAny(join(dir, 'missing.txt'), 'bundle')).toBeUndefined();
  });
});
