import type { CodeType, Content, InlineCode } from '../model/content.js';
import { asCodeType, codesOf, normalizeContent, textOnly } from '../model/content.js';
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
  escapeText,
  escapeTextWith,
  firstChild,
  localName,
  needsEscape,
  textContent,
  type XmlElement,
} from '../io/xml.js';
import { pluralEntryName } from './plural-variants.js';
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

/** XLIFF 1.2: writer and the reader of its elements. Inline codes are <ph>, <x/>, <g> (and <bx/>/<ex/> when pairs cross). */

export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';

const STATE_OUT: Readonly<Record<UnitState, string>> = {
  new: 'new',
  translated: 'translated',
  'needs-review': 'needs-review-translation',
  reviewed: 'signed-off',
  final: 'final',
};
const STATE_IN: Readonly<Record<string, UnitState>> = {
  new: 'new',
  'needs-translation': 'new',
  translated: 'translated',
  'needs-review-translation': 'needs-review',
  'needs-review-adaptation': 'needs-review',
  'needs-review-l10n': 'needs-review',
  'needs-adaptation': 'needs-review',
  'needs-l10n': 'needs-review',
  'signed-off': 'reviewed',
  final: 'final',
};

function qualifierFor(origin: string | undefined): string | undefined {
  if (!origin || origin === 'human') return undefined;
  if (origin.startsWith('mt')) return 'leveraged-mt';
  if (origin.startsWith('tm')) return 'leveraged-tm';
  return `x-${origin.replace(/[^\w.-]/gu, '-')}`;
}

/** XLIFF 1.2 qualifiers that say a target was leveraged by a machine: from MT, or from a memory. */
const MT_QUALIFIERS = new Set(['leveraged-mt', 'mt-suggestion']);
const TM_QUALIFIERS = new Set([
  'leveraged-tm',
  'exact-match',
  'fuzzy-match',
  'tm-suggestion',
  'id-match',
  'leveraged-repository',
  'leveraged-inherited',
  'leveraged-glossary',
]);

/**
 * The origin a state-qualifier states: "mt", "tm", locflow's own "x-<origin>", or none (no
 * qualifier, or a rejected-* one, which says nothing of origin). An unknown qualifier is refused,
 * never read as a human translation (one that the memory would then learn from).
 */
function originFrom(qualifier: string | undefined, at: { line: number; column: number }): string | undefined {
  if (qualifier === undefined || qualifier === '') return undefined;
  if (MT_QUALIFIERS.has(qualifier)) return 'mt';
  if (TM_QUALIFIERS.has(qualifier)) return 'tm';
  if (/^rejected-(?:grammar|inaccurate|length|spelling)$/u.test(qualifier)) return undefined;
  if (qualifier.startsWith('x-') && isKnownOrigin(qualifier.slice(2))) return qualifier.slice(2);
  throw new ContentReadError(
    `unknown state-qualifier "${qualifier}": locflow cannot tell who made this target; ${ORIGIN_HINT}`,
    at.line,
    at.column,
  );
}

/** A character XML cannot carry, in text: a <ph> of locflow's own type, read back as the character. */
const CP_CTYPE = 'x-locflow-cp';

// Standalone codes whose original text is worth showing carry it as <ph> content; tags become <x/>.
function writeContent12(content: Content): string {
  // Plain text with nothing to escape (most units): written as it is, without numbering code points.
  const only = content.length === 1 ? content[0] : undefined;
  if (typeof only === 'string' && !needsEscape(only)) return only;
  const seen = new Map<string, number>();
  const cp = (_c: string, hex: string): string => {
    const n = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, n);
    return `<ph id="lf-cp${hex}-${n}" ctype="${CP_CTYPE}">U+${hex}</ph>`;
  };
  return writeInline(
    content,
    (run, paired) => {
      const ctype = ` ctype="x-${run.type}"`;
      if (run.code === 'standalone') {
        return run.type === 'tag'
          ? `<x id="${escapeAttr(run.id)}"${ctype} equiv-text="${escapeAttr(run.data)}"/>`
          : `<ph id="${escapeAttr(run.id)}"${ctype}>${escapeText(run.data)}</ph>`;
      }
      if (paired) return run.code === 'open' ? `<g id="${escapeAttr(run.id)}"${ctype}>` : '</g>';
      const el = run.code === 'open' ? 'bx' : 'ex';
      return `<${el} id="${escapeAttr(`${run.id}${run.code === 'open' ? 'b' : 'e'}`)}" rid="${escapeAttr(run.id)}"${run.code === 'open' ? ctype : ''}/>`;
    },
    (text) => escapeTextWith(text, cp),
  );
}

