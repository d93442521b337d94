import type { XliffDocument, XliffFile, XliffUnit } from './model.js';
import { readUnit12, readUnits12, unitsOf12 } from './xliff12.js';
import { readUnits20 } from './xliff20.js';
import {
  childElements,
  localName,
  parseXml,
  parseXmlPieces,
  parseXmlSteps,
  XmlError,
  type XmlElement,
} from '../io/xml.js';
import { readText, readTextPieces } from '../io/files.js';
import { DiagnosticError } from '../errors.js';
import { ContentReadError } from './inline.js';
import { validateXliff20 } from './validate20.js';
import { NotPlainXml, scanXml, scanXmlSteps } from './scan.js';
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
  return fromTree(() => {
    try {
      return scanXml(xml);
    } catch (err) {
      if (!(err instanceof NotPlainXml)) throw err;
      return parseXml(xml);
    }
  });
}

/** readXliff with the full XML parser only: what the scanner's reading must equal. */
export function readXliffParsed(xml: string): XliffDocument {
  return fromTree(() => parseXml(xml));
}

/**
 * How a file's text is made a tree: by the scanner of plain XML (scanXmlSteps), which throws NotPlainXml on anything
 * else, or by the full parser (parseXmlSteps).
 */
type TreeSteps = typeof parseXmlSteps;

/**
 * How much of an XLIFF file is read at a time: 16 KB, not readTextPieces' 64 KB. A piece is decoded into one string,
 * and 64 KB of text with one character past Latin-1 (a curly quote, a pseudo-translation's letters) is a string of
 * 128 KB, which V8 allocates among large objects, in the old generation at once, freed only by a full collection:
 * a file of 78,000 units checked in pieces of 64 KB peaked at 434–436 MB, in pieces of 16 KB at 319–368 MB.
 */
export const XLIFF_PIECE_BYTES = 1 << 14;

/**
 * readXliff of a file, read in pieces: the same document and the same errors, without the file's text in memory,
 * and for XLIFF 1.x without its tree either — each unit is read as it closes and its elements let go.
 */
export function readXliffFile(path: string, options: ReadFileOptions = {}): XliffDocument {
  if (options.scan !== false)
    try {
      return readFileWith(path, options, scanXmlSteps);
    } catch (err) {
      if (!(err instanceof NotPlainXml)) throw err;
    }
  return readFileWith(path, options, parseXmlSteps);
}

function readFileWith(path: string, options: ReadFileOptions, steps: TreeSteps): XliffDocument {
  const streamed = new StreamedUnits(options.keep);
  let root;
  try {
    const pieces = readTextPieces(path, 'XLIFF file', undefined, options.pieceBytes ?? XLIFF_PIECE_BYTES);
    root = parseXmlPieces(pieces, streamed.closed, steps);
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    // The parser places some errors (text outside the root) where a piece ended: read whole, the file is refused
    // at the place readXliff names.
    const whole = readXliffParsed(readText(path, 'XLIFF file'));
    const { keep } = options;
    return keep ? { ...whole, files: whole.files.map((f) => ({ ...f, units: f.units.filter(keep) })) } : whole;
  }
  return fromTree(() => root, streamed);
}

/** A unit as readXliffUnits gives it, with the languages its <file> (XLIFF 1.x) or document (2.x) declares. */
export interface XliffUnitRead {
  readonly unit: XliffUnit;
  /** Its <file>: the place among the document's <file>s, and the original it names (as XliffFile.original). */
  readonly file: number;
  readonly original: string;
  readonly sourceLang: string | undefined;
  readonly targetLang: string | undefined;
}

/** A <file> read to its end: every unit of it was given before (a <file> may have none). */
export interface XliffFileEnd {
  readonly end: number;
  readonly original: string;
  readonly sourceLang: string | undefined;
  readonly targetLang: string | undefined;
}

/**
 * readXliffFile's units one by one, in document order, each given while the file is still being read (XLIFF 1.x;
 * a 2.x file's once it is read whole), and the end of each <file>: a reader that lets each unit go holds none.
 * Returns the document without its units. Fails as readXliffFile does — a file that fails does so at its end, after
 * units may have been given.
 */
export function* readXliffUnits(
  path: string,
  pieceBytes = XLIFF_PIECE_BYTES,
  scan = true,
): Generator<XliffUnitRead | XliffFileEnd, XliffDocument> {
  // What the scanner gave before it met what it does not read: the full parser gives the same first, not given again.
  let given = 0;
  if (scan) {
    const fast = unitsWith(path, pieceBytes, scanXmlSteps);
    try {
      for (let step = fast.next(); ; step = fast.next()) {
        if (step.done) return step.value;
        given++;
        yield step.value;
      }
    } catch (err) {
      if (!(err instanceof NotPlainXml)) throw err;
    }
  }
  const full = unitsWith(path, pieceBytes, parseXmlSteps);
  for (let step = full.next(); ; step = full.next()) {
    if (step.done) return step.value;
    if (given > 0) given--;
    else yield step.value;
  }
}

