import type { CodeType, Content, InlineCode, Run } from '../model/content.js';
import { asCodeType, normalizeContent } from '../model/content.js';
import { unitKey } from '../model/readable.js';
import type { UnitState } from '../model/unit.js';
import type { XliffSegment, XliffUnit } from './model.js';
import { lines, type XliffWriter } from './writer.js';
import {
  charFromHex,
  childElements,
  escapeAttr,
  escapeShownAttr,
  escapeShownText,
  escapeTextWith,
  firstChild,
  localName,
  textContent,
  type XmlElement,
} from '../io/xml.js';
import {
  collectUnits,
  ContentReadError,
  isKnownOrigin,
  ORIGIN_HINT,
  readInline,
  requiredAttr,
  writeInline,
  type InlineElementReader,
} from './inline.js';

/** XLIFF 2.0: writer and the reader of its elements. Inline codes are <ph/> and <pc> (<sc/>/<ec/> when pairs cross), with originalData. */

export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const LOCFLOW_NS = 'urn:locflow:xliff';
const MTC_NS = 'urn:oasis:names:tc:xliff:matches:2.0';

const STATE_OUT: Readonly<Record<UnitState, { state: string; subState?: string }>> = {
  new: { state: 'initial' },
  translated: { state: 'translated' },
  'needs-review': { state: 'translated', subState: 'locflow:needs-review' },
  reviewed: { state: 'reviewed' },
  final: { state: 'final' },
};

// XLIFF 2.0 code types are few; the precise one travels in subType.
const TYPE_OUT: Readonly<Record<CodeType, string>> = {
  tag: 'fmt',
  link: 'link',
  placeholder: 'other',
  date: 'other',
  number: 'other',
  name: 'other',
  url: 'other',
  email: 'other',
};

class DataRefs {
  readonly entries: Array<[string, string]> = [];
  private readonly byValue = new Map<string, string>();
  ref(data: string): string {
    let id = this.byValue.get(data);
    if (!id) {
      id = `d${this.entries.length + 1}`;
      this.byValue.set(data, id);
      this.entries.push([id, data]);
    }
    return id;
  }
}

/** Text with each character XML cannot carry as <cp hex="…"/>, as XLIFF 2 provides. */
const writeText20 = (text: string): string => escapeTextWith(text, (_c, hex) => `<cp hex="${hex}"/>`);

/** The text of an element in which <cp/> stands for a character XML cannot carry. */
function textWithCp(el: XmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += c;
    else if (localName(c.name) === 'cp') out += cpChar(c);
    else out += textWithCp(c);
  }
  return out;
}

function cpChar(el: XmlElement): string {
  const char = charFromHex(el.attrs.hex);
  if (char === undefined)
    throw new ContentReadError(`<cp> has hex="${el.attrs.hex ?? ''}", not a code point`, el.line, el.column);
  return char;
}

function writeContent20(content: Content, refs: DataRefs): string {
  return writeInline(
    content,
    (run, paired, runs, i) => {
      const typing = `type="${TYPE_OUT[run.type]}" subType="locflow:${run.type}"`;
      const id = escapeAttr(run.id);
      if (run.code === 'standalone')
        return `<ph id="${id}" ${typing} dataRef="${refs.ref(run.data)}" disp="${escapeShownAttr(run.data)}"/>`;
      if (paired && run.code === 'open') {
        const close = runs
          .slice(i + 1)
          .find((r): r is InlineCode => typeof r !== 'string' && r.code === 'close' && r.id === run.id);
        return `<pc id="${id}" ${typing} dataRefStart="${refs.ref(run.data)}" dataRefEnd="${refs.ref(close?.data ?? '')}">`;
      }
      if (paired) return '</pc>';
      // A start whose end is not in this content (or an end whose start is not) is isolated, as XLIFF 2 requires.
      const matched = (r: Run): boolean =>
        typeof r !== 'string' && r.id === run.id && r.code === (run.code === 'open' ? 'close' : 'open');
      const isolated = run.code === 'open' ? !runs.slice(i + 1).some(matched) : !runs.slice(0, i).some(matched);
      if (run.code === 'open')
        return `<sc id="${id}" ${typing} dataRef="${refs.ref(run.data)}"${isolated ? ' isolated="yes"' : ''}/>`;
      return isolated
        ? `<ec id="${id}" isolated="yes" ${typing} dataRef="${refs.ref(run.data)}"/>`
        : `<ec startRef="${id}" dataRef="${refs.ref(run.data)}"/>`;
    },
    writeText20,
  );
}