/** XLIFF 1.2 as pieces (see XliffWriter): one <file> with a <header> naming the tool, its units in <body>. */
export function xliff12Writer(tool: { name: string; version: string }): XliffWriter {
  return {
    start: () => `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="${XLIFF12_NS}">\n`,
    startFile: (file, _index, doc) => {
      const trg = doc.targetLang ? ` target-language="${escapeAttr(doc.targetLang)}"` : '';
      return lines(
        `  <file original="${escapeAttr(file.original)}" source-language="${escapeAttr(doc.sourceLang)}"${trg} datatype="plaintext">`,
        '    <header>',
        `      <tool tool-id="${tool.name}" tool-name="${tool.name}" tool-version="${escapeAttr(tool.version)}"/>`,
        '    </header>',
        '    <body>',
      );
    },
    unit: (unit, doc) => writeUnit12(unit, doc.targetLang) + '\n',
    endFile: () => lines('    </body>', '  </file>'),
    end: () => '</xliff>\n',
  };
}

/**
 * The last notes written, with the key read from them and their lines: a document's units share their role's notes
 * (one array each), read and escaped once, not per unit.
 */
let lastNotes: readonly string[] | undefined;
let lastKey: string | undefined;
/** The last notes' lines, joined (each on a line of its own), with the newline that comes before them. */
let lastLines = '';

function readNotes(notes: readonly string[]): void {
  if (lastNotes === notes) return;
  lastNotes = notes;
  lastKey = unitKey(notes);
  lastLines = '';
  for (const note of notes) lastLines += `\n        <note from="developer">${escapeShownText(note)}</note>`;
}

function writeUnit12(unit: XliffUnit, targetLang: string | undefined): string {
  readNotes(unit.notes);
  // The key of an app string ("common.greeting") is the name people and CAT tools know it by; a document's unit keeps its role and place.
  const resname = lastKey ?? unit.name;
  const name = resname ? ` resname="${escapeShownAttr(resname)}"` : '';
  const approved = unit.state === 'reviewed' || unit.state === 'final' ? ' approved="yes"' : '';
  // One string built up line by line (no array of lines joined per unit: the document's text is joined once later).
  let out =
    `      <trans-unit id="${escapeAttr(unit.id)}"${name}${approved} xml:space="preserve">` +
    `\n        <source>${writeContent12(unit.source)}</source>`;
  if (unit.target !== undefined) {
    const q = qualifierFor(unit.origin);
    const lang = targetLang ? ` xml:lang="${escapeAttr(targetLang)}"` : '';
    out += `\n        <target${lang} state="${STATE_OUT[unit.state]}"${q ? ` state-qualifier="${q}"` : ''}>${writeContent12(unit.target)}</target>`;
  }
  if (unit.matches !== undefined)
    for (const m of unit.matches)
      out +=
        `\n        <alt-trans match-quality="${Math.round(m.score)}" origin="${escapeAttr(m.origin)}">` +
        `\n          <source>${writeContent12(m.source)}</source>` +
        `\n          <target>${writeContent12(m.target)}</target>` +
        '\n        </alt-trans>';
  // A loop over the keys (in the order Object.entries gives them), without an array of entries per unit.
  let group = false;
  for (const k in unit.context) {
    if (!group) out += '\n        <context-group purpose="information">';
    group = true;
    out += `\n          <context context-type="x-${escapeAttr(k)}">${escapeShownText(unit.context[k]!)}</context>`;
  }
  if (group) out += '\n        </context-group>';
  return `${out}${lastLines}\n      </trans-unit>`;
}

