import { asLocflowError } from '../errors.js';
import { countWords, documentLabels, textOnly, type Document, type Run } from '../model/index.js';
import { MtError, type Engine, type EngineBatch } from '../mt/types.js';
import { SMALL_RUN_PAIRS, type RunOptions } from '../qa/runner.js';
import type { QaPair } from '../qa/types.js';
import type { TranslationMemory } from '../tm/memory.js';
import { protectForMt, restoreFromMt, type Protected, type ProtectedTerm } from '../mt/protect.js';
import { protectedTerms } from './steps/protected-terms.js';
import { pseudoContent } from '../mt/pseudo-text.js';
import { contentToI18n } from '../store/codes.js';
import { bundleFilePieces, readBundle, type Bundle, type UnitMeta } from '../store/bundle.js';
import { AtomicBatch } from '../io/atomic-batch.js';
import { withProjectLock } from '../io/lock.js';
import { storedUnits, type FlaggedUnit, type StoredUnit } from '../project/translations.js';
import { openMemory } from '../project/memory.js';
import { leverage } from './steps/leverage.js';
import { gate, loadGate, readAhead, readyGate } from './steps/gate.js';
import { Parts } from './steps/gate-parts.js';
import { compileWithoutInlining, holdV8Flag } from '../runtime/v8-tuning.js';
import { startEngine, type BatchStarter, type EngineStart } from './steps/engine-start.js';
import type { Project } from '../project/project.js';
import { qaOptions } from '../project/qa.js';
import { bundlePath } from '../project/paths.js';
import { eachDocument, loadBundle } from '../project/documents.js';

export interface TranslateOptions {
  readonly engine: string;
  readonly langs?: readonly string[];
  /** Count what would be sent, send nothing. */
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
  /** Told once, before the engine starts: the units and documents this run has to translate. */
  readonly onPlan?: (plan: TranslatePlan) => void;
  /** Told after each batch: units done of the whole run, and the document being translated. */
  readonly onProgress?: (progress: TranslateProgress) => void;
  /** Told as each document is finished, before the next one starts. */
  readonly onResult?: (result: TranslateResult) => void;
  /** Let the pseudo engine fill the store of a real language (not a pseudo-locale). */
  readonly force?: boolean;
  /** Units per engine call; the store is saved after each, so an interruption loses at most one batch. */
  readonly batchSize?: number;
  /** The engine as startEngine started it for these options (before this module was even loaded). */
  readonly started?: EngineStart;
}

export interface TranslatePlan {
  /** Units to translate in the whole run (memory matches included), and the documents they are in. */
  readonly units: number;
  readonly documents: number;
}

export interface TranslateProgress {
  readonly lang: string;
  readonly doc: string;
  /** Units done and to do in the whole run. */
  readonly done: number;
  readonly total: number;
}

export interface TranslateResult {
  readonly lang: string;
  readonly doc: string;
  readonly units: number;
  readonly words: number;
  readonly characters: number;
  readonly translated: number;
  /** Units filled from exact translation-memory matches instead of MT. */
  readonly fromMemory: number;
  /** Units whose MT output failed an error-level check: stored as needs-review, with the reasons. */
  readonly flagged: readonly FlaggedUnit[];
  readonly interrupted: boolean;
}

