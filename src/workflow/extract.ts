import { existsSync } from 'node:fs';
import { LocflowError } from '../errors.js';
import { AtomicBatch } from '../io/atomic-batch.js';
import { readText } from '../io/files.js';
import { withProjectLock } from '../io/lock.js';
import { countWords } from '../model/index.js';
import type { XliffMatch, XliffUnit, XliffVersion } from '../xliff/model.js';
import { contentToI18n, i18nToContent } from '../store/codes.js';
import { openMemory } from '../project/memory.js';
import { leverage } from './steps/leverage.js';
import { ExportLog, sentTargets } from '../project/exports.js';
import { readXliff } from '../xliff/read.js';
import { writeXliff } from '../xliff/write.js';
import { orphanIds, sameRuns, storedUnits, unitName } from '../project/translations.js';
import type { Project } from '../project/project.js';
import { chooseLanguages } from '../project/languages.js';
import { eachDocument, loadBundle } from '../project/documents.js';
import { xliffPath } from '../project/paths.js';

export interface ExtractOptions {
  readonly langs?: readonly string[];
  readonly version?: XliffVersion;
  /** Copy the source into empty targets, as OmegaT needs to offer a unit for translation. */
  readonly prefill?: boolean;
  /** Overwrite an XLIFF file that holds translations not yet imported. */
  readonly force?: boolean;
  /** Do everything but write: no XLIFF file, no export record (a file that would be refused still is). */
  readonly dryRun?: boolean;
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
  /** Units filled or helped by the translation memory. */
  readonly leverage: { readonly inContext: number; readonly exact: number; readonly fuzzy: number };
}

export async function extract(project: Project, options: ExtractOptions = {}): Promise<ExtractResult[]> {
  // The export records it writes are what import compares the store with: store, records and files are read and written as one.
  return withProjectLock(project.root, 'extract', () => extractLocked(project, options));
}

async function extractLocked(project: Project, options: ExtractOptions): Promise<ExtractResult[]> {
  const langs = chooseLanguages(project, options.langs);
  const version = options.version ?? project.config.xliff.version;
  const results: ExtractResult[] = [];
  const memory = await openMemory(project, false);
  const { fuzzyThreshold, maxMatches } = project.config.tm;
  // Every file of the run is written through one batch: flushed together, renamed, each folder synced once.
  const batch = new AtomicBatch();
  const logs = new Map(langs.map((lang) => [lang, new ExportLog(project, lang)]));
  try {
    // Documents are read one at a time and let go once written; results keep the order of languages, then documents.
    for (const doc of eachDocument(project)) {
      for (const lang of langs) {
        const bundle = loadBundle(project, lang, doc);
        const counts = { inContext: 0, exact: 0, fuzzy: 0 };
        const stored = storedUnits(doc, bundle);
        const prefilled = new Set<string>();
        const units: XliffUnit[] = [];
        const todo = stored.filter((s) => s.target === undefined);
        const exact = await leverage(
          memory,
          todo.map((s) => s.unit),
          doc.sourceLang,
          lang,
        );
        const fromMemory = new Map(todo.map((s, i) => [s, exact[i]]));
        for (const s of stored) {
          // The role travels as context; neighbouring sentences are in the file already, and CAT tools show them.
          const context: Record<string, string> = { role: s.unit.context.role };
          let target = s.target;
          let state = s.state;
          let origin = s.origin;
          let matches: XliffMatch[] = [];
          if (target === undefined && memory) {
            // An exact match fills the unit; fuzzy ones are offered to the translator as matches.
            const match = fromMemory.get(s);
            if (match) {
              target = i18nToContent(match.target, s.unit.source);
              state = match.state;
              origin = 'tm';
              if (match.inContext) counts.inContext++;
              else counts.exact++;
            } else if (maxMatches > 0) {
              const source = contentToI18n(s.unit.source);
              matches = (await memory.fuzzy(source, doc.sourceLang, lang, fuzzyThreshold, maxMatches)).map((m) => ({
                score: m.score,
                source: i18nToContent(m.source, s.unit.source),
                target: i18nToContent(m.target, s.unit.source),
                origin: m.origin,
              }));
              if (matches.length) counts.fuzzy++;
            }
          }
          if (target === undefined && options.prefill) {
            target = s.unit.source;
            prefilled.add(s.unit.id);
          }
          units.push({
            id: s.unit.id,
            name: unitName(s.unit),
            source: s.unit.source,
            ...(target !== undefined ? { target } : {}),
            state,
            ...(origin ? { origin } : {}),
            notes: s.unit.notes,
            context,
            ...(matches.length ? { matches } : {}),
          });
        }
        const file = xliffPath(project, lang, doc);
        if (!options.force) refuseToLoseWork(file, units, sentTargets(project, lang, doc));
        if (!options.dryRun) {
          await batch.write(
            file,
            writeXliff(
              { version, sourceLang: doc.sourceLang, targetLang: lang, files: [{ original: doc.path, units }] },
              version,
            ),
          );
          // Prefilled copies of the source are no translations: only real targets are recorded.
          const sent = Object.fromEntries(
            units
              .filter((u) => u.target !== undefined && !prefilled.has(u.id))
              .map((u) => [u.id, contentToI18n(u.target!)]),
          );
          logs.get(lang)!.record(doc, sent);
        }
        results.push({
          lang,
          doc: doc.id,
          file,
          units: units.length,
          words: doc.units.reduce((n, u) => n + countWords(u.source), 0),
          translated: stored.filter((s) => s.target !== undefined).length,
          removed: orphanIds(doc, bundle),
          leverage: counts,
        });
      }
    }
    if (!options.dryRun) {
      for (const log of logs.values()) await log.save(batch);
      await batch.commit();
    }
  } finally {
    await batch.abandon();
    await memory?.close();
  }
  return langs.flatMap((lang) => results.filter((r) => r.lang === lang));
}

/**
 * An XLIFF file that came back from a translator but was not imported yet must not be overwritten.
 * A target that is the one the last extract wrote there is no work of anyone's: the translator may
 * have sent the edited copy from elsewhere, and it is imported (or not) from there.
 */
function refuseToLoseWork(
  file: string,
  next: readonly XliffUnit[],
  wasSent: (unit: string, text: string) => boolean | undefined,
): void {
  if (!existsSync(file)) return;
  let existing;
  try {
    existing = readXliff(readText(file, 'XLIFF file'));
  } catch (err) {
    throw new LocflowError(
      `an XLIFF file is already here and cannot be read (${(err as Error).message}); it may hold work`,
      {
        file,
        hint: 'move it away, or pass --force to overwrite it',
      },
    );
  }
  const planned = new Map(next.map((u) => [u.id, u]));
  const pending = existing.files
    .flatMap((f) => f.units)
    .filter((u) => {
      if (u.target === undefined || sameRuns(u.target, u.source)) return false;
      if (wasSent(u.id, contentToI18n(u.target)) === true) return false;
      const p = planned.get(u.id);
      // The file's code data is not compared: XLIFF 1.2 <g> carries none, and import never reads it.
      return !p || p.target === undefined || !sameRuns(p.target, u.target);
    });
  if (pending.length) {
    throw new LocflowError(
      `holds ${pending.length} translation(s) that are not imported (first: unit "${pending[0]!.id}")`,
      {
        file,
        hint: `run "locflow import ${file}" first, or pass --force to overwrite it`,
      },
    );
  }
}
