import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../src/io/encoding.js';
import { locflow } from './helpers.js';

/** A project with one source file of raw bytes. */
function project(name: string, bytes: Buffer, sources = [`source/*${name.slice(name.indexOf('.'))}`]): string {
  const d = mkdtempSync(join(tmpdir(), 'locflow-enc-'));
  mkdirSync(join(d, 'source'));
  writeFileSync(join(d, 'source', name), bytes);
  writeFileSync(
    join(d, 'locflow.config.json'),
    JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources }),
  );
  return d;
}

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
const utf16le = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe('sources that are not UTF-8 (issue 10.4)', () => {
  const cases: Array<[string, string]> = [
    ['a.txt', 'Price: £5 today.\n\nA second paragraph.\n'],
    ['a.md', '# Title\n\nPrice: £5 today.\n'],
    ['a.json', '{\n  "price": "Price: £5 today."\n}\n'],
  ];
  for (const [name, text] of cases) {
    it(`a Latin-1 "£" in ${name} is refused with its byte offset and line, not turned into U+FFFD`, () => {
      const d = project(name, latin1(text));
      const r = locflow(d, 'extract');
      expect(r.code, r.stdout + r.stderr).toBe(2);
      const offset = latin1(text).indexOf(0xa3);
      const line = text.slice(0, text.indexOf('£')).split('\n').length;
      expect(r.stderr).toContain(`source/${name}:${line}:`);
      expect(r.stderr).toContain(`byte offset ${offset}`);
      expect(r.stderr).toMatch(/not valid UTF-8[\s\S]*hint: save it as UTF-8/u);
      expect(existsSync(join(d, 'xliff'))).toBe(false);
    });
  }

  it('an HTML source declaring iso-8859-1 is read in that encoding, and builds as UTF-8 saying so', () => {
    for (const meta of [
      '<meta charset="iso-8859-1">',
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ]) {
      const html = `<!doctype html>\n<html><head>${meta}<title>Café</title></head><body><p>Price: £5 at the café.</p></body></html>\n`;
      const d = project('a.html', latin1(html));
      const r = locflow(d, 'extract', '--xliff', '2.0');
      expect(r.code, r.stderr).toBe(0);
      const xlf = readFileSync(join(d, 'xliff', 'es', 'a.xlf'), 'utf8');
      expect(xlf).toContain('Price: £5 at the café.');
      expect(xlf).not.toContain('\uFFFD');
      const b = locflow(d, 'build', '--lang', 'en');
      expect(b.code, b.stderr).toBe(0);
      const built = readFileSync(join(d, 'locales', 'en', 'a.html'), 'utf8');
      expect(built).toContain('Price: £5 at the café.');
      expect(built).toMatch(/charset=["']?utf-8/iu);
    }
  });

  it('UTF-16 sources with a byte order mark (LE and BE) are read', () => {
    for (const enc of [utf16le, utf16be]) {
      const d = project(
        'a.html',
        enc(
          '<!doctype html>\n<html><head><meta charset="utf-16"><title>T</title></head><body><p>Ünïcödé £5.</p></body></html>\n',
        ),
      );
      const r = locflow(d, 'extract');
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(d, 'xliff', 'es', 'a.xlf'), 'utf8')).toContain('Ünïcödé £5.');
    }
  });

  it('build --lang <source> stays byte-identical for UTF-8 sources, with or without a BOM', () => {
    for (const bom of ['', '\uFEFF']) {
      const text = `${bom}Café prices — £5.\n\nA second paragraph, naïve.\n`;
      const d = project('a.txt', Buffer.from(text, 'utf8'));
      expect(locflow(d, 'extract').code).toBe(0);
      expect(locflow(d, 'build', '--lang', 'en').code).toBe(0);
      const out = readdirSync(join(d, 'locales', 'en'));
      expect(readFileSync(join(d, 'locales', 'en', out[0]!))).toEqual(Buffer.from(text, 'utf8'));
    }
  });

  it('binary files are refused', () => {
    const d = project(
      'a.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]),
    );
    const r = locflow(d, 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.txt:1:1: source file is not valid UTF-8.*byte offset 0/u);
  });
});

