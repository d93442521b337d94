import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LocflowError } from '../errors.js';
import { AtomicBatch, type PieceWriter } from '../io/atomic-batch.js';
import { inFolderFoundAbsent, inFolderMadeEmpty, oneRun, PIECE_BYTES } from '../io/files.js';
import { ReadAhead } from '../io/read-ahead.js';
import { withProjectLock } from '../io/lock.js';
import { countWords, type Content, type Unit, type UnitState } from '../model/index.js';
import type { XliffMatch, XliffUnit, XliffVersion } from '../xliff/model.js';
import type { DocumentExtract, ExtractOptions, ExtractResult, Run } from './extract-types.js';
import { contentToI18n, i18nToContent } from '../store/codes.js';
import { openMemory } from '../project/memory.js';
import { leverage, type Leveraged } from './steps/leverage.js';
import { ExportLog, sentHash, sentTargets } from '../project/exports.js';
import type { XliffLanguages, XliffWriter } from '../xliff/writer.js';
import { sameRuns, storedUnits, unitName, type StoredUnit } from '../project/translations.js';
import type { Project } from '../project/project.js';
import { chooseLanguages } from '../project/languages.js';
import { checkedSources, documentUnits, type DocumentUnits, type Source } from '../project/documents.js';
import { compiledWorker, documentThreads, runAlone, runsAlone } from '../io/worker-pool.js';
import { bundlePath, xliffPath } from '../project/paths.js';
import { EMPTY_BUNDLE, readBundle, type Bundle } from '../store/bundle.js';
import type { TranslationMemory } from '../tm/memory.js';
import { compileWithoutInlining } from '../runtime/v8-tuning.js';

export type { DocumentExtract, ExtractOptions, ExtractResult, Run } from './extract-types.js';

export async function extract(project: Project, options: ExtractOptions = {}): Promise<ExtractResult[]> {
  // The export records it writes are what import compares the store with: store, records and files are read and written as one.
  // Nothing extract calls takes the lock again: no async context for a nested call to find is set.
  return oneRun(() =>
    withProjectLock(project.root, 'extract', () => extractLocked(project, options), { reentrant: false }),
  );
}

export async function openRun(
  project: Project,
  options: ExtractOptions,
  langs: readonly string[],
  batch: AtomicBatch,
): Promise<Run> {
  return {
    project,
    options,
    langs,
    writer: await loadXliffWriter(options.version ?? project.config.xliff.version),
    memory: await openMemory(project, false),
    batch,
  };
}

/** The writer of one version, its module loaded only now: a run that writes 1.2 never loads the 2.0 writer. */
async function loadXliffWriter(version: XliffVersion): Promise<XliffWriter> {
  if (version === '2.0') return (await import('../xliff/xliff20.js')).xliff20Writer;
  const [{ xliff12Writer }, { TOOL }] = await Promise.all([import('../xliff/xliff12.js'), import('../version.js')]);
  return xliff12Writer(TOOL);
}

async function extractLocked(project: Project, options: ExtractOptions): Promise<ExtractResult[]> {
  const langs = chooseLanguages(project, options.langs);
  const sources = checkedSources(project);
  // On 2 cores, one thread (idle: 2,318 articles 0.94 s wall with one thread against 1.04 s with two, 1.26 against
  // 1.67 s CPU; four times that text 3.0 s either way, 3.5 against 4.8 s CPU).
  const workerFile = extractWorkerFile();
  const threads = documentThreads(sources, workerFile);
  // Many documents on one thread: that thread is a worker whose young generation is bounded (runAlone).
  if (runsAlone(threads, sources.length, workerFile)) {
    const data: ExtractAloneData = { alone: true, project, options, langs, sources };
    return runAlone<ExtractResult[]>(workerFile, data);
  }
  return extractSources(project, options, langs, sources, threads);
}

