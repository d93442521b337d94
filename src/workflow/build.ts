import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AtomicBatch } from '../io/atomic-batch.js';
import { oneRun, PIECE_BYTES } from '../io/files.js';
import { compiledWorker, documentThreads, runAlone, runsAlone } from '../io/worker-pool.js';
import { metaPathOf } from '../store/bundle.js';
import { LocflowError } from '../errors.js';
import type { Project } from '../project/project.js';
import { bundlePath, outputPath } from '../project/paths.js';
import { chooseLanguages } from '../project/languages.js';
import { checkedSources, type Source } from '../project/documents.js';
import { SegmentationRecord, type ReadingKey } from '../formats/segmentation-record.js';
import { codeVersion } from '../formats/code-version.js';
import { ReadAhead } from '../io/read-ahead.js';
import type { BuildResult, DocumentBuilt, DocumentTask, Output, readOrder as ReadOrder } from './build-document.js';

export type { BuildResult } from './build-document.js';

/** Rebuilds each localized document from its skeleton, i18next lookups and locale formatting. */
export interface BuildOptions {
  readonly langs?: readonly string[];
  /** Make and check every output, write none. */
  readonly dryRun?: boolean;
}

/**
 * Builds every document in every language asked for, all or nothing: the output paths are checked from the
 * source list before any document is read, then each document is read, built and staged in turn (one in
 * memory at a time), and the outputs replace the old ones together once every document has been built.
 */
export async function build(project: Project, options: BuildOptions = {}): Promise<BuildResult[]> {
  return oneRun(() => buildRun(project, options));
}

async function buildRun(project: Project, options: BuildOptions): Promise<BuildResult[]> {
  const langs = languagesToBuild(project, options.langs);
  // The sources are listed once: the plan is made from the list, then the documents are read from it.
  const sources = checkedSources(project);
  const plan = planOutputs(project, langs, sources);
  // On 2 cores, one thread (2,318 articles under load 11: 1.03 s CPU on one thread, 1.31 s on two, no sooner).
  const workerFile = buildWorkerFile();
  const threads = documentThreads(sources, workerFile);
  // Many documents on one thread: that thread is a worker whose young generation is bounded (runAlone).
  if (runsAlone(threads, sources.length, workerFile)) {
    const data: BuildAloneData = { alone: true, project, options, langs, sources, plan };
    return runAlone<BuildResult[]>(workerFile, data);
  }
  return buildSources(project, options, langs, sources, plan, threads);
}

/** What a worker running a whole build on its own thread is told (build-worker.ts). */
export interface BuildAloneData {
  readonly alone: true;
  readonly project: Project;
  readonly options: BuildOptions;
  readonly langs: readonly string[];
  readonly sources: readonly Source[];
  readonly plan: ReadonlyMap<string, readonly Output[]>;
}

/** The documents of `sources` built into the outputs of `plan`, on `threads` threads. */
export async function buildSources(
  project: Project,
  options: BuildOptions,
  langs: readonly string[],
  sources: readonly Source[],
  plan: ReadonlyMap<string, readonly Output[]>,
  threads: number,
): Promise<BuildResult[]> {
  // The builder and what it loads (the ICU message formats, the locale's formats), loaded by the thread that builds:
  // a run handed to a worker (runAlone) does not load them on the main thread too.
  const { DocumentBuilder, readOrder } = await import('./build-document.js');
  // Many documents: their outputs are written by a thread of their own from the first. On one thread, an output folder
  // not there yet is written beside its place and renamed into it whole at the end.
  const batch = options.dryRun
    ? undefined
    : new AtomicBatch({ manyFiles: sources.length * langs.length >= MANY_FILES, stageNewFolders: threads === 1 });
  // On one thread, many small files are read (and decoded) a few documents ahead by a thread of their own: each
  // source, its bundles and outputs; started before the record is read, so that it is ready with the first document.
  let ahead: ReadAhead | undefined;
  let record: SegmentationRecord;
  const results: BuildResult[] = [];
  try {
    // The first outputs in new folders are created on the writer thread while the record is read.
    batch?.expect(sources.flatMap((source) => plan.get(source.meta.id)!.map((output) => output.file)));
    if (threads === 1 && sources.length >= READ_AHEAD_FROM) ahead = readAhead(project, batch, sources, plan, readOrder);
    record = SegmentationRecord.open(project.root, readingKey(project));
    // A document's entry is decoded from the record as the document comes (one thread), or all first (workers).
    const task = (source: Source): DocumentTask => ({
      source,
      outputs: plan.get(source.meta.id)!,
      entry: record.entryFor(source.meta.path),
    });
    // Taken in the order of the sources, whichever thread built each: the same results and record as one thread.
    const take = (done: DocumentBuilt, i: number): void => {
      results.push(...done.results);
      if (done.entry) record.keep(sources[i]!.meta.path, done.entry, done.made);
    };
    if (threads > 1) {
      const { buildInWorkers } = await import('./build-pool.js');
      await buildInWorkers({
        project,
        batch,
        recording: record.keeping,
        threads,
        tasks: sources.map(task),
        take,
        workerFile: buildWorkerFile()!,
      });
    } else {
      const here = new DocumentBuilder(project, batch, record.keeping, ahead);
      // One document in memory at a time.
      for (let i = 0; i < sources.length; i++) take(await here.build(task(sources[i]!)), i);
    }
  } catch (err) {
    await batch?.abandon();
    throw err;
  } finally {
    ahead?.stop();
  }
  await batch?.commit();
  if (batch) await record.save();
  return results;
}