export async function translate(project: Project, options: TranslateOptions): Promise<TranslateResult[]> {
  // An engine that is slow to start (Apertium's dozen processes) starts on the first language first, while the
  // documents are read; the batch is given up if nothing turns out to need it.
  const { langs, engine, starter } = options.started ?? (await startEngine(project, options));
  // From here on, whatever fails, the engine's early batch is stopped (an engine process left waiting for input
  // would outlive the run in a process that goes on, such as a caller running command lines).
  let memory: TranslationMemory | null = null;
  let inliningBack: (() => void) | undefined;
  try {
    const docs: Document[] = [];
    for (const doc of eachDocument(project)) {
      docs.push(doc);
      // A turn for the engine's start: it needs the list of installed pairs, which comes while documents are read.
      if (starter) await new Promise((resolve) => setImmediate(resolve));
    }
    const qa = qaOptions(project);
    memory = options.dryRun ? null : await openMemory(project, false);
    // Every document's work is known before the engine starts: progress is told against the whole run.
    const jobs = langs.flatMap((lang) =>
      docs.map((doc) => {
        const bundle = loadBundle(project, lang, doc);
        return { lang, doc, bundle, todo: storedUnits(doc, bundle).filter((s) => s.target === undefined) };
      }),
    );
    const run = new TranslateRun(project, options, engine, qa, jobs);
    // A run of few units is compiled without V8's inlining from here to its end, as a check run of as few pairs is: in
    // so short a run the compiler's work (on the other core, beside Apertium) does not pay back. A run of fewer still
    // (BASELINE_RUN_UNITS) gets no optimizing compiler at all: its code stays V8's baseline code. The gate's modules
    // are loaded first, as V8 takes a module's code cache only under the flags it was made with.
    if (!options.dryRun && run.total > 0 && run.total < SMALL_RUN_PAIRS) {
      await loadGate(qa);
      const inlining = compileWithoutInlining();
      const optimizing = run.total < BASELINE_RUN_UNITS ? holdV8Flag('--no-turbofan', '--turbofan') : undefined;
      inliningBack = () => {
        optimizing?.();
        inlining();
      };
    }
    for (const lang of langs) {
      const ofLang = jobs.filter((j) => j.lang === lang);
      if (starter) {
        if (!(await run.streamed(lang, ofLang, memory, starter))) break; // interrupted
        continue;
      }
      // The units still to translate of every document of the language, in document order: the engine gets
      // them in few, large batches across documents (each Apertium start costs more than a short article).
      const pending: Pending[] = [];
      for (const job of ofLang) pending.push(...(await run.fromMemory(job, memory)));
      if (!(await run.throughEngine(lang, pending))) break; // interrupted
    }
    return run.results;
  } finally {
    inliningBack?.();
    starter?.giveUp();
    await memory?.close();
  }
}

/**
 * Units under which a translate run is compiled by V8's baseline compiler only (`--no-turbofan`, from the documents
 * read to the run's end): in a run of a few hundred units, the optimizing compiler's jobs on V8's other threads cost more
 * than its faster code saves, and they compete with the engine for the cores (real news, 448 units: Node's own CPU
 * −8 %, the whole run's −4 %, the main thread +7 %; at 1,669 units the main thread is +29 % and Node's CPU +3 %).
 */
export const BASELINE_RUN_UNITS = 600;

/** A document of one language and its units without a translation. */
interface Job {
  readonly lang: string;
  readonly doc: Document;
  readonly bundle: Bundle;
  readonly todo: readonly StoredUnit[];
}

/** A unit left for the engine, with the document it belongs to. */
interface Pending {
  readonly work: DocumentWork;
  readonly s: StoredUnit;
}

/** One translate run: the results told so far and the progress against the whole run. */
class TranslateRun {
  readonly results: TranslateResult[] = [];
  /** Units to translate in the whole run. */
  readonly total: number;
  private done = 0;
  /** The target languages whose gate has been made ready (readyGate). */
  private readonly gateReady = new Set<string>();

  constructor(
    private readonly project: Project,
    private readonly options: TranslateOptions,
    private readonly engine: Engine,
    private readonly qa: RunOptions,
    jobs: readonly Job[],
  ) {
    this.total = jobs.reduce((n, j) => n + j.todo.length, 0);
    options.onPlan?.({ units: this.total, documents: jobs.filter((j) => j.todo.length).length });
  }

  private finish(result: TranslateResult): void {
    this.results.push(result);
    this.options.onResult?.(result);
  }

  private progress(lang: string, doc: string): void {
    this.options.onProgress?.({ lang, doc, done: this.done, total: this.total });
  }