/** What a worker running a whole extract on its own thread is told (extract-worker.ts). */
export interface ExtractAloneData {
  readonly alone: true;
  readonly project: Project;
  readonly options: ExtractOptions;
  readonly langs: readonly string[];
  readonly sources: readonly Source[];
}

/** extract of `sources` (checked), on `threads` threads. */
export async function extractSources(
  project: Project,
  options: ExtractOptions,
  langs: readonly string[],
  sources: readonly Source[],
  threads: number,
): Promise<ExtractResult[]> {
  const logs = new Map(langs.map((lang) => [lang, new ExportLog(project, lang)]));
  const results: ExtractResult[] = [];
  const note = (doc: { readonly id: string }, done: DocumentExtract): void => {
    results.push(...done.results);
    if (!options.dryRun) for (const r of done.records) logs.get(r.lang)!.record(doc, r.units, r.targets);
  };
  // Many documents: their XLIFF files are written by a thread of their own from the first. On one thread, a folder that
  // is not there (a first extract's xliff/es, the export records' folder) is written whole and renamed into place once
  // (a worker's batch hands its files over one by one instead).
  const batch = new AtomicBatch({
    manyFiles: sources.length * langs.length >= MANY_FILES,
    stageNewFolders: threads === 1,
  });
  try {
    if (threads > 1) {
      const { extractInWorkers } = await import('./extract-pool.js');
      await extractInWorkers({
        project,
        options,
        langs,
        batch,
        threads,
        sources,
        note,
        workerFile: extractWorkerFile()!,
        openHere: () => openRun(project, options, langs, batch),
        extractHere: (here, source) => extractDocument(here, documentUnits(project, source)),
      });
    } else {
      const run = await openRun(project, options, langs, batch);
      // Many small sources are read a few documents ahead, off this thread.
      const ahead =
        sources.length >= READ_AHEAD_FROM
          ? ReadAhead.start(
              sources.map((s) => s.file),
              PIECE_BYTES,
            )
          : undefined;
      try {
        await extractEach(run, sources, ahead, note);
      } finally {
        ahead?.stop();
        await run.memory?.close();
      }
    }
    if (!options.dryRun) {
      for (const log of logs.values()) await log.save(batch);
      await batch.commit();
    }
  } finally {
    await batch.abandon();
  }
  // Results keep the order of languages, then documents.
  return langs.flatMap((lang) => results.filter((r) => r.lang === lang));
}

/**
 * The documents on this thread, one at a time, piece by piece, each piece let go once written. (A function of its own:
 * resumed once per document, it is what V8 optimises, not the whole run around it.)
 */
async function extractEach(
  run: Run,
  sources: readonly Source[],
  ahead: ReadAhead | undefined,
  note: (doc: { readonly id: string }, done: DocumentExtract) => void,
): Promise<void> {
  // The run's modules are loaded (formats, XLIFF writer, memory; their code caches taken): a run that only writes XLIFF
  // is compiled without inlining, set back before the records are saved; reading XLIFF files is not (both measured in
  // docs/performance.md).
  const inliningBack = mayReadXliff(run) ? undefined : compileWithoutInlining();
  try {
    for (const source of sources)
      note(source.meta, await extractDocument(run, documentUnits(run.project, source, ahead)));
  } finally {
    inliningBack?.();
  }
}

/** Whether the run may read XLIFF files already there (it looks for unimported work in each file it replaces). */
function mayReadXliff(run: Run): boolean {
  if (run.options.force) return false;
  // The folders of the path template before its first placeholder: when they are not there, no file is.
  const fixed = run.project.config.xliff.path.split('{')[0]!;
  return existsSync(join(run.project.root, fixed.slice(0, fixed.lastIndexOf('/') + 1)));
}

/** Characters of XLIFF a document holds before it gives them to its file (which holds more before it writes them). */
const HOLD_CHARS = 1 << 16;

const NO_MATCHES: readonly XliffMatch[] = [];

/** XLIFF files from which a run's batch writes them on a thread of its own from the first (its start pays over many). */
const MANY_FILES = 64;

