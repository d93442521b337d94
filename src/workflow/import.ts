import { basename, dirname, relative } from 'node:path';
import { asLocflowError, LocflowError, systemError, type Diagnostic } from '../errors.js';
import { insideProject, namedByUser } from '../io/files.js';
import { ownString } from '../model/own-string.js';
import { withProjectLock } from '../io/lock.js';
import type { Content, Document, InlineCode, Run, Unit, UnitState } from '../model/index.js';
import { codeKey, codesOf, codeTally, documentLabels, normalizeContent, showDifference } from '../model/index.js';
import { sameRuns, type FlaggedUnit } from '../project/translations.js';
import { sentTargets } from '../project/exports.js';
import { contentToI18n } from '../store/codes.js';
import {
  bundleFilePieces,
  metaPathOf,
  readMeta,
  readTranslations,
  type Bundle,
  type UnitMeta,
} from '../store/bundle.js';
import { AtomicBatch } from '../io/atomic-batch.js';
import { isMachineOrigin, type TmEntry } from '../tm/memory.js';
import { EntrySpool } from '../tm/entry-spool.js';
import type { XliffDocument, XliffUnit } from '../xliff/model.js';
import { readXliffUnits } from '../xliff/read.js';
import { intlCanonicalTag } from '../model/language.js';
import { memoryEntry, openMemory } from '../project/memory.js';
import type { RunOptions } from '../qa/runner.js';
import { gate } from './steps/gate.js';
import { boundHeapGrowth, IMPORT_HEAP_GROWTH_PERCENT } from '../runtime/v8-tuning.js';
import type { Project } from '../project/project.js';
import { bundlePath } from '../project/paths.js';
import { chooseLanguages } from '../project/languages.js';
import { checkedSources, loadBundle, readDocument, type Source } from '../project/documents.js';
import { forgetMemos } from '../model/memo.js';
import { qaOptions } from '../project/qa.js';

export interface ImportOptions {
  /** Replace translations in the store that differ from the file's. */
  readonly overwrite?: boolean;
  readonly lang?: string;
  /** Check everything, write nothing: neither the store nor the memory. */
  readonly dryRun?: boolean;
}

export interface ImportResult {
  readonly file: string;
  readonly lang: string;
  readonly doc: string;
  readonly imported: number;
  readonly unchanged: number;
  readonly untranslated: number;
  /** Approved translations added to the translation memory (the memory skips those it holds already). */
  readonly toMemory: number;
  /** Units imported but marked needs-review because an error-level check failed, with the reasons. */
  readonly flagged: readonly FlaggedUnit[];
  /** Units a CAT tool split into segments and translated only in part: not imported (counted as untranslated). */
  readonly partly: readonly PartlyTranslated[];
}

/**
 * Units checked before the checks' memos are forgotten: what they remember (names, numbers and words of every text
 * read, up to 100,000 entries each) is worth most within a document and its neighbours, and over thousands of files
 * would hold tens of megabytes for the rest of the run.
 */
const FORGET_MEMOS_EVERY = 10_000;

/** An empty list, one for every result that has nothing to list (a run over thousands of files keeps each result). */
const NOTHING: readonly never[] = Object.freeze([]);

/** A unit left out because some of its segments have no translation yet. */
export interface PartlyTranslated {
  readonly unit: string;
  readonly label?: string | undefined;
  readonly line?: number;
  /** Segments with a translation, of all segments. */
  readonly translated: number;
  readonly segments: number;
}

/**
 * Imports translated XLIFF files into the locale store. Each file goes in whole or not at all: a file that is
 * refused (invalid, stale, conflicting) changes nothing and is thrown once the others are imported.
 */
export async function importFiles(
  project: Project,
  files: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const { results, refused } = await importRun(project, files, options);
  if (refused[0]) throw refused[0];
  return results;
}

/** What an import run did: the results of the files it imported, and the files it refused, each with its reason. */
export interface ImportRun {
  readonly results: ImportResult[];
  readonly refused: LocflowError[];
}