  /**
   * The gate made ready while the engine works on a batch: for a language on a unit of its first batch, once a run;
   * then what it reads of the batch's sources alone, read.
   */
  async readyGate(lang: string, batch: readonly Pending[]): Promise<void> {
    if (!this.gateReady.has(lang)) {
      this.gateReady.add(lang);
      const { work, s } = batch[0]!;
      const { doc } = work;
      const pair = { id: s.unit.id, source: s.unit.source, target: s.unit.source, file: doc.path };
      await readyGate({ ...pair, sourceLang: doc.sourceLang, targetLang: lang }, this.qa);
    }
    await readAhead(
      batch.map(({ work, s }) => ({ source: s.unit.source, sourceLang: work.doc.sourceLang })),
      this.qa,
    );
  }

  /**
   * A document's exact memory matches, stored first (an exact match costs nothing and was approved by a
   * person); the units left for the engine.
   */
  async fromMemory(job: Job, memory: TranslationMemory | null): Promise<Pending[]> {
    const { lang, doc, bundle, todo } = job;
    const base = baseOf(job);
    if (this.options.dryRun || todo.length === 0) {
      this.finish({ ...base, translated: 0, fromMemory: 0, flagged: [], interrupted: false });
      return [];
    }
    this.progress(lang, doc.id);
    // Pseudo text stands for the source language: its names are written back as the source has them.
    const termsLang = this.engine.name === 'pseudo' ? doc.sourceLang : lang;
    const work: DocumentWork = {
      doc,
      base,
      terms: protectedTerms(doc, this.qa.glossary ?? { entries: [] }, termsLang),
      translations: { ...bundle.translations },
      meta: { ...bundle.meta },
      flagged: [],
      translated: 0,
      fromMemory: 0,
      left: todo.length,
    };
    const exact = await leverage(
      memory,
      todo.map((s) => s.unit),
      doc.sourceLang,
      lang,
    );
    const rest: Pending[] = [];
    for (const [i, s] of todo.entries()) {
      const m = exact[i];
      if (!m) {
        rest.push({ work, s });
        continue;
      }
      work.translations[s.unit.id] = m.target;
      work.meta[s.unit.id] = { state: m.state, origin: 'tm', source: contentToI18n(s.unit.source) };
      work.fromMemory++;
      work.left--;
    }
    if (work.fromMemory) {
      await save(this.project, lang, [work]);
      this.done += work.fromMemory;
      this.progress(lang, doc.id);
    }
    if (work.left === 0) this.finish(resultOf(work, false));
    return rest;
  }

  /** The units left, through the engine and the QA gate in batches, each saved; false when interrupted. */
  async throughEngine(lang: string, pending: readonly Pending[]): Promise<boolean> {
    for (let from = 0; from < pending.length;) {
      const to = batchEnd(pending, from, this.options.batchSize);
      const batch = pending.slice(from, to);
      const signal = this.options.signal;
      // (an engine that answers over the network leaves this thread idle meanwhile: the gate is made ready then)
      const ready = (): Promise<void> => this.readyGate(lang, batch);
      const targets = signal?.aborted ? undefined : await engineBatch(this.engine, batch, lang, signal, ready);
      if (!targets) {
        // Interrupted: the document in progress is told as such; the ones after it were not started.
        this.finish(resultOf(batch[0]!.work, true));
        return false;
      }
      await this.stored(lang, batch, targets);
      from = to;
    }
    return true;
  }

