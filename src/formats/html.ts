import { defaultTreeAdapter, parse, parseFragment, type DefaultTreeAdapterMap, type ParserOptions } from 'parse5';
import { MAX_NESTING, tooDeep } from '../io/limits.js';
import { codesOf, type InlineCode, type Run } from '../model/content.js';
import type { Document } from '../model/document.js';
import { documentFromSpans, writeSkeleton, type Render } from './skeleton.js';
import { formatPlugin } from './format.js';
import { CODE_SLOTS } from './code-slots.js';

/**
 * HTML, parsed by parse5 (the WHATWG algorithm) with source locations. Runs of
 * text and inline elements are units; block elements are skeleton; inline tags
 * are paired or standalone codes; script, style and anything with
 * translate="no" stay untouched; alt, title and placeholder values are
 * translatable (inside a unit as words between codes, elsewhere as units of
 * their own). Text is kept as written, entities included.
 */
type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'input',
  'font',
]);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math']);
const ATTRIBUTES = ['alt', 'title', 'placeholder'];

const isElement = (n: Node): n is Element => 'tagName' in n;
const loc = (n: Node): { startOffset: number; endOffset: number } =>
  (n as { sourceCodeLocation: { startOffset: number; endOffset: number } }).sourceCodeLocation;
const noTranslate = (el: Element): boolean =>
  el.attrs.some((a) => a.name === 'translate' && a.value.toLowerCase() === 'no');

interface Span {
  readonly start: number;
  readonly end: number;
  readonly content: Run[];
  readonly role: string;
}

export function readHtml(text: string, meta: { id: string; path: string; sourceLang: string }): Document {
  const whole = /<(?:!doctype|html[\s>])/iu.test(text);
  const options = { sourceCodeLocationInfo: true, treeAdapter: depthLimited(meta.path) };
  const root = whole ? parse(text, options) : parseFragment(text, options);
  const spans: Span[] = [];

  const attributeUnits = (el: Element): void => {
    const at = (el as { sourceCodeLocation?: { attrs?: Record<string, { startOffset: number; endOffset: number }> } })
      .sourceCodeLocation?.attrs;
    for (const name of ATTRIBUTES) {
      const value = valueSpan(text, at?.[name]);
      if (value && text.slice(value.start, value.end).trim())
        spans.push({ ...value, content: [text.slice(value.start, value.end)], role: `attribute ${name}` });
    }
  };

  // Consecutive inline children of one parent make one unit; block children end it.
  const visitChildren = (
    parent: Element | DefaultTreeAdapterMap['documentFragment'] | DefaultTreeAdapterMap['document'],
    from: number,
  ): void => {
    let run: Node[] = [];
    const flush = (): void => {
      const meaningful = run.some((n) =>
        n.nodeName === '#text'
          ? (n as DefaultTreeAdapterMap['textNode']).value.trim() !== ''
          : isElement(n) && !noTranslate(n) && hasText(n),
      );
      if (meaningful) {
        // Leading and trailing white space stays in the skeleton.
        const first = run.find(
          (n) => n.nodeName !== '#text' || (n as DefaultTreeAdapterMap['textNode']).value.trim() !== '',
        )!;
        const last = [...run]
          .reverse()
          .find((n) => n.nodeName !== '#text' || (n as DefaultTreeAdapterMap['textNode']).value.trim() !== '')!;
        let start = loc(first).startOffset;
        let end = loc(last).endOffset;
        while (start < end && /\s/u.test(text.charAt(start))) start++;
        while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
        spans.push({ start, end, content: inline(text, start, end, run), role: parent.nodeName });
      } else {
        for (const n of run) if (isElement(n)) attributeUnits(n);
      }
      run = [];
    };
    for (const child of inSourceOrder(parent.childNodes as Node[], from)) {
      if (child.nodeName === '#comment' || child.nodeName === '#documentType') {
        flush();
        continue;
      }
      if (child.nodeName === '#text' || (isElement(child) && INLINE.has(child.tagName))) {
        run.push(child);
        continue;
      }
      flush();
      if (isElement(child) && !SKIP.has(child.tagName) && !noTranslate(child)) {
        attributeUnits(child);
        visitChildren(child, contentStart(child, from));
      }
    }
    flush();
  };
  visitChildren(root, 0);

  return documentFromSpans(
    text,
    meta,
    'html',
    spans.map((s) => ({
      ...s,
      role: /^h[1-6]$|^title$/u.test(s.role) ? 'headline' : 'paragraph',
      note: s.role.startsWith('attribute') ? `The ${s.role.slice(10)} attribute.` : `Text of <${s.role}>.`,
    })),
  );
}

