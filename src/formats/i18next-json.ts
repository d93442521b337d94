import type { Document } from '../model/document.js';
import { UnitIdAllocator } from '../model/ids.js';
import type { Unit } from '../model/unit.js';
import { DETECTORS, protect, type Detector } from '../protect/protect.js';
import { jsonEscape, parseJsonStrings } from './json-tree.js';
import { skeletonOf, writeSkeleton, type PlacedPart, type Render } from './skeleton.js';
import { formatPlugin } from './format.js';
import { pluralCategories } from '../locale/plural.js';
import { pushTo } from '../lists-by-key.js';

/**
 * i18next JSON resources: every string value (nested keys, context, plural
 * forms) is a unit; {{var}}, {{- var}}, {{var, format}} and $t(key, …)
 * nesting are placeholders. A target's plural keys follow its CLDR categories:
 * forms the source lacks (Arabic zero, two, few, many) are added, filled with
 * the translation of the "other" form for the translator to refine; forms the
 * target does not have (Japanese "one") are left out.
 */
const I18NEXT: readonly Detector[] = [
  { type: 'placeholder', hint: /\{\{/u, pattern: /\{\{[^{}]+\}\}/gu },
  { type: 'placeholder', hint: /\$t\(/u, pattern: /\$t\((?:[^()]|\([^()]*\))*\)/gu },
  ...DETECTORS.filter((d) => d.type !== 'placeholder'),
];
const PLURAL = /^(.*?)_(ordinal_)?(zero|one|two|few|many|other)$/u;

export function readI18nextJson(text: string, meta: { id: string; path: string; sourceLang: string }): Document {
  const { strings } = parseJsonStrings(text, meta.path);
  strings.sort((a, b) => a.start - b.start);
  const ids = new UnitIdAllocator();
  const units: Unit[] = [];
  const unitOf = new Map<number, string>();
  strings.forEach((s, i) => {
    const id = ids.next(`${s.value}`);
    unitOf.set(i, id);
    units.push({
      id,
      key: s.path.join('.'),
      source: protect(s.value, 1, I18NEXT),
      context: { role: 'message', block: i + 1, sentence: 1 },
      notes: [`Key: ${s.path.join('.')}`],
    });
  });

  // Plural groups: siblings "key_one", "key_other"… in one object. Forms a target needs are added after
  // "_other" (which every language has); forms a target lacks are marked so its build can leave them out.
  const events: PlacedPart[] = strings.map((s, i) => ({
    at: s.start,
    order: 2,
    part: { unit: unitOf.get(i)!, raw: text.slice(s.start, s.end) },
    end: s.end,
  }));
  const groups = new Map<string, number[]>();
  strings.forEach((s, i) => {
    const m = PLURAL.exec(s.path[s.path.length - 1] ?? '');
    if (!m) return;
    const key = `${s.path.slice(0, -1).join('\u0000')}\u0000${m[1]}\u0000${m[2] ?? ''}`;
    pushTo(groups, key, i);
  });
  const droppable = new Map<number, { category: string; ordinal: boolean }>();
  for (const members of groups.values()) {
    const matches = members.map((i) => PLURAL.exec(strings[i]!.path[strings[i]!.path.length - 1]!)!);
    const otherAt = matches.findIndex((m) => m[3] === 'other');
    if (otherAt < 0) continue; // without "other" there is nothing safe to fill new forms with, or to keep
    const other = strings[members[otherAt]!]!;
    const ordinal = matches[0]![2] !== undefined;
    const lineStart = text.lastIndexOf('\n', other.start) + 1;
    events.push({
      at: other.end + 1, // after the closing quote
      order: 0,
      part: {
        plural: {
          base: matches[0]![1]!,
          ordinal,
          present: matches.map((m) => m[3]!),
          other: unitOf.get(members[otherAt]!)!,
          indent: /^[ \t]*/u.exec(text.slice(lineStart))![0],
        },
      },
    });
    members.forEach((i, k) => {
      if (k !== otherAt) droppable.set(i, { category: matches[k]![3]!, ordinal });
    });
  }
  // A plural form a target lacks is cut out with one separator: the one before it, or, while every member
  // before it in its object may be cut too, the one after it. Whatever subset a target drops stays valid JSON.
  const siblings = new Map<unknown, number[]>();
  strings.forEach((s, i) => {
    if (!s.member) return;
    pushTo(siblings, s.parent, i);
  });
  for (const list of siblings.values()) {
    let leading = true;
    for (const i of list) {
      const form = droppable.get(i);
      const member = strings[i]!.member!;
      if (!form) {
        leading = false;
        continue;
      }
      const [from, to] =
        leading && member.nextStart !== undefined ? [member.start, member.nextStart] : [member.previousEnd, member.end];
      if (from === undefined) continue;
      events.push({ at: from, order: 1, part: { pluralForm: form } });
      events.push({ at: to, order: 0, part: { pluralFormEnd: true } });
    }
  }
  return {
    id: meta.id,
    path: meta.path,
    sourceLang: meta.sourceLang,
    format: 'i18next',
    blocks: units.map((u) => ({ role: 'message', translate: true, units: [u.id] })),
    units,
    skeleton: skeletonOf(text, events),
  };
}

const categoriesOf = pluralCategories;

export function writeI18nextJson(doc: Document, render: Render, lang: string): string {
  const source = lang === doc.sourceLang; // the source language is written as it is
  return writeSkeleton(
    doc,
    render,
    jsonEscape,
    (slot, renderUnit) => {
      if (source) return '';
      const categories = categoriesOf(lang, slot.ordinal);
      const missing = categories.filter((c) => !slot.present.includes(c));
      const other = renderUnit(slot.other);
      return missing
        .map(
          (c) => `,\n${slot.indent}"${jsonEscape(`${slot.base}_${slot.ordinal ? 'ordinal_' : ''}${c}`)}": "${other}"`,
        )
        .join('');
    },
    (form) => source || categoriesOf(lang, form.ordinal).includes(form.category),
  );
}

export const i18nextFormat = formatPlugin({
  settings: {},
  read: (text, meta) => readI18nextJson(text, meta),
  write: writeI18nextJson,
});
