import type { XliffDocument, XliffVersion } from './model.js';
import { xliff12Writer } from './xliff12.js';
import { xliff20Writer } from './xliff20.js';
import { writeWhole } from './writer.js';
import { TOOL } from '../version.js';

export function writeXliff(doc: XliffDocument, version: XliffVersion = doc.version): string {
  return writeWhole(version === '2.0' ? xliff20Writer : xliff12Writer(TOOL), doc);
}
