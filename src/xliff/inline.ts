import { DiagnosticError } from '../errors.js';
import type { Content, InlineCode, Run } from '../model/content.js';
import { normalizeContent } from '../model/content.js';
import type { XliffUnit } from './model.js';
import { childElements, escapeText, localName, type XmlElement } from '../io/xml.js';

/** An error inside an XLIFF unit's content, with its place in the file. */
export class ContentReadError extends DiagnosticError {
  declare readonly line: number;
  declare readonly column: number;

  constructor(message: string, line: number, column: number) {
    super('xliff/content', message, { line, column });
    this.name = 'ContentReadError';
  }
}

/** The origins locflow writes: a person, a machine translation (of an engine), a memory, pseudo-translation. */
const ORIGIN = /^(?:human|pseudo|(?:mt|tm)(?::[A-Za-z0-9][\w.-]{0,63})?)$/u;

export function isKnownOrigin(origin: string): boolean {
  return ORIGIN.test(origin);
}

export const ORIGIN_HINT =
  'the origins locflow knows are human, mt, mt:<engine>, tm and pseudo; fix the attribute or remove it (then the store keeps the origin it had)';

/**
 * Indexes of open/close codes that nest properly and can be written as one
 * element (<g>, <pc>); the others are written as separate start/end markers.
 */
export function pairedRanges(runs: readonly Run[]): Set<number> {
  const paired = new Set<number>();
  const stack: Array<{ id: string; index: number }> = [];
  runs.forEach((run, i) => {
    if (typeof run === 'string' || run.code === 'standalone') return;
    if (run.code === 'open') stack.push({ id: run.id, index: i });
    else if (stack.length && stack[stack.length - 1]!.id === run.id) {
      const open = stack.pop()!;
      paired.add(open.index);
      paired.add(i);
    }
  });
  return paired;
}

/** Units of a <file> or <body>, through any depth of <group>. */
export function collectUnits(
  parent: XmlElement,
  unitElement: string,
  read: (el: XmlElement) => XliffUnit,
): XliffUnit[] {
  const units: XliffUnit[] = [];
  const walk = (el: XmlElement): void => {
    for (const child of childElements(el)) {
      const name = localName(child.name);
      if (name === 'group') walk(child);
      else if (name === unitElement) units.push(read(child));
    }
  };
  walk(parent);
  return units;
}

/**
 * How an XLIFF version reads one inline element: `add` appends a run, `inner` reads the element's own content in
 * place (a paired code around it, or a transparent marker). Runs are appended, not returned, so that content nested
 * deep is never copied once per level.
 */
export type InlineElementReader = (el: XmlElement, add: (run: Run) => void, inner: () => void) => void;

/**
 * The runs of a <source> or <target>: its text, and each element as the version's reader for its name reads it; an
 * element no reader names is refused with its place (a name such as "constructor" included).
 */
export function readInline(el: XmlElement, readers: Readonly<Record<string, InlineElementReader>>): Run[] {
  const runs: Run[] = [];
  const add = (run: Run): void => void runs.push(run);
  const walk = (node: XmlElement): void => {
    for (const child of node.children) {
      if (typeof child === 'string') {
        runs.push(child);
        continue;
      }
      const name = localName(child.name);
      const read = Object.hasOwn(readers, name) ? readers[name] : undefined;
      if (!read)
        throw new ContentReadError(
          `unexpected element <${child.name}> inside <${node.name}>`,
          child.line,
          child.column,
        );
      read(child, add, () => walk(child));
    }
  };
  walk(el);
  return runs;
}

/** An element's attribute that identifies its code, refused when missing or empty. */
export function requiredAttr(el: XmlElement, value: string | undefined, attr: string): string {
  if (value === undefined || value === '')
    throw new ContentReadError(`<${el.name}> has no ${attr}`, el.line, el.column);
  return value;
}

/** Content as XML: text escaped, each code written by the version's `writeCode` (told whether it nests as a pair). */
export function writeInline(
  content: Content,
  writeCode: (code: InlineCode, paired: boolean, runs: readonly Run[], index: number) => string,
  writeText: (text: string) => string = escapeText,
): string {
  if (content.length === 1 && typeof content[0] === 'string') return writeText(content[0]); // plain text, most units
  const runs = normalizeContent(content);
  const paired = pairedRanges(runs);
  let out = '';
  runs.forEach((run, i) => {
    out += typeof run === 'string' ? writeText(run) : writeCode(run, paired.has(i), runs, i);
  });
  return out;
}
