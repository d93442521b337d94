/** Machine translation engines behind one interface: a batch of protected segments in, translations out. */

export interface LanguagePair {
  /** BCP 47 tags as the project writes them. */
  readonly source: string;
  readonly target: string;
}

export interface Engine {
  /** "apertium", "apertium-apy", "deepl", "libretranslate", "pseudo". */
  readonly name: string;
  /**
   * Translates segments of HTML-escaped text in which every protected span is
   * an empty `<x id="N"/>`; answers in the same order, with the same tags.
   */
  translate(segments: readonly string[], pair: LanguagePair, signal?: AbortSignal): Promise<string[]>;
  /** The pairs the engine can translate, in its own codes ("eng-spa"), when it can tell. */
  pairs?(): Promise<string[]>;
}

/** An engine that cannot do the job: not installed, wrong pair, refused by the service. */
export class MtError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /** Worth another try later (rate limit, server error, network). */
    readonly transient = false,
  ) {
    super(message);
    this.name = 'MtError';
  }
}