describe('XLIFF and TMX declaring their encoding (issue 10.4)', () => {
  const setup = (): { d: string; xml: string; file: string } => {
    const d = project('a.txt', Buffer.from('The cafe is open.\n', 'utf8'));
    expect(locflow(d, 'extract').code).toBe(0);
    const file = join(d, 'xliff', 'es', 'a.xlf');
    return { d, xml: readFileSync(file, 'utf8'), file };
  };
  const translated = (xml: string): string =>
    xml.replace(
      '</source>',
      '</source>\n        <target state="translated">La cafetería está abierta: £5, año.</target>',
    );

  it('an XLIFF declaring ISO-8859-1 keeps its accented letters', () => {
    const { d, xml, file } = setup();
    writeFileSync(file, latin1(translated(xml).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')));
    const r = locflow(d, 'import', file);
    expect(r.code, r.stderr).toBe(0);
    const bundle = readFileSync(join(d, 'locales', 'es', 'a.json'), 'utf8');
    expect(bundle).toContain('La cafetería está abierta: £5, año.');
  });

  it('an XLIFF declaring windows-1252 keeps "€" and curly quotes (bytes 0x80–0x9F)', () => {
    const { d, xml, file } = setup();
    const text = translated(xml)
      .replace('encoding="UTF-8"', 'encoding="windows-1252"')
      .replace('£5', '\u20ac5 \u201cya\u201d');
    const bytes = latin1(text.replace('\u20ac', '\x80').replace('\u201c', '\x93').replace('\u201d', '\x94'));
    writeFileSync(file, bytes);
    const r = locflow(d, 'import', file);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'locales', 'es', 'a.json'), 'utf8')).toContain('abierta: €5 “ya”, año.');
  });

  it('an XLIFF in UTF-16 (with a BOM) is read', () => {
    const { d, xml, file } = setup();
    writeFileSync(file, utf16le(translated(xml).replace('encoding="UTF-8"', 'encoding="UTF-16"')));
    const r = locflow(d, 'import', file);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'locales', 'es', 'a.json'), 'utf8')).toContain('La cafetería está abierta: £5, año.');
  });

  it('an XLIFF that says UTF-8 but holds Latin-1 bytes is refused with the line', () => {
    const { d, xml, file } = setup();
    const text = translated(xml);
    writeFileSync(file, latin1(text));
    const r = locflow(d, 'import', file);
    expect(r.code).toBe(2);
    const line = text.slice(0, text.indexOf('í')).split('\n').length;
    expect(r.stderr).toContain(`a.xlf:${line}:`);
    expect(r.stderr).toMatch(/not valid UTF-8/u);
    expect(existsSync(join(d, 'locales', 'es', 'a.json'))).toBe(false);
  });

  it('a TMX declaring ISO-8859-1 keeps its accented letters', () => {
    const d = project('a.txt', Buffer.from('The cafe is open.\n', 'utf8'));
    const tmx = `<?xml version="1.0" encoding="ISO-8859-1"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>The cafe is open.</seg></tuv><tuv xml:lang="es"><seg>La cafetería está abierta.</seg></tuv></tu></body></tmx>
`;
    writeFileSync(join(d, 'mem.tmx'), latin1(tmx));
    const r = locflow(d, 'tm', 'import', 'mem.tmx');
    expect(r.code, r.stderr).toBe(0);
    const e = locflow(d, 'tm', 'export', '--lang', 'es', '-o', 'out.tmx');
    expect(e.code, e.stderr).toBe(0);
    const out = readFileSync(join(d, 'out.tmx'), 'utf8');
    expect(out).toContain('La cafetería está abierta.');
    expect(out).not.toContain('\uFFFD');
  });
});