/**
 * Imports the files as one batch: every file is read and checked first (a refused one is set aside with its error
 * and the others go on; a later file of the same document builds on the bundle an earlier one planned), then the
 * accepted files' bundles are written together, their memory entries added in one transaction, and the bundles
 * renamed into place — one flush and one memory commit per run instead of one per file.
 */
export async function importRun(
  project: Project,
  files: readonly string[],
  options: ImportOptions = {},
): Promise<ImportRun> {
  // Under the project lock, the store and the memory are read, changed and written by this command alone.
  return withProjectLock(project.root, 'import', async () => {
    const docs = new ProjectDocuments(project);
    const qa = qaOptions(project);
    // The accepted files' bundles go to the batch's temporary files as each file is accepted (a dry run holds them).
    const batch = options.dryRun ? undefined : new AtomicBatch();
    const planned = new PlannedBundles(batch);
    // The memory entries of approved translations, added when the bundles are flushed: a chunk held, more in a file.
    const entries = new EntrySpool();
    const results: ImportResult[] = [];
    const refused: LocflowError[] = [];
    // Set once a file has been checked (the checks' code is loaded by then), and released at the end of the run.
    let releaseHeap: (() => void) | undefined;
    // Units checked since the checks' memos were last forgotten.
    let checked = 0;
    try {
      for (const given of files) {
        // Resolved when reached, as a string of its own: path.resolve's tree of parts, kept in each result, is ≈ 5×
        // the path's length.
        const file = ownString(namedByUser(project.root, given));
        let plan: FilePlan;
        try {
          plan = await planFile(project, docs, file, options, qa, planned);
        } catch (err) {
          const known = asLocflowError(err);
          if (!(known instanceof LocflowError) || known.exitCode !== 2) throw err;
          refused.push(known);
          continue;
        }
        await planned.add(plan.planned);
        // (a dry run writes no memory)
        if (batch) entries.add(plan.entries);
        results.push(...plan.results);
        for (const r of plan.results) checked += r.imported + r.unchanged;
        if (checked >= FORGET_MEMOS_EVERY) {
          forgetMemos();
          checked = 0;
        }
        // A run of many files turns over gigabytes of short-lived data: the heap kept near what is alive.
        releaseHeap ??= boundHeapGrowth(IMPORT_HEAP_GROWTH_PERCENT);
      }
      // The checks are done: what their memos hold (tens of megabytes over thousands of files) is let go for the commit.
      forgetMemos();
      if (batch && planned.size) await commitImport(project, files, batch, entries);
    } finally {
      // (nothing is left staged: a committed batch has no temporary files left)
      await batch?.abandon();
      entries.remove();
      releaseHeap?.();
    }
    return { results, refused };
  });
}

/** A bundle as the import will write it, with the document's unit order. */
interface PlannedBundle {
  readonly bundle: Bundle;
  readonly order: readonly string[];
}

/** A unit of the file that passed the checks against the document and the store: its target, codes from the source. */
interface Accepted {
  readonly unit: Unit;
  readonly target: Run[];
  /** What the file says of the unit, all that is kept of it: the XLIFF unit itself (its source, notes) is let go. */
  readonly xu: Pick<XliffUnit, 'state' | 'origin'>;
}

/**
 * The bundles a run has planned, by path. Each accepted file's bundles are written to the batch's temporary files at
 * once and let go, so that a run over thousands of documents holds one file's bundles, not every one; a later file
 * of the same document reads its planned bundle back from there. A dry run, which writes nothing, holds them.
 */
class PlannedBundles {
  private readonly held = new Map<string, Bundle>();
  private readonly staged = new Set<string>();

  constructor(private readonly batch: AtomicBatch | undefined) {}

  get size(): number {
    return this.held.size + this.staged.size;
  }

  /** The bundle planned for `path` by an earlier file of the run, if any. */
  async get(path: string): Promise<Bundle | undefined> {
    const held = this.held.get(path);
    if (held || !this.batch || !this.staged.has(path)) return held;
    // (both files are written for a planned bundle: its temporary files, or the files it left as they were)
    const translations = readTranslations(await this.batch.pending(path));
    return { translations, meta: readMeta(await this.batch.pending(metaPathOf(path))) };
  }

