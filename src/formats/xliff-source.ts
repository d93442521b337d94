import type { InlineCode, Run } from '../model/content.js';
import type { Block, Document, PluralSlot } from '../model/document.js';
import { pluralCategories } from '../locale/plural.js';
import { pluralVariant, variantId } from '../xliff/plural-variants.js';
import { UnitIdAllocator } from '../model/ids.js';
import type { Unit } from '../model/unit.js';
import { readXliff, XLIFF_FIX_HINT, XliffReadError } from '../xliff/read.js';
import { asLocflowError } from '../errors.js';
import { formatPlugin, type DocumentMeta } from './format.js';
import { skeletonOf, type PlacedPart, type Render } from './skeleton.js';

/**
 * XLIFF as an app's own string file: Angular's messages.xlf (1.2 or 2.0), Xcode's .xliff exports, Symfony's
 * translations/*.xlf. Each unit is a unit of the document, keeping the file's id (or resname) as its key and
 * its notes; its inline elements are codes that stand for themselves, and the ICU syntax Angular leaves in
 * the text (`{VAR_PLURAL, plural, =0 {…} other {…}}`) is code too, so only the words are translated. The
 * build is the same file, byte for byte, with the target language set and each unit's <target> filled.
 */

/** Units with their own ids, resnames and notes, in document order; in each, the <source> of a 1.2 unit or of
 * each 2.0 <segment> (an <ignorable> is not translated). */
const UNIT = /<(trans-unit|unit)\b([^>]*)>([\s\S]*?)<\/\1>/gu;
const SEGMENT = /<segment\b[^>]*?(?:\bid="([^"]*)"[^>]*)?>([\s\S]*?)<\/segment>/gu;
const SOURCE = /<source\b[^>]*>([\s\S]*?)<\/source>/u;