/** The inline elements of XLIFF 1.2, each read as the code (or character) it stands for. */
const INLINE_12: Readonly<Record<string, InlineElementReader>> = {
  ph: (el, add) => add(el.attrs.ctype === CP_CTYPE ? cpChar12(el) : code12('standalone', el, el.attrs.id)),
  x: (el, add) => add(code12('standalone', el, el.attrs.id, el.attrs['equiv-text'] ?? '')),
  it: (el, add) => add(code12('standalone', el, el.attrs.id)),
  bx: (el, add) => add(code12('open', el, el.attrs.rid ?? el.attrs.id)),
  bpt: (el, add) => add(code12('open', el, el.attrs.rid ?? el.attrs.id)),
  ex: (el, add) => add(code12('close', el, el.attrs.rid ?? el.attrs.id)),
  ept: (el, add) => add(code12('close', el, el.attrs.rid ?? el.attrs.id)),
  g: (el, add, inner) => {
    add(code12('open', el, el.attrs.id, ''));
    inner();
    add(code12('close', el, el.attrs.id, ''));
  },
  mrk: (_el, _add, inner) => inner(), // markers (segments, terms, comments) are transparent
  sub: () => undefined,
};

/** Reads one <source> or <target> of XLIFF 1.2 into Content. */
export function readContent12(el: XmlElement): Content {
  return normalizeContent(readInline(el, INLINE_12));
}

/** A code of the element: its id (or rid), its ctype, and its data, by default the element's text. */
function code12(kind: InlineCode['code'], el: XmlElement, id: string | undefined, data = textContent(el)): InlineCode {
  return { code: kind, id: requiredAttr(el, id, 'id'), type: codeType(el.attrs.ctype), data };
}

/** A character that XML cannot carry, written as <ph ctype="x-locflow-cp">U+XXXX</ph>. */
function cpChar12(el: XmlElement): string {
  const char = charFromHex(/^U\+([0-9A-Fa-f]{1,6})$/u.exec(textContent(el))?.[1]);
  if (char === undefined)
    throw new ContentReadError(
      `<ph ctype="${CP_CTYPE}"> holds "${textContent(el)}", not a character as U+XXXX`,
      el.line,
      el.column,
    );
  return char;
}

function codeType(ctype: string | undefined): CodeType {
  return asCodeType(ctype?.replace(/^x-/u, '')) ?? 'tag';
}

export function readUnits12(file: XmlElement): XliffUnit[] {
  const body = firstChild(file, 'body');
  return body ? collectUnits(body, 'trans-unit', readUnit12) : [];
}

/** Whether `body` is the one whose units readUnits12 reads: the <file>'s first <body>. */
export function unitsOf12(file: XmlElement, body: XmlElement): boolean {
  return localName(body.name) === 'body' && firstChild(file, 'body') === body;
}

export function readUnit12(el: XmlElement): XliffUnit {
  return readPlainUnit12(el) ?? readAnyUnit12(el);
}

/** Text-only content's runs, as readContent12 reads them; undefined when an element holds more than text. */
function plainRuns(el: XmlElement): string[] | undefined {
  const { children } = el;
  if (children.length === 0) return [];
  const only = children.length === 1 ? children[0] : undefined;
  return typeof only !== 'string' ? undefined : only === '' ? [] : [only];
}

/**
 * readUnit12 for the unit most files hold — <source>, <target> and <note>s of text alone, no <seg-source>, no
 * prefixed names — in one walk over its children; undefined for any other unit, which readAnyUnit12 reads. The same
 * unit readAnyUnit12 gives (or the same error: an unknown state-qualifier).
 */
export function readPlainUnit12(el: XmlElement): XliffUnit | undefined {
  const id = el.attrs.id;
  if (!id) return undefined;
  let source: string[] | undefined;
  let found: XmlElement | undefined;
  let content: string[] | undefined;
  let notes: string[] | undefined;
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    const { name } = child;
    if (name === 'source' || name === 'target' || name === 'note') {
      const runs = plainRuns(child);
      if (runs === undefined) return undefined;
      if (name === 'source') source ??= runs;
      else if (name === 'target') {
        if (!found) {
          found = child;
          content = runs;
        }
      } else (notes ??= []).push(runs.length ? runs[0]! : '');
    } else if (name === 'seg-source' || name.includes(':')) return undefined;
  }
  if (!source) return undefined;
  // As readAnyUnit12, from here on.
  const targetEl = found && !(isEmpty(content!) && untranslated(el, found)) ? found : undefined;
  const target = targetEl ? content : undefined;
  let state: UnitState = target === undefined ? 'new' : (STATE_IN[targetEl?.attrs.state ?? ''] ?? 'translated');
  if (el.attrs.approved === 'yes' && target !== undefined && (state === 'translated' || state === 'new'))
    state = 'reviewed';
  const origin = targetEl ? originFrom(targetEl.attrs['state-qualifier'], targetEl) : undefined;
  const name = el.attrs.resname || pluralEntryName(id);
  return {
    id,
    ...(name !== undefined ? { name } : {}),
    source,
    ...(target !== undefined ? { target } : {}),
    state,
    ...(origin ? { origin } : {}),
    notes: notes ?? [],
    line: el.line,
  };
}

