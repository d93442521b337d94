import { LocflowError } from '../errors.js';

/**
 * Text files as their bytes say: a byte order mark (UTF-8, UTF-16 LE/BE), else the encoding an XML
 * declaration or an HTML <meta charset> / http-equiv declares, else UTF-8. Decoding is strict: a
 * byte the encoding does not allow is refused with its offset, line and column, never turned into
 * U+FFFD. A UTF-8 file decodes exactly as before (a UTF-8 BOM is kept, so builds stay
 * byte-identical); a file in another encoding has its declaration rewritten to say UTF-8, which is
 * what locflow writes.
 */

export interface Decoded {
  readonly text: string;
  /** The WHATWG name of the encoding used: "utf-8", "windows-1252", "utf-16le"… */
  readonly encoding: string;
  /** How it was chosen. */
  readonly by: 'default' | 'config' | 'bom' | 'xml declaration' | 'html meta' | 'utf-16 detection';
}

const HINT =
  'save it as UTF-8, or declare its encoding (an XML declaration, an HTML <meta charset>, or a byte order mark)';

/**
 * windows-1252's characters for bytes 0x80–0x9F (the WHATWG table). Node 20's TextDecoder decodes
 * "windows-1252" (and so every "latin1"/"ISO-8859-1" label) as ISO-8859-1, turning "€" into U+0080.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Where the first byte that is not white space (as \s reads the byte in ISO-8859-1) is; the length when none is. */
function firstNonSpace(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i]! >= 0x09 && bytes[i]! <= 0x0d) || bytes[i] === 0xa0)) i++;
  return i;
}

/** The process's UTF-8 decoder, made when first needed. */
let utf8: InstanceType<typeof TextDecoder> | undefined;

/** Bytes as text of `encoding` (a WHATWG name); throws a TypeError on bytes it refuses, like a fatal TextDecoder. */
function decodeAs(bytes: Uint8Array, encoding: string): string {
  // UTF-8 without `stream` keeps no state from one text to the next: one decoder serves every file of a run (a decoder
  // made per file is Node's constructor run, and compiled, once per document).
  if (encoding === 'utf-8') return (utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(bytes);
  if (encoding !== 'windows-1252') return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) =>
      b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80]! : b,
    );
    out += String.fromCharCode(...chunk);
  }
  return out;
}

/** The first bytes as ASCII, for the declarations (which are ASCII in every encoding locflow reads this way). */
/** How many bytes at a file's start tell its encoding (a byte order mark, an XML declaration, HTML's prescan). */
export const DECLARATION_BYTES = 1024;

function head(bytes: Uint8Array, from: number, length = DECLARATION_BYTES): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.min(length, bytes.length - from)).toString('latin1');
}

