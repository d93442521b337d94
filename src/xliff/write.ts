import type { XliffDocument, XliffVersion } from './model.js';
import { writeXliff12 } from './xliff12.js';
import { writeXliff20 } from './xliff20.js';
import { TOOL } from '../version.js';

export function writeXliff(doc: XliffDocument, version: XliffVersion = doc.version): string {
  return version === '2.0' ? writeXliff20(doc) : writeXliff12(doc, TOOL);
}