/** readUnit12 for any unit: inline codes, segments, every error with its place. */
export function readAnyUnit12(el: XmlElement): XliffUnit {
  const id = el.attrs.id;
  if (!id) throw new ContentReadError('<trans-unit> has no id', el.line, el.column);
  const sourceEl = firstChild(el, 'source');
  if (!sourceEl) throw new ContentReadError(`trans-unit "${id}" has no <source>`, el.line, el.column);
  const found = firstChild(el, 'target');
  const content = found ? readContent12(found) : undefined;
  // An empty target that no state calls translated is a unit not yet translated (memoQ, Trados, XTM write them).
  const targetEl = found && !(isEmpty(content!) && untranslated(el, found)) ? found : undefined;
  const target = targetEl ? content : undefined;
  const stateAttr = targetEl?.attrs.state;
  let state: UnitState = target === undefined ? 'new' : (STATE_IN[stateAttr ?? ''] ?? 'translated');
  if (el.attrs.approved === 'yes' && target !== undefined && (state === 'translated' || state === 'new'))
    state = 'reviewed';
  const origin = targetEl ? originFrom(targetEl.attrs['state-qualifier'], targetEl) : undefined;
  // Xcode's plural variants are named as the form of their message, not by their path-like ids.
  const name = el.attrs.resname || pluralEntryName(id);
  const segSource = firstChild(el, 'seg-source');
  // A target written without segment markers is read whole.
  const segmented = segSource && targetEl && segmentMarkers(targetEl).length > 0;
  const segments = segmented ? segmentsOf(segSource, targetEl, state) : [];
  // A unit is translated only when every segment is: a partly translated one is read through its segments.
  const partly = segments.some((seg) => seg.target === undefined);
  return {
    id,
    ...(name !== undefined ? { name } : {}),
    source: readContent12(sourceEl),
    ...(target !== undefined && !partly ? { target } : {}),
    state: partly ? 'new' : state,
    ...(origin ? { origin } : {}),
    notes: childElements(el, 'note').map(textContent),
    ...(segments.length > 1 ? { segments } : {}),
    line: el.line,
  };
}

/** The <mrk mtype="seg"> segments of an element, outside any other segment, in order. */
function segmentMarkers(el: XmlElement): XmlElement[] {
  return childElements(el).flatMap((child) =>
    localName(child.name) === 'mrk' && child.attrs.mtype === 'seg' ? [child] : segmentMarkers(child),
  );
}

/**
 * The segments of a unit segmented in <seg-source> (Okapi, Trados): each source segment with the target
 * segment of the same mid; a target segment that is missing or empty is not translated yet.
 */
function segmentsOf(segSource: XmlElement, target: XmlElement, state: UnitState): XliffSegment[] {
  const translated = new Map(segmentMarkers(target).map((m) => [m.attrs.mid, m]));
  return segmentMarkers(segSource).map((m) => {
    const t = translated.get(m.attrs.mid);
    const content = t ? readContent12(t) : undefined;
    const done = content !== undefined && !isEmpty(content);
    return {
      ...(m.attrs.mid !== undefined ? { id: m.attrs.mid } : {}),
      source: readContent12(m),
      ...(done ? { target: content } : {}),
      state: done ? state : 'new',
      line: (t ?? m).line,
    };
  });
}

const isEmpty = (content: Content): boolean => codesOf(content).length === 0 && textOnly(content).trim() === '';

/** States (and memoQ's status) under which an empty target is no translation at all. */
function untranslated(unit: XmlElement, target: XmlElement): boolean {
  if (unit.attrs.approved === 'yes') return false;
  const memoq = unit.attrs['mq:status'];
  if (memoq !== undefined) return memoq === 'NotStarted' || memoq === '';
  const state = target.attrs.state;
  return state === undefined || state === 'new' || state === 'needs-translation';
}
