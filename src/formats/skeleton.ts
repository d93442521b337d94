import { toPlainText } from '../model/content.js';
import type { Document, PluralSlot } from '../model/document.js';
import type { Unit } from '../model/unit.js';

/** Renders a unit; `escape` applies to its words only, never to the text of its inline codes. */
export type Render = (unit: Unit, escape?: (text: string) => string) => string;

/**
 * Fills a document's skeleton: literal parts verbatim; each unit as `render`
 * gives it, its words escaped for the format — or, when the text is the
 * source's own, exactly as the file wrote it, so an untranslated build is
 * byte-identical.
 */
export function writeSkeleton(doc: Document, render: Render, escape: (text: string) => string, plural?: (slot: PluralSlot, render: (id: string) => string) => string): string {
  const byId = new Map(doc.units.map((u) => [u.id, u]));
  const unit = (id: string): Unit => {
    const u = byId.get(id);
    if (!u) throw new Error(`skeleton names unit ${id}, which the document does not have`);
    return u;
  };
  let out = '';
  for (const part of doc.skeleton) {
    if (typeof part === 'string') out += part;
    else if ('unit' in part) {
      const u = unit(part.unit);
      const same = render(u) === toPlainText(u.source);
      out += same && part.raw !== undefined ? part.raw : same && part.raw === undefined ? render(u) : render(u, escape);
    } else if (plural) out += plural(part.plural, (id) => render(unit(id), escape));
  }
  return out;
}
