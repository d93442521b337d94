import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { LocflowError } from '../errors.js';
import type { InlineCode, Run } from '../model/content.js';
import { toPlainText } from '../model/content.js';
import type { Document, SkeletonPart } from '../model/document.js';
import { UnitIdAllocator } from '../model/ids.js';
import type { Unit } from '../model/unit.js';
import { jsonEscape, lineColumn, parseJsonStrings } from './json-tree.js';
import { writeSkeleton, type Render } from './skeleton.js';
import { formatPlugin } from './format.js';
import { icuElements } from '../locale/icu-elements.js';
import { pluralCategories } from '../locale/plural.js';

/**
 * ICU MessageFormat messages in JSON (formatjs): flat `{"id": "message"}` or
 * extracted `{"id": {"defaultMessage": "…", "description": "…"}}`. One unit
 * per message; arguments, `#`, tags and the plural/select structure are inline
 * codes, so translators write only the words. A built target gets the plural
 * categories its locale needs and must compile with intl-messageformat.
 */
type Element = MessageFormatElement & { location?: { start: { offset: number }; end: { offset: number } } };

function parseMessage(message: string, where: () => { file: string; line: number; column: number }): Element[] {
  try {
    return parse(message, { captureLocation: true }) as Element[];
  } catch (err) {
    const e = err as Error & { location?: { start: { offset: number } } };
    const w = where();
    throw new LocflowError(`invalid ICU message: ${e.message}`, {
      file: w.file,
      line: w.line,
      column: w.column + (e.location?.start.offset ?? 0),
      hint: 'fix the message; nothing was read from this file',
    });
  }
}

const start = (e: { location?: { start: { offset: number } } }): number => e.location!.start.offset;
const end = (e: { location?: { end: { offset: number } } }): number => e.location!.end.offset;

/** Message text → runs: literal text as written; everything ICU means as a code. */
function contentOf(message: string, elements: Element[]): Run[] {
  const runs: Run[] = [];
  let id = 0;
  const code = (
    kind: InlineCode['code'],
    from: number,
    to: number,
    type: InlineCode['type'],
    pairId?: string,
  ): void => {
    if (to <= from) return;
    runs.push({ code: kind, id: pairId ?? String(++id), type, data: message.slice(from, to) });
  };
  const walk = (els: Element[], from: number, to: number): void => {
    let at = from;
    for (const e of els) {
      if (start(e) > at) runs.push(message.slice(at, start(e)));
      switch (e.type) {
        case TYPE.literal:
          runs.push(message.slice(start(e), end(e)));
          break;
        case TYPE.tag: {
          const open = message.indexOf('>', start(e)) + 1;
          const close = message.lastIndexOf('</', end(e));
          const pair = String(++id);
          code('open', start(e), open, 'tag', pair);
          walk(e.children as Element[], open, close);
          code('close', close, end(e), 'tag', pair);
          break;
        }
        case TYPE.plural:
        case TYPE.select: {
          // "{count, plural, one {" … "} other {" … "}}": the structure is code, option texts are words.
          let cursor = start(e);
          for (const option of Object.values(e.options)) {
            const loc = (option as { location?: { start: { offset: number }; end: { offset: number } } }).location!;
            code('standalone', cursor, loc.start.offset + 1, 'placeholder');
            walk(option.value as Element[], loc.start.offset + 1, loc.end.offset - 1);
            cursor = loc.end.offset - 1;
          }
          code('standalone', cursor, end(e), 'placeholder');
          break;
        }
        default:
          code('standalone', start(e), end(e), 'placeholder'); // {arg}, {n, number}, {d, date}, #
      }
      at = end(e);
    }
    if (to > at) runs.push(message.slice(at, to));
  };
  walk(elements, 0, message.length);
  return runs;
}