/** Sources from which a run reads them ahead on a thread of their own (its start pays only over many files). */
const READ_AHEAD_FROM = 64;

/** The compiled worker of extract, when there is one. */
export function extractWorkerFile(): string | undefined {
  return compiledWorker(new URL('./extract-worker.js', import.meta.url));
}

/** One document into the XLIFF file of each language, each batch of its units written before the next is read. */
export async function extractDocument(run: Run, doc: DocumentUnits): Promise<DocumentExtract> {
  // Opening and adding are waited for only when they did wait (an XLIFF file to read, the memory asked, text written):
  // a small new document makes no promise before its files are written.
  const exports: DocumentExport[] = [];
  for (const lang of run.langs) {
    const opened = DocumentExport.open(run, doc, lang);
    exports.push(opened instanceof DocumentExport ? opened : await opened);
  }
  for (const units of doc.batches())
    for (const e of exports) {
      const added = e.add(units);
      if (added) await added;
    }
  const done: DocumentExtract = { results: [], records: [] };
  for (const e of exports) {
    done.results.push(await e.finish());
    if (!run.options.dryRun) done.records.push(e.record());
  }
  return done;
}

/** One document's XLIFF file for one language, written as its units come. */
class DocumentExport {
  private readonly bundle: Bundle;
  private readonly languages: XliffLanguages;
  private readonly out: PieceWriter | undefined;
  private started = false;
  private readonly ids: string[] = [];
  /** Hashes of the real targets written (prefilled copies of the source are no translations). */
  private readonly sent: Record<string, string> = {};
  private readonly counts = { inContext: 0, exact: 0, fuzzy: 0 };
  private words = 0;
  private translated = 0;
  /** XLIFF text made and not yet given to the file: written once it reaches HOLD_CHARS, and at the end. */
  private held = '';

  /** The export; a promise of it only when an XLIFF file is there to be read for work not imported. */
  static open(run: Run, doc: DocumentUnits, lang: string): DocumentExport | Promise<DocumentExport> {
    // Checked as a file about to be written; one that is there is checked again as a file read (it is read first). A
    // folder this run made, or found not there, holds none of its files yet: not looked for (a file put there since
    // would be replaced, as one put there after it was looked for).
    const file = xliffPath(run.project, lang, doc, true);
    const there = !inFolderMadeEmpty(file) && !inFolderFoundAbsent(file) && existsSync(file);
    if (there) xliffPath(run.project, lang, doc); // to be read: refused through a link out of the project
    if (run.options.force || !there) return new DocumentExport(run, doc, lang, file, there, new Map());
    return unimportedWork(file, () => sentTargets(run.project, lang, doc)).then(
      (unimported) => new DocumentExport(run, doc, lang, file, there, unimported),
    );
  }

  private constructor(
    private readonly run: Run,
    private readonly doc: DocumentUnits,
    private readonly lang: string,
    private readonly file: string,
    /** Whether a file was there when the document was opened (one that was not is written without looking again). */
    there: boolean,
    /** Translations in the file there now that are not imported: each must be planned again, unchanged. */
    private readonly unimported: Map<string, XliffUnit>,
  ) {
    // No store in a folder found not there (a project not imported into yet): none looked for, document by document.
    const bundle = bundlePath(run.project, lang, doc);
    this.bundle = inFolderFoundAbsent(bundle) ? EMPTY_BUNDLE : readBundle(bundle);
    this.languages = { sourceLang: doc.sourceLang, targetLang: lang };
    this.out = run.options.dryRun ? undefined : run.batch.stream(file, { absent: !there });
  }

  /** The units planned and their XLIFF made; a promise only when the memory was asked or text was written. */
  add(units: readonly Unit[]): Promise<void> | undefined {
    const stored = storedUnits({ units }, this.bundle);
    const memory = this.run.memory;
    if (memory) return this.plan(memory, stored).then((planned) => this.write(units, planned));
    return this.write(units, this.planNew(stored));
  }

