import type { Project } from '../config/config.js';
import { asLocflowError, LocflowError } from '../errors.js';
import { namedByUser, readText, writeFileAtomic } from '../io/files.js';
import { readTmx, writeTmx } from '../tm/tmx.js';
import { openMemory } from './memory.js';
import { withProjectLock } from '../io/lock.js';

export interface TmImportResult {
  readonly file: string;
  readonly read: number;
  readonly added: number;
}

/** Loads TMX files into the project's memory (language codes matched case-insensitively). */
export async function tmImport(project: Project, files: readonly string[]): Promise<TmImportResult[]> {
  return withProjectLock(project.root, 'tm import', () => tmImportLocked(project, files));
}

async function tmImportLocked(project: Project, files: readonly string[]): Promise<TmImportResult[]> {
  const { sourceLanguage, targetLanguages } = project.config;
  const memory = await openMemory(project, true);
  try {
    const results: TmImportResult[] = [];
    for (const f of files) {
      const file = namedByUser(project.root, f);
      let entries;
      try {
        entries = readTmx(readText(file, 'TMX file'), sourceLanguage, targetLanguages);
      } catch (err) {
        throw asLocflowError(err, { file, hint: 'fix the file; nothing was imported from it' }) ?? err;
      }
      results.push({ file, read: entries.length, added: await memory!.add(entries) });
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
