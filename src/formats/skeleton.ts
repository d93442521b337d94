import { toPlainText } from '../model/content.js';
import type { Run } from '../model/content.js';
import type { Document, PluralSlot, SkeletonPart } from '../model/document.js';
import { UnitIdAllocator } from '../model/ids.js';
import type { Role, Unit } from '../model/unit.js';
import { segmentSpans } from '../segment/segmenter.js';

/** Renders a unit; `escape` applies to its words only, never to the text of its inline codes. */
export type Render = (unit: Unit, escape?: (text: string) => string) => string;

/**
 * Fills a document's skeleton: literal parts verbatim; each unit as `render`
 * gives it, its words escaped for the format — or, when the text is the
 * source's own, exactly as the file wrote it, so an untranslated build is
 * byte-identical.
 */
export function writeSkeleton(
  doc: Document,
  render: Render,
  escape: (text: string) => string,
  plural?: (slot: PluralSlot, render: (id: string) => string) => string,
  keepForm: (form: { category: string; ordinal: boolean }) => boolean = () => true,
): string {
  const byId = new Map(doc.units.map((u) => [u.id, u]));
  const unit = (id: string): Unit => {
    const u = byId.get(id);
    if (!u) throw new Error(`skeleton names unit ${id}, which the document does not have`);
    return u;
  };
  let out = '';
  let dropping = false;
  for (const part of doc.skeleton) {
    if (typeof part !== 'string' && 'pluralForm' in part) {
      dropping = !keepForm(part.pluralForm);
      continue;
    }
    if (typeof part !== 'string' && 'pluralFormEnd' in part) {
      dropping = false;
      continue;
    }
    if (dropping) continue;
    if (typeof part === 'string') out += part;
    else if ('unit' in part) {
      const u = unit(part.unit);
      const plain = render(u);
      // The source's own text goes back as the file wrote it; only a translation is rendered again, escaped.
      out += plain === toPlainText(u.source) ? (part.raw ?? plain) : render(u, escape);
    } else if ('plural' in part && plural) out += plural(part.plural, (id) => render(unit(id), escape));
  }
  return out;
}

/**
 * A skeleton part placed in the source text: at offset `at` (parts at one offset ordered by `order`), standing
 * for the text up to `end` when it replaces some (a unit's raw text), else inserted there (a plural marker).
 */
export interface PlacedPart {
  readonly at: number;
  readonly order: number;
  readonly part: SkeletonPart;
  readonly end?: number;
}

/** The skeleton of `text` with the placed parts in their places and the text between them kept verbatim. */
export function skeletonOf(text: string, placed: readonly PlacedPart[]): SkeletonPart[] {
  const skeleton: SkeletonPart[] = [];
  let at = 0;
  for (const p of [...placed].sort((x, y) => x.at - y.at || x.order - y.order)) {
    skeleton.push(text.slice(at, p.at), p.part);
    at = p.end ?? p.at;
  }
  skeleton.push(text.slice(at));
  return skeleton;
}

/** A translatable span of a source file: its offsets, its content, and what a translator should know of it. */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
  readonly content: Run[];
  readonly role: Role;
  readonly note: string;
}

/**
 * Cuts a span into sentences. Its runs are contiguous slices of the file; codes are masked so the
 * segmenter sees only words, and no sentence ends inside a paired code (a link, bold text).
 */
function sentences(text: string, span: SourceSpan, lang: string): SourceSpan[] {
  const placed: Array<{ run: Run; start: number; end: number }> = [];
  let pos = span.start;
  for (const run of span.content) {
    const len = typeof run === 'string' ? run.length : run.data.length;
    placed.push({ run, start: pos, end: pos + len });
    pos += len;
  }
  if (
    pos !== span.end ||
    text.slice(span.start, span.end) !== span.content.map((r) => (typeof r === 'string' ? r : r.data)).join('')
  )
    return [span];
  const masked = placed.map((p) => (typeof p.run === 'string' ? p.run : '\uFFFC'.repeat(p.end - p.start))).join('');
  const found = segmentSpans(masked, lang, { lineBreaks: 'space' });
  if (found.length <= 1) return [span];
  // Offsets (relative to the span) where a paired code is open: no sentence may end there.
  const open = new Set<string>();
  const inside: Array<[number, number]> = [];
  const opened = new Map<string, number>();
  for (const p of placed) {
    if (typeof p.run === 'string' || p.run.code === 'standalone') continue;
    if (p.run.code === 'open') {
      open.add(p.run.id);
      opened.set(p.run.id, p.end - span.start);
    } else if (open.delete(p.run.id)) inside.push([opened.get(p.run.id)!, p.start - span.start]);
  }
  const merged: Array<{ start: number; end: number }> = [];
  for (const f of found) {
    const last = merged[merged.length - 1];
    if (last && inside.some(([a, b]) => last.end >= a && last.end <= b)) last.end = f.end;
    else merged.push({ start: f.start, end: f.end });
  }
  return merged.map((m) => {
    const start = span.start + m.start;
    const end = span.start + m.end;
    const content: Run[] = [];
    for (const p of placed) {
      if (p.end <= start || p.start >= end) continue;
      if (typeof p.run === 'string')
        content.push(p.run.slice(Math.max(0, start - p.start), Math.min(p.run.length, end - p.start)));
      else content.push(p.run);
    }
    return { ...span, start, end, content };
  });
}

/**
 * A document whose units are the sentences of the given spans and whose skeleton is
 * everything between them; each unit knows its neighbours, for in-context matches.
 */
export function documentFromSpans(
  text: string,
  meta: { id: string; path: string; sourceLang: string },
  format: string,
  spans: readonly SourceSpan[],
): Document {
  const ids = new UnitIdAllocator();
  const drafts: Array<{ id: string; span: SourceSpan; block: number; sentence: number }> = [];
  const skeleton: SkeletonPart[] = [];
  let at = 0;
  [...spans]
    .sort((a, b) => a.start - b.start)
    .forEach((block, i) => {
      sentences(text, block, meta.sourceLang).forEach((s, k) => {
        const id = ids.next(text.slice(s.start, s.end));
        drafts.push({ id, span: s, block: i + 1, sentence: k + 1 });
        skeleton.push(text.slice(at, s.start), { unit: id });
        at = s.end;
      });
    });
  skeleton.push(text.slice(at));
  const units: Unit[] = drafts.map((d, i) => {
    const previous = drafts[i - 1];
    const next = drafts[i + 1];
    return {
      id: d.id,
      source: d.span.content,
      context: {
        role: d.span.role,
        block: d.block,
        sentence: d.sentence,
        ...(previous ? { previous: text.slice(previous.span.start, previous.span.end) } : {}),
        ...(next ? { next: text.slice(next.span.start, next.span.end) } : {}),
      },
      notes: [d.span.note],
    };
  });
  const blocks = new Map<number, { role: Role; ids: string[] }>();
  for (const d of drafts) {
    const b = blocks.get(d.block);
    if (b) b.ids.push(d.id);
    else blocks.set(d.block, { role: d.span.role, ids: [d.id] });
  }
  return {
    id: meta.id,
    path: meta.path,
    sourceLang: meta.sourceLang,
    format,
    blocks: [...blocks.values()].map((b) => ({ role: b.role, translate: true, units: b.ids })),
    units,
    skeleton,
  };
}
