import { asLocflowError, LocflowError } from '../../errors.js';
import { isPseudoLocale } from '../../mt/languages.js';
import { createEngine } from '../../mt/registry.js';
import type { Engine, EngineBatch } from '../../mt/types.js';
import { chooseLanguages } from '../../project/languages.js';
import type { Project } from '../../project/project.js';

/** What a translate run needs to start its engine: the engine, the languages, a dry run or not. */
export interface EngineOptions {
  readonly engine: string;
  readonly langs?: readonly string[];
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
  /** Let the pseudo engine fill the store of a real language (not a pseudo-locale). */
  readonly force?: boolean;
}

/** A translate run's engine, started: its languages, and the batch begun for the first (unless a dry run). */
export interface EngineStart {
  readonly langs: readonly string[];
  readonly engine: Engine;
  readonly starter: BatchStarter | undefined;
}

/**
 * The engine of a translate run made and, when it can begin a batch before its segments are known, started on the
 * first language — the first thing a run does, so that an engine slow to start (Apertium's dozen processes) starts
 * while the rest of the command loads and the documents are read. Refuses what translate refuses, in its order.
 */
export async function startEngine(project: Project, options: EngineOptions): Promise<EngineStart> {
  const langs = chooseLanguages(project, options.langs);
  refusePseudoText(options, langs);
  let engine: Engine;
  try {
    engine = await createEngine(options.engine, project.config.mt);
  } catch (err) {
    throw asLocflowError(err) ?? err;
  }
  const starter = options.dryRun
    ? undefined
    : BatchStarter.of(engine, project.config.sourceLanguage, langs[0], options.signal);
  return { langs, engine, starter };
}

/** Pseudo text fills pseudo-locales; a real language only when asked for (--force). */
function refusePseudoText(options: EngineOptions, langs: readonly string[]): void {
  if (options.engine !== 'pseudo' || options.force || options.dryRun) return;
  const real = langs.filter((l) => !isPseudoLocale(l));
  if (!real.length) return;
  throw new LocflowError(
    `${real.map((l) => `"${l}"`).join(', ')} ${real.length === 1 ? 'is not a pseudo-locale' : 'are not pseudo-locales'}: pseudo text would fill ${real.length === 1 ? 'its' : 'their'} translation store`,
    {
      hint: 'pseudo-translate a pseudo-locale (en-XA, ar-XB, qps-ploc, or a private-use tag such as de-x-pseudo) added to targetLanguages, with --lang; or pass --force to fill a real language with pseudo text anyway',
    },
  );
}

/**
 * Engine batches begun when first needed, the first of them at the start of the run (for the run's first language),
 * so an engine slow to start starts while the documents are read.
 */
export class BatchStarter {
  private early: { source: string; target: string; batch: Promise<EngineBatch> } | undefined;

  private constructor(
    private readonly start: NonNullable<Engine['begin']>,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** A starter for an engine that can begin a batch before its segments are known; undefined for the others. */
  static of(engine: Engine, source: string, target: string | undefined, signal?: AbortSignal) {
    if (!engine.begin || target === undefined) return undefined;
    const starter = new BatchStarter(engine.begin.bind(engine), signal);
    const batch = starter.start({ source, target }, signal);
    batch.catch(() => undefined); // an error (no such pair) matters only if the batch is used
    starter.early = { source, target, batch };
    return starter;
  }

  begin(source: string, target: string): Promise<EngineBatch> {
    const early = this.early;
    this.early = undefined;
    if (early && early.source === source && early.target === target) return early.batch;
    if (early)
      void early.batch.then(
        (b) => b.cancel(),
        () => undefined,
      );
    return this.start({ source, target }, this.signal);
  }

  /** The early batch, if nothing needed it, is stopped. */
  giveUp(): void {
    if (this.early)
      void this.early.batch.then(
        (b) => b.cancel(),
        () => undefined,
      );
    this.early = undefined;
  }
}