/**
 * parse5's own tree adapter, refusing an element that would open deeper than MAX_NESTING: the
 * parser's scope checks take time in proportion to the depth, and the reader walks the tree
 * recursively. Depths are remembered per element, so each costs a step or two.
 */
function depthLimited(file: string): NonNullable<ParserOptions<DefaultTreeAdapterMap>['treeAdapter']> {
  const depths = new WeakMap<object, number>();
  const depthOf = (node: Node | null | undefined): number => {
    const chain: Node[] = [];
    let n = node;
    let base = 0;
    while (n) {
      const known = depths.get(n);
      if (known !== undefined) {
        base = known;
        break;
      }
      chain.push(n);
      n = (n as { parentNode?: Node | null }).parentNode ?? null;
    }
    for (let i = chain.length - 1; i >= 0; i--) depths.set(chain[i]!, ++base);
    return base;
  };
  return {
    ...defaultTreeAdapter,
    onItemPush(element: Element): void {
      if (depthOf(element) > MAX_NESTING) {
        const at = element.sourceCodeLocation;
        throw tooDeep(file, 'HTML elements', MAX_NESTING, at ? { line: at.startLine, column: at.startCol } : {});
      }
    },
  };
}

type Located = { startOffset: number; endOffset: number; startTag?: { endOffset: number } };
const locationOf = (n: Node): Located | undefined =>
  (n as { sourceCodeLocation?: Located | null }).sourceCodeLocation ?? undefined;
const contentStart = (el: Node, from: number): number => Math.max(from, locationOf(el)?.startTag?.endOffset ?? from);

/**
 * Children in the order the file wrote them, each once. For malformed markup the parser makes elements
 * the file does not have at that place: a formatting element left open across a block
 * (`<p>One <b>bold</p><p>Two</p>`) is reopened in the next block as a copy that carries the first
 * one's source location; elements it implies have none. Such an element is not markup of its own:
 * it is unwrapped, its children taking its place, so no stretch of the file is read twice.
 */
function inSourceOrder(nodes: readonly Node[], from: number): Node[] {
  const out: Node[] = [];
  let cursor = from;
  const add = (list: readonly Node[]): void => {
    for (const n of list) {
      const l = locationOf(n);
      if (!l || l.startOffset < cursor) {
        if (isElement(n)) add(n.childNodes as Node[]);
        continue;
      }
      out.push(n);
      cursor = Math.max(cursor, l.endOffset);
    }
  };
  add(nodes);
  return out;
}

function hasText(el: Element): boolean {
  if (ATTRIBUTES.some((a) => el.attrs.some((x) => x.name === a && x.value.trim()))) return true;
  return (el.childNodes as Node[]).some((c) =>
    c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value.trim() !== '' : isElement(c) && hasText(c),
  );
}

function valueSpan(
  text: string,
  attr: { startOffset: number; endOffset: number } | undefined,
): { start: number; end: number } | null {
  if (!attr) return null;
  const raw = text.slice(attr.startOffset, attr.endOffset);
  const eq = raw.indexOf('=');
  if (eq < 0) return null;
  let start = attr.startOffset + eq + 1;
  while (/\s/u.test(text.charAt(start))) start++;
  let end = attr.endOffset;
  if (text.charAt(start) === '"' || text.charAt(start) === "'") {
    start++;
    end--;
  }
  return end > start ? { start, end } : null;
}

