import { TOOL } from '../version.js';
import { charFromHex, childElements, escapeAttr, escapeShownText, escapeText, escapeTextWith, localName, parseXml, textContent, type XmlElement } from '../xliff/xml.js';
import type { TmEntry } from './memory.js';

/**
 * TMX 1.4b. Inline codes travel as <ph> (standalone), <bpt>/<ept> (paired,
 * linked by i), each holding the code's original text; the `x` attribute
 * keeps the code's id, so {{x1}}, {{bx2}}, {{ex2}} come back as they were.
 * For OmegaT (tm/auto), codes are written as its escaped short tags instead:
 * &lt;p0/&gt;, &lt;x1/&gt;, &lt;g2&gt;…&lt;/g2&gt;, numbered in order of appearance in the source.
 */
const MARKER = /\{\{(x|bx|ex)([^{}\s]+)\}\}/gu;

export interface TmxOptions {
  readonly omegat?: boolean;
}

export class TmxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'TmxError';
  }
}

/** A character XML cannot carry (NUL, ESC…), in a segment's text: a <ph> of locflow's own type, read back as the character. */
const CP_TYPE = 'x-locflow-cp';
const segText = (text: string): string => escapeTextWith(text, (_c, hex) => `<ph type="${CP_TYPE}">U+${hex}</ph>`);

function segToTmx(text: string, codes: Readonly<Record<string, string>>): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    out += segText(text.slice(at, m.index));
    const [kind, id] = [m[1]!, m[2]!];
    const data = escapeText(codes[`${kind}${id}`] ?? '');
    if (kind === 'x') out += `<ph x="${escapeAttr(id)}">${data}</ph>`;
    else if (kind === 'bx') out += `<bpt i="${escapeAttr(id)}" x="${escapeAttr(id)}">${data}</bpt>`;
    else out += `<ept i="${escapeAttr(id)}">${data}</ept>`;
    at = m.index + m[0].length;
  }
  return out + segText(text.slice(at));
}

/**
 * OmegaT short tags: the first letter of the XLIFF element the code is written as, and its number in
 * order of appearance in the source segment. locflow writes a standalone tag as <x/> and any other
 * standalone code (placeholder, URL, date…) as <ph>, so: <x0/> for "<br/>", <p1/> for a URL, <g2>…</g2>.
 */
function segToOmegat(text: string, order: ReadonlyMap<string, number>, codes: Readonly<Record<string, string>>): string {
  // OmegaT has no way to carry NUL or ESC: they are shown as their Control Pictures (␀, ␛).
  return escapeShownText(
    text.replace(MARKER, (whole, kind: string, id: string) => {
      const n = order.get(id);
      if (n === undefined) return whole;
      if (kind === 'x') return (codes[`x${id}`] ?? '').startsWith('<') ? `<x${n}/>` : `<p${n}/>`;
      return kind === 'bx' ? `<g${n}>` : `</g${n}>`;
    }),
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
    `  <header creationtool="${TOOL.name}" creationtoolversion="${TOOL.version}" segtype="sentence" o-tmf="${TOOL.name}" adminlang="en" srclang="${escapeAttr(tmxLang(sourceLang, omegat))}" datatype="plaintext"/>`,
    '  <body>',
  ];
  for (const e of entries) {
    const codes = e.codes ?? {};
    // OmegaT leaves standalone codes and white space at either end of a segment out of the segment.
    const edge = (text: string): string => (omegat ? text.replace(/^(?:\s|\{\{x[^{}\s]+\}\})+|(?:\s|\{\{x[^{}\s]+\}\})+$/gu, '') : text);
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

/** A <seg> as marker text plus the codes' original text. Short tags written by OmegaT become markers too. */
function readSeg(seg: XmlElement, codes: Record<string, string>): string {
  let out = '';
  let auto = 0;
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === 'string') {
        out += c;
        continue;
      }
      const name = localName(c.name);
      if (name === 'hi' || name === 'sub') {
        walk(c);
        continue;
      }
      const char = name === 'ph' && c.attrs.type === CP_TYPE ? charFromHex(/^U\+([0-9A-Fa-f]{1,6})$/u.exec(textContent(c))?.[1]) : undefined;
      if (char !== undefined) {
        out += char;
        continue;
      }
      const id = c.attrs.x ?? c.attrs.i ?? String(++auto);
      const data = textContent(c);
      const kind = name === 'bpt' || (name === 'it' && c.attrs.pos === 'begin') ? 'bx' : name === 'ept' || (name === 'it' && c.attrs.pos === 'end') ? 'ex' : 'x';
      codes[`${kind}${id}`] = data;
      out += `{{${kind}${id}}}`;
    }
  };
  walk(seg);
  // OmegaT short tags (<x0/>, <g1>…</g1>) arrive as text: code n is the unit's code n + 1.
  return out.replace(/<(\/?)([a-z]+)(\d+)(\/?)>/gu, (_w, close: string, tag: string, n: string, selfClosing: string) => {
    const id = String(Number(n) + 1);
    if (selfClosing || tag === 'x' || tag === 'p') return `{{x${id}}}`;
    return close ? `{{ex${id}}}` : `{{bx${id}}}`;
  });
}

/**
 * Reads TMX into entries for the given source language and any of `targets`
 * (language codes compared case-insensitively, region-less codes matching
 * their base language: "EN-US" counts as "en").
 */
export function readTmx(xml: string, sourceLang: string, targets: readonly string[]): TmEntry[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    const e = err as Error & { line?: number; column?: number; malformed?: boolean };
    throw new TmxError(`${e.malformed === false ? '' : 'malformed XML: '}${e.message}`, e.line, e.column);
  }
  if (localName(root.name) !== 'tmx') throw new TmxError(`the root element is <${root.name}>, not <tmx>`, root.line, root.column);
  const body = childElements(root, 'body')[0];
  if (!body) throw new TmxError('the TMX has no <body>', root.line, root.column);
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase() || a.toLowerCase().split(/[-_]/u)[0] === b.toLowerCase();
  const out: TmEntry[] = [];
  for (const tu of childElements(body, 'tu')) {
    const props = Object.fromEntries(childElements(tu, 'prop').map((p) => [p.attrs.type ?? '', textContent(p)]));
    const tuvs = childElements(tu, 'tuv').map((tuv) => {
      const lang = tuv.attrs['xml:lang'] ?? tuv.attrs.lang ?? '';
      const seg = childElements(tuv, 'seg')[0];
      const codes: Record<string, string> = {};
      return { lang, text: seg ? readSeg(seg, codes) : '', codes };
    });
    const src = tuvs.find((t) => same(t.lang, sourceLang));
    if (!src || src.text.trim() === '') continue;
    for (const t of tuvs) {
      if (t === src || t.text.trim() === '') continue;
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
      });
    }
  }
  return out;
}