  /** An accepted file's bundles. */
  async add(plan: ReadonlyMap<string, PlannedBundle>): Promise<void> {
    for (const [path, { bundle, order }] of plan) {
      if (!this.batch) {
        this.held.set(path, bundle);
        continue;
      }
      // Streamed: a large document's JSON is never held whole.
      for (const f of bundleFilePieces(path, bundle, order)) {
        const file = this.batch.stream(f.path);
        for (const piece of f.pieces) await file.write(piece);
        await file.close();
      }
      this.staged.add(path);
    }
  }
}

/** What one accepted XLIFF file adds to the run: its bundles (by path), its memory entries, its results. */
interface FilePlan {
  readonly planned: ReadonlyMap<string, PlannedBundle>;
  readonly entries: readonly TmEntry[];
  readonly results: readonly ImportResult[];
}

/**
 * One XLIFF file read and checked, each <file>'s units decided, nothing written: its bundles build on those the run
 * planned before it (`before`), which stay as they are if the file is refused. The file is read as a stream: each
 * <file> is decided once its last unit is read, and the XLIFF units are let go as they are checked.
 */
async function planFile(
  project: Project,
  docs: ProjectDocuments,
  file: string,
  options: ImportOptions,
  qa: RunOptions,
  before: PlannedBundles,
): Promise<FilePlan> {
  // Every <file> is checked and its new bundle made before anything is written: the XLIFF goes in whole or not at all.
  const planned = new Map<string, PlannedBundle>();
  const entries: TmEntry[] = [];
  const results: ImportResult[] = [];
  const reading = readXliffUnits(file);
  const next = (): ReturnType<typeof reading.next> => {
    try {
      return reading.next();
    } catch (err) {
      throw (
        asLocflowError(err, {
          file,
          hint: 'fix the file (or ask the translator for a valid export); nothing was imported',
        }) ?? err
      );
    }
  };
  // The file's own errors (it is read to its end) come before what its content is refused for.
  let failure: { readonly error: unknown } | undefined;
  let lang: string | undefined;
  let current: Acceptance | undefined;
  for (let step = next(); !step.done; step = next()) {
    if (failure) continue;
    const item = step.value;
    try {
      // The languages of its first <file>, which every <file> shares (or the file is refused once read).
      lang ??= languageOf(
        project,
        { sourceLang: item.sourceLang ?? '', targetLang: item.targetLang },
        file,
        options.lang,
      );
      if (!current) {
        const doc = docs.of(item.original, file);
        const path = bundlePath(project, lang, doc);
        // Two <file>s of one document, or two files of one document in a run, build on each other.
        const bundle = planned.get(path)?.bundle ?? (await before.get(path)) ?? loadBundle(project, lang, doc);
        const sent = sentTargets(project, lang, doc);
        current = new Acceptance(doc, path, bundle, { file, sent, labels: lazyLabels(doc), options });
      }
      if ('unit' in item) {
        current.add(item.unit);
        continue;
      }
      const ended = current;
      current = undefined;
      await decideFile(ended, lang, qa, { planned, entries, results });
    } catch (err) {
      failure = { error: err };
    }
  }
  if (failure) throw failure.error;
  return { planned, entries, results };
}

/** A <file> whose units are all read: accepted, gated, decided into its bundle; its memory entries and result. */
async function decideFile(
  acceptance: Acceptance,
  lang: string,
  qa: RunOptions,
  into: { planned: Map<string, PlannedBundle>; entries: TmEntry[]; results: ImportResult[] },
): Promise<void> {
  const { doc, path, bundle, context } = acceptance;
  const { file, sent, labels } = context;
  const { accepted, untranslated, partly } = acceptance.end();
  // Error-level QA: a unit that fails is imported all the same, but marked needs-review and listed.
  const failing = await gate(
    accepted.map(({ unit, target }) => ({
      id: unit.id,
      source: unit.source,
      target,
      sourceLang: doc.sourceLang,
      targetLang: lang,
      file,
    })),
    qa,
  );
  const needsReview = new Set([...failing.keys()].map((pair) => pair.id));
  const decided = decide(bundle, accepted, needsReview, sent);
  into.planned.set(path, { bundle: decided.bundle, order: doc.units.map((u) => u.id) });
  // Approved human translations feed the memory; machine drafts and units that failed a check do not.
  const approved = accepted.filter(({ unit }) => approvedTranslation(decided.bundle.meta[unit.id]!));
  into.entries.push(...approved.map(({ unit }) => toMemory(doc, unit, lang, decided.bundle)));
  const flagged = failing.size
    ? [...failing].map(([{ id }, problems]) => ({ unit: id, label: labels().get(id), problems }))
    : NOTHING;
  const counts = { ...decided.counts, untranslated, toMemory: approved.length };
  into.results.push({ file, lang, doc: doc.id, ...counts, flagged, partly });
}

