import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTranslations } from '../src/store/bundle.js';

describe('readTranslations (what a build reads of each bundle)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-read-translations-'));
  const bundle = (name: string, text: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('gives the bundle as stored, keys in their order', () => {
    const path = bundle('a.json', '{\n  "u2": "Hola",\n  "u1": "Adiós",\n  "10": "diez"\n}\n');
    const got = readTranslations(path);
    expect(got).toEqual({ u2: 'Hola', u1: 'Adiós', '10': 'diez' });
    expect(Object.keys(got)).toEqual(['10', 'u2', 'u1']);
  });

  it('is empty where there is no bundle, or where a file stands in for its folder', () => {
    expect(readTranslations(join(dir, 'missing.json'))).toEqual({});
    bundle('file', 'x');
    expect(readTranslations(join(dir, 'file', 'below.json'))).toEqual({});
  });

  it('refuses a value that is not a string, naming its key and file', () => {
    const path = bundle('b.json', '{"u1": "Hola", "u2": 3}');
    expect(() => readTranslations(path)).toThrow(/key "u2" is not a string/u);
    expect(() => readTranslations(bundle('c.json', '[]'))).toThrow(/expected a JSON object/u);
    expect(() => readTranslations(bundle('d.json', '{"u1": '))).toThrow(/invalid JSON/u);
  });

  it('refuses a bundle it cannot read, rather than building as if it were empty', () => {
    mkdirSync(join(dir, 'folder.json'));
    expect(() => readTranslations(join(dir, 'folder.json'))).toThrow();
  });

  it('sets no entry for a key "__proto__" (a plain copy never had one) and leaves the prototype alone', () => {
    const got = readTranslations(bundle('e.json', '{"__proto__": "x", "u1": "Hola"}'));
    expect(Object.keys(got)).toEqual(['u1']);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
  });

  it('reads any bytes as every other file is read: a byte order mark decides, a byte not UTF-8 is refused', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"u1": "Hola ñ"}', 'utf16le')]);
    expect(readTranslations(bundle('f.json', utf16))).toEqual({ u1: 'Hola ñ' });
    const broken = Buffer.concat([Buffer.from('{"u1": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    expect(() => readTranslations(bundle('g.json', broken))).toThrow(/UTF-8/u);
    // U+FFFD written as such is text like any other.
    expect(readTranslations(bundle('h.json', '{"u1": "a\uFFFD b"}'))).toEqual({ u1: 'a\uFFFD b' });
    expect(() => readTranslations(bundle('i.json', '\uFEFF{"u1": "Hola"}'))).toThrow(/invalid JSON/u);
  });
});