  /**
   * A batch's translations through the QA gate into the store: saved, progress and finished documents told. The save
   * begins as the gate does (see beginSave): what it writes of the translations does not wait for the gate's verdicts.
   */
  private async stored(
    lang: string,
    batch: readonly Pending[],
    targets: readonly Run[][],
    judged?: Judged,
  ): Promise<void> {
    const touched = new Set<DocumentWork>();
    batch.forEach(({ work, s }, i) => {
      work.translations[s.unit.id] = contentToI18n(targets[i]!);
      touched.add(work);
    });
    const saving = beginSave(this.project, lang, [...touched]);
    let outputs: Gated[];
    try {
      outputs = await gated(batch, targets, lang, this.qa, judged);
    } catch (err) {
      await saving.abandon();
      throw err;
    }
    for (const { work, s, problems } of outputs) this.store(work, s, problems);
    await saving.finish();
    this.done += batch.length;
    this.progress(lang, batch[batch.length - 1]!.work.doc.id);
    for (const work of touched) if (work.left === 0) this.finish(resultOf(work, false));
  }

  /**
   * The units of one language through an engine that takes a batch while it is being filled: each document's
   * units go to the engine as soon as the document is read, in the batches `batchEnd` would cut. While the engine
   * translates one batch the next is filled; a batch is gated and saved once the next is cut (or at the end), so
   * documents are told in a fixed order. False when interrupted.
   */
  async streamed(
    lang: string,
    jobs: readonly Job[],
    memory: TranslationMemory | null,
    starter: BatchStarter,
  ): Promise<boolean> {
    const signal = this.options.signal;
    let filling: Filling | undefined;
    let sent: Sent | undefined;
    // Interrupted: the document in progress is told as such; the ones after it were not started.
    const interrupted = (job: Job): false => {
      this.finish({ ...baseOf(job), translated: 0, fromMemory: 0, flagged: [], interrupted: true });
      return false;
    };
    /** The batch sent before is gated and saved; the one being filled is sent. */
    const cut = async (): Promise<boolean> => {
      const ended = filling!;
      filling = undefined;
      const outputs = ended.end();
      outputs.catch(() => undefined); // read below, or given up
      const before = sent;
      sent = {
        batch: ended.batch,
        prepared: ended.prepared,
        engine: ended.engine,
        outputs,
        arrived: ended.arrived,
        parts: ended.parts.ends,
      };
      if (before && !(await this.afterEngine(lang, before))) return false;
      return true;
    };
    try {
      for (const job of jobs) {
        if (signal?.aborted) {
          if (!filling && !sent) return interrupted(job);
          break; // the batch in flight is told as interrupted below
        }
        for (const p of await this.fromMemory(job, memory)) {
          filling ??= new Filling(starter.begin(p.work.doc.sourceLang, lang), lang, (pairs) => gate(pairs, this.qa));
          filling.push(p);
          if (filling.full(this.options.batchSize) && !(await cut())) return false;
        }
        filling?.send();
      }
      if (filling && !(await cut())) return false;
      if (sent && !(await this.afterEngine(lang, sent))) return false;
      sent = undefined;
      return true;
    } catch (err) {
      const inFlight = sent ?? filling;
      if (signal?.aborted && inFlight) {
        this.finish(resultOf(inFlight.batch[0]!.work, true));
        return false;
      }
      throw asLocflowError(err) ?? err;
    } finally {
      filling?.giveUp();
      if (sent)
        void sent.engine.then(
          (e) => e.cancel(),
          () => undefined,
        );
    }
  }