/** The file's target language (its own, else --lang, else one its path names), checked with its source language. */
function languageOf(
  project: Project,
  xliff: Pick<XliffDocument, 'sourceLang' | 'targetLang'>,
  file: string,
  requested: string | undefined,
): string {
  const { sourceLanguage } = project.config;
  // The target language is optional in XLIFF: when the file is silent, --lang or a target language its path names.
  const declared = xliff.targetLang ?? requested ?? targetNamedByPath(project, file);
  if (!declared)
    throw new LocflowError('the XLIFF names no target language', {
      file,
      hint: 'pass --lang, or set target-language (1.2) or trgLang (2.0) to the language of the translation',
    });
  const lang = chooseTargetLanguage(project, declared, file, requested);
  if (canonical(xliff.sourceLang) !== sourceLanguage) {
    throw new LocflowError(
      `the XLIFF's source language is "${xliff.sourceLang}", but the project's is "${sourceLanguage}"`,
      { file, hint: 'import only files extracted from this project' },
    );
  }
  return lang;
}

/**
 * The project's documents, found by path or id through maps and each read when a file names it: an import of a few
 * files into a project of thousands reads only their documents, and a run over thousands holds one at a time.
 */
class ProjectDocuments {
  private readonly sources: readonly Source[];
  private readonly byPath: ReadonlyMap<string, Source>;
  private readonly byId: ReadonlyMap<string, Source>;
  /** The document read last: the <file>s of one document usually follow each other; others are read again. */
  private last: { readonly source: Source; readonly doc: Document } | undefined;

  constructor(private readonly project: Project) {
    this.sources = checkedSources(project);
    // The first source of a path or id wins, as a search in order would find it.
    this.byPath = new Map([...this.sources].reverse().map((s) => [s.meta.path, s]));
    this.byId = new Map([...this.sources].reverse().map((s) => [s.meta.id, s]));
  }

  /** The project document a <file> translates: by its original path, else by the XLIFF file's name. */
  of(original: string, file: string): Document {
    const source = this.byPath.get(original) ?? this.byId.get(basename(file).replace(/\.xlf+$/iu, ''));
    if (!source) {
      throw new LocflowError(`the file's original "${original}" is not a source of this project`, {
        file,
        hint: `sources: ${this.sources.map((s) => s.meta.path).join(', ')}`,
      });
    }
    if (this.last?.source !== source) this.last = { source, doc: readDocument(this.project, source) };
    return this.last.doc;
  }
}

/** The document's labels (a key, or a role and line: how a person names a unit), made when first asked for. */
function lazyLabels(doc: Document): () => Map<string, string> {
  let labels: Map<string, string> | undefined;
  return () => (labels ??= documentLabels(doc));
}

interface AcceptContext {
  readonly file: string;
  readonly sent: (unit: string, text: string) => boolean | undefined;
  readonly labels: () => Map<string, string>;
  readonly options: ImportOptions;
}

/**
 * A <file>'s units checked against the document and the store as they are read: those to import, and how many carry
 * no translation. A unit that is duplicated, unknown, stale or has other codes than its source, or whose target
 * conflicts with a different stored translation, refuses the whole file, every problem listed (at its end).
 */
class Acceptance {
  private readonly byId: Map<string, Unit>;
  private readonly problems: Diagnostic[] = [];
  private readonly conflicts: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  private readonly accepted: Accepted[] = [];
  private readonly partly: PartlyTranslated[] = [];
  private untranslated = 0;