/**
 * A thread reading each document's source, bundles and outputs ahead, in the order the documents are built; an output
 * only where its folder was there before the run (a rebuild), to be compared with what is built.
 */
function readAhead(
  project: Project,
  batch: AtomicBatch | undefined,
  sources: readonly Source[],
  plan: ReadonlyMap<string, readonly Output[]>,
  readOrder: typeof ReadOrder,
): ReadAhead | undefined {
  const there = new Map<string, boolean>();
  const outputRead = (file: string): boolean => {
    const dir = dirname(file);
    let known = there.get(dir);
    if (known === undefined) there.set(dir, (known = batch !== undefined && existsSync(dir)));
    return known;
  };
  const documents = sources.map((source) => ({ source, outputs: plan.get(source.meta.id)! }));
  const order = readOrder(documents, project.config, outputRead);
  return ReadAhead.start(order.files, PIECE_BYTES, order.modes);
}

/** Outputs from which a run's batch writes them on a thread of its own from the first (its start pays over many). */
const MANY_FILES = 64;

/** Documents from which a run reads them ahead on a thread of their own (its start pays only over many files). */
const READ_AHEAD_FROM = 64;

/** The compiled worker of build, when there is one. */
export function buildWorkerFile(): string | undefined {
  return compiledWorker(new URL('./build-worker.js', import.meta.url));
}

/** What reading a source depends on besides its text: the code, the source language, the encoding, "text" settings. */
function readingKey(project: Project): ReadingKey {
  const { sourceLanguage, encoding, text } = project.config;
  return { code: codeVersion(), sourceLanguage, encoding, text };
}

/** The languages asked for (default: every target); the source language may be built too: it gives the source back. */
function languagesToBuild(project: Project, asked: readonly string[] | undefined): string[] {
  const { sourceLanguage } = project.config;
  return asked?.length
    ? asked.flatMap((l) => (l === sourceLanguage ? [l] : chooseLanguages(project, [l])))
    : chooseLanguages(project, undefined);
}

/**
 * Each document's outputs by document id, from the source list (no document read): refused when an output would be
 * written over the translation store, over a source, or over another document's output.
 */
function planOutputs(project: Project, langs: readonly string[], listed: readonly Source[]): Map<string, Output[]> {
  const docs = listed.map((s) => ({ id: s.meta.id, path: s.meta.path }));
  const plan = new Map(
    docs.map((doc) => [
      doc.id,
      langs.map((lang) => ({ lang, file: outputPath(project, lang, doc), bundle: bundlePath(project, lang, doc) })),
    ]),
  );
  const store = new Set<string>();
  for (const outs of plan.values()) for (const { bundle } of outs) store.add(bundle).add(metaPathOf(bundle));
  const sources = new Set(listed.map((s) => s.file));
  const planned = new Map<string, string>();
  for (const doc of docs) {
    for (const { file } of plan.get(doc.id)!) {
      // A JSON source built next to its bundle would overwrite the translations.
      if (store.has(file))
        throw new LocflowError(
          `the localized ${doc.path} would be written over the translation store ${file}; nothing was written`,
          {
            file: project.configPath,
            hint: 'set locales.output to another place for JSON sources, e.g. "build/{lang}/{doc}{ext}"',
          },
        );
      if (sources.has(file))
        throw new LocflowError(
          `the localized ${doc.path} would be written over the source ${file}; nothing was written`,
          { file: project.configPath, hint: 'set locales.output to a place apart from the sources' },
        );
      const twin = planned.get(file);
      if (twin !== undefined)
        throw new LocflowError(`${twin} and ${doc.path} would both be built into ${file}; nothing was written`, {
          file: project.configPath,
          hint: 'make locales.output tell the documents apart',
        });
      planned.set(file, doc.path);
    }
  }
  return plan;
}
