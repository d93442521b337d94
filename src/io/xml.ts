import { createRequire } from 'node:module';
import type { SaxesParser as Parser } from 'saxes';
import { DiagnosticError, LocflowError } from '../errors.js';
import { MAX_NESTING } from './limits.js';

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

export class XmlError extends DiagnosticError {
  declare readonly line: number;
  declare readonly column: number;

  constructor(
    message: string,
    line: number,
    column: number,
    /** False when the XML is well-formed but refused (nested too deep). */
    readonly malformed = true,
  ) {
    super(malformed ? 'xml/malformed' : 'xml/refused', message, { line, column });
    this.name = 'XmlError';
  }
}

/** The XML parser, loaded with the first document parsed: writing XML (an extract's XLIFF) needs none of it. */
let saxes: { readonly SaxesParser: typeof Parser } | undefined;

export function parseXml(xml: string): XmlElement {
  return parseXmlPieces([xml]);
}

/**
 * Told of each element as it closes, complete, with its ancestors (the root first): true takes it out of its
 * parent, so a reader that has used it holds it no longer.
 */
export type ClosedElement = (el: XmlElement, ancestors: readonly XmlElement[]) => boolean;

/**
 * parseXml over text given in pieces cut anywhere (readTextPieces): the same tree, places and errors, without the
 * whole text in memory; with `closed`, without the elements it takes out either. After the first error no piece is
 * parsed, but all are read: a reader of the pieces that fails later (a byte that is not UTF-8) still does.
 */
export function parseXmlPieces(
  pieces: Iterable<string>,
  closed?: ClosedElement,
  parse: typeof parseXmlSteps = parseXmlSteps,
): XmlElement {
  const steps = parse(pieces, closed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseXmlPieces a piece at a time: it pauses after each piece is parsed (what `closed` was told of so far can be
 * used before the next piece is read) and returns the tree at the end.
 */
export function* parseXmlSteps(pieces: Iterable<string>, closed?: ClosedElement): Generator<void, XmlElement> {
  saxes ??= createRequire(import.meta.url)('saxes') as { readonly SaxesParser: typeof Parser };
  const parser = new saxes.SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: XmlError | null = null;
  const fail = (message: string): void => {
    failure ??= new XmlError(message, parser.line, parser.column + 1);
  };
  // Elements that outlive their piece hold strings of their own, not slices that would keep every piece alive.
  const own = closed ? new OwnStrings() : undefined;

  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) {
      fail(
        'the DOCTYPE declares entities or other markup (an internal subset); such files are refused to rule out XXE and entity expansion',
      );
    }
  });
  parser.on('opentag', (tag) => {
    // Readers walk the tree recursively: a document nested deeper is refused here, where it passes the limit.
    if (stack.length >= MAX_NESTING) {
      failure ??= new XmlError(
        `elements nest more than ${MAX_NESTING} levels deep here; locflow refuses files nested this deep`,
        parser.line,
        parser.column + 1,
        false,
      );
      throw new XmlError('too deep', parser.line, parser.column + 1);
    }
    const el: XmlElement = {
      name: own ? own.name(tag.name) : tag.name,
      attrs: own
        ? own.attrs(tag.attributes as Record<string, string>)
        : { ...(tag.attributes as Record<string, string>) },
      children: [],
      line: parser.line,
      column: parser.column + 1,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    // Its parent's last child until text or another element follows: taken out there.
    if (closed && el && stack.length && !failure && closed(el, stack)) stack[stack.length - 1]!.children.pop();
  });
  const onText = (piece: string): void => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    const text = own ? own.text(piece) : piece;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
    else parent.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (err) => {
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/su.exec(err.message);
    failure ??= m
      ? new XmlError(m[3] ?? err.message, Number(m[1]), Number(m[2]))
      : new XmlError(err.message, parser.line, parser.column + 1);
  });

  for (const piece of pieces) {
    if (failure) continue;
    try {
      parser.write(piece);
    } catch (err) {
      if (!failure) throw err;
    }
    yield;
  }
  try {
    if (!failure) parser.close();
  } catch (err) {
    if (!failure) throw err;
  }
  if (failure) throw failure;
  if (!root) throw new XmlError('the file has no root element', 1, 1);
  return root;
}