  constructor(
    readonly doc: Document,
    readonly path: string,
    readonly bundle: Bundle,
    readonly context: AcceptContext,
  ) {
    this.byId = new Map(doc.units.map((u) => [u.id, u]));
  }

  add(xu: XliffUnit): void {
    const { doc, bundle } = this;
    const { file, sent, labels, options } = this.context;
    const at = { severity: 'error', file, ...(xu.line !== undefined ? { line: xu.line } : {}) } as const;
    const unit = this.byId.get(xu.id);
    const problem = unitProblem(doc, xu, unit, this.seen);
    this.seen.add(xu.id);
    if (problem) {
      this.problems.push({ ...at, ...problem });
      return;
    }
    if (!hasTranslation(xu)) {
      this.untranslated++;
      // Its translated segments alone are not its translation, but the translator should hear that it was left out.
      const translated = xu.segments?.filter((seg) => seg.target !== undefined).length ?? 0;
      if (translated > 0) {
        const line = xu.line !== undefined ? { line: xu.line } : {};
        const segments = xu.segments!.length;
        this.partly.push({ unit: xu.id, label: labels().get(xu.id), ...line, translated, segments });
      }
      return;
    }
    const codeProblem = compareCodes(unit!, xu.target!);
    if (codeProblem) {
      this.problems.push({ ...at, id: 'import/codes', message: `unit "${xu.id}": ${codeProblem}` });
      return;
    }
    const target = withSourceCodes(unit!, xu.target!);
    const existing = bundle.translations[unit!.id];
    // A store that still holds the text this file was made from has not changed since: the file's target is the newer work.
    const value = contentToI18n(target);
    if (existing !== undefined && existing !== value && !options.overwrite && sent(unit!.id, existing) !== true) {
      const message = conflictMessage(unit!.id, labels().get(unit!.id), existing, value);
      this.conflicts.push({ ...at, id: 'import/conflict', message });
      return;
    }
    this.accepted.push({
      unit: unit!,
      target,
      xu: { state: xu.state, ...(xu.origin !== undefined ? { origin: xu.origin } : {}) },
    });
  }

  /** Every unit read: those to import, or the file refused. */
  end(): { accepted: Accepted[]; untranslated: number; partly: readonly PartlyTranslated[] } {
    const { file } = this.context;
    if (this.problems.length)
      refuse(file, this.problems, 'fix the file, or run "locflow extract" again and translate the new file');
    if (this.conflicts.length)
      refuse(
        file,
        this.conflicts,
        'these units already have a different translation; pass --overwrite to replace them',
      );
    return {
      accepted: this.accepted,
      untranslated: this.untranslated,
      partly: this.partly.length ? this.partly : NOTHING,
    };
  }
}

/** Why a unit of the file cannot be imported whatever its target says: seen twice, unknown, or made from another source. */
function unitProblem(
  doc: Document,
  xu: XliffUnit,
  unit: Unit | undefined,
  seen: ReadonlySet<string>,
): Pick<Diagnostic, 'id' | 'message'> | undefined {
  if (seen.has(xu.id)) return { id: 'import/duplicate', message: `unit "${xu.id}" appears twice` };
  if (!unit)
    return {
      id: 'import/unknown-unit',
      message: `unit "${xu.id}" is unknown to ${doc.path} (the source was revised or the id edited)`,
    };
  if (!sameRuns(unit.source, xu.source))
    return {
      id: 'import/stale',
      message: `unit "${xu.id}" is stale: its source differs from the current source in ${doc.path}`,
    };
  return undefined;
}

