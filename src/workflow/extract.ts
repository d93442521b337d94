import { existsSync } from 'node:fs';
import type { Project } from '../config/config.js';
import { LocflowError } from '../errors.js';
import { readText, writeFileAtomic } from '../io/files.js';
import { contentEquals, countWords } from '../model/index.js';
import type { XliffUnit, XliffVersion } from '../xliff/model.js';
import { readXliff } from '../xliff/read.js';
import { writeXliff } from '../xliff/write.js';
import { chooseLanguages, loadBundle, loadDocuments, xliffPath } from './documents.js';
import { orphanIds, storedUnits, unitName } from './translations.js';

export interface ExtractOptions {
  readonly langs?: readonly string[];
  readonly version?: XliffVersion;
  /** Copy the source into empty targets, as OmegaT needs to offer a unit for translation. */
  readonly prefill?: boolean;
  /** Overwrite an XLIFF file that holds translations not yet imported. */
  readonly force?: boolean;
}

export interface ExtractResult {
  readonly lang: string;
  readonly doc: string;
  readonly file: string;
  readonly units: number;
  readonly words: number;
  readonly translated: number;
  /** Translations in the store whose source sentence is gone from the document. */
  readonly removed: readonly string[];
}

export function extract(project: Project, options: ExtractOptions = {}): ExtractResult[] {
  const langs = chooseLanguages(project, options.langs);
  const version = options.version ?? project.config.xliff.version;
  const docs = loadDocuments(project);
  const results: ExtractResult[] = [];
  for (const lang of langs) {
    for (const doc of docs) {
      const bundle = loadBundle(project, lang, doc);
      const units: XliffUnit[] = storedUnits(doc, bundle).map((s) => {
        // The role travels as context; neighbouring sentences are in the file already, and CAT tools show them.
        const context: Record<string, string> = { role: s.unit.context.role };
        const target = s.target ?? (options.prefill ? s.unit.source : undefined);
        return {
          id: s.unit.id,
          name: unitName(s.unit),
          source: s.unit.source,
          ...(target !== undefined ? { target } : {}),
          state: s.state,
          ...(s.origin ? { origin: s.origin } : {}),
          notes: s.unit.notes,
          context,
        };
      });
      const file = xliffPath(project, lang, doc);
      if (!options.force) refuseToLoseWork(file, units);
      writeFileAtomic(file, writeXliff({ version, sourceLang: doc.sourceLang, targetLang: lang, files: [{ original: doc.path, units }] }, version));
      results.push({
        lang,
        doc: doc.id,
        file,
        units: units.length,
        words: doc.units.reduce((n, u) => n + countWords(u.source), 0),
        translated: units.filter((u) => u.target !== undefined && u.state !== 'new').length,
        removed: orphanIds(doc, bundle),
      });
    }
  }
  return results;
}

/** An XLIFF file that came back from a translator but was not imported yet must not be overwritten. */
function refuseToLoseWork(file: string, next: readonly XliffUnit[]): void {
  if (!existsSync(file)) return;
  let existing;
  try {
    existing = readXliff(readText(file, 'XLIFF file'));
  } catch (err) {
    throw new LocflowError(`an XLIFF file is already here and cannot be read (${(err as Error).message}); it may hold work`, {
      file,
      hint: 'move it away, or pass --force to overwrite it',
    });
  }
  const planned = new Map(next.map((u) => [u.id, u]));
  const pending = existing.files
    .flatMap((f) => f.units)
    .filter((u) => {
      if (u.target === undefined || contentEquals(u.target, u.source)) return false;
      const p = planned.get(u.id);
      return !p || p.target === undefined || !contentEquals(p.target, u.target);
    });
  if (pending.length) {
    throw new LocflowError(`holds ${pending.length} translation(s) that are not imported (first: unit "${pending[0]!.id}")`, {
      file,
      hint: `run "locflow import ${file}" first, or pass --force to overwrite it`,
    });
  }
}
