import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../src/io/encoding.js';
import { loadProject } from '../src/project/load.js';
import { build } from '../src/workflow/build.js';
import { extract } from '../src/workflow/extract.js';
import { importFiles } from '../src/workflow/import.js';
import { tmExport, tmImport } from '../src/workflow/tm.js';
import { locflowInProcess, refusal } from './helpers.js';

/*
 * Encodings, called in process (extract, import, build, tm on temporary projects); the first refusal also
 * runs through the CLI for its wiring (exit 2, the message and hint on stderr).
 */

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
    it(`a Latin-1 "£" in ${name} is refused with its byte offset and line, not turned into U+FFFD`, async () => {
      const d = project(name, latin1(text));
      const r = await refusal(async () => extract(await loadProject(d)));
      expect(r.code, r.message).toBe(2);
      const offset = latin1(text).indexOf(0xa3);
      const line = text.slice(0, text.indexOf('£')).split('\n').length;
      expect(r.message).toContain(`source/${name}:${line}:`);
      expect(r.message).toContain(`byte offset ${offset}`);
      expect(r.message).toMatch(/not valid UTF-8[\s\S]*hint: save it as UTF-8/u);
      expect(existsSync(join(d, 'xliff'))).toBe(false);
      if (name !== 'a.txt') return;
      const cli = await locflowInProcess(d, 'extract');
      expect(cli.code).toBe(2);
      expect(cli.stderr).toBe(`locflow: ${r.message}\n`);
    });
  }

  it('an HTML source declaring iso-8859-1 is read in that encoding, and builds as UTF-8 saying so', async () => {
    for (const meta of [
      '<meta charset="iso-8859-1">',
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ]) {
      const html = `<!doctype html>\n<html><head>${meta}<title>Café</title></head><body><p>Price: £5 at the café.</p></body></html>\n`;
      const d = project('a.html', latin1(html));
      const p = await loadProject(d);
      await extract(p, { version: '2.0' });
      const xlf = readFileSync(join(d, 'xliff', 'es', 'a.xlf'), 'utf8');
      expect(xlf).toContain('Price: £5 at the café.');
      expect(xlf).not.toContain('\uFFFD');
      await build(p, { langs: ['en'] });
      const built = readFileSync(join(d, 'locales', 'en', 'a.html'), 'utf8');
      expect(built).toContain('Price: £5 at the café.');
      expect(built).toMatch(/charset=["']?utf-8/iu);
    }
  });

  it('UTF-16 sources with a byte order mark (LE and BE) are read', async () => {
    for (const enc of [utf16le, utf16be]) {
      const d = project(
        'a.html',
        enc(
          '<!doctype html>\n<html><head><meta charset="utf-16"><title>T</title></head><body><p>Ünïcödé £5.</p></body></html>\n',
        ),
      );
      await extract(await loadProject(d));
      expect(readFileSync(join(d, 'xliff', 'es', 'a.xlf'), 'utf8')).toContain('Ünïcödé £5.');
    }
  });

  it('build --lang <source> stays byte-identical for UTF-8 sources, with or without a BOM', async () => {
    for (const bom of ['', '\uFEFF']) {
      const text = `${bom}Café prices — £5.\n\nA second paragraph, naïve.\n`;
      const d = project('a.txt', Buffer.from(text, 'utf8'));
      const p = await loadProject(d);
      await extract(p);
      await build(p, { langs: ['en'] });
      const out = readdirSync(join(d, 'locales', 'en'));
      expect(readFileSync(join(d, 'locales', 'en', out[0]!))).toEqual(Buffer.from(text, 'utf8'));
    }
  });

  it('binary files are refused', async () => {
    const d = project(
      'a.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]),
    );
    const r = await refusal(async () => extract(await loadProject(d)));
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/a\.txt:1:1: source file is not valid UTF-8.*byte offset 0/u);
  });
});

