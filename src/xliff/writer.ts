import type { XliffDocument, XliffFile, XliffUnit } from './model.js';

/**
 * An XLIFF version's writer as pieces, each a run of whole lines ending in "\n": the opening, each <file>'s
 * opening and closing, each unit, the closing. A whole document is the pieces in order (writeWhole); a long
 * one can be written piece by piece as its units are made, each unit let go once written.
 */
export interface XliffWriter {
  start(doc: XliffLanguages): string;
  startFile(file: Pick<XliffFile, 'original'>, index: number, doc: XliffLanguages): string;
  unit(unit: XliffUnit, doc: XliffLanguages): string;
  endFile(): string;
  end(): string;
}

/** What every piece of a document may need to know of it. */
export type XliffLanguages = Pick<XliffDocument, 'sourceLang' | 'targetLang'>;

/** Lines as a piece: each ends in a newline. */
export function lines(...text: readonly string[]): string {
  return text.join('\n') + '\n';
}

/** A whole document as one string, one array joined once (far less garbage than growing a string). */
export function writeWhole(writer: XliffWriter, doc: XliffDocument): string {
  const pieces = [writer.start(doc)];
  doc.files.forEach((file, i) => {
    pieces.push(writer.startFile(file, i, doc));
    for (const unit of file.units) pieces.push(writer.unit(unit, doc));
    pieces.push(writer.endFile());
  });
  pieces.push(writer.end());
  return pieces.join('');
}
