import { DiagnosticError } from '../errors.js';
import { TOOL } from '../version.js';
import {
  charFromHex,
  childElements,
  escapeAttr,
  escapeShownText,
  escapeText,
  escapeTextWith,
  localName,
  parseXml,
  parseXmlPieces,
  textContent,
  XmlError,
  type XmlElement,
} from '../io/xml.js';
import { readText, readTextPieces } from '../io/files.js';
import { canonicalTag, primarySubtag } from '../model/language.js';
import type { TmEntry } from './memory.js';
import {
  encodeMarkerId,
  escapeText as storeText,
  marker,
  MARKER,
  splitMarkers,
  type MarkerKind,
} from '../store/codes.js';

/**
 * TMX 1.4b. Inline codes travel as <ph> (standalone), <bpt>/<ept> (paired,
 * linked by i), each holding the code's original text; the `x` attribute
 * keeps the code's id, so {{x1}}, {{bx2}}, {{ex2}} come back as they were.
 * For OmegaT (tm/auto), codes are written as its escaped short tags instead:
 * &lt;p0/&gt;, &lt;x1/&gt;, &lt;g2&gt;…&lt;/g2&gt;, numbered in order of appearance in the source.
 */

export interface TmxOptions {
  readonly omegat?: boolean;
}

export class TmxError extends DiagnosticError {
  constructor(message: string, line?: number, column?: number, cause?: unknown) {
    super('tmx/unreadable', message, {
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
      ...(cause !== undefined ? { cause } : {}),
    });
    this.name = 'TmxError';
  }
}

/** A character XML cannot carry (NUL, ESC…), in a segment's text: a <ph> of locflow's own type, read back as the character. */
const CP_TYPE = 'x-locflow-cp';
const segText = (text: string): string => escapeTextWith(text, (_c, hex) => `<ph type="${CP_TYPE}">U+${hex}</ph>`);

function segToTmx(text: string, codes: Readonly<Record<string, string>>): string {
  let out = '';
  for (const part of splitMarkers(text)) {
    if (typeof part === 'string') {
      out += segText(part);
      continue;
    }
    const { kind, id } = part;
    const data = escapeText(codes[`${kind}${part.raw}`] ?? '');
    if (kind === 'x') out += `<ph x="${escapeAttr(id)}">${data}</ph>`;
    else if (kind === 'bx') out += `<bpt i="${escapeAttr(id)}" x="${escapeAttr(id)}">${data}</bpt>`;
    else out += `<ept i="${escapeAttr(id)}">${data}</ept>`;
  }
  return out;
}

/**
 * OmegaT short tags: the first letter of the XLIFF element the code is written as, and its number in
 * order of appearance in the source segment. locflow writes a standalone tag as <x/> and any other
 * standalone code (placeholder, URL, date…) as <ph>, so: <x0/> for "<br/>", <p1/> for a URL, <g2>…</g2>.
 */
function segToOmegat(
  text: string,
  order: ReadonlyMap<string, number>,
  codes: Readonly<Record<string, string>>,
): string {
  // OmegaT has no way to carry NUL or ESC: they are shown as their Control Pictures (␀, ␛).
  return escapeShownText(
    splitMarkers(text)
      .map((part) => {
        if (typeof part === 'string') return part;
        const { kind, raw } = part;
        const n = order.get(raw);
        if (n === undefined) return `{{${kind}${raw}}}`;
        if (kind === 'x') return (codes[`x${raw}`] ?? '').startsWith('<') ? `<x${n}/>` : `<p${n}/>`;
        return kind === 'bx' ? `<g${n}>` : `</g${n}>`;
      })
      .join(''),
  );
}

function codeOrder(source: string): Map<string, number> {
  const order = new Map<string, number>();
  for (const m of source.matchAll(MARKER)) if (!order.has(m[2]!)) order.set(m[2]!, order.size);
  return order;
}

/** OmegaT matches language codes such as "EN" and "ES"; other tools take BCP 47 as it is. */
const tmxLang = (tag: string, omegat: boolean): string => (omegat ? tag.toUpperCase() : tag);

