import { toPlainText } from './content.js';
import type { Document } from './document.js';
import type { Unit } from './unit.js';

/**
 * What a person reads instead of a unit's hash: the key of an app string
 * ("common.greeting"), or the role of a document's block and the line it
 * starts on ("paragraph, line 12"). Unit ids stay the machines' handle.
 */

/**
 * The key of an app string as a note tells it ("Key: common.greeting", "Message: cart.total"): how an XLIFF
 * file from elsewhere names it. A unit read from a source has it as `key`; see keyOf.
 */
export function unitKey(notes: readonly string[]): string | undefined {
  for (const note of notes) {
    const m = /^(?:Key|Message): (.+)$/u.exec(note);
    if (m) return m[1]!;
  }
  return undefined;
}

/** The key of an app string: its reader's `key`, else the note an XLIFF unit carries; undefined for document units. */
export function keyOf(unit: Pick<Unit, 'notes'> & { readonly key?: string | undefined }): string | undefined {
  return unit.key ?? unitKey(unit.notes);
}

/** The 1-based line of the source document each unit starts on, from the skeleton (which writes the document back byte for byte). */
export function unitLines(doc: Document): Map<string, number> {
  const byId = new Map(doc.units.map((u) => [u.id, u]));
  const lines = new Map<string, number>();
  let line = 1;
  const count = (s: string): void => {
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) line++;
  };
  for (const part of doc.skeleton) {
    if (typeof part === 'string') {
      count(part);
      continue;
    }
    if (!('unit' in part)) continue;
    const text = part.raw ?? toPlainText(byId.get(part.unit)?.source ?? []);
    // A unit may begin with white space the reader kept (rare): its line is that of its first visible character.
    const lead = /^\s*/u.exec(text)![0];
    count(lead);
    if (!lines.has(part.unit)) lines.set(part.unit, line);
    count(text.slice(lead.length));
  }
  return lines;
}

/** The label of a unit: its key, else its role and line ("paragraph, line 12"), else its role and place ("paragraph 3.2"). */
export function unitLabel(unit: Pick<Unit, 'key' | 'notes' | 'context'>, line?: number): string {
  const key = keyOf(unit);
  if (key !== undefined) return key;
  if (line !== undefined) return `${unit.context.role}, line ${line}`;
  return `${unit.context.role} ${unit.context.block}.${unit.context.sentence}`;
}

/** Labels of every unit of a document, by id. */
export function documentLabels(doc: Document): Map<string, string> {
  const lines = doc.units.some((u) => keyOf(u) === undefined) ? unitLines(doc) : new Map<string, number>();
  return new Map(doc.units.map((u) => [u.id, unitLabel(u, lines.get(u.id))]));
}

/**
 * Two texts that differ, shown so the difference is seen: the common start
 * and end are elided with "…" (a few characters of context kept), and each
 * differing middle is cut to `max` characters. Texts that fit are shown whole.
 */
export function showDifference(a: string, b: string, max = 60): { a: string; b: string } {
  if (a.length <= max && b.length <= max) return { a, b };
  const chars = (s: string): string[] => Array.from(s);
  const x = chars(a);
  const y = chars(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const context = 10;
  // Back to a word boundary within the context, so the shown part starts on a whole word when it can.
  let from = Math.max(0, start - context);
  const space = x.slice(from, start).indexOf(' ');
  if (from > 0 && space >= 0 && from + space + 1 < start) from += space + 1;
  const show = (s: string[]): string => {
    const middleEnd = s.length - end;
    let to = middleEnd + context;
    if (to >= s.length - 5)
      to = s.length; // a short common end is shown whole
    else {
      const space = s.slice(middleEnd, to).join('').lastIndexOf(' ');
      if (space > 0) to = middleEnd + space; // else end on a whole word
    }
    let out = s.slice(from, to).join('');
    const budget = max - (from > 0 ? 1 : 0) - (to < s.length ? 1 : 0);
    let cut = false;
    if (Array.from(out).length > budget) {
      out = Array.from(out)
        .slice(0, Math.max(1, budget - 1))
        .join('');
      cut = true;
    }
    return `${from > 0 ? '…' : ''}${out}${cut || to < s.length ? '…' : ''}`;
  };
  return { a: show(x), b: show(y) };
}
