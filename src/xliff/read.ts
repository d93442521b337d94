import type { XliffDocument, XliffFile } from './model.js';
import { readUnits12 } from './xliff12.js';
import { readUnits20 } from './xliff20.js';
import { childElements, localName, parseXml, XmlError } from '../io/xml.js';
import { DiagnosticError } from '../errors.js';
import { ContentReadError } from './inline.js';

/** An XLIFF file that cannot be read, with the place of the problem. */
export class XliffReadError extends DiagnosticError {
  constructor(message: string, line?: number, column?: number, cause?: DiagnosticError) {
    super(cause?.id ?? 'xliff/unreadable', message, {
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
      ...(cause ? { cause } : {}),
    });
    this.name = 'XliffReadError';
  }
}

/** Reads XLIFF 1.2 or 2.0 faithfully: whitespace, states, all segments and files. */
export function readXliff(xml: string): XliffDocument {
  let root;
  try {
    root = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlError)
      throw new XliffReadError(`${err.malformed ? 'malformed XML: ' : ''}${err.message}`, err.line, err.column, err);
    throw err;
  }
  if (localName(root.name) !== 'xliff') throw new XliffReadError(`the root element is <${root.name}>, not <xliff>: this is not an XLIFF file`, root.line, root.column);
  const version = root.attrs.version;
  try {
    if (version === '1.2' || version === '1.1') {
      const files = childElements(root, 'file');
      if (!files.length) throw new XliffReadError('the XLIFF has no <file>', root.line, root.column);
      const first = files[0]!;
      const sourceLang = first.attrs['source-language'];
      if (!sourceLang) throw new XliffReadError('<file> has no source-language', first.line, first.column);
      const targetLang = first.attrs['target-language'];
      for (const f of files) {
        if (f.attrs['source-language'] !== sourceLang || f.attrs['target-language'] !== targetLang) {
          throw new XliffReadError('the <file> elements disagree on their languages; split them into one XLIFF per language pair', f.line, f.column);
        }
      }
      const out: XliffFile[] = files.map((f) => ({ original: f.attrs.original ?? '', units: readUnits12(f) }));
      return { version: '1.2', sourceLang, ...(targetLang ? { targetLang } : {}), files: out };
    }
    if (version === '2.0' || version === '2.1' || version === '2.2') {
      const sourceLang = root.attrs.srcLang;
      if (!sourceLang) throw new XliffReadError('<xliff> has no srcLang', root.line, root.column);
      const targetLang = root.attrs.trgLang;
      const files = childElements(root, 'file').map((f) => ({ original: f.attrs.original ?? f.attrs.id ?? '', units: readUnits20(f) }));
      return { version: '2.0', sourceLang, ...(targetLang ? { targetLang } : {}), files };
    }
  } catch (err) {
    if (err instanceof ContentReadError) throw new XliffReadError(err.message, err.line, err.column, err);
    throw err;
  }
  throw new XliffReadError(`XLIFF version "${version ?? '(none)'}" is not supported; locflow reads 1.2 and 2.0`, root.line, root.column);
}