  /**
   * A sent batch's translations, restored, gated and stored; false when the run was interrupted. With an engine that
   * tells its translations as it makes them, the gate's first pass reads them as they come (gateArriving).
   */
  private async afterEngine(lang: string, sent: Sent): Promise<boolean> {
    const signal = this.options.signal;
    // (Apertium translates the batch meanwhile: the gate's start-up and its reading of the sources are not left for
    // after its answer)
    await this.readyGate(lang, sent.batch);
    const { arrived } = sent;
    let out: string[];
    try {
      out = await sent.outputs;
    } catch (err) {
      if (signal?.aborted) {
        this.finish(resultOf(sent.batch[0]!.work, true));
        return false;
      }
      throw asLocflowError(err) ?? err;
    }
    if (out.length !== sent.prepared.length)
      throw new MtError(`${this.engine.name} returned ${out.length} translations for ${sent.prepared.length} units`);
    // (what was told is what the engine gave, every part judged as it came: else the batch is judged here, part by
    // part, on what the engine gave)
    const told =
      arrived.telling &&
      !arrived.broken &&
      arrived.told.length === out.length &&
      out.every((t, i) => arrived.told[i] === t) &&
      arrived.verdicts.length === sent.parts.length;
    const targets = told
      ? arrived.targets
      : sent.prepared.map((p, i) => restoreFromMt(out[i]!, p.slots, sent.batch[i]!.s.unit.source).content);
    const judged = told ? { pairs: arrived.pairs, failing: joined(arrived.verdicts) } : undefined;
    await this.stored(lang, sent.batch, targets, judged);
    return true;
  }

  /** An engine's output (its translation in the store already) stored as translated, or needs-review with the reasons. */
  private store(work: DocumentWork, s: StoredUnit, problems: string[] | undefined): void {
    work.meta[s.unit.id] = {
      state: problems ? 'needs-review' : 'translated',
      origin: `mt:${this.engine.name}`,
      source: contentToI18n(s.unit.source),
    };
    if (problems)
      work.flagged.push({
        unit: s.unit.id,
        label: (work.labels ??= documentLabels(work.doc)).get(s.unit.id),
        problems,
      });
    work.translated++;
    work.left--;
  }
}

/** One document's share of a translate run: its store as this run fills it, and its counts. */
interface DocumentWork {
  readonly doc: Document;
  readonly base: Pick<TranslateResult, 'lang' | 'doc' | 'units' | 'words' | 'characters'>;
  readonly terms: readonly ProtectedTerm[];
  readonly translations: Record<string, string>;
  readonly meta: Record<string, UnitMeta>;
  readonly flagged: FlaggedUnit[];
  translated: number;
  fromMemory: number;
  /** Units not translated yet. */
  left: number;
  /** Made on the first flagged unit. */
  labels?: Map<string, string>;
}

/** What a document has to translate in one language. */
function baseOf({ lang, doc, todo }: Job): DocumentWork['base'] {
  return {
    lang,
    doc: doc.id,
    units: todo.length,
    words: todo.reduce((n, s) => n + countWords(s.unit.source), 0),
    characters: todo.reduce((n, s) => n + textOnly(s.unit.source).length, 0),
  };
}

function resultOf(work: DocumentWork, interrupted: boolean): TranslateResult {
  const { translated, fromMemory, flagged } = work;
  return { ...work.base, translated, fromMemory, flagged, interrupted };
}

/**
 * Source characters per engine call when no unit count is given: one Apertium run for a score of articles,
 * and few enough seconds per call that progress and Ctrl-C still answer.
 */
const BATCH_CHARACTERS = 60_000;

function batchEnd(pending: ReadonlyArray<{ s: StoredUnit }>, from: number, units: number | undefined): number {
  if (units !== undefined) return Math.min(pending.length, from + Math.max(1, units));
  let to = from;
  let size = 0;
  while (to < pending.length && (to === from || size < BATCH_CHARACTERS))
    size += textOnly(pending[to++]!.s.unit.source).length;
  return to;
}

/** One engine call over units of one or more documents: their translations; undefined when the run was interrupted. */
async function engineBatch(
  engine: Engine,
  batch: readonly Pending[],
  lang: string,
  signal: AbortSignal | undefined,
  ready: () => Promise<void>,
): Promise<Run[][] | undefined> {
  let targets: Run[][];
  try {
    // Pseudo-translation is computed, not sent: the same text "locflow pseudo" writes.
    if (engine.name === 'pseudo')
      targets = batch.map(({ work, s }) => pseudoContent(s.unit.source, { keep: work.terms }));
    else {
      const translating = translateBatch(engine, batch, batch[0]!.work.doc.sourceLang, lang, signal);
      translating.catch(() => undefined); // awaited below
      await ready();
      targets = await translating;
    }
  } catch (err) {
    if (signal?.aborted) return undefined;
    throw asLocflowError(err) ?? err;
  }
  return targets;
}