/** XLIFF 2.0 as pieces (see XliffWriter): each <file> numbered, its units with their notes and original data. */
export const xliff20Writer: XliffWriter = {
  start: (doc) => {
    const trg = doc.targetLang ? ` trgLang="${escapeAttr(doc.targetLang)}"` : '';
    return lines(
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<xliff xmlns="${XLIFF20_NS}" xmlns:mtc="${MTC_NS}" xmlns:lf="${LOCFLOW_NS}" version="2.0" srcLang="${escapeAttr(doc.sourceLang)}"${trg}>`,
    );
  },
  startFile: (file, index) => lines(`  <file id="f${index + 1}" original="${escapeAttr(file.original)}">`),
  unit: (unit) => writeUnit20(unit) + '\n',
  endFile: () => lines('  </file>'),
  end: () => lines('</xliff>'),
};

function writeUnit20(unit: XliffUnit): string {
  const refs = new DataRefs();
  const source = writeContent20(unit.source, refs);
  const target = unit.target !== undefined ? writeContent20(unit.target, refs) : undefined;
  const matches = (unit.matches ?? []).map((m) => ({
    m,
    source: writeContent20(m.source, refs),
    target: writeContent20(m.target, refs),
  }));
  // The key of an app string ("common.greeting") is the name people and CAT tools know it by; a document's unit keeps its role and place.
  const resname = unitKey(unit.notes) ?? unit.name;
  const name = resname ? ` name="${escapeShownAttr(resname)}"` : '';
  const origin = unit.origin && unit.target !== undefined ? ` lf:origin="${escapeAttr(unit.origin)}"` : '';
  const parts = [`    <unit id="${escapeAttr(unit.id)}"${name}${origin}>`];
  if (matches.length) {
    parts.push('      <mtc:matches>');
    for (const { m, source: s, target: t } of matches) {
      parts.push(
        `        <mtc:match ref="#s1" matchQuality="${m.score.toFixed(2)}" origin="${escapeAttr(m.origin)}">`,
        `          <source>${s}</source>`,
        `          <target>${t}</target>`,
        '        </mtc:match>',
      );
    }
    parts.push('      </mtc:matches>');
  }
  const notes = [
    ...Object.entries(unit.context ?? {}).map(
      ([k, v]) => `<note category="${escapeAttr(k)}">${escapeShownText(v)}</note>`,
    ),
    ...unit.notes.map((n) => `<note category="locflow">${escapeShownText(n)}</note>`),
  ];
  if (notes.length) parts.push('      <notes>', ...notes.map((n) => `        ${n}`), '      </notes>');
  if (refs.entries.length) {
    parts.push('      <originalData>');
    for (const [id, data] of refs.entries)
      parts.push(`        <data id="${id}" xml:space="preserve">${writeText20(data)}</data>`);
    parts.push('      </originalData>');
  }
  const st = STATE_OUT[unit.state];
  const stateAttrs =
    unit.target !== undefined || unit.state !== 'new'
      ? ` state="${st.state}"${st.subState ? ` subState="${st.subState}"` : ''}`
      : '';
  parts.push(`      <segment id="s1"${stateAttrs}>`, `        <source xml:space="preserve">${source}</source>`);
  if (target !== undefined) parts.push(`        <target xml:space="preserve">${target}</target>`);
  parts.push('      </segment>', '    </unit>');
  return parts.join('\n');
}

function codeType(el: XmlElement): CodeType {
  const found = asCodeType(el.attrs.subType?.replace(/^locflow:/u, ''));
  if (found) return found;
  return el.attrs.type === 'link' ? 'link' : el.attrs.type === 'fmt' ? 'tag' : 'placeholder';
}

/**
 * The inline elements of XLIFF 2.0, each read as the code (or character) it stands for; a code's data is its
 * <originalData> entry, or without one (Angular writes none) the text shown for it, the best account of what it is.
 */
function inline20(data: ReadonlyMap<string, string>): Readonly<Record<string, InlineElementReader>> {
  const code = (kind: InlineCode['code'], el: XmlElement, id: string, ref?: string, shown?: string): InlineCode => ({
    code: kind,
    id,
    type: codeType(el),
    data: ref ? (data.get(ref) ?? '') : (shown ?? ''),
  });
  const id = (el: XmlElement): string => requiredAttr(el, el.attrs.id, 'id');
  return {
    ph: (el, add) => add(code('standalone', el, id(el), el.attrs.dataRef, el.attrs.disp ?? el.attrs.equiv)),
    pc: (el, add, inner) => {
      add(code('open', el, id(el), el.attrs.dataRefStart, el.attrs.dispStart ?? el.attrs.equivStart));
      inner();
      add(code('close', el, id(el), el.attrs.dataRefEnd, el.attrs.dispEnd ?? el.attrs.equivEnd));
    },
    sc: (el, add) => add(code('open', el, id(el), el.attrs.dataRef)),
    ec: (el, add) =>
      add(code('close', el, requiredAttr(el, el.attrs.startRef ?? el.attrs.id, 'startRef'), el.attrs.dataRef)),
    cp: (el, add) => add(cpChar(el)),
    mrk: (_el, _add, inner) => inner(), // annotations are transparent: their content is text
    sm: () => undefined,
    em: () => undefined,
  };
}

const STATE_IN: Readonly<Record<string, UnitState>> = {
  initial: 'new',
  translated: 'translated',
  reviewed: 'reviewed',
  final: 'final',
};

export function readUnits20(file: XmlElement): XliffUnit[] {
  return collectUnits(file, 'unit', readUnit20);
}

function readUnit20(el: XmlElement): XliffUnit {
  const id = el.attrs.id;
  if (!id) throw new ContentReadError('<unit> has no id', el.line, el.column);
  const data = new Map<string, string>();
  const od = firstChild(el, 'originalData');
  if (od) for (const d of childElements(od, 'data')) if (d.attrs.id) data.set(d.attrs.id, textWithCp(d));
  const inline = inline20(data);
  // A unit may hold several segments and ignorables; their concatenation is the unit's text.
  const source: Run[] = [];
  const target: Run[] = [];
  const segments: XliffSegment[] = [];
  for (const part of childElements(el)) {
    const name = localName(part.name);
    if (name !== 'segment' && name !== 'ignorable') continue;
    const s = firstChild(part, 'source');
    if (!s) throw new ContentReadError(`<${part.name}> in unit "${id}" has no <source>`, part.line, part.column);
    const sourceRuns = readInline(s, inline);
    source.push(...sourceRuns);
    const found = firstChild(part, 'target');
    // An empty target of a segment still "initial" (or of no state) is a segment not yet translated.
    const initial = part.attrs.state === undefined || part.attrs.state === 'initial';
    const t =
      found && initial && readInline(found, inline).every((r) => typeof r === 'string' && r.trim() === '')
        ? undefined
        : found;
    const targetRuns = t ? readInline(t, inline) : undefined;
    if (name === 'ignorable') {
      target.push(...(targetRuns ?? sourceRuns)); // an ignorable without target stays as it is
      continue;
    }
    if (targetRuns) target.push(...targetRuns);
    const segState = part.attrs.subState === 'locflow:needs-review' ? 'needs-review' : STATE_IN[part.attrs.state ?? ''];
    segments.push({
      ...(part.attrs.id !== undefined ? { id: part.attrs.id } : {}),
      source: normalizeContent(sourceRuns),
      ...(targetRuns ? { target: normalizeContent(targetRuns) } : {}),
      state: targetRuns ? (segState ?? 'translated') : 'new',
      line: part.line,
    });
  }
  const segmentCount = segments.length;
  // The unit is translated when every segment is, and then as far along as its least advanced segment.
  const hasTarget = segmentCount > 0 && segments.every((seg) => seg.target !== undefined);
  const state = hasTarget ? segments.map((seg) => seg.state).reduce((a, b) => (rank(b) < rank(a) ? b : a)) : undefined;
  if (segmentCount === 0) throw new ContentReadError(`unit "${id}" has no <segment>`, el.line, el.column);
  const origin = el.attrs['lf:origin'];
  // An origin locflow does not know is refused, never read as a human translation (which the memory would learn from).
  if (origin !== undefined && !isKnownOrigin(origin))
    throw new ContentReadError(`unit "${id}" has an unknown lf:origin "${origin}"; ${ORIGIN_HINT}`, el.line, el.column);
  const notesEl = firstChild(el, 'notes');
  return {
    id,
    ...(el.attrs.name ? { name: el.attrs.name } : {}),
    source: normalizeContent(source),
    ...(hasTarget ? { target: normalizeContent(target) } : {}),
    state: state ?? 'new',
    ...(origin ? { origin } : {}),
    notes: notesEl ? childElements(notesEl, 'note').map(textContent) : [],
    ...(segmentCount > 1 ? { segments } : {}),
    line: el.line,
  };
}

function rank(state: UnitState): number {
  return ['new', 'needs-review', 'translated', 'reviewed', 'final'].indexOf(state);
}