export function readIcuJson(text: string, meta: { id: string; path: string; sourceLang: string }): Document {
  const { strings } = parseJsonStrings(text, meta.path);
  // Extracted formatjs files: only "defaultMessage" is a message; "description" is a note for it. Both are found
  // through their parent's path (a search of every string per string took seconds on a file of 8,000 messages).
  const parentOf = (s: { path: readonly string[] }): string => s.path.slice(0, -1).join('\u0000');
  const last = (s: { path: readonly string[] }): string | undefined => s.path[s.path.length - 1];
  const withDefault = new Set(strings.filter((s) => last(s) === 'defaultMessage').map(parentOf));
  const descriptions = new Map<string, string>();
  for (const s of strings)
    if (last(s) === 'description' && !descriptions.has(parentOf(s))) descriptions.set(parentOf(s), s.value);
  const messages = strings.filter(
    (s) =>
      last(s) !== 'description' &&
      (s.path.length === 1 || last(s) === 'defaultMessage' || !withDefault.has(parentOf(s))),
  );
  messages.sort((a, b) => a.start - b.start);
  const ids = new UnitIdAllocator();
  const units: Unit[] = [];
  const skeleton: SkeletonPart[] = [];
  let at = 0;
  messages.forEach((s, i) => {
    const key = (s.path[s.path.length - 1] === 'defaultMessage' ? s.path.slice(0, -1) : s.path).join('.');
    const elements = parseMessage(s.value, () => ({ file: meta.path, ...lineColumn(text, s.start) }));
    const description = descriptions.get(parentOf(s));
    const id = ids.next(s.value);
    units.push({
      id,
      key,
      source: contentOf(s.value, elements),
      context: { role: 'message', block: i + 1, sentence: 1 },
      notes: [`Message: ${key}`, ...(description !== undefined ? [description] : [])],
    });
    skeleton.push(text.slice(at, s.start), { unit: id, raw: text.slice(s.start, s.end) });
    at = s.end;
  });
  skeleton.push(text.slice(at));
  return {
    id: meta.id,
    path: meta.path,
    sourceLang: meta.sourceLang,
    format: 'icu',
    blocks: units.map((u) => ({ role: 'message', translate: true, units: [u.id] })),
    units,
    skeleton,
  };
}

/** Adds the plural (or selectordinal) options a locale needs and the message lacks, each a copy of "other". */
export function withLocalePlurals(message: string, lang: string): string {
  let elements: Element[];
  try {
    elements = parse(message, { captureLocation: true }) as Element[];
  } catch {
    return message; // the compile check reports it
  }
  const inserts: Array<{ at: number; text: string }> = [];
  for (const e of icuElements(elements)) {
    if (e.type !== TYPE.plural) continue;
    const other = (e.options as Record<string, { location?: { start: { offset: number }; end: { offset: number } } }>)
      .other;
    if (!other?.location) continue;
    const body = message.slice(other.location.start.offset, other.location.end.offset);
    const missing = pluralCategories(lang, e.pluralType === 'ordinal').filter((c) => !(c in e.options));
    if (missing.length) inserts.push({ at: end(e) - 1, text: missing.map((c) => ` ${c} ${body}`).join('') });
  }
  let out = message;
  for (const ins of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  return out;
}

export function writeIcuJson(doc: Document, render: Render, lang: string): string {
  return writeSkeleton(
    doc,
    (unit, escape) => {
      const rendered = render(unit);
      const message =
        rendered === toPlainText(unit.source) && lang === doc.sourceLang ? rendered : withLocalePlurals(rendered, lang);
      try {
        new IntlMessageFormat(message, lang, undefined, { ignoreTag: false });
      } catch (err) {
        throw new LocflowError(
          `the ${lang} message for "${unit.key ?? unit.id}" does not compile: ${(err as Error).message}`,
          { file: doc.path, hint: 'fix the translation of this unit and import it again' },
        );
      }
      return escape ? escape(message) : message;
    },
    jsonEscape,
  );
}

export const icuFormat = formatPlugin({
  settings: {},
  read: (text, meta) => readIcuJson(text, meta),
  write: writeIcuJson,
});
