/** Machine translation engines behind one interface: a batch of protected segments in, translations out. */
import { DiagnosticError } from '../errors.js';
import type { SettingsOf, SettingsSpec } from '../settings.js';

export interface LanguagePair {
  /** BCP 47 tags as the project writes them. */
  readonly source: string;
  readonly target: string;
}

export interface Engine {
  /** The engine's id in the registry (mt/registry.ts). */
  readonly name: string;
  /**
   * Translates segments of HTML-escaped text in which every protected span is
   * an empty `<x id="N"/>`; answers in the same order, with the same tags.
   */
  translate(segments: readonly string[], pair: LanguagePair, signal?: AbortSignal): Promise<string[]>;
  /** The pairs the engine can translate, in its own codes ("eng-spa"), when it can tell. */
  pairs?(): Promise<string[]>;
  /**
   * Starts a batch before its segments are known, for an engine that pays to start (a local process): it starts
   * now and takes the segments as they are made. The same translations as `translate` over the same segments.
   */
  begin?(pair: LanguagePair, signal?: AbortSignal): Promise<EngineBatch>;
}

/** A batch an engine works on while it is being filled. */
export interface EngineBatch {
  /** More segments, in order. */
  add(segments: readonly string[]): void;
  /** No more segments: the translations of all of them, in order. */
  end(): Promise<string[]>;
  /**
   * Tells the translations as the engine makes them, in order (the n-th segment added is told n-th, with its place),
   * each the one `end` gives: work on them need not wait for the last. Optional: an engine that answers at once has none.
   */
  each?(listener: (index: number, translation: string) => void): void;
  /** The batch is not wanted: the engine stops. */
  cancel(): void;
}

/** An engine that cannot do the job: not installed, wrong pair, refused by the service. */
export class MtError extends DiagnosticError {
  constructor(
    message: string,
    hint?: string,
    /** Worth another try later (rate limit, server error, network). */
    readonly transient = false,
  ) {
    super('mt/failed', message, hint !== undefined ? { hint } : {});
    this.name = 'MtError';
  }
}

/**
 * An engine as the registry knows it: the settings it reads from `mt.<settingsKey>` in locflow.config.json
 * (keys, defaults, validation) and how it is made from them.
 */
export interface EnginePlugin<S extends SettingsSpec = SettingsSpec> {
  /** The key of its section under "mt" (default: the engine's id). */
  readonly settingsKey?: string;
  readonly settings: S;
  create(settings: SettingsOf<S>, env: NodeJS.ProcessEnv): Engine;
}

/** Declares an engine plugin with its settings typed. */
export function enginePlugin<S extends SettingsSpec>(plugin: EnginePlugin<S>): EnginePlugin<S> {
  return plugin;
}