/**
 * Strings copied out of the piece they were cut from: V8 keeps a substring as a slice of its parent, so a
 * unit's id or text would keep the whole 64 KB piece it came from alive. Names are few: each is kept once.
 */
export class OwnStrings {
  private readonly names = new Map<string, string>();

  name(name: string): string {
    let kept = this.names.get(name);
    if (kept === undefined) this.names.set(name, (kept = this.text(name)));
    return kept;
  }

  attrs(attrs: Readonly<Record<string, string>>): Record<string, string> {
    // Own properties as the spread makes them ("__proto__" included), in the same order.
    return Object.fromEntries(Object.entries(attrs).map(([key, value]) => [this.name(key), this.text(value)]));
  }

  /** A copy: a string joined to another is made flat (copied) when sliced, and the slice is of that copy. */
  text(text: string): string {
    return text.length < 13 ? text : ` ${text}`.slice(1);
  }
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || localName(c.name) === name),
  );
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

// A carriage return is written as a reference: a parser turns a literal one (and CR LF) into LF.
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

/** Escapes text for an element body; rejects characters XML 1.0 cannot carry. */
export function escapeText(text: string): string {
  if (!NEEDS_CARE.test(text)) return text;
  assertXmlChars(text);
  return text.replace(/[&<>\r]/gu, (c) => TEXT_ESCAPES[c] ?? c);
}

/**
 * Escapes text for an element body; each character XML 1.0 cannot carry (NUL, ESC, U+001A…) is
 * written as `invalid` gives it: markup such as XLIFF 2's <cp hex="001B"/>, inserted as is.
 */
export function escapeTextWith(text: string, invalid: (char: string, hex: string) => string): string {
  if (!NEEDS_CARE.test(text)) return text;
  return text.replace(ESCAPED, (c) => TEXT_ESCAPES[c] ?? invalid(c, hexOf(c)));
}

/** For text only shown to people (notes, context, disp): characters XML cannot carry as their Control Pictures (␀, ␛). */
export function escapeShownText(text: string): string {
  if (!NEEDS_CARE.test(text)) return text; // most text: one look, as escapeText's
  return escapeText(text.replace(INVALID_XML_ALL, picture));
}

export function escapeAttr(text: string): string {
  if (!ATTR_NEEDS_CARE.test(text)) return text;
  assertXmlChars(text);
  return text
    .replace(/[&<>"]/gu, (c) => TEXT_ESCAPES[c] ?? c)
    .replace(/\n/gu, '&#10;')
    .replace(/\r/gu, '&#13;')
    .replace(/\t/gu, '&#9;');
}

/** An attribute only shown to people: characters XML cannot carry as their Control Pictures. */
export function escapeShownAttr(text: string): string {
  if (!ATTR_NEEDS_CARE.test(text)) return text;
  return escapeAttr(text.replace(INVALID_XML_ALL, picture));
}

/** Whether `text` is not written as it is in an element body (something to escape, or a character XML cannot carry). */
export function needsEscape(text: string): boolean {
  return NEEDS_CARE.test(text);
}

const NEEDS_CARE = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

/** NEEDS_CARE and what an attribute escapes besides (quotes, tabs, newlines), looked for at once. */
const ATTR_NEEDS_CARE = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

const ESCAPED = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

const INVALID_XML_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;

const hexOf = (c: string): string => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
const picture = (c: string): string =>
  c.charCodeAt(0) < 0x20 ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : `U+${hexOf(c)}`;

/** Characters XML 1.0 cannot carry, as a code point from the hex of an XLIFF 2 <cp> (or locflow's 1.2 code); undefined when not one. */
export function charFromHex(hex: string | undefined): string | undefined {
  if (!hex || !/^[0-9A-Fa-f]{1,6}$/u.test(hex)) return undefined;
  const cp = Number.parseInt(hex, 16);
  return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : undefined;
}

function assertXmlChars(text: string): void {
  const m = INVALID_XML.exec(text);
  if (m) {
    const before = text.slice(Math.max(0, m.index - 30), m.index).replace(INVALID_XML_ALL, picture);
    throw new LocflowError(`character U+${hexOf(m[0])} cannot be written in XML 1.0 (after "${before}")`, {
      hint: 'remove the character from the file it comes from: in text XLIFF and TMX carry it as a code, inside a tag or code XLIFF 1.2 cannot (XLIFF 2.0, --xliff 2.0, can)',
    });
  }
}