  private write(units: readonly Unit[], planned: readonly XliffUnit[]): Promise<void> | undefined {
    let text = this.started
      ? ''
      : this.run.writer.start(this.languages) +
        this.run.writer.startFile({ original: this.doc.path }, 0, this.languages);
    this.started = true;
    for (const unit of planned) {
      this.keepsWork(unit);
      text += this.run.writer.unit(unit, this.languages);
    }
    for (const u of units) {
      this.ids.push(u.id);
      this.words += countWords(u.source);
    }
    if (!this.out) return undefined;
    this.held += text;
    if (this.held.length < HOLD_CHARS) return undefined;
    const piece = this.held;
    this.held = '';
    return this.out.write(piece);
  }

  async finish(): Promise<ExtractResult> {
    if (!this.started) await this.add([]);
    refuseToLoseWork(this.file, this.unimported);
    if (this.out) {
      await this.out.write(this.held + this.run.writer.endFile() + this.run.writer.end());
      this.held = '';
      await this.out.close();
    }
    const stored = Object.keys(this.bundle.translations);
    // The ids as a set only when the store has translations to look for (none the first time a document is extracted).
    const ids = stored.length ? new Set(this.ids) : undefined;
    return {
      lang: this.lang,
      doc: this.doc.id,
      file: this.file,
      units: this.ids.length,
      words: this.words,
      translated: this.translated,
      removed: stored.filter((id) => !ids!.has(id)),
      leverage: this.counts,
    };
  }

  /** What the export record notes of the file written: its unit ids and the targets it carries. */
  record(): DocumentExtract['records'][number] {
    return { lang: this.lang, units: this.ids, targets: this.sent };
  }

  /** The XLIFF units of a run without a memory: the store's translations, else (prefill) the source. */
  private planNew(stored: readonly StoredUnit[]): XliffUnit[] {
    const units: XliffUnit[] = [];
    for (const s of stored) {
      if (s.target !== undefined) this.translated++;
      units.push(this.xliffUnit(s, s.target, s.state, s.origin, NO_MATCHES));
    }
    return units;
  }

  /** The XLIFF units: the store's translations, else the memory's exact match or fuzzy ones, else (prefill) the source. */
  private async plan(memory: TranslationMemory, stored: readonly StoredUnit[]): Promise<XliffUnit[]> {
    const fromMemory = await this.exactMatches(memory, stored);
    const units: XliffUnit[] = [];
    for (const s of stored) {
      if (s.target !== undefined) {
        this.translated++;
        units.push(this.xliffUnit(s, s.target, s.state, s.origin, NO_MATCHES));
        continue;
      }
      // An exact match fills the unit; fuzzy ones are offered to the translator as matches.
      const match = fromMemory.get(s);
      if (match) {
        if (match.inContext) this.counts.inContext++;
        else this.counts.exact++;
        units.push(this.xliffUnit(s, i18nToContent(match.target, s.unit.source), match.state, 'tm', NO_MATCHES));
      } else units.push(this.xliffUnit(s, undefined, s.state, s.origin, await this.fuzzy(memory, s.unit)));
    }
    return units;
  }

  /** One XLIFF unit; without a target, prefill copies the source; a real target's hash is noted for the record. */
  private xliffUnit(
    s: StoredUnit,
    target: Content | undefined,
    state: UnitState,
    origin: string | undefined,
    matches: readonly XliffMatch[],
  ): XliffUnit {
    // The role travels as context; neighbouring sentences are in the file already, and CAT tools show them.
    const context: Record<string, string> = { role: s.unit.context.role };
    if (target === undefined && this.run.options.prefill) target = s.unit.source;
    else if (target !== undefined) this.sent[s.unit.id] = sentHash(contentToI18n(target));
    // A new unit (no target, origin or matches) written as one literal: the same fields in the same order, without
    // the spreads' temporary objects.
    if (target === undefined && !origin && matches.length === 0)
      return { id: s.unit.id, name: unitName(s.unit), source: s.unit.source, state, notes: s.unit.notes, context };
    return {
      id: s.unit.id,
      name: unitName(s.unit),
      source: s.unit.source,
      ...(target !== undefined ? { target } : {}),
      state,
      ...(origin ? { origin } : {}),
      notes: s.unit.notes,
      context,
      ...(matches.length ? { matches } : {}),
    };
  }

