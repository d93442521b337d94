import type { XliffDocument, XliffFile } from './model.js';
import { readUnits12 } from './xliff12.js';
import { readUnits20 } from './xliff20.js';
import { childElements, localName, parseXml, XmlError, type XmlElement } from '../io/xml.js';
import { DiagnosticError } from '../errors.js';
import { ContentReadError } from './inline.js';
import { validateXliff20 } from './validate20.js';
import { languageProblem } from './language.js';

/** What to do about an XLIFF file that cannot be read, when the command has nothing more precise to say. */
export const XLIFF_FIX_HINT = 'fix the file at that place, or export it again from the tool that wrote it';

/** An XLIFF file that cannot be read, with the place of the problem. */
export class XliffReadError extends DiagnosticError {
  constructor(message: string, line?: number, column?: number, cause?: DiagnosticError, hint?: string) {
    super(cause?.id ?? 'xliff/unreadable', message, {
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
      ...(cause ? { cause } : {}),
      ...(hint !== undefined ? { hint } : {}),
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
  if (localName(root.name) !== 'xliff')
    throw new XliffReadError(
      `the root element is <${root.name}>, not <xliff>: this is not an XLIFF file`,
      root.line,
      root.column,
      undefined,
      'give an XLIFF file (versions 1.0–1.2 or 2.0–2.2)',
    );
  const version = root.attrs.version;
  try {
    if (version === '1.2' || version === '1.1' || version === '1.0') {
      const files = childElements(root, 'file');
      if (!files.length) throw new XliffReadError('the XLIFF has no <file>', root.line, root.column);
      const first = files[0]!;
      const sourceLang = first.attrs['source-language'];
      if (!sourceLang) throw new XliffReadError('<file> has no source-language', first.line, first.column);
      const targetLang = first.attrs['target-language'];
      for (const f of files) {
        checkLanguage(f, 'source-language');
        checkLanguage(f, 'target-language');
        if (f.attrs['source-language'] !== sourceLang || f.attrs['target-language'] !== targetLang) {
          throw new XliffReadError(
            'the <file> elements disagree on their languages; split them into one XLIFF per language pair',
            f.line,
            f.column,
          );
        }
      }
      const out: XliffFile[] = files.map((f) => ({ original: f.attrs.original ?? '', units: readUnits12(f) }));
      return { version: '1.2', sourceLang, ...(targetLang ? { targetLang } : {}), files: out };
    }
    if (version === '2.0' || version === '2.1' || version === '2.2') {
      const sourceLang = root.attrs.srcLang;
      if (!sourceLang) throw new XliffReadError('<xliff> has no srcLang', root.line, root.column);
      checkLanguage(root, 'srcLang');
      checkLanguage(root, 'trgLang');
      const violations = validateXliff20(root);
      const first = violations[0];
      if (first) {
        const more =
          violations.length > 1
            ? ` (and ${violations.length - 1} more violation${violations.length > 2 ? 's' : ''} of XLIFF 2)`
            : '';
        const cause = new DiagnosticError('xliff/constraint', first.message, {
          line: first.line,
          column: first.column,
        });
        throw new XliffReadError(`${first.message}${more}`, first.line, first.column, cause);
      }
      const targetLang = root.attrs.trgLang;
      const files = childElements(root, 'file').map((f) => ({
        original: f.attrs.original ?? f.attrs.id ?? '',
        units: readUnits20(f),
      }));
      return { version: '2.0', sourceLang, ...(targetLang ? { targetLang } : {}), files };
    }
  } catch (err) {
    if (err instanceof ContentReadError) throw new XliffReadError(err.message, err.line, err.column, err);
    throw err;
  }
  throw new XliffReadError(
    `XLIFF version "${version ?? '(none)'}" is not supported; locflow reads 1.0, 1.1, 1.2, 2.0, 2.1 and 2.2`,
    root.line,
    root.column,
    undefined,
    'set the version attribute of <xliff> to the version the file is written in, or export it as XLIFF 1.2 or 2.0',
  );
}

/** A language attribute that is present must be a well-formed BCP 47 tag. */
function checkLanguage(el: XmlElement, attr: string): void {
  const value = el.attrs[attr];
  if (value === undefined) return;
  const problem = languageProblem(value);
  if (problem) throw new XliffReadError(`<${el.name}> has ${attr}="${value}": ${problem}`, el.line, el.column);
}
