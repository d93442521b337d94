import { countWords } from '../model/index.js';
import { orphanIds, storedUnits } from '../project/translations.js';
import { changesSinceExport } from '../project/exports.js';
import type { Project } from '../project/project.js';
import { chooseLanguages } from '../project/languages.js';
import { loadBundle, loadDocuments } from '../project/documents.js';

export interface StatusRow {
  readonly lang: string;
  readonly units: number;
  readonly words: number;
  readonly translated: number;
  readonly translatedWords: number;
  readonly needsReview: number;
  readonly untranslated: number;
  readonly untranslatedWords: number;
  /** Translations made for a source text that has changed or is gone. */
  readonly stale: number;
  /** Units new in the source, and units gone from it, since the last export (null: never exported). */
  readonly sinceExport: { readonly added: number; readonly removed: number } | null;
}

/** Per-locale progress, like pocount: units and words in each state. */
export function status(project: Project, options: { langs?: readonly string[] } = {}): StatusRow[] {
  const docs = loadDocuments(project);
  return chooseLanguages(project, options.langs).map((lang) => {
    const row = {
      lang,
      units: 0,
      words: 0,
      translated: 0,
      translatedWords: 0,
      needsReview: 0,
      untranslated: 0,
      untranslatedWords: 0,
      stale: 0,
      sinceExport: null as { added: number; removed: number } | null,
    };
    for (const doc of docs) {
      const bundle = loadBundle(project, lang, doc);
      for (const s of storedUnits(doc, bundle)) {
        const words = countWords(s.unit.source);
        row.units++;
        row.words += words;
        if (s.target === undefined) {
          row.untranslated++;
          row.untranslatedWords += words;
        } else if (s.state === 'needs-review') row.needsReview++;
        else {
          row.translated++;
          row.translatedWords += words;
        }
        if (s.stale) row.stale++;
      }
      row.stale += orphanIds(doc, bundle).length;
      const changes = changesSinceExport(project, lang, doc);
      if (changes)
        row.sinceExport = {
          added: (row.sinceExport?.added ?? 0) + changes.added.length,
          removed: (row.sinceExport?.removed ?? 0) + changes.removed.length,
        };
    }
    return row;
  });
}