/** Inline content between `from` and `to`: text as written, tags as codes, translatable attribute values as words. */
function inline(text: string, from: number, to: number, nodes: readonly Node[]): Run[] {
  const runs: Run[] = [];
  let id = 0;
  const code = (kind: InlineCode['code'], a: number, b: number, pair?: string): void => {
    if (b > a) runs.push({ code: kind, id: pair ?? String(++id), type: 'tag', data: text.slice(a, b) });
  };
  // Character references stay exactly as written, as codes: "&mdash;" reaches the translator as a tag, not as letters.
  // Markup the parser dropped (a stray end tag) lies inside the text node it merged around it: a tag, not words.
  const words = (a: number, b: number): void => {
    let at = a;
    for (const m of text
      .slice(a, b)
      .matchAll(/<\/?[a-z][^>]*>?|<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>?|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/giu)) {
      if (m.index + a > at) runs.push(text.slice(at, m.index + a));
      runs.push(
        m[0].startsWith('&')
          ? { code: 'standalone', id: String(++id), type: 'placeholder', data: m[0] }
          : { code: 'standalone', id: String(++id), type: 'tag', data: m[0] },
      );
      at = m.index + a + m[0].length;
    }
    if (b > at) runs.push(text.slice(at, b));
  };
  const walk = (list: readonly Node[], a: number, b: number): void => {
    let at = a;
    // Between the nodes there is only markup the parser consumed (the end tag of an element it closed
    // elsewhere, a stray end tag): a code, never words.
    const gap = (x: number, y: number): void => {
      if (y <= x) return;
      if (text.slice(x, y).trim() === '') words(x, y);
      else code('standalone', x, y);
    };
    for (const n of inSourceOrder(list, a)) {
      const l = loc(n);
      const s = Math.max(l.startOffset, a);
      const e = Math.min(l.endOffset, b);
      if (e <= s) continue;
      gap(at, s);
      if (n.nodeName === '#text') words(s, e);
      else if (isElement(n)) {
        const el = n as Element & {
          sourceCodeLocation: {
            startTag?: { endOffset: number };
            endTag?: { startOffset: number };
            attrs?: Record<string, { startOffset: number; endOffset: number }>;
          };
        };
        const startTagEnd = el.sourceCodeLocation.startTag?.endOffset ?? e;
        const endTagStart = el.sourceCodeLocation.endTag?.startOffset;
        if (noTranslate(el) || SKIP.has(el.tagName)) code('standalone', s, e);
        else {
          // The start tag, with translatable attribute values cut out as words.
          const values = ATTRIBUTES.map((name) => valueSpan(text, el.sourceCodeLocation.attrs?.[name]))
            .filter((v): v is { start: number; end: number } => v !== null && text.slice(v.start, v.end).trim() !== '')
            .sort((x, y) => x.start - y.start);
          const paired = endTagStart !== undefined;
          const pair = paired ? String(++id) : undefined;
          let cursor = s;
          values.forEach((v, i) => {
            if (i === 0 && paired) code('open', cursor, v.start, pair);
            else code('standalone', cursor, v.start);
            words(v.start, v.end);
            cursor = v.end;
          });
          if (paired) {
            if (values.length) code('standalone', cursor, startTagEnd);
            else code('open', cursor, startTagEnd, pair);
            walk(el.childNodes as Node[], startTagEnd, endTagStart);
            code('close', endTagStart, e, pair);
          } else {
            // A void element, or one the parser closed without an end tag: its start tag, then its content.
            code('standalone', cursor, Math.min(startTagEnd, e));
            if (e > startTagEnd) walk(el.childNodes as Node[], startTagEnd, e);
          }
        }
      } else code('standalone', s, e); // a comment
      at = e;
    }
    gap(at, b);
  };
  walk(nodes, from, to);
  return runs;
}