/** The sources of a unit's body: their raw content, its offset in the body, and the segment id (2.0). */
function sourcesOf(element: string, body: string): Array<{ start: number; raw: string; segment?: string }> {
  const at = (m: RegExpExecArray | RegExpMatchArray, offset: number): { start: number; raw: string } => ({
    start: offset + m.index! + m[0].indexOf('>') + 1,
    raw: m[1]!,
  });
  if (element === 'trans-unit') {
    const source = SOURCE.exec(body);
    return source ? [at(source, 0)] : [];
  }
  return [...body.matchAll(SEGMENT)].flatMap((seg) => {
    const source = SOURCE.exec(seg[2]!);
    if (!source) return [];
    const offset = seg.index + seg[0].indexOf('>') + 1;
    return [{ ...at(source, offset), ...(seg[1] !== undefined ? { segment: seg[1] } : {}) }];
  });
}
const TAG = /<[^>]+>/gu;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (text: string): string =>
  text.replace(/&(?:#x([0-9A-Fa-f]+)|#(\d+)|(\w+));/gu, (m, hex?: string, dec?: string, name?: string) =>
    hex
      ? String.fromCodePoint(Number.parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : (ENTITIES[name!] ?? m),
  );
const escapeXml = (text: string): string =>
  text.replace(/[&<>]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** The ICU structure inside a run of text: `{VAR, plural,` with its first selector, `} other {`, and the closing braces. */
const ICU_PARTS =
  /\{\s*[\w.]+\s*,\s*(?:plural|select|selectordinal)\s*,(?:\s*offset:\d+)?\s*(?:=\d+|[\w-]+)\s*\{|\}\s*(?:=\d+|[\w-]+)\s*\{|\}\s*\}/gu;

/** Inline XML of a <source> as content: text, each element a code standing for itself, ICU syntax as codes. */
function contentOf(xml: string): Run[] {
  const runs: Run[] = [];
  const open: string[] = [];
  let n = 0;
  const code = (kind: InlineCode['code'], data: string, id = `x${++n}`): InlineCode => ({
    code: kind,
    id,
    type: 'tag',
    data,
  });
  const text = (raw: string): void => {
    const plain = unescapeXml(raw);
    let at = 0;
    for (const m of plain.matchAll(ICU_PARTS)) {
      if (m.index > at) runs.push(plain.slice(at, m.index));
      runs.push({ ...code('standalone', escapeXml(m[0])), type: 'placeholder' });
      at = m.index + m[0].length;
    }
    if (at < plain.length) runs.push(plain.slice(at));
  };
  let at = 0;
  for (const m of xml.matchAll(TAG)) {
    if (m.index > at) text(xml.slice(at, m.index));
    const tag = m[0];
    if (tag.endsWith('/>')) runs.push(code('standalone', tag));
    else if (tag.startsWith('</')) {
      const id = open.pop();
      runs.push(id ? code('close', tag, id) : code('standalone', tag));
    } else {
      const c = code('open', tag);
      open.push(c.id);
      runs.push(c);
    }
    at = m.index + m[0].length;
  }
  if (at < xml.length) text(xml.slice(at));
  return runs;
}

export function readXliffSource(text: string, meta: DocumentMeta): Document {
  let parsed;
  try {
    parsed = readXliff(text); // the file must be valid XLIFF before it is cut
  } catch (err) {
    if (err instanceof XliffReadError) throw asLocflowError(err, { file: meta.path, hint: XLIFF_FIX_HINT }) ?? err;
    throw err;
  }
  const read = parsed.files.flatMap((f) => f.units);
  const fileStarts = [...text.matchAll(/<file\b/gu)].map((m) => m.index);
  const ids = new UnitIdAllocator();
  const units: Unit[] = [];
  const blocks: Block[] = [];
  const events: PlacedPart[] = [];
  // Plural groups: the variants of one message, by <file> and message, with where each trans-unit lies.
  type Member = { form: string; unit: string; id: string; lineStart: number; end: number };
  const groups = new Map<string, Member[]>();
  let i = 0;
  for (const m of text.matchAll(UNIT)) {
    const [whole, element, attrs, body] = [m[0], m[1]!, m[2]!, m[3]!];
    const idAttr = /\bid="([^"]*)"/u.exec(attrs)?.[1];
    const key = /\bresname="([^"]*)"/u.exec(attrs)?.[1] ?? idAttr;
    const known = read[i++];
    const sources = sourcesOf(element, body);
    if (!sources.length || key === undefined) continue;
    const variant = element === 'trans-unit' && idAttr !== undefined ? pluralVariant(unescapeXml(idAttr)) : undefined;
    const bodyStart = m.index + whole.indexOf('>') + 1;
    const block: string[] = [];
    sources.forEach((source, k) => {
      // Each segment of an XLIFF 2 unit is a unit of its own, so each gets its own <target>.
      const name = unescapeXml(sources.length > 1 ? `${key}#${source.segment ?? k + 1}` : key);
      const id = ids.next(source.raw);
      const form = variant
        ? [
            `Plural form "${variant.form}" of "${variant.message}"${variant.variable ? ` (variable ${variant.variable})` : ''}: translate it for that form`,
          ]
        : [];
      units.push({
        id,
        key: name,
        source: contentOf(source.raw),
        context: { role: 'message', block: blocks.length + 1, sentence: k + 1 },
        notes: [`Key: ${name}`, ...form, ...(known?.notes.filter((note) => note.trim() !== '') ?? [])],
      });
      block.push(id);
      const start = bodyStart + source.start;
      events.push({ at: start, order: 2, part: { unit: id, raw: source.raw }, end: start + source.raw.length });
      if (variant) {
        const file = fileStarts.filter((f) => f < m.index).length;
        const group = `${file}\u0000${variant.message}\u0000${variant.variable}`;
        const lineStart = text.lastIndexOf('\n', m.index);
        const member = { form: variant.form, unit: id, id: idAttr!, lineStart, end: m.index + whole.length };
        groups.set(group, [...(groups.get(group) ?? []), member]);
      }
    });
    blocks.push({ role: 'message', translate: true, units: block });
  }
  // A target language's build adds the forms it needs after "other" (a copy of it) and leaves out those it lacks.
  for (const members of groups.values()) {
    const other = members.find((v) => v.form === 'other');
    if (!other) continue; // without "other" there is nothing safe to fill new forms with
    const indent = /^\n?([ \t]*)/u.exec(text.slice(other.lineStart))![1]!;
    const present = members.map((v) => v.form);
    events.push({
      at: other.end,
      order: 0,
      part: { plural: { base: other.id, ordinal: false, present, other: other.unit, indent } },
    });
    for (const v of members) {
      if (v.form === 'other' || v.form === 'zero' || v.lineStart < 0) continue; // Apple applies "zero" in any language
      events.push({ at: v.lineStart, order: 1, part: { pluralForm: { category: v.form, ordinal: false } } });
      events.push({ at: v.end, order: 0, part: { pluralFormEnd: true } });
    }
  }
  return {
    id: meta.id,
    path: meta.path,
    sourceLang: meta.sourceLang,
    format: 'xliff',
    blocks,
    units,
    skeleton: skeletonOf(text, events),
  };
}