function xmlDeclared(start: string): string | undefined {
  const m = /^<\?xml\s[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/u.exec(start);
  return m ? (m[1] ?? m[2]) : undefined;
}

export const HTML_PATH = /\.(?:x?html?|xht)$/iu;

/** The charset of the first <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…"> (the HTML prescan, simplified). */
function htmlDeclared(start: string): string | undefined {
  const noComments = start.replace(/<!--[\s\S]*?-->/gu, (c) => ' '.repeat(c.length));
  for (const m of noComments.matchAll(/<meta\b([^>]*)>/giu)) {
    const attrs = m[1]!;
    const charset = /\bcharset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'/>;]+))/iu.exec(attrs);
    if (charset && !/\bcontent\s*=/iu.test(attrs.slice(0, charset.index)))
      return (charset[1] ?? charset[2] ?? charset[3])!.trim();
    if (/\bhttp-equiv\s*=\s*["']?content-type/iu.test(attrs)) {
      const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/iu.exec(attrs);
      const cs = content ? /charset\s*=\s*["']?([^\s"';]+)/iu.exec(content[1] ?? content[2] ?? '') : null;
      if (cs) return cs[1];
    }
  }
  return undefined;
}

/** The WHATWG name of a declared encoding label. */
function encodingNamed(label: string, path: string, how: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new LocflowError(`${how} declares the encoding "${label}", which locflow does not know`, {
      file: path,
      hint: 'use UTF-8, or an encoding name such as windows-1252, iso-8859-15 or utf-16',
    });
  }
}

/** Where the first byte the decoder refuses is: the start of the broken sequence, as a byte offset. */
function firstInvalid(bytes: Uint8Array, from: number, encoding: string): number {
  // Decoding in stream mode refuses only bytes that can never be valid, so "refused" grows with the prefix.
  const fails = (n: number): boolean => {
    const d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    try {
      d.decode(bytes.subarray(from, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let lo = from;
  let hi = bytes.length;
  if (!fails(hi)) return Math.max(from, hi - 1); // only the end is incomplete
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid)) hi = mid;
    else lo = mid;
  }
  let at = hi - 1;
  if (encoding === 'utf-8') {
    // A lead byte whose sequence a later byte broke: point at the lead byte.
    for (let k = 1; k <= 3 && at - k >= from; k++) {
      const b = bytes[at - k]!;
      if (b >= 0x80 && b < 0xc0) continue;
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (len > k) at -= k;
      break;
    }
  }
  return at;
}

function refuse(
  bytes: Uint8Array,
  from: number,
  encoding: string,
  by: Decoded['by'],
  path: string,
  what: string,
): never {
  const at = firstInvalid(bytes, from, encoding);
  const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(from, at));
  const lines = before.split('\n');
  const line = lines.length;
  const column = [...lines[lines.length - 1]!].length + 1;
  const shown = Array.from(bytes.subarray(at, Math.min(at + 4, bytes.length)), (b) =>
    b.toString(16).toUpperCase().padStart(2, '0'),
  ).join(' ');
  const name = encoding.startsWith('utf-') ? encoding.toUpperCase() : encoding;
  const source =
    by === 'default'
      ? 'UTF-8 (no encoding is declared)'
      : by === 'config'
        ? `${name} (as the configuration's "encoding" says)`
        : `${name} (${by === 'bom' ? 'as its byte order mark says' : by === 'utf-16 detection' ? 'as its first bytes show' : `as its ${by === 'html meta' ? 'HTML <meta charset>' : 'XML declaration'} says`})`;
  throw new LocflowError(`${what} is not valid ${source}: byte offset ${at} (bytes ${shown}) cannot be decoded`, {
    file: path,
    line,
    column,
    hint: HINT,
  });
}

/** Rewrites an XML declaration's or HTML meta's encoding to UTF-8: the text is no longer in the declared one. */
function declareUtf8(text: string, html: boolean): string {
  const out = text.replace(/^(\uFEFF?<\?xml\s[^>]*?\bencoding\s*=\s*)(?:"[^"]*"|'[^']*')/u, '$1"UTF-8"');
  if (!html) return out;
  return out.replace(
    /(<meta\b[^>]*?\bcharset\s*=\s*)("[^"]*"|'[^']*'|[^\s"'/>;]+)/iu,
    (_m, pre: string, value: string) =>
      `${pre}${value.startsWith('"') ? '"utf-8"' : value.startsWith("'") ? "'utf-8'" : 'utf-8'}`,
  );
}

/** The encoding a file's first bytes (at least its first 1,024) say it is in, how that was chosen, where its text starts. */
export function detectEncoding(
  bytes: Uint8Array,
  path: string,
  fallback = 'utf-8',
): { readonly encoding: string; readonly by: Decoded['by']; readonly from: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', by: 'bom', from: 0 }; // kept in the text, as before
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', by: 'bom', from: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', by: 'bom', from: 2 };
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00)
    return { encoding: 'utf-16le', by: 'utf-16 detection', from: 0 };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f)
    return { encoding: 'utf-16be', by: 'utf-16 detection', from: 0 };
  // Neither a declaration nor an HTML start without a "<" first (after white space): most text files are told here,
  // without their first kilobyte made a string and tried with the patterns.
  if (!HTML_PATH.test(path) && bytes[firstNonSpace(bytes)] !== 0x3c)
    return { encoding: fallback, by: fallback === 'utf-8' ? 'default' : 'config', from: 0 };
  const start = head(bytes, 0);
  const xml = xmlDeclared(start);
  const html =
    xml === undefined && (HTML_PATH.test(path) || /^\s*<(?:!doctype\s+html|html)\b/iu.test(start))
      ? htmlDeclared(start)
      : undefined;
  const declared = xml ?? html;
  if (declared === undefined) return { encoding: fallback, by: fallback === 'utf-8' ? 'default' : 'config', from: 0 };
  const how = xml !== undefined ? 'the XML declaration' : 'the HTML <meta charset>';
  const encoding = encodingNamed(declared, path, how);
  const by = xml !== undefined ? 'xml declaration' : 'html meta';
  if (!encoding.startsWith('utf-16')) return { encoding, by, from: 0 };
  // The declaration was readable as ASCII, so the bytes are not UTF-16: HTML reads such a file as UTF-8.
  if (xml !== undefined)
    throw new LocflowError(
      `the XML declaration says "${declared}", but the file is not UTF-16 (it has no byte order mark and its declaration is single-byte text)`,
      { file: path, line: 1, hint: HINT },
    );
  return { encoding: 'utf-8', by, from: 0 };
}