/** A unit's translation after the QA gate: `problems` when it failed an error-level check (stored as needs-review). */
interface Gated {
  readonly work: DocumentWork;
  readonly s: StoredUnit;
  readonly problems?: string[];
}

/** A pair the QA gate judges: a unit's source and its new translation. */
type GatePair = QaPair & { readonly id: string; readonly file: string };

function gatePair(work: DocumentWork, s: StoredUnit, target: Run[], lang: string): GatePair {
  return {
    id: s.unit.id,
    source: s.unit.source,
    target,
    sourceLang: work.doc.sourceLang,
    targetLang: lang,
    file: work.doc.path,
  };
}

/** The verdicts of a batch's parts, as one. */
async function joined(
  verdicts: ReadonlyArray<Map<GatePair, string[]> | Promise<Map<GatePair, string[]>>>,
): Promise<Map<GatePair, string[]>> {
  const all = new Map<GatePair, string[]>();
  for (const part of await Promise.all(verdicts)) for (const [pair, problems] of part) all.set(pair, problems);
  return all;
}

/** A batch's pairs (the same as gated makes) and the gate's verdicts on them, begun before the batch was all there. */
interface Judged {
  readonly pairs: readonly GatePair[];
  readonly failing: Promise<Map<GatePair, string[]>>;
}

/**
 * MT output through the QA gate, part by part (gate-parts.ts): what fails an error-level check is kept, but as
 * needs-review. `judged`: the parts judged as their translations came; if that failed, the batch is judged here.
 */
async function gated(
  batch: readonly Pending[],
  targets: readonly Run[][],
  lang: string,
  qa: RunOptions,
  judged?: Judged,
): Promise<Gated[]> {
  let pairs: readonly GatePair[] | undefined;
  let failing: Map<GatePair, string[]> | undefined;
  if (judged)
    try {
      failing = await judged.failing;
      pairs = judged.pairs;
    } catch {
      failing = undefined;
    }
  if (!failing || !pairs) {
    const all = batch.map(({ work, s }, i) => gatePair(work, s, targets[i]!, lang));
    pairs = all;
    const parts = new Parts();
    for (const { work, s } of batch) parts.add(work, textOnly(s.unit.source).length);
    parts.close();
    const verdicts = [];
    for (const [k, end] of parts.ends.entries()) verdicts.push(await gate(all.slice(parts.ends[k - 1] ?? 0, end), qa));
    failing = await joined(verdicts);
  }
  return batch.map(({ work, s }, i): Gated => {
    const problems = failing.get(pairs[i]!);
    return { work, s, ...(problems ? { problems } : {}) };
  });
}

/**
 * A batch's translations as the engine tells them (EngineBatch.each), each restored into a pair for the gate, and the
 * gate's verdicts on each part begun as soon as its translations are all in.
 */
interface Arrived {
  /** The translations told, in order; their restored targets; the pairs of those for the gate. */
  readonly told: string[];
  readonly targets: Run[][];
  readonly pairs: GatePair[];
  /** Per part, in order: the gate's verdicts, those begun. */
  readonly verdicts: Array<Promise<Map<GatePair, string[]>>>;
  /** The engine tells its translations (else they come all at once, at the end). */
  telling: boolean;
  /** A translation told out of order or not restored: the batch is judged at its end. */
  broken: boolean;
}

/** A batch being filled: its units, protected for MT, go to the engine a document at a time. */
class Filling {
  readonly batch: Pending[] = [];
  readonly prepared: Protected[] = [];
  private unsent = 0;
  private size = 0;
  private delivered: Promise<void> = Promise.resolve();
  readonly arrived: Arrived = { told: [], targets: [], pairs: [], verdicts: [], telling: false, broken: false };
  readonly parts = new Parts();
  /** The part judgements, one after the other. */
  private judging: Promise<unknown> = Promise.resolve();