/** The file's own language attribute set to `lang`: target-language on each 1.2 <file>, trgLang on the 2.0 <xliff>. */
function withTargetLanguage(text: string, lang: string): string {
  const set = (tag: string, attr: string): string =>
    new RegExp(`\\s${attr}="[^"]*"`, 'u').test(tag)
      ? tag.replace(new RegExp(`(\\s${attr}=")[^"]*"`, 'u'), `$1${lang}"`)
      : tag.replace(/(\s*\/?>)$/u, ` ${attr}="${lang}"$1`);
  return text
    .replace(/<file\b[^>]*\ssource-language="[^"]*"[^>]*>/gu, (tag) => set(tag, 'target-language'))
    .replace(/<xliff\b[^>]*\ssrcLang="[^"]*"[^>]*>/u, (tag) => set(tag, 'trgLang'));
}

/** After a unit's </source>: its existing <target> replaced, or a new one written on the line below. */
const AFTER_SOURCE = /^<\/source>(\s*<target\b[^>]*?(?:\/>|>[\s\S]*?<\/target>))?/u;

export function writeXliffSource(doc: Document, render: Render, lang: string): string {
  const byId = new Map(doc.units.map((u) => [u.id, u]));
  if (lang === doc.sourceLang)
    return doc.skeleton.map((p) => (typeof p === 'string' ? p : 'unit' in p ? (p.raw ?? '') : '')).join('');
  const needed = pluralCategories(lang);
  // Written as chunks joined once at the end: a search in a string built by `+=` copies all of it each time.
  const out: string[] = [];
  let pending: string | undefined;
  let indent: string | undefined;
  let dropping = false;
  for (const part of doc.skeleton) {
    if (typeof part !== 'string') {
      if ('pluralForm' in part) dropping = !needed.includes(part.pluralForm.category);
      else if ('pluralFormEnd' in part) dropping = false;
      else if (dropping) continue;
      else if ('plural' in part) out.push(addedForms(tail(out, '<trans-unit'), part.plural, needed));
      else {
        indent = /\n([ \t]*)<source\b[^>]*>$/u.exec(tail(out, '<source'))?.[1];
        out.push(part.raw ?? '');
        pending = render(byId.get(part.unit)!, escapeXml);
      }
      continue;
    }
    if (dropping) continue;
    if (pending === undefined) {
      out.push(part);
      continue;
    }
    const m = AFTER_SOURCE.exec(part)!;
    const existing = m[1];
    const open = existing ? /<target\b[^>]*?(?=\/?>)/u.exec(existing)![0] + '>' : '<target>';
    const lead = existing ? /^\s*/u.exec(existing)![0] : indent !== undefined ? `\n${indent}` : '';
    out.push(`</source>${lead}${open}${pending}</target>${part.slice(m[0].length)}`);
    pending = undefined;
  }
  return withTargetLanguage(out.join(''), lang);
}

/**
 * The end of the output from the line before the last `needle`: the few chunks written last, joined (the <source>
 * just opened, the "other" trans-unit just closed); at most 256 chunks, never the whole output.
 */
function tail(chunks: readonly string[], needle: string): string {
  let text = '';
  for (let i = chunks.length - 1; i >= Math.max(0, chunks.length - 256); i--) {
    text = chunks[i]! + text;
    const at = text.lastIndexOf(needle);
    const line = at < 0 ? -1 : text.lastIndexOf('\n', at);
    if (line >= 0) return text.slice(line);
  }
  return text;
}

/** The plural forms a target needs and the source lacks: copies of the "other" trans-unit just written, renamed. */
function addedForms(out: string, slot: PluralSlot, needed: readonly string[]): string {
  const opening = lastOpening(out, slot.base);
  if (opening === undefined) return '';
  const other = out.slice(out.lastIndexOf('\n', opening));
  return needed
    .filter((form) => !slot.present.includes(form))
    .map((form) => other.replace(`id="${slot.base}"`, `id="${variantId(slot.base, form)}"`))
    .join('');
}

/** Where the last <trans-unit> with this id opens in the output's end, searched backwards: it was just written. */
function lastOpening(out: string, id: string): number | undefined {
  const attr = `id="${id}"`;
  for (let at = out.lastIndexOf(attr); at > 0; at = out.lastIndexOf(attr, at - 1)) {
    const tag = out.lastIndexOf('<', at);
    const inTag = tag >= 0 && !out.slice(tag, at).includes('>');
    if (inTag && /^<trans-unit(?![\w-])/u.test(out.slice(tag, tag + 12)) && /\s/u.test(out[at - 1]!)) return tag;
  }
  return undefined;
}

export const xliffSourceFormat = formatPlugin({
  settings: {},
  read: (text, meta) => readXliffSource(text, meta),
  write: writeXliffSource,
});