describe('decodeText', () => {
  it('reports the start of a broken UTF-8 sequence', () => {
    expect(() => decodeText(Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x78]), 'f.txt')).toThrow(/byte offset 3/u);
    try {
      decodeText(Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x78]), 'f.txt');
    } catch (err) {
      expect(err).toMatchObject({ file: 'f.txt', line: 2, column: 2, exitCode: 2 });
    }
  });
  it('refuses an unknown declared encoding', () => {
    expect(() => decodeText(Buffer.from('<?xml version="1.0" encoding="klingon"?><a/>'), 'f.xlf')).toThrow(/klingon/u);
  });
  it('decodes valid UTF-8 exactly as before, BOM included', () => {
    const s = '\uFEFF<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>';
    expect(decodeText(Buffer.from(s, 'utf8'), 'f.xlf').text).toBe(s);
  });
});

describe('the "encoding" key: sources in a named single-byte encoding', () => {
  const configured = (name: string, bytes: Buffer, encoding: string): string => {
    const d = project(name, bytes);
    writeFileSync(
      join(d, 'locflow.config.json'),
      JSON.stringify({
        sourceLanguage: 'en',
        targetLanguages: ['es', 'pl'],
        sources: [`source/*${name.slice(1)}`],
        encoding,
      }),
    );
    return d;
  };

  it('reads a windows-1252 source through the key, and build --lang <source> gives back its bytes', () => {
    // 0x80 is "€" and 0x93/0x94 are curly quotes in windows-1252, C1 controls in ISO-8859-1.
    const bytes = Buffer.concat([
      latin1('Caf\xe9 prices: '),
      Buffer.from([0x80]),
      latin1('5, \xa35.\n\nA '),
      Buffer.from([0x93]),
      latin1('na\xefve'),
      Buffer.from([0x94]),
      latin1(' second paragraph.\n'),
    ]);
    for (const name of ['a.txt', 'a.md']) {
      const d = configured(name, bytes, 'windows-1252');
      const r = locflow(d, 'extract');
      expect(r.code, r.stderr).toBe(0);
      const xlf = readFileSync(join(d, 'xliff', 'es', 'a.xlf'), 'utf8');
      expect(xlf).toContain('Café prices: €5, £5.');
      expect(xlf).toContain('A “naïve” second paragraph.');
      const b = locflow(d, 'build', '--lang', 'en');
      expect(b.code, b.stderr).toBe(0);
      expect(readFileSync(join(d, 'locales', 'en', name))).toEqual(bytes);
    }
  });

  it('without the key the same bytes are refused as UTF-8', () => {
    const d = project('a.txt', latin1('Caf\xe9.\n'));
    expect(locflow(d, 'extract').code).toBe(2);
  });

  it('a translation the encoding cannot hold is refused, naming the character, and nothing is written', () => {
    const d = configured('a.txt', latin1('The caf\xe9 is open.\n'), 'windows-1252');
    expect(locflow(d, 'extract').code).toBe(0);
    const file = join(d, 'xliff', 'pl', 'a.xlf');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '</source>',
        '</source><target state="translated">Kawiarnia jest otwarta, łał.</target>',
      ),
    );
    expect(locflow(d, 'import', file).code).toBe(0);
    const b = locflow(d, 'build');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('"ł" (U+0142) cannot be written in windows-1252');
    expect(b.stderr).toContain(join('locales', 'pl', 'a.txt'));
    expect(existsSync(join(d, 'locales', 'es', 'a.txt'))).toBe(false);
  });

  it('a multi-byte or unknown encoding is refused in the configuration', () => {
    for (const enc of ['shift_jis', 'klingon']) {
      const d = configured('a.txt', latin1('Hello.\n'), enc);
      const r = locflow(d, 'extract');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`encoding: "${enc}" is not UTF-8 or a single-byte encoding`);
    }
  });

  it('a declaration in the file still wins over the key', () => {
    const html =
      '<!doctype html>\n<html><head><meta charset="utf-8"><title>Caf\u00e9</title></head><body><p>\u20ac5.</p></body></html>\n';
    const d = configured('a.html', Buffer.from(html, 'utf8'), 'windows-1252');
    expect(locflow(d, 'extract').code).toBe(0);
    expect(locflow(d, 'build', '--lang', 'en').code).toBe(0);
    expect(readFileSync(join(d, 'locales', 'en', 'a.html'), 'utf8')).toBe(html);
  });
});