export function writeTmx(entries: readonly TmEntry[], sourceLang: string, options: TmxOptions = {}): string {
  const omegat = options.omegat === true;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    // o-tmf names the dialect: only a TMX in OmegaT's (its own, or locflow's --omegat) has short tags to read back.
    `  <header creationtool="${TOOL.name}" creationtoolversion="${TOOL.version}" segtype="sentence" o-tmf="${omegat ? OMEGAT_TMF : TOOL.name}" adminlang="en" srclang="${escapeAttr(tmxLang(sourceLang, omegat))}" datatype="plaintext"/>`,
    '  <body>',
  ];
  for (const e of entries) {
    const codes = e.codes ?? {};
    // OmegaT leaves standalone codes and white space at either end of a segment out of the segment.
    const edge = (text: string): string =>
      omegat ? text.replace(/^(?:\s|\{\{x[^{}\s]+\}\})+|(?:\s|\{\{x[^{}\s]+\}\})+$/gu, '') : text;
    const order = codeOrder(edge(e.source));
    const seg = (text: string): string => (omegat ? segToOmegat(edge(text), order, codes) : segToTmx(text, codes));
    lines.push('    <tu>');
    if (e.context) lines.push(`      <prop type="x-context">${escapeShownText(e.context)}</prop>`);
    if (e.origin) lines.push(`      <prop type="x-origin">${escapeText(e.origin)}</prop>`);
    lines.push(`      <tuv xml:lang="${escapeAttr(tmxLang(e.sourceLang, omegat))}"><seg>${seg(e.source)}</seg></tuv>`);
    lines.push(`      <tuv xml:lang="${escapeAttr(tmxLang(e.targetLang, omegat))}"><seg>${seg(e.target)}</seg></tuv>`);
    lines.push('    </tu>');
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}

const OMEGAT_TMF = 'OmegaT TMX';
const SHORT_TAG = /<(\/?)([a-z]+)(\d+)(\/?)>/gu;
type SegPart = string | { readonly kind: MarkerKind; readonly id: string };

/**
 * OmegaT short tags in a text run, as markers: <x0/> (self-closing), or <g1>…</g1> with both halves in
 * the run. With `allowed` (the source's tags), a target's tag counts only when the source has it too.
 * Anything else shaped like a tag ("<h1>" in a sentence about HTML) stays text.
 */
function shortTags(text: string, allowed?: ReadonlySet<string>): { parts: SegPart[]; tags: Set<string> } {
  const all = [...text.matchAll(SHORT_TAG)];
  const key = (m: RegExpMatchArray): string => `${m[1] ? '/' : ''}${m[2]!}${m[3]!}${m[4] ? '/' : ''}`;
  const present = new Set(all.map(key));
  const tags = new Set<string>();
  const parts: SegPart[] = [];
  let at = 0;
  for (const m of all) {
    const [close, tag, n, selfClosing] = [m[1] ?? '', m[2]!, m[3]!, m[4] ?? ''];
    const k = key(m);
    const balanced = selfClosing
      ? !close
      : close
        ? present.has(`${tag}${n}`) && text.indexOf(`<${tag}${n}>`) < m.index
        : present.has(`/${tag}${n}`) && text.indexOf(`</${tag}${n}>`, m.index) > m.index;
    if (!balanced || (allowed && !allowed.has(k))) continue;
    tags.add(k);
    if (m.index > at) parts.push(text.slice(at, m.index));
    const id = String(Number(n) + 1);
    parts.push({ kind: selfClosing ? 'x' : close ? 'ex' : 'bx', id });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return { parts, tags };
}

/** Parts as a stored string: text escaped as the store escapes it, markers with encoded ids. */
function toStored(parts: readonly SegPart[]): string {
  let out = '';
  parts.forEach((p, i) => {
    out += typeof p === 'string' ? storeText(p, i < parts.length - 1) : marker(p.kind, p.id);
  });
  return out;
}

/** A <seg> as text runs and markers, with the codes' original text. */
function readSeg(seg: XmlElement, codes: Record<string, string>): SegPart[] {
  const parts: SegPart[] = [];
  let auto = 0;
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === 'string') {
        const last = parts[parts.length - 1];
        if (typeof last === 'string') parts[parts.length - 1] = last + c;
        else parts.push(c);
        continue;
      }
      const name = localName(c.name);
      if (name === 'hi' || name === 'sub') {
        walk(c);
        continue;
      }
      const char =
        name === 'ph' && c.attrs.type === CP_TYPE
          ? charFromHex(/^U\+([0-9A-Fa-f]{1,6})$/u.exec(textContent(c))?.[1])
          : undefined;
      if (char !== undefined) {
        const last = parts[parts.length - 1];
        if (typeof last === 'string') parts[parts.length - 1] = last + char;
        else parts.push(char);
        continue;
      }
      const id = c.attrs.x ?? c.attrs.i ?? String(++auto);
      const data = textContent(c);
      const kind =
        name === 'bpt' || (name === 'it' && c.attrs.pos === 'begin')
          ? 'bx'
          : name === 'ept' || (name === 'it' && c.attrs.pos === 'end')
            ? 'ex'
            : 'x';
      codes[`${kind}${encodeMarkerId(id)}`] = data;
      parts.push({ kind, id });
    }
  };
  walk(seg);
  return parts;
}

