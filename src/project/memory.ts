import { codesOf, type Document, type Unit } from '../model/index.js';
import { textHash } from '../model/ids.js';
import { contentToI18n, markerName } from '../store/codes.js';
import { isMachineOrigin, type TmEntry, type TranslationMemory } from '../tm/memory.js';
import type { ApprovedPair } from '../qa/names/learnt.js';
import type { Project } from './project.js';

/** The project's translation memory (tm.url or its SQLite file); null when it does not exist and `create` is false. */
export async function openMemory(project: Project, create: boolean): Promise<TranslationMemory | null> {
  const { memoryPlace, openStore } = await import('../tm/open.js');
  return openStore(memoryPlace(project.root, project.config.tm), create);
}

/** A unit's context for in-context exact matches: its neighbours' source text. */
export function contextOf(unit: Unit): string {
  return textHash(`${unit.context.previous ?? ''}\u0000${unit.context.next ?? ''}`);
}

export function codeData(unit: Unit): Record<string, string> {
  return Object.fromEntries(codesOf(unit.source).map((c) => [markerName(c), c.data]));
}

/** A translated unit as a memory entry. */
export function memoryEntry(doc: Document, unit: Unit, lang: string, target: string, origin: string): TmEntry {
  return {
    sourceLang: doc.sourceLang,
    targetLang: lang,
    source: contentToI18n(unit.source),
    target,
    context: contextOf(unit),
    codes: codeData(unit),
    origin,
    doc: doc.id,
    unit: unit.id,
  };
}

/**
 * The memory's human translations (machine drafts teach nothing), from which
 * the names check learns how the team renders names; none without a memory.
 */
export async function approvedPairs(project: Project): Promise<ApprovedPair[]> {
  const memory = await openMemory(project, false);
  if (!memory) return [];
  try {
    return (await memory.all(project.config.sourceLanguage))
      .filter((e) => !isMachineOrigin(e.origin))
      .map((e) => ({ source: e.source, target: e.target, targetLang: e.targetLang }));
  } finally {
    await memory.close();
  }
}
