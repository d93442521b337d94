import type { Document, PluralSlot, SkeletonPart } from '../model/document.js';
import { UnitIdAllocator } from '../model/ids.js';
import type { Unit } from '../model/unit.js';
import { DETECTORS, protect, type Detector } from '../protect/protect.js';
import { jsonEscape, parseJsonStrings } from './json-tree.js';
import { writeSkeleton, type Render } from './skeleton.js';

/**
 * i18next JSON resources: every string value (nested keys, context, plural
 * forms) is a unit; {{var}}, {{- var}}, {{var, format}} and $t(key, …)
 * nesting are placeholders. A target gets the plural keys its CLDR categories
 * need: the forms the source lacks (Arabic zero, two, few, many) are added,
 * filled with the translation of the "other" form for the translator to refine.
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
    units.push({ id, source: protect(s.value, 1, I18NEXT), context: { role: 'message', block: i + 1, sentence: 1 }, notes: [`Key: ${s.path.join('.')}`] });
  });

  // Plural groups: siblings "key_one", "key_other"… in one object; new forms go after the last of them.
  const slotsAfter = new Map<number, PluralSlot>();
  const groups = new Map<string, number[]>();
  strings.forEach((s, i) => {
    const m = PLURAL.exec(s.path[s.path.length - 1] ?? '');
    if (!m) return;
    const key = `${s.path.slice(0, -1).join('\u0000')}\u0000${m[1]}\u0000${m[2] ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const members of groups.values()) {
    const matches = members.map((i) => PLURAL.exec(strings[i]!.path[strings[i]!.path.length - 1]!)!);
    const otherIndex = members[matches.findIndex((m) => m[3] === 'other')];
    if (otherIndex === undefined) continue;
    const last = members[members.length - 1]!;
    const lineStart = text.lastIndexOf('\n', strings[last]!.start) + 1;
    slotsAfter.set(last, {
      base: matches[0]![1]!,
      ordinal: matches[0]![2] !== undefined,
      present: matches.map((m) => m[3]!),
      other: unitOf.get(otherIndex)!,
      indent: /^[ \t]*/u.exec(text.slice(lineStart))![0],
    });
  }

  const skeleton: SkeletonPart[] = [];
  let at = 0;
  strings.forEach((s, i) => {
    skeleton.push(text.slice(at, s.start));
    skeleton.push({ unit: unitOf.get(i)!, raw: text.slice(s.start, s.end) });
    at = s.end;
    const slot = slotsAfter.get(i);
    if (slot) {
      skeleton.push(text.slice(at, at + 1)); // the closing quote
      at += 1;
      skeleton.push({ plural: slot });
    }
  });
  skeleton.push(text.slice(at));
  return { id: meta.id, path: meta.path, sourceLang: meta.sourceLang, format: 'i18next', blocks: units.map((u) => ({ role: 'message', translate: true, units: [u.id] })), units, skeleton };
}

export function writeI18nextJson(doc: Document, render: Render, lang: string): string {
  return writeSkeleton(doc, render, jsonEscape, (slot, renderUnit) => {
    if (lang === doc.sourceLang) return ''; // the source language is written as it is
    const categories = new Intl.PluralRules(lang, { type: slot.ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories as readonly string[];
    const missing = categories.filter((c) => !slot.present.includes(c));
    const other = renderUnit(slot.other);
    return missing.map((c) => `,\n${slot.indent}"${jsonEscape(`${slot.base}_${slot.ordinal ? 'ordinal_' : ''}${c}`)}": "${other}"`).join('');
  });
}