/** OmegaT short tags (<x0/>, <g1>…</g1>) arrive as text: code n is the unit's code n + 1. */
function withShortTags(
  parts: readonly SegPart[],
  allowed?: ReadonlySet<string>,
): { parts: SegPart[]; tags: Set<string> } {
  const tags = new Set<string>();
  const out = parts.flatMap((p) => {
    if (typeof p !== 'string') return [p];
    const r = shortTags(p, allowed);
    for (const t of r.tags) tags.add(t);
    return r.parts;
  });
  return { parts: out, tags };
}

/** A TMX entry and the line of its <tu>, to name it in messages. */
export interface TmxEntry extends TmEntry {
  readonly line?: number;
}

/** Whether a TMX language code names the language `b`: the same tag ("EN_us" is "en-US"), or `b` is its base. */
function same(a: string, b: string): boolean {
  const tag = (t: string): string => (canonicalTag(t) ?? t).toLowerCase();
  return tag(a) === tag(b) || primarySubtag(a) === tag(b);
}

/**
 * Reads TMX into entries for the given source language and any of `targets`
 * (language codes compared case-insensitively, region-less codes matching
 * their base language: "EN-US" counts as "en").
 */
export function readTmx(xml: string, sourceLang: string, targets: readonly string[]): TmxEntry[] {
  return fromTree(() => parseXml(xml), new TmxUnits(sourceLang, targets, false));
}

/**
 * readTmx of a file read in pieces (readTextPieces): the same entries and errors, without the file's text or its
 * tree in memory — each <tu> is read into entries as its element closes and let go (when the header that says the
 * dialect comes before the body, as TMX has it; otherwise the tree is kept and read whole).
 */
export function readTmxFile(
  path: string,
  sourceLang: string,
  targets: readonly string[],
  pieceBytes?: number,
): TmxEntry[] {
  const units = new TmxUnits(sourceLang, targets, true);
  // What the file's reading refuses (its encoding, a byte that is not UTF-8) is thrown as readText throws it, not as
  // malformed XML: the pieces are read while the XML is parsed.
  let unreadable: { readonly error: unknown } | undefined;
  function* pieces(): Generator<string> {
    try {
      yield* readTextPieces(path, 'TMX file', undefined, pieceBytes);
    } catch (error) {
      unreadable = { error };
      throw error;
    }
  }
  try {
    return fromTree(() => parseXmlPieces(pieces(), units.closed), units);
  } catch (err) {
    if (unreadable && err instanceof TmxError && err.cause === unreadable.error) throw unreadable.error;
    if (!(err instanceof TmxError) || !(err.cause instanceof XmlError)) throw err;
    // The parser places some errors (text outside the root) where a piece ended: read whole, as readTmx places them.
    return readTmx(readText(path, 'TMX file'), sourceLang, targets);
  }
}

/** The entries of a TMX's <tu>s, read in document order as their elements close; the first error kept for later. */
class TmxUnits {
  readonly entries: TmxEntry[] = [];
  failure: { readonly error: unknown } | undefined;
  private header: XmlElement | undefined;