  constructor(
    readonly engine: Promise<EngineBatch>,
    private readonly lang: string,
    private readonly judge: (pairs: GatePair[]) => Promise<Map<GatePair, string[]>>,
  ) {
    engine.then(
      (e) => {
        if (!e.each) return;
        this.arrived.telling = true;
        e.each((i, translation) => this.arrive(i, translation));
      },
      () => undefined, // a failed start is told by end()
    );
  }

  /** The i-th unit's translation, told (in order) by the engine: restored into the gate's pair. */
  private arrive(i: number, translation: string): void {
    const { told, targets, pairs } = this.arrived;
    if (this.arrived.broken) return;
    try {
      if (i !== told.length) throw new Error(`translation ${i} told after ${told.length}`);
      const { work, s } = this.batch[i]!;
      const target = restoreFromMt(translation, this.prepared[i]!.slots, s.unit.source).content;
      told.push(translation);
      targets.push(target);
      pairs.push(gatePair(work, s, target, this.lang));
    } catch {
      this.arrived.broken = true; // the batch is judged at its end
      return;
    }
    this.judgeReady();
  }

  /** Each part whose translations are all in, judged (after the part before it). */
  private judgeReady(): void {
    const { pairs, verdicts } = this.arrived;
    const ends = this.parts.ends;
    while (verdicts.length < ends.length && pairs.length >= ends[verdicts.length]!) {
      const part = pairs.slice(ends[verdicts.length - 1] ?? 0, ends[verdicts.length]);
      const verdict = this.judging.then(() => this.judge(part));
      verdict.catch(() => undefined); // read at the batch's end, or given up
      this.judging = verdict.catch(() => undefined);
      verdicts.push(verdict);
    }
  }

  push(p: Pending): void {
    const characters = textOnly(p.s.unit.source).length;
    this.parts.add(p.work, characters);
    this.batch.push(p);
    this.prepared.push(protectForMt(p.s.unit.source, p.work.terms));
    this.size += characters;
    this.judgeReady(); // (a part just ended may be in already)
  }

  /** Where `batchEnd` would cut. */
  full(units: number | undefined): boolean {
    return units !== undefined ? this.batch.length >= Math.max(1, units) : this.size >= BATCH_CHARACTERS;
  }

  /**
   * The units pushed since the last send, to the engine once it has started (without waiting for it: the next
   * document is read meanwhile).
   */
  send(): void {
    if (this.unsent === this.prepared.length) return;
    const html = this.prepared.slice(this.unsent).map((p) => p.html);
    this.unsent = this.prepared.length;
    this.delivered = this.delivered.then(async () => (await this.engine).add(html));
    this.delivered.catch(() => undefined); // a failed start is told by end()
  }

  /** No more units: the batch's translations. */
  end(): Promise<string[]> {
    this.send();
    this.parts.close();
    this.judgeReady();
    return this.delivered.then(() => this.engine).then((e) => e.end());
  }

  giveUp(): void {
    void this.engine.then(
      (e) => e.cancel(),
      () => undefined,
    );
  }
}

/** A batch sent whole to the engine, its translations to come. */
interface Sent {
  readonly batch: readonly Pending[];
  readonly prepared: readonly Protected[];
  readonly engine: Promise<EngineBatch>;
  readonly outputs: Promise<string[]>;
  readonly arrived: Arrived;
  /** Where its parts end (gate-parts.ts). */
  readonly parts: readonly number[];
}

/**
 * Saves what this run translated into the store, under the project lock: each bundle is read again
 * and only units still untranslated there are filled, so a translation that an import (or another
 * translate) stored while the engine worked is kept — machine translation never overwrites one.
 * The lock is held only for the read-modify-write, not while the engine works. The documents of a batch are
 * written together (one AtomicBatch): flushed side by side, then renamed, each file old or new after a crash.
 */