function* unitsWith(
  path: string,
  pieceBytes: number,
  treeSteps: TreeSteps,
): Generator<XliffUnitRead | XliffFileEnd, XliffDocument> {
  const ready: Array<XliffUnitRead | XliffFileEnd> = [];
  const files = new Map<XmlElement, number>();
  const fileOf = (file: XmlElement): number => {
    let index = files.get(file);
    if (index === undefined) files.set(file, (index = files.size));
    return index;
  };
  // What a <file> of XLIFF 1.x declares, given with each of its units and its end.
  const declared = (file: XmlElement): Omit<XliffFileEnd, 'end'> => ({
    original: file.attrs.original ?? '',
    sourceLang: file.attrs['source-language'],
    targetLang: file.attrs['target-language'],
  });
  const streamed = new StreamedUnits(undefined, (unit, file) =>
    ready.push({ unit, file: fileOf(file), ...declared(file) }),
  );
  // A <file> of XLIFF 1.x ends when its element closes (its units were given as they closed).
  const closed = (el: XmlElement, ancestors: readonly XmlElement[]): boolean => {
    if (streamed.closed(el, ancestors)) return true;
    const [root] = ancestors;
    if (ancestors.length === 1 && localName(el.name) === 'file' && VERSIONS_1.has(root!.attrs.version ?? ''))
      ready.push({ end: fileOf(el), ...declared(el) });
    return false;
  };
  let doc: XliffDocument;
  let whole: boolean;
  try {
    const steps = treeSteps(readTextPieces(path, 'XLIFF file', undefined, pieceBytes), closed);
    let step = steps.next();
    for (; !step.done; step = steps.next()) yield* ready.splice(0);
    const root = step.value;
    yield* ready.splice(0);
    doc = fromTree(() => root, streamed);
    whole = localName(root.name) !== 'xliff' || !VERSIONS_1.has(root.attrs.version ?? '');
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    // As readXliffFile: read whole, the file is refused at the place readXliff names.
    doc = readXliffParsed(readText(path, 'XLIFF file'));
    whole = true;
  }
  // A file read whole (XLIFF 2, or read again) gives its units and <file> ends now.
  if (whole)
    for (const [index, f] of doc.files.entries()) {
      const facts = { original: f.original, sourceLang: doc.sourceLang, targetLang: doc.targetLang };
      for (const unit of f.units) yield { unit, file: index, ...facts };
      yield { end: index, ...facts };
    }
  return { ...doc, files: doc.files.map((f) => ({ ...f, units: [] })) };
}

export interface ReadFileOptions {
  /** Which units to hold on to (all by default); the others are read, checked and dropped. */
  readonly keep?: (unit: XliffUnit) => boolean;
  /** How much of the file to read at a time (XLIFF_PIECE_BYTES by default). */
  readonly pieceBytes?: number;
  /** False: the full XML parser only, never the scanner of plain XML (to compare the two). */
  readonly scan?: boolean;
}

/** The units of an XLIFF 1.x file, read as their elements close, by <file>; the first error met kept for later. */
class StreamedUnits {
  readonly byFile = new Map<XmlElement, XliffUnit[]>();
  /** Thrown once the whole file is known to be XML and its <file>s are checked, as readXliff would then. */
  failure: { readonly error: unknown } | undefined;

  /** `take`: each unit read is given to it instead of being kept. */
  constructor(
    private readonly keep?: (unit: XliffUnit) => boolean,
    private readonly take?: (unit: XliffUnit, file: XmlElement) => void,
  ) {}

  /** A <trans-unit> where readUnits12 finds one (xliff > file > its first body > group*) is read and let go. */
  readonly closed = (el: XmlElement, ancestors: readonly XmlElement[]): boolean => {
    if (localName(el.name) !== 'trans-unit' || ancestors.length < 3) return false;
    // (indexes, not destructuring: this runs for every element, and an iterator per call costs)
    const root = ancestors[0]!;
    const file = ancestors[1]!;
    if (localName(root.name) !== 'xliff' || !VERSIONS_1.has(root.attrs.version ?? '')) return false;
    if (localName(file.name) !== 'file' || !unitsOf12(file, ancestors[2]!)) return false;
    for (let i = 3; i < ancestors.length; i++) if (localName(ancestors[i]!.name) !== 'group') return false;
    if (this.failure) return true;
    let unit;
    try {
      unit = readUnit12(el);
    } catch (error) {
      this.failure = { error };
      return true;
    }
    if (this.take) this.take(unit, file);
    else if (!this.keep || this.keep(unit)) {
      const units = this.byFile.get(file);
      if (units) units.push(unit);
      else this.byFile.set(file, [unit]);
    }
    return true;
  };
}

const VERSIONS_1: ReadonlySet<string> = new Set(['1.0', '1.1', '1.2']);

/** The document in a tree, checked as a whole before any unit is read; a streamed file's units come from `streamed`. */
function fromTree(parse: () => XmlElement, streamed?: StreamedUnits): XliffDocument {
  let root;
  try {
    root = parse();
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
    if (VERSIONS_1.has(version ?? '')) {
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
      if (streamed?.failure) throw streamed.failure.error;
      const unitsOf = (f: XmlElement): XliffUnit[] => (streamed ? (streamed.byFile.get(f) ?? []) : readUnits12(f));
      const out: XliffFile[] = files.map((f) => ({ original: f.attrs.original ?? '', units: unitsOf(f) }));
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
