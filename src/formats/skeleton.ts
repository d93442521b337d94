import { toPlainText } from '../model/content.js';
import type { Run } from '../model/content.js';
import type { Document, PluralSlot, SkeletonPart } from '../model/document.js';
import { UnitIdAllocator } from '../model/ids.js';
import type { Role, Unit } from '../model/unit.js';

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
      const same = render(u) === toPlainText(u.source);
      out += same && part.raw !== undefined ? part.raw : same && part.raw === undefined ? render(u) : render(u, escape);
    } else if ('plural' in part && plural) out += plural(part.plural, (id) => render(unit(id), escape));
  }
  return out;
}

/** A translatable span of a source file: its offsets, its content, and what a translator should know of it. */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
  readonly content: Run[];
  readonly role: Role;
  readonly note: string;
}

/** A document whose units are the given spans (one unit each) and whose skeleton is everything between them. */
export function documentFromSpans(text: string, meta: { id: string; path: string; sourceLang: string }, format: string, spans: readonly SourceSpan[]): Document {
  const ids = new UnitIdAllocator();
  const units: Unit[] = [];
  const skeleton: SkeletonPart[] = [];
  let at = 0;
  [...spans]
    .sort((a, b) => a.start - b.start)
    .forEach((s, i) => {
      const id = ids.next(text.slice(s.start, s.end));
      units.push({ id, source: s.content, context: { role: s.role, block: i + 1, sentence: 1 }, notes: [s.note] });
      skeleton.push(text.slice(at, s.start), { unit: id });
      at = s.end;
    });
  skeleton.push(text.slice(at));
  return { id: meta.id, path: meta.path, sourceLang: meta.sourceLang, format, blocks: units.map((u) => ({ role: u.context.role, translate: true, units: [u.id] })), units, skeleton };
}