/** New text is escaped where HTML needs it; an "&" that starts an entity is the translator's own. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&(?![#\w]+;)/gu, '&amp;').replace(/</gu, '&lt;');
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '=': '&#61;',
  '`': '&#96;',
  ' ': '&#32;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\f': '&#12;',
  '\r': '&#13;',
};

/**
 * New text for an attribute value: it can never close the value, whatever the quoting. Inside quotes
 * both quote marks, "<" and ">" become references; an unquoted value (`alt=Find`) also has its white
 * space, "=" and "`" written as references, so a space cannot start another attribute.
 */
export function escapeHtmlAttribute(text: string, quote: '"' | "'" | ''): string {
  const special = quote ? /[<>"']/gu : /[<>"'=`\t\n\f\r ]/gu;
  return text.replace(/&(?![#\w]+;)/gu, '&amp;').replace(special, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** Where the words after a code land: in an attribute value when the code ends with `name="` (or `='`, or `=`). */
function attributeQuote(codeData: string): '"' | "'" | '' | undefined {
  const m = /=[ \t\n\f\r]*(["']?)$/u.exec(codeData);
  return m ? (m[1] as '"' | "'" | '') : undefined;
}

/**
 * Fills the skeleton, escaping each translation for where it lands: the words of a unit that is an
 * attribute value (alt, title, placeholder) for that attribute's quoting; in a unit of running text,
 * words after a code that opens an attribute value (`<img alt="`) for the attribute, the rest as text.
 * Codes are the source's own markup and are never changed.
 */
export function writeHtml(doc: Document, render: Render): string {
  const quoteOf = new Map<string, '"' | "'" | ''>();
  const notes = new Map(doc.units.map((u) => [u.id, u.notes[0] ?? '']));
  doc.skeleton.forEach((part, i) => {
    if (typeof part === 'string' || !('unit' in part) || !/^The \S+ attribute\.$/u.test(notes.get(part.unit) ?? ''))
      return;
    // The literal before the value (past earlier sentences of the same value) says how it is quoted;
    // when it cannot be told, the value is escaped as unquoted, which is safe in every quoting.
    let quote: '"' | "'" | '' = '';
    for (let j = i - 1; j >= 0; j--) {
      const before = doc.skeleton[j];
      if (typeof before !== 'string') {
        if ('unit' in before) continue;
        break;
      }
      const q = attributeQuote(before);
      if (q !== undefined) quote = q;
      if (q !== undefined || before.trim() !== '') break;
    }
    quoteOf.set(part.unit, quote);
  });
  const contextual: Render = (unit, escape) => {
    if (!escape) return render(unit);
    const quote = quoteOf.get(unit.id);
    if (quote !== undefined) return render(unit, (t) => escapeHtmlAttribute(t, quote));
    const codes = codesOf(unit.source);
    // The words arrive with each code in its slot (code-slots.ts); each stretch of words is escaped for the context the code before it opens.
    return render(unit, (t) => {
      let out = '';
      let at = 0;
      let context: '"' | "'" | '' | undefined;
      for (const m of t.matchAll(CODE_SLOTS)) {
        out +=
          context === undefined
            ? escapeHtmlText(t.slice(at, m.index))
            : escapeHtmlAttribute(t.slice(at, m.index), context);
        out += m[0];
        const code = codes[Number(m[1])];
        context = code ? attributeQuote(code.data) : undefined;
        at = m.index + m[0].length;
      }
      return out + (context === undefined ? escapeHtmlText(t.slice(at)) : escapeHtmlAttribute(t.slice(at), context));
    });
  };
  return writeSkeleton(doc, contextual, escapeHtmlText);
}

export const htmlFormat = formatPlugin({
  settings: {},
  read: (text, meta) => readHtml(text, meta),
  write: writeHtml,
});
