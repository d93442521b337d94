import { existsSync } from 'node:fs';
import type { Project } from '../config/config.js';
import { insideProject, readText, writeFileAtomic } from '../io/files.js';
import type { Document } from '../model/index.js';

/**
 * What was last sent out: the unit ids of each document at its last export,
 * kept in .locflow/exports/, so status can tell what changed since.
 */
function exportRecord(project: Project, lang: string, doc: Document): string {
  return insideProject(project.root, `.locflow/exports/${lang}/${doc.id}.json`, 'export record');
}

export function recordExport(project: Project, lang: string, doc: Document): void {
  writeFileAtomic(exportRecord(project, lang, doc), JSON.stringify({ exported: new Date().toISOString(), units: doc.units.map((u) => u.id) }, null, 1) + '\n');
}

/** Units added to and removed from the source since the last export; null when it was never exported. */
export function changesSinceExport(project: Project, lang: string, doc: Document): { added: string[]; removed: string[]; exported: string } | null {
  const file = exportRecord(project, lang, doc);
  if (!existsSync(file)) return null;
  let record: { exported?: string; units?: string[] };
  try {
    record = JSON.parse(readText(file, 'export record')) as typeof record;
  } catch {
    return null; // a damaged record only hides the comparison
  }
  const before = new Set(record.units ?? []);
  const now = new Set(doc.units.map((u) => u.id));
  return { added: [...now].filter((id) => !before.has(id)), removed: [...before].filter((id) => !now.has(id)), exported: record.exported ?? '' };
}
