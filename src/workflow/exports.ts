import { existsSync } from 'node:fs';
import type { Project } from '../config/config.js';
import { insideProject, readText, writeFileAtomic } from '../io/files.js';
import type { Document } from '../model/index.js';
import { textHash } from '../model/ids.js';

/**
 * What was last sent out: the unit ids of each document at its last export,
 * kept in .locflow/exports/, so status can tell what changed since, and a hash
 * of each target the file carried, so import can tell a translator's edit of
 * that text from a conflict with a store that changed after the export.
 */
function exportRecord(project: Project, lang: string, doc: Document): string {
  return insideProject(project.root, `.locflow/exports/${lang}/${doc.id}.json`, 'export record');
}

/** `targets`: unit id → the target text the file carries (codes as i18next markers). */
export function recordExport(
  project: Project,
  lang: string,
  doc: Document,
  targets: Readonly<Record<string, string>> = {},
): void {
  const hashes = Object.fromEntries(Object.entries(targets).map(([id, text]) => [id, textHash(text)]));
  writeFileAtomic(
    exportRecord(project, lang, doc),
    JSON.stringify(
      { exported: new Date().toISOString(), units: doc.units.map((u) => u.id), targets: hashes },
      null,
      1,
    ) + '\n',
  );
}

function readRecord(
  project: Project,
  lang: string,
  doc: Document,
): { exported?: string; units?: string[]; targets?: Record<string, string> } | null {
  const file = exportRecord(project, lang, doc);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readText(file, 'export record')) as {
      exported?: string;
      units?: string[];
      targets?: Record<string, string>;
    };
  } catch {
    return null; // a damaged record only hides the comparison
  }
}

/**
 * Whether `text` is the target the last export wrote for the unit; undefined when that export
 * wrote none (or is not known).
 */
export function sentTargets(
  project: Project,
  lang: string,
  doc: Document,
): (unit: string, text: string) => boolean | undefined {
  const targets = readRecord(project, lang, doc)?.targets ?? {};
  return (unit, text) => (targets[unit] === undefined ? undefined : targets[unit] === textHash(text));
}

/** Units added to and removed from the source since the last export; null when it was never exported. */
export function changesSinceExport(
  project: Project,
  lang: string,
  doc: Document,
): { added: string[]; removed: string[]; exported: string } | null {
  const record = readRecord(project, lang, doc);
  if (!record) return null;
  const before = new Set(record.units ?? []);
  const now = new Set(doc.units.map((u) => u.id));
  return {
    added: [...now].filter((id) => !before.has(id)),
    removed: [...before].filter((id) => !now.has(id)),
    exported: record.exported ?? '',
  };
}