/** The accepted units written into a copy of the bundle: their state (needs-review when the gate failed them) and origin. */
function decide(
  bundle: Bundle,
  accepted: readonly Accepted[],
  needsReview: ReadonlySet<string>,
  sent: (unit: string, text: string) => boolean | undefined,
): { bundle: Bundle; counts: { imported: number; unchanged: number } } {
  const translations: Record<string, string> = { ...bundle.translations };
  const meta: Record<string, UnitMeta> = { ...bundle.meta };
  let imported = 0;
  let unchanged = 0;
  for (const { unit, target, xu } of accepted) {
    const value = contentToI18n(target);
    const state = needsReview.has(unit.id) ? 'needs-review' : xu.state === 'new' ? 'translated' : xu.state;
    const origin = originOf(xu, state, value, translations[unit.id], meta[unit.id]?.origin, sent(unit.id, value));
    if (translations[unit.id] === value && meta[unit.id]?.state === state && meta[unit.id]?.origin === origin)
      unchanged++;
    else imported++;
    translations[unit.id] = value;
    meta[unit.id] = { state, origin, source: contentToI18n(unit.source) };
  }
  return { bundle: { translations, meta }, counts: { imported, unchanged } };
}

/** A stored translation a person made and stands by: what the memory learns from. */
function approvedTranslation(meta: UnitMeta): boolean {
  return meta.state !== 'needs-review' && meta.state !== 'new' && !isMachineOrigin(meta.origin);
}

function toMemory(doc: Document, unit: Unit, lang: string, bundle: Bundle): TmEntry {
  return memoryEntry(doc, unit, lang, bundle.translations[unit.id]!, bundle.meta[unit.id]!.origin);
}

/**
 * Writes the accepted files' bundles and memory entries together, or none of them.
 *
 * The bundles are first written to temporary files beside them (as each file was accepted) and flushed (an AtomicBatch): that is
 * where a full disk or a read-only folder fails, and then nothing has changed. Next the memory entries are added in
 * one SQLite transaction; if the memory cannot be opened or written (corrupted, read-only, full), the
 * transaction rolls back, the staged files are removed, and the store is as it was. Only when the
 * memory has committed are the staged files renamed into place, which needs no disk space. The one
 * window left — a rename failing after the memory committed — leaves the memory ahead of the store,
 * never behind it, and running the same import again completes the store (the memory ignores
 * entries it already holds). Writing the memory first, by contrast, would not protect it from a
 * bundle write failing on a full disk; renaming before the memory commits would leave the store
 * changed when the memory fails.
 */
async function commitImport(
  project: Project,
  files: readonly string[],
  batch: AtomicBatch,
  entries: EntrySpool,
): Promise<void> {
  await batch.flush();
  const again = files.length === 1 ? basename(namedByUser(project.root, files[0]!)) : 'the files';
  if (entries.count) {
    try {
      const memory = await openMemory(project, true);
      try {
        // An approved translation the team accepted into its bundles is its current one: it replaces the memory's.
        await memory!.addChunks(entries.chunks(), { overwrite: true });
      } finally {
        await memory?.close();
      }
    } catch (err) {
      await batch.abandon();
      const known = systemError(err, insideProject(project.root, project.config.tm.path, 'tm.path'));
      if (!known) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      const damaged = code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
      throw new LocflowError(`nothing was imported: ${known.message}`, {
        ...(known.file !== undefined ? { file: known.file } : {}),
        hint: `the locale store was not changed; ${damaged ? 'the memory file is damaged: restore it from a backup, or move it away to start a new memory' : (known.hint ?? 'check the memory file')}, then import ${again} again`,
      });
    }
  }
  await batch.commit();
}

const MACHINE = /^(?:mt|pseudo|tm)(?::|$)/u;

/**
 * Who made an imported target. A target a person changed (it is neither the text the file was
 * sent with nor the one stored) or approved (reviewed, final) is a human translation, whatever
 * mark of machine translation the CAT tool kept on it. Otherwise the file's origin, or the
 * store's more precise one ("mt:apertium" for the file's "mt").
 * `sentAsIs`: whether the target is the one the last export wrote (undefined: it wrote none).
 */
function originOf(
  xu: Pick<XliffUnit, 'origin'>,
  state: UnitState,
  value: string,
  stored: string | undefined,
  storedOrigin: string | undefined,
  sentAsIs: boolean | undefined,
): string {
  const before = storedOrigin ?? xu.origin;
  const changed =
    sentAsIs === false ? value !== stored : stored !== undefined && sentAsIs === undefined && value !== stored;
  const approved = state === 'reviewed' || state === 'final';
  if ((changed || approved) && before !== undefined && MACHINE.test(before)) return 'human';
  if (xu.origin === undefined) return storedOrigin ?? 'human';
  if (storedOrigin !== undefined && (storedOrigin === xu.origin || storedOrigin.startsWith(`${xu.origin}:`)))
    return storedOrigin;
  return xu.origin;
}

