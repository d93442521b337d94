import { SaxesParser } from 'saxes';
import { MAX_NESTING } from '../io/limits.js';

/**
 * A small, safe XML tree: saxes parses strictly, never fetches anything and
 * knows no entities but the five predefined ones and character references.
 * Documents that declare entities (internal DTD subset) are refused outright,
 * which closes XXE and entity-expansion attacks.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Array<XmlElement | string>;
  readonly line: number;
  readonly column: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: XmlError | null = null;
  const fail = (message: string): void => {
    failure ??= new XmlError(message, parser.line, parser.column + 1);
  };

  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) {
      fail('the DOCTYPE declares entities or other markup (an internal subset); such files are refused to rule out XXE and entity expansion');
    }
  });
  parser.on('opentag', (tag) => {
    // Readers walk the tree recursively: a document nested deeper is refused here, where it passes the limit.
    if (stack.length >= MAX_NESTING) {
      fail(`elements nest more than ${MAX_NESTING} levels deep here; locflow refuses files nested this deep`);
      throw new XmlError('too deep', parser.line, parser.column + 1);
    }
    const el: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [], line: parser.line, column: parser.column + 1 };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (text: string): void => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
    else parent.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (err) => {
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/su.exec(err.message);
    failure ??= m ? new XmlError(m[3] ?? err.message, Number(m[1]), Number(m[2])) : new XmlError(err.message, parser.line, parser.column + 1);
  });

  try {
    parser.write(xml).close();
  } catch (err) {
    if (!failure) throw err;
  }
  if (failure) throw failure;
  if (!root) throw new XmlError('the file has no root element', 1, 1);
  return root;
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || localName(c.name) === name));
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return childElements(el, name)[0];
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for an element body; rejects characters XML 1.0 cannot carry. */
export function escapeText(text: string): string {
  if (!NEEDS_CARE.test(text)) return text;
  assertXmlChars(text);
  return text.replace(/[&<>]/gu, (c) => TEXT_ESCAPES[c] ?? c);
}

export function escapeAttr(text: string): string {
  if (!NEEDS_CARE.test(text) && !/["\t\n\r]/u.test(text)) return text;
  assertXmlChars(text);
  return text.replace(/[&<>"]/gu, (c) => TEXT_ESCAPES[c] ?? c).replace(/\n/gu, '&#10;').replace(/\r/gu, '&#13;').replace(/\t/gu, '&#9;');
}

// eslint-disable-next-line no-control-regex
const NEEDS_CARE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

function assertXmlChars(text: string): void {
  const m = INVALID_XML.exec(text);
  if (m) throw new Error(`character U+${m[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} cannot be written in XML 1.0`);
}