async function save(project: Project, lang: string, works: readonly DocumentWork[]): Promise<void> {
  await beginSave(project, lang, works).finish();
}

/** A save begun (beginSave): `finish` once each unit's state is in its document's meta, or `abandon`. */
interface Saving {
  finish(): Promise<void>;
  abandon(): Promise<void>;
}

/**
 * save, begun before the units' states are known (the QA gate decides them): which units it fills, and the
 * translations file of each document, do not depend on them. Under the lock, those files are written and flushed
 * (on the file system's threads) while the gate runs; `finish` adds each document's meta file and renames them all
 * together; `abandon` leaves every file as it was. The lock is held from the first read to the last rename, as in a
 * save begun after the gate. A save finished at once (`save`) flushes all its files together.
 */
function beginSave(project: Project, lang: string, works: readonly DocumentWork[]): Saving {
  let judged = false;
  let tell!: (go: boolean) => void;
  const verdict = new Promise<boolean>((resolve) => (tell = resolve));
  // Held without re-entry (the body never takes the lock again): no async context is set, which would have Node call a
  // hook for every promise made from the first save to the end of the run (the engine's, the gate's, later batches').
  const saved = withProjectLock(
    project.root,
    'translate',
    async () => {
      const batch = new AtomicBatch();
      try {
        const filled = [];
        for (const work of works) {
          const path = bundlePath(project, lang, work.doc);
          const fresh = readBundle(path);
          const translations: Record<string, string> = { ...fresh.translations };
          const taken: string[] = [];
          for (const [id, text] of Object.entries(work.translations)) {
            if (translations[id] !== undefined) continue;
            translations[id] = text;
            taken.push(id);
          }
          const order = work.doc.units.map((u) => u.id);
          // (bundleFiles' translations file alone: its text does not depend on the meta)
          const [file] = bundleFilePieces(path, { translations, meta: {} }, order);
          await batch.write(file!.path, [...file!.pieces].join(''));
          filled.push({ work, path, translations, meta: fresh.meta, taken, order });
        }
        // (the gate still running: the translations made durable meanwhile)
        const flushed = judged ? undefined : batch.flush();
        flushed?.catch(() => undefined); // awaited below
        const go = await verdict;
        await flushed;
        if (!go) {
          await batch.abandon();
          return;
        }
        for (const { work, path, translations, meta: theirs, taken, order } of filled) {
          const meta: Record<string, UnitMeta> = { ...theirs };
          for (const id of taken) {
            const m = work.meta[id];
            if (m) meta[id] = m;
          }
          const [, file] = bundleFilePieces(path, { translations, meta }, order);
          await batch.write(file!.path, [...file!.pieces].join(''));
        }
      } catch (err) {
        await batch.abandon();
        throw err;
      }
      await batch.commit();
    },
    { reentrant: false },
  );
  saved.catch(() => undefined); // awaited by finish or abandon
  const end = async (go: boolean): Promise<void> => {
    judged = true;
    tell(go);
    await saved;
  };
  return { finish: () => end(true), abandon: () => end(false).catch(() => undefined) };
}

async function translateBatch(
  engine: Engine,
  batch: ReadonlyArray<{ work: DocumentWork; s: StoredUnit }>,
  source: string,
  target: string,
  signal?: AbortSignal,
): Promise<Run[][]> {
  const prepared = batch.map(({ work, s }) => ({ s, p: protectForMt(s.unit.source, work.terms) }));
  const out = await engine.translate(
    prepared.map(({ p }) => p.html),
    { source, target },
    signal,
  );
  if (out.length !== prepared.length)
    throw new MtError(`${engine.name} returned ${out.length} translations for ${prepared.length} units`);
  return prepared.map(({ s, p }, i) => restoreFromMt(out[i]!, p.slots, s.unit.source).content);
}