  constructor(
    private readonly sourceLang: string,
    private readonly targets: readonly string[],
    private readonly streaming: boolean,
  ) {}

  /** A <tu> of the first <body> of a <tmx> whose <header> came first is read and let go. */
  readonly closed = (el: XmlElement, ancestors: readonly XmlElement[]): boolean => {
    if (!this.streaming || ancestors.length !== 2 || localName(el.name) !== 'tu') return false;
    const [root, body] = ancestors as [XmlElement, XmlElement];
    if (localName(root.name) !== 'tmx' || localName(body.name) !== 'body') return false;
    const kids = childElements(root);
    if (kids.find((k) => localName(k.name) === 'body') !== body) return false;
    // The header decides how every <tu> reads: while none came before the body, the <tu>s stay for the end.
    this.header ??= kids.find((k) => localName(k.name) === 'header');
    if (!this.header) return false;
    if (!this.failure) {
      try {
        this.read(el, omegatDialect(this.header));
      } catch (error) {
        this.failure = { error };
      }
    }
    return true;
  };

  /** The entries of one <tu>: its source language's text against each target language's. */
  read(tu: XmlElement, omegat: boolean): void {
    const { sourceLang, targets, entries: out } = this;
    const props = Object.fromEntries(childElements(tu, 'prop').map((p) => [p.attrs.type ?? '', textContent(p)]));
    const tuvs = childElements(tu, 'tuv').map((tuv) => {
      const lang = tuv.attrs['xml:lang'] ?? tuv.attrs.lang ?? '';
      const seg = childElements(tuv, 'seg')[0];
      const codes: Record<string, string> = {};
      return { lang, parts: seg ? readSeg(seg, codes) : [], codes };
    });
    const srcTuv = tuvs.find((t) => same(t.lang, sourceLang));
    if (!srcTuv) return;
    const tagged = omegat ? withShortTags(srcTuv.parts) : { parts: srcTuv.parts, tags: new Set<string>() };
    const src = { ...srcTuv, text: toStored(tagged.parts) };
    if (src.text.trim() === '') return;
    for (const tuv of tuvs) {
      if (tuv === srcTuv) continue;
      const t = { ...tuv, text: toStored(omegat ? withShortTags(tuv.parts, tagged.tags).parts : tuv.parts) };
      if (t.text.trim() === '') continue;
      const target = targets.find((x) => same(t.lang, x) || same(x, t.lang));
      if (!target) continue;
      out.push({
        sourceLang,
        targetLang: target,
        source: src.text,
        target: t.text,
        codes: { ...t.codes, ...src.codes },
        ...(props['x-context'] ? { context: props['x-context'] } : {}),
        origin: props['x-origin'] ?? 'tmx',
        line: tu.line,
      });
    }
  }
}

/** Only a TMX in OmegaT's dialect has short tags; elsewhere "&lt;h1&gt;" is text about HTML. */
function omegatDialect(header: XmlElement | undefined): boolean {
  return header !== undefined && /omegat/iu.test(`${header.attrs.creationtool ?? ''} ${header.attrs['o-tmf'] ?? ''}`);
}

/** The entries of a TMX tree, checked as a whole first; <tu>s read as they closed come from `units`. */
function fromTree(parse: () => XmlElement, units: TmxUnits): TmxEntry[] {
  let root: XmlElement;
  try {
    root = parse();
  } catch (err) {
    const e = err as Error & { line?: number; column?: number; malformed?: boolean };
    throw new TmxError(`${e.malformed === false ? '' : 'malformed XML: '}${e.message}`, e.line, e.column, err);
  }
  if (localName(root.name) !== 'tmx')
    throw new TmxError(`the root element is <${root.name}>, not <tmx>`, root.line, root.column);
  const body = childElements(root, 'body')[0];
  if (!body) throw new TmxError('the TMX has no <body>', root.line, root.column);
  if (units.failure) throw units.failure.error;
  const omegat = omegatDialect(childElements(root, 'header')[0]);
  // The <tu>s still in the tree: all of them when nothing was streamed, those after a late header otherwise.
  for (const tu of childElements(body, 'tu')) units.read(tu, omegat);
  return units.entries;
}
