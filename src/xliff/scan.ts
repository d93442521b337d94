import { MAX_NESTING } from '../io/limits.js';
import { OwnStrings, type ClosedElement, type XmlElement } from '../io/xml.js';

/**
 * A fast reader of plain XML, the XML that XLIFF files are written in: elements, attributes, text, the five
 * predefined entities, character references and comments, in UTF-16 text cut into pieces anywhere. It gives the tree
 * parseXmlSteps gives — the same elements, attributes, text, lines and columns, the same `closed` calls — at a
 * fraction of the cost (one indexOf-driven pass, no per-character state machine).
 *
 * Anything else (a DOCTYPE, processing instructions, CDATA, other entities, characters XML cannot carry, names
 * outside ASCII, an XML declaration other than version 1.0 in UTF-8, malformed markup of any kind) is not read
 * here: NotPlainXml is thrown and the caller reads the text again with the full parser, which refuses what must be
 * refused with its own message and place.
 */

/** The text is not plain XML: read it with parseXmlSteps. */
export class NotPlainXml extends Error {
  constructor(readonly why: string) {
    super(`not plain XML: ${why}`);
    this.name = 'NotPlainXml';
  }
}

/** scanXmlSteps over one text. */
export function scanXml(xml: string): XmlElement {
  const steps = scanXmlSteps([xml]);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Text or an open tag longer than this is left to the full parser (the scanner keeps what it has not read whole). */
const MAX_CARRIED = 1 << 22;

/**
 * Characters XML 1.0 cannot carry (CR is taken out before), and surrogates: a pair counts as one column, a lone
 * one (matched with the u flag, which reads pairs as one character) is no character. Without the u flag these
 * classes are looked for several times faster.
 */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** Either of the two first, looked for in one pass (most pieces have neither). */
const CARE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const CR_LF = /\r\n?/gu;
const TAB_LF = /[\t\n]/gu;

/** The XML declarations read here: version 1.0, UTF-8 or no encoding, any standalone, in the order XML sets. */
const XML_DECLARATION =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"1\.0"|'1\.0')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[Uu][Tt][Ff]-8\1)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\2)?[ \t\n]*\?>$/u;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

/** ASCII name characters: 1 may start a name, 2 only continue it. Names with other characters go to the parser. */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/u.test(ch)) NAME[c] = 1;
  else if (/[0-9.-]/u.test(ch)) NAME[c] = 2;
}
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09;

/**
 * Values copied out of the piece they were cut from (OwnStrings.text); the names are kept as they are: V8 keeps
 * a property's name as a string of its own.
 */
function ownValues(own: OwnStrings, attrs: Record<string, string>): Record<string, string> {
  for (const key in attrs) attrs[key] = own.text(attrs[key]!);
  return attrs;
}

/** The value of an entity or character reference (its text between & and ;), as XML 1.0 defines it. */
function entityValue(entity: string): string {
  switch (entity) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  let cp = NaN;
  if (/^#x[0-9A-Fa-f]{1,6}$/u.test(entity)) cp = Number.parseInt(entity.slice(2), 16);
  else if (/^#[0-9]{1,7}$/u.test(entity)) cp = Number.parseInt(entity.slice(1), 10);
  const char =
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff);
  if (!char) throw new NotPlainXml(`the reference &${entity};`);
  return String.fromCodePoint(cp);
}

/** Text with its references replaced by what they stand for. */
function decoded(text: string): string {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0) throw new NotPlainXml('an & that starts no reference');
    out += text.slice(from, amp) + entityValue(text.slice(amp + 1, semi));
    from = semi + 1;
  }
  return out + text.slice(from);
}

/**
 * scanXmlSteps gives what parseXmlSteps gives (see it), for plain XML; anything else throws NotPlainXml, possibly
 * after `closed` was told of some elements: those the full parser would have told it of first, in the same order.
 */
export function* scanXmlSteps(pieces: Iterable<string>, closed?: ClosedElement): Generator<void, XmlElement> {
  const scanner = new Scanner(closed);
  let carriedCR = false;
  for (const piece of pieces) {
    let text = carriedCR ? `\r${piece}` : piece;
    carriedCR = false;
    if (text.includes('\r')) {
      // A CR LF cut between two pieces is one line end: the CR waits for the next piece.
      if (text.endsWith('\r')) {
        carriedCR = true;
        text = text.slice(0, -1);
      }
      text = text.replace(CR_LF, '\n');
    }
    scanner.add(text, false);
    yield;
  }
  scanner.add(carriedCR ? '\n' : '', true);
  return scanner.end();
}

class Scanner {
  /** What is not read yet, from `pos` on (with what was read before it, up to the last piece added). */
  private buf = '';
  private pos = 0;
  /** The line and column (code points read on the line, as the parser counts them) at `mark` in `buf`. */
  private line = 1;
  private column = 0;
  private mark = 0;
  /** Whether `buf` holds a surrogate pair, which counts as one column. */
  private astral = false;
  /** A high surrogate that ended the last piece: its pair begins the next one, so it waits for it. */
  private held = '';
  private started = false;
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;
  private readonly own: OwnStrings | undefined;