describe('XLIFF and TMX declaring their encoding (issue 10.4)', () => {
  const setup = async (): Promise<{ d: string; xml: string; file: string }> => {
    const d = project('a.txt', Buffer.from('The cafe is open.\n', 'utf8'));
    await extract(await loadProject(d));
    const file = join(d, 'xliff', 'es', 'a.xlf');
    return { d, xml: readFileSync(file, 'utf8'), file };
  };
  const translated = (xml: string): string =>
    xml.replace(
      '</source>',
      '</source>\n        <target state="translated">La cafetería está abierta: £5, año.</target>',
    );

  it('an XLIFF declaring ISO-8859-1 keeps its accented letters', async () => {
    const { d, xml, file } = await setup();
    writeFileSync(file, latin1(translated(xml).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')));
    await importFiles(await loadProject(d), [file]);
    const bundle = readFileSync(join(d, 'locales', 'es', 'a.json'), 'utf8');
    expect(bundle).toContain('La cafetería está abierta: £5, año.');
  });

  it('an XLIFF declaring windows-1252 keeps "€" and curly quotes (bytes 0x80–0x9F)', async () => {
    const { d, xml, file } = await setup();
    const text = translated(xml)
      .replace('encoding="UTF-8"', 'encoding="windows-1252"')
      .replace('£5', '\u20ac5 \u201cya\u201d');
    const bytes = latin1(text.replace('\u20ac', '\x80').replace('\u201c', '\x93').replace('\u201d', '\x94'));
    writeFileSync(file, bytes);
    await importFiles(await loadProject(d), [file]);
    expect(readFileSync(join(d, 'locales', 'es', 'a.json'), 'utf8')).toContain('abierta: €5 “ya”, año.');
  });

  it('an XLIFF in UTF-16 (with a BOM) is read', async () => {
    const { d, xml, file } = await setup();
    writeFileSync(file, utf16le(translated(xml).replace('encoding="UTF-8"', 'encoding="UTF-16"')));
    await importFiles(await loadProject(d), [file]);
    expect(readFileSync(join(d, 'locales', 'es', 'a.json'), 'utf8')).toContain('La cafetería está abierta: £5, año.');
  });

  it('an XLIFF that says UTF-8 but holds Latin-1 bytes is refused with the line', async () => {
    const { d, xml, file } = await setup();
    const text = translated(xml);
    writeFileSync(file, latin1(text));
    const r = await refusal(async () => importFiles(await loadProject(d), [file]));
    expect(r.code).toBe(2);
    const line = text.slice(0, text.indexOf('í')).split('\n').length;
    expect(r.message).toContain(`a.xlf:${line}:`);
    expect(r.message).toMatch(/not valid UTF-8/u);
    expect(existsSync(join(d, 'locales', 'es', 'a.json'))).toBe(false);
  });

  it('a TMX declaring ISO-8859-1 keeps its accented letters', async () => {
    const d = project('a.txt', Buffer.from('The cafe is open.\n', 'utf8'));
    const tmx = `<?xml version="1.0" encoding="ISO-8859-1"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>The cafe is open.</seg></tuv><tuv xml:lang="es"><seg>La cafetería está abierta.</seg></tuv></tu></body></tmx>
`;
    writeFileSync(join(d, 'mem.tmx'), latin1(tmx));
    const p = await loadProject(d);
    expect(await tmImport(p, ['mem.tmx'])).toMatchObject([{ read: 1, added: 1 }]);
    expect(await tmExport(p, 'out.tmx', { lang: 'es' })).toMatchObject({ entries: 1 });
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

  it('reads a windows-1252 source through the key, and build --lang <source> gives back its bytes', async () => {
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
      const p = await loadProject(d);
      await extract(p);
      const xlf = readFileSync(join(d, 'xliff', 'es', 'a.xlf'), 'utf8');
      expect(xlf).toContain('Café prices: €5, £5.');
      expect(xlf).toContain('A “naïve” second paragraph.');
      await build(p, { langs: ['en'] });
      expect(readFileSync(join(d, 'locales', 'en', name))).toEqual(bytes);
    }
  });

  it('without the key the same bytes are refused as UTF-8', async () => {
    const d = project('a.txt', latin1('Caf\xe9.\n'));
    const r = await refusal(async () => extract(await loadProject(d)));
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/a\.txt:1:\d+: source file is not valid UTF-8/u);
  });

  it('a translation the encoding cannot hold is refused, naming the character, and nothing is written', async () => {
    const d = configured('a.txt', latin1('The caf\xe9 is open.\n'), 'windows-1252');
    const p = await loadProject(d);
    await extract(p);
    const file = join(d, 'xliff', 'pl', 'a.xlf');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '</source>',
        '</source><target state="translated">Kawiarnia jest otwarta, łał.</target>',
      ),
    );
    await importFiles(p, [file]);
    const b = await refusal(() => build(p));
    expect(b.code).toBe(2);
    expect(b.message).toContain('"ł" (U+0142) cannot be written in windows-1252');
    expect(b.message).toContain(join('locales', 'pl', 'a.txt'));
    expect(existsSync(join(d, 'locales', 'es', 'a.txt'))).toBe(false);
  });

  it('a multi-byte or unknown encoding is refused in the configuration', async () => {
    for (const enc of ['shift_jis', 'klingon']) {
      const d = configured('a.txt', latin1('Hello.\n'), enc);
      const r = await refusal(async () => extract(await loadProject(d)));
      expect(r.code).toBe(2);
      expect(r.message).toContain(`encoding: "${enc}" is not UTF-8 or a single-byte encoding`);
    }
  });

  it('a declaration in the file still wins over the key', async () => {
    const html =
      '<!doctype html>\n<html><head><meta charset="utf-8"><title>Caf\u00e9</title></head><body><p>\u20ac5.</p></body></html>\n';
    const d = configured('a.html', Buffer.from(html, 'utf8'), 'windows-1252');
    const p = await loadProject(d);
    await extract(p);
    await build(p, { langs: ['en'] });
    expect(readFileSync(join(d, 'locales', 'en', 'a.html'), 'utf8')).toBe(html);
  });
});