  /** The memory's exact matches of the units the store has no translation for (a run without a memory asks none). */
  private async exactMatches(
    memory: TranslationMemory,
    stored: readonly StoredUnit[],
  ): Promise<Map<StoredUnit, Leveraged | undefined>> {
    const todo = stored.filter((s) => s.target === undefined);
    const exact = await leverage(
      memory,
      todo.map((s) => s.unit),
      this.doc.sourceLang,
      this.lang,
    );
    return new Map(todo.map((s, i) => [s, exact[i]]));
  }

  private async fuzzy(memory: TranslationMemory, unit: Unit): Promise<XliffMatch[]> {
    const { fuzzyThreshold, maxMatches } = this.run.project.config.tm;
    if (maxMatches <= 0) return [];
    const source = contentToI18n(unit.source);
    const matches = (await memory.fuzzy(source, this.doc.sourceLang, this.lang, fuzzyThreshold, maxMatches)).map(
      (m) => ({
        score: m.score,
        source: i18nToContent(m.source, unit.source),
        target: i18nToContent(m.target, unit.source),
        origin: m.origin,
      }),
    );
    if (matches.length) this.counts.fuzzy++;
    return matches;
  }

  /** A translation not imported is kept when the new file carries it unchanged. */
  private keepsWork(unit: XliffUnit): void {
    if (this.unimported.size === 0) return; // most files: nothing unimported (no id hashed to look)
    const there = this.unimported.get(unit.id);
    if (there && unit.target !== undefined && there.target !== undefined && sameRuns(unit.target, there.target))
      this.unimported.delete(unit.id);
  }
}

/**
 * An XLIFF file (there) that came back from a translator but was not imported yet must not be overwritten: its
 * translations not imported, by id, in file order. A target that is the one the last extract wrote there is
 * no work of anyone's: the translator may have sent the edited copy from elsewhere, and it is imported (or
 * not) from there.
 */
async function unimportedWork(
  file: string,
  sentBefore: () => (unit: string, text: string) => boolean | undefined,
): Promise<Map<string, XliffUnit>> {
  const work = new Map<string, XliffUnit>();
  const wasSent = sentBefore();
  // The XLIFF reader (and its XML parser) loads only when there is a file to read.
  const { readXliffFile } = await import('../xliff/read.js');
  // Only the units that hold such work are kept as the file is read: the others are checked and let go.
  const unimported = (u: XliffUnit): boolean =>
    u.target !== undefined && !sameRuns(u.target, u.source) && wasSent(u.id, contentToI18n(u.target)) !== true;
  let existing;
  try {
    existing = readXliffFile(file, { keep: unimported });
  } catch (err) {
    throw new LocflowError(
      `an XLIFF file is already here and cannot be read (${(err as Error).message}); it may hold work`,
      {
        file,
        hint: 'move it away, or pass --force to overwrite it',
      },
    );
  }
  // The file's code data is not compared: XLIFF 1.2 <g> carries none, and import never reads it.
  for (const f of existing.files) for (const u of f.units) if (unimported(u)) work.set(u.id, u);
  return work;
}

/** Refuses the run when the new file would drop translations not imported (those the new units did not carry). */
function refuseToLoseWork(file: string, unimported: ReadonlyMap<string, XliffUnit>): void {
  if (!unimported.size) return;
  const first = unimported.keys().next().value!;
  throw new LocflowError(`holds ${unimported.size} translation(s) that are not imported (first: unit "${first}")`, {
    file,
    hint: `run "locflow import ${file}" first, or pass --force to overwrite it`,
  });
}