  constructor(private readonly closed?: ClosedElement) {
    this.own = closed ? new OwnStrings() : undefined;
  }

  add(piece: string, last: boolean): void {
    if (this.held) {
      piece = this.held + piece;
      this.held = '';
    }
    if (!last && isHighSurrogate(piece.charCodeAt(piece.length - 1))) {
      this.held = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    const care = CARE.test(piece);
    if (care && NOT_XML_CHAR.test(piece)) throw new NotPlainXml('a character XML cannot carry');
    const astral = care && SURROGATE.test(piece);
    if (astral && LONE_SURROGATE.test(piece)) throw new NotPlainXml('a lone surrogate');
    if (this.pos > 0) {
      this.advance(this.pos);
      this.buf = this.buf.slice(this.pos);
      this.mark = 0;
      this.pos = 0;
      this.astral = this.astral && SURROGATE.test(this.buf);
    }
    if (piece) {
      this.buf = this.buf ? this.buf + piece : piece;
      this.astral ||= astral;
    }
    if (this.buf.length - this.pos > MAX_CARRIED) throw new NotPlainXml('a text or tag this long');
    if (!this.started && !this.begin(last)) return;
    this.scan(last);
  }

  end(): XmlElement {
    if (this.stack.length) throw new NotPlainXml('elements left open');
    if (!this.root) throw new NotPlainXml('no root element');
    return this.root;
  }

  /** A byte order mark and the XML declaration; false while the declaration may not be whole yet. */
  private begin(last: boolean): boolean {
    const { buf } = this;
    let at = buf.length && buf.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (buf.length - at < 5 && !last && '<?xml'.startsWith(buf.slice(at))) return false;
    if (buf.startsWith('<?xml', at)) {
      const end = buf.indexOf('?>', at);
      if (end < 0) {
        if (last) throw new NotPlainXml('an XML declaration without its end');
        return false;
      }
      if (!XML_DECLARATION.test(buf.slice(at, end + 2))) throw new NotPlainXml('this XML declaration');
      at = end + 2;
    }
    this.pos = at;
    this.started = true;
    return true;
  }

  /** Reads every piece of markup and text that `buf` holds whole. */
  private scan(last: boolean): void {
    const { buf } = this;
    for (;;) {
      const lt = buf.indexOf('<', this.pos);
      if (lt < 0) {
        if (last) this.text(this.pos, buf.length);
        return;
      }
      if (lt > this.pos) this.text(this.pos, lt);
      this.pos = lt;
      if (lt + 1 >= buf.length) {
        if (last) throw new NotPlainXml('markup cut short at the end');
        return;
      }
      const c = buf.charCodeAt(lt + 1);
      let next: number;
      if (c === SLASH) next = this.closeTag(lt);
      else if (c === BANG) next = this.comment(lt, last);
      else if (c === QUESTION) throw new NotPlainXml('a processing instruction');
      else next = this.openTag(lt);
      if (next < 0) {
        if (last) throw new NotPlainXml('markup cut short at the end');
        return;
      }
      this.pos = next;
    }
  }

  private text(from: number, to: number): void {
    const raw = this.buf.slice(from, to);
    const { stack } = this;
    if (!stack.length) {
      for (let i = 0; i < raw.length; i++)
        if (!isSpace(raw.charCodeAt(i))) throw new NotPlainXml('text outside the root element');
      return;
    }
    if (raw.includes(']]>')) throw new NotPlainXml(']]> in text');
    let text = raw.includes('&') ? decoded(raw) : raw;
    if (this.own) text = this.own.text(text);
    const { children } = stack[stack.length - 1]!;
    const lastChild = children[children.length - 1];
    if (typeof lastChild === 'string') children[children.length - 1] = lastChild + text;
    else children.push(text);
  }

  /** A comment (the parser gives it to no one: the text around it joins); -1 while it may not be whole. */
  private comment(lt: number, last: boolean): number {
    const { buf } = this;
    if (buf.length - lt < 4 && !last && '<!--'.startsWith(buf.slice(lt))) return -1;
    if (!buf.startsWith('<!--', lt)) throw new NotPlainXml('a DOCTYPE, CDATA or other declaration');
    const end = buf.indexOf('-->', lt + 4);
    if (end < 0) return -1;
    const body = buf.slice(lt + 4, end);
    if (body.includes('--') || body.endsWith('-')) throw new NotPlainXml('-- in a comment');
    return end + 3;
  }

  /** The end of a name that starts at `at` (at itself when none starts there), or -1 at the end of `buf`. */
  private nameEnd(at: number): number {
    // (every index is checked against the length: a character read past the end deoptimises the loop)
    const { buf } = this;
    const len = buf.length;
    if (at >= len) return -1;
    const first = buf.charCodeAt(at);
    if (first >= 128 || NAME[first] !== 1) return at;
    let i = at + 1;
    while (i < len) {
      const c = buf.charCodeAt(i);
      if (c >= 128 || NAME[c] === 0) break;
      i++;
    }
    if (i >= len) return -1;
    if (buf.charCodeAt(i) >= 128) throw new NotPlainXml('a name outside ASCII');
    return i;
  }

  /** The first index from `i` on that is not a space (the length at the end of `buf`). */
  private skipSpace(i: number): number {
    const { buf } = this;
    const len = buf.length;
    while (i < len && isSpace(buf.charCodeAt(i))) i++;
    return i;
  }

  /** A start tag (or an empty element's tag) at `lt`: the index after it, or -1 while it may not be whole. */
  private openTag(lt: number): number {
    const { buf } = this;
    const nameEnd = this.nameEnd(lt + 1);
    if (nameEnd < 0) return -1;
    if (nameEnd === lt + 1) throw new NotPlainXml('a < that starts no tag');
    const attrs: Record<string, string> = {};
    const len = buf.length;
    let i = nameEnd;
    for (;;) {
      const start = i;
      i = this.skipSpace(i);
      if (i >= len) return -1;
      const c = buf.charCodeAt(i);
      if (c === GT) {
        this.open(buf.slice(lt + 1, nameEnd), attrs, i + 1);
        return i + 1;
      }
      if (c === SLASH) {
        if (i + 1 >= len) return -1;
        if (buf.charCodeAt(i + 1) !== GT) throw new NotPlainXml('a / in a tag');
        this.open(buf.slice(lt + 1, nameEnd), attrs, i + 2);
        this.close();
        return i + 2;
      }
      if (i === start) throw new NotPlainXml('an attribute not after a space');
      const attrEnd = this.nameEnd(i);
      if (attrEnd < 0) return -1;
      if (attrEnd === i) throw new NotPlainXml('an attribute without a name');
      const name = buf.slice(i, attrEnd);
      i = this.skipSpace(attrEnd);
      if (i >= len) return -1;
      if (buf.charCodeAt(i) !== EQUALS) throw new NotPlainXml('an attribute without a value');
      i = this.skipSpace(i + 1);
      if (i >= len) return -1;
      const q = buf.charCodeAt(i);
      if (q !== DQUOTE && q !== SQUOTE) throw new NotPlainXml('an attribute value without quotes');
      const close = buf.indexOf(q === DQUOTE ? '"' : "'", i + 1);
      if (close < 0) return -1;
      let value = buf.slice(i + 1, close);
      if (value.includes('<')) throw new NotPlainXml('< in an attribute value');
      // As XML normalises an attribute value: each tab or line end a space (a reference to one is kept).
      if (value.includes('\n') || value.includes('\t')) value = value.replace(TAB_LF, ' ');
      if (value.includes('&')) value = decoded(value);
      if (name === '__proto__' || Object.hasOwn(attrs, name)) throw new NotPlainXml('an attribute given twice');
      attrs[name] = value;
      i = close + 1;
    }
  }

  /** An end tag at `lt`: the index after it, or -1 while it may not be whole. */
  private closeTag(lt: number): number {
    const { buf } = this;
    const gt = buf.indexOf('>', lt + 2);
    if (gt < 0) return -1;
    const open = this.stack[this.stack.length - 1];
    if (!open) throw new NotPlainXml('an end tag outside the root element');
    const nameEnd = lt + 2 + open.name.length;
    if (!buf.startsWith(open.name, lt + 2) || nameEnd > gt) throw new NotPlainXml('an end tag of another element');
    for (let i = nameEnd; i < gt; i++)
      if (!isSpace(buf.charCodeAt(i))) throw new NotPlainXml('an end tag of another element');
    this.close();
    return gt + 1;
  }

  private open(name: string, attrs: Record<string, string>, after: number): void {
    const { stack, own } = this;
    if (stack.length >= MAX_NESTING) throw new NotPlainXml('elements nested this deep');
    if (!stack.length && this.root) throw new NotPlainXml('a second root element');
    this.advance(after);
    const el: XmlElement = {
      name: own ? own.name(name) : name,
      attrs: own ? ownValues(own, attrs) : attrs,
      children: [],
      line: this.line,
      column: this.column + 1,
    };
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else this.root = el;
    stack.push(el);
  }

  private close(): void {
    const { stack, closed } = this;
    const el = stack.pop()!;
    // Its parent's last child until text or another element follows: taken out there.
    if (closed && stack.length && closed(el, stack)) stack[stack.length - 1]!.children.pop();
  }

  /** Moves the line and column on to `to` in `buf`. */
  private advance(to: number): void {
    const { buf, mark } = this;
    let lastLine = -1;
    for (let nl = buf.indexOf('\n', mark); nl >= 0 && nl < to; nl = buf.indexOf('\n', nl + 1)) {
      this.line++;
      lastLine = nl;
    }
    const from = lastLine >= 0 ? lastLine + 1 : mark;
    let count = to - from;
    if (this.astral)
      for (let i = from; i < to; i++) {
        const c = buf.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) count--;
      }
    this.column = lastLine >= 0 ? count : this.column + count;
    this.mark = to;
  }
}