/**
 * Decodes a file's bytes as described above; `what` names the file in errors ("source file"). `fallback`
 * (the configuration's "encoding") replaces UTF-8 for a file that neither a BOM nor a declaration names.
 */
export function decodeText(bytes: Uint8Array, path: string, what = 'file', fallback = 'utf-8'): Decoded {
  const { encoding, by, from } = detectEncoding(bytes, path, fallback);
  let text: string;
  try {
    text = decodeAs(bytes.subarray(from), encoding);
  } catch {
    refuse(bytes, from, encoding, by, path, what);
  }
  if (encoding === 'utf-8') return { text, encoding, by };
  const html = HTML_PATH.test(path) || /^\s*<(?:!doctype\s+html|html)\b/iu.test(text.slice(0, 1024));
  return { text: declareUtf8(text, html), encoding, by };
}

/**
 * Single-byte encodings the configuration's "encoding" may name: each byte is one character, so a
 * document read in one of them is written back byte for byte. Multi-byte legacy encodings are not among them.
 */
export const SINGLE_BYTE_ENCODINGS: ReadonlySet<string> = new Set([
  'ibm866',
  ...[2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16].map((n) => `iso-8859-${n}`),
  'iso-8859-8-i',
  'koi8-r',
  'koi8-u',
  'macintosh',
  'windows-874',
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => `windows-125${n}`),
  'x-mac-cyrillic',
]);

/** The WHATWG name of an encoding the configuration may name (UTF-8 or a single-byte one); undefined otherwise. */
export function configurableEncoding(label: string): string | undefined {
  let name: string;
  try {
    name = new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
  return name === 'utf-8' || SINGLE_BYTE_ENCODINGS.has(name) ? name : undefined;
}

/** Each character of a single-byte encoding and its byte, built once per encoding. */
const byteOf = new Map<string, Map<string, number>>();

/**
 * Text as bytes of `encoding` (UTF-8 or a single-byte encoding), the reverse of decodeText. A character
 * the encoding cannot hold is refused with its line and column in `path`, never replaced by "?".
 */
export function encodeText(text: string, encoding: string, path: string): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  let table = byteOf.get(encoding);
  if (!table) {
    table = new Map();
    for (let b = 0; b < 256; b++) {
      let ch: string;
      try {
        ch = decodeAs(Uint8Array.of(b), encoding);
      } catch {
        continue; // a byte the encoding leaves undefined
      }
      if (!table.has(ch)) table.set(ch, b);
    }
    byteOf.set(encoding, table);
  }
  const out = new Uint8Array(text.length);
  let n = 0;
  let line = 1;
  let column = 1;
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) {
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new LocflowError(
        `"${ch}" (${code}) cannot be written in ${encoding}, the encoding the configuration names`,
        {
          file: path,
          line,
          column,
          hint: 'set "encoding" to "utf-8" in locflow.config.json (and save the sources as UTF-8), or remove the character from the translation',
        },
      );
    }
    out[n++] = b;
    if (ch === '\n') [line, column] = [line + 1, 1];
    else column++;
  }
  return out.subarray(0, n);
}
