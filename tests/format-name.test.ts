import fc from 'fast-check';
import { extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNameFor } from '../src/formats/registry.js';

/** Each format's extensions, as the registry lists them: the reference below reads a path by them. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  text: ['.txt'],
  markdown: ['.md', '.markdown'],
  html: ['.html', '.htm'],
  icu: ['.icu.json', '.messages.json'],
  i18next: ['.json'],
  xliff: ['.xlf', '.xliff'],
};

/** The format of a path by its whole lower-cased text: the longest matching suffix first, then its extension. */
function reference(path: string): string | undefined {
  const lower = path.toLowerCase();
  const ext = extname(lower);
  const names = Object.keys(EXTENSIONS);
  return (
    names.find((n) => EXTENSIONS[n]!.some((e) => e.length > ext.length && lower.endsWith(e))) ??
    names.find((n) => EXTENSIONS[n]!.includes(ext))
  );
}

/** Paths made of pieces that make extensions, several dots, dot files, upper case and both kinds of separator. */
const piece = fc.constantFrom(
  'a',
  'Story',
  '.',
  '..',
  '.txt',
  '.TXT',
  '.json',
  '.icu',
  '.ICU.JSON',
  '.messages',
  '.md',
  '.Markdown',
  '.htm',
  'l',
  '.xlf',
  '.xliff',
  'json',
  '/',
  '\\',
  'Σ',
  'İ',
  '\u212A', // the Kelvin sign, lower-cased to "k"
);
const path = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));

describe('the format of a file by its name', () => {
  it('is the format of each registry extension', () => {
    for (const [name, extensions] of Object.entries(EXTENSIONS))
      for (const e of extensions) expect(formatNameFor(`doc${e}`)).toBe(name);
  });

  it('is what the whole path reads as, whatever was asked before (answers kept per name ending)', () => {
    fc.assert(
      fc.property(fc.array(path, { minLength: 1, maxLength: 30 }), (paths) => {
        for (const p of paths) expect(formatNameFor(p)).toBe(reference(p));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells an ending from the longer one it is a part of', () => {
    expect(formatNameFor('source/app.json')).toBe('i18next');
    expect(formatNameFor('source/app.icu.json')).toBe('icu');
    expect(formatNameFor('source/other.json')).toBe('i18next');
    expect(formatNameFor('source/.json')).toBe(reference('source/.json'));
    expect(formatNameFor('source/a\\.json')).toBe(reference('source/a\\.json'));
  });
});
