import { asLocflowError, LocflowError } from '../errors.js';
import { namedByUser, writeFileAtomic } from '../io/files.js';
import { isMachineOrigin, type TmEntry } from '../tm/memory.js';
import { readTmxFile, writeTmx, type TmxEntry } from '../tm/tmx.js';
import { openMemory } from '../project/memory.js';
import { withProjectLock } from '../io/lock.js';
import type { Project } from '../project/project.js';

/** A translation of the file that the memory did not take, because it holds a person's other translation. */
export interface TmKept {
  /** The line of the file's <tu>. */
  readonly line?: number;
  readonly targetLang: string;
  readonly source: string;
  /** The file's target, and the memory's, which stays. */
  readonly target: string;
  readonly kept: string;
  /** Whether the file's target is machine output, which never replaces a person's (--overwrite or not). */
  readonly machine: boolean;
}

export interface TmImportResult {
  readonly file: string;
  readonly read: number;
  readonly added: number;
  /** How many translations of the file the memory kept out; the first few of them. */
  readonly kept: number;
  /** How many of them are a person's translations, which --overwrite would take instead. */
  readonly overwritable: number;
  readonly keptExamples: readonly TmKept[];
}

const KEPT_EXAMPLES = 5;

/**
 * Loads TMX files into the project's memory (language codes matched case-insensitively). A person's
 * translation in the memory stays when the file has another for the same source and context (and is
 * reported), unless `overwrite`; machine output never replaces a person's (stored-entries.ts).
 */
export async function tmImport(
  project: Project,
  files: readonly string[],
  options: { overwrite?: boolean } = {},
): Promise<TmImportResult[]> {
  return withProjectLock(project.root, 'tm import', () => tmImportLocked(project, files, options.overwrite === true));
}

async function tmImportLocked(
  project: Project,
  files: readonly string[],
  overwrite: boolean,
): Promise<TmImportResult[]> {
  const { sourceLanguage, targetLanguages } = project.config;
  const memory = await openMemory(project, true);
  try {
    const results: TmImportResult[] = [];
    for (const f of files) {
      const file = namedByUser(project.root, f);
      let entries: TmxEntry[];
      try {
        entries = readTmxFile(file, sourceLanguage, targetLanguages);
      } catch (err) {
        throw asLocflowError(err, { file, hint: 'fix the file; nothing was imported from it' }) ?? err;
      }
      const { changed, kept } = await memory!.add(entries, { overwrite });
      const lines = new Map<TmEntry, number | undefined>(entries.map((e) => [e, e.line]));
      results.push({
        file,
        read: entries.length,
        added: changed,
        kept: kept.length,
        overwritable: kept.filter((k) => !isMachineOrigin(k.entry.origin)).length,
        keptExamples: kept.slice(0, KEPT_EXAMPLES).map((k) => ({
          ...(lines.get(k.entry) !== undefined ? { line: lines.get(k.entry)! } : {}),
          targetLang: k.entry.targetLang,
          source: k.entry.source,
          target: k.entry.target,
          kept: k.kept,
          machine: isMachineOrigin(k.entry.origin),
        })),
      });
    }
    return results;
  } finally {
    await memory?.close();
  }
}

/** Writes the memory (or one language of it) as TMX 1.4b; `omegat` writes OmegaT's short tags for tm/auto. */
export async function tmExport(
  project: Project,
  output: string,
  options: { lang?: string; omegat?: boolean } = {},
): Promise<{ file: string; entries: number }> {
  const file = namedByUser(project.root, output);
  const memory = await openMemory(project, false);
  if (!memory)
    throw new LocflowError('the project has no translation memory yet', {
      file: project.config.tm.path,
      hint: 'import translations (locflow import) or a TMX file (locflow tm import) first',
    });
  try {
    const entries = await memory.all(project.config.sourceLanguage, options.lang);
    writeFileAtomic(file, writeTmx(entries, project.config.sourceLanguage, options.omegat ? { omegat: true } : {}));
    return { file, entries: entries.length };
  } finally {
    await memory.close();
  }
}

/**
 * Creates the memory's schema or brings it up to date (which opening it does too, on first use), and
 * says which version it found: for an administrator who upgrades a shared memory at a chosen time.
 */
export async function tmMigrate(project: Project): Promise<{ location: string; from: number; to: number }> {
  const { memoryPlace, openStore } = await import('../tm/open.js');
  const memory = (await openStore(memoryPlace(project.root, project.config.tm), true))!;
  try {
    return { location: memory.location, ...memory.migration };
  } finally {
    await memory.close();
  }
}