/** A tag the XLIFF file gives, canonical when Intl reads it, else as written (and then matches no project language). */
function canonical(tag: string): string {
  return intlCanonicalTag(tag) ?? tag;
}

function chooseTargetLanguage(project: Project, declared: string, file: string, requested: string | undefined): string {
  const lang = canonical(declared);
  if (requested !== undefined) {
    const [want] = chooseLanguages(project, [requested]);
    if (want !== lang)
      throw new LocflowError(`the XLIFF's target language is "${declared}", not "${requested}"`, {
        file,
        hint: 'import the file meant for that language, or drop --lang',
      });
  }
  if (!project.config.targetLanguages.includes(lang)) {
    throw new LocflowError(`the XLIFF's target language "${declared}" is not a target of this project`, {
      file,
      hint: `targets: ${project.config.targetLanguages.join(', ')}; add "${lang}" to targetLanguages in ${basename(project.configPath)} if it is meant to be one (folder: ${basename(dirname(file))})`,
    });
  }
  return lang;
}

/** A target language of the project that names a folder or a part of the file name ("xliff/es/a.xlf", "messages.es.xlf"). */
function targetNamedByPath(project: Project, file: string): string | undefined {
  const parts = relative(project.root, file).split(/[/\\.]/u);
  return project.config.targetLanguages.find((l) => parts.includes(l));
}

/** A target equal to the source in state "new" is a pre-filled copy for the CAT tool, not a translation. */
function hasTranslation(xu: XliffUnit): boolean {
  if (xu.target === undefined) return false;
  if (xu.state === 'new' && sameRuns(xu.target, xu.source)) return false;
  return true;
}

function compareCodes(unit: Unit, target: Content): string | null {
  // Counted once each (a unit may have thousands of codes): keys in sorted order, as before.
  const want = codeTally(codesOf(unit.source));
  const got = codeTally(codesOf(target));
  const missing = [...want]
    .filter(([k, w]) => (got.get(k)?.count ?? 0) < w.count)
    .map(([k]) => k)
    .sort();
  const extra = [...got]
    .filter(([k, g]) => g.count > (want.get(k)?.count ?? 0))
    .map(([k]) => k)
    .sort();
  if (!missing.length && !extra.length) return null;
  const show = (k: string): string => {
    const { type, data } = want.get(k)!.first;
    return `${k} (${type} "${clip(data, 30)}")`;
  };
  return [
    missing.length ? `the target lacks inline code(s) ${missing.map(show).join(', ')}` : '',
    extra.length ? `the target has inline code(s) the source does not: ${extra.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** The target with each code's data taken from the source, the only trustworthy copy of it. */
function withSourceCodes(unit: Unit, target: Content): Run[] {
  const codes = new Map<string, InlineCode>(codesOf(unit.source).map((c) => [codeKey(c), c]));
  return normalizeContent(target).map((run) => (typeof run === 'string' ? run : (codes.get(codeKey(run)) ?? run)));
}

/** A conflict as a person reads it: the unit by its label, and where the two texts differ (a long common start or end elided with "…"). */
function conflictMessage(id: string, label: string | undefined, store: string, file: string): string {
  const d = showDifference(store, file, 60);
  const name = label !== undefined && label !== id ? `"${label}" (${id})` : `"${id}"`;
  return `unit ${name}: the store has "${d.a}", the file "${d.b}"`;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function refuse(file: string, problems: readonly Diagnostic[], hint: string): never {
  const shown = problems.slice(0, 20).map((p) => `  ${p.line !== undefined ? `line ${p.line}: ` : ''}${p.message}`);
  if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
  throw new LocflowError(`refused, nothing was imported: ${problems.length} problem(s)\n${shown.join('\n')}`, {
    file,
    hint,
    diagnostics: problems,
  });
}
