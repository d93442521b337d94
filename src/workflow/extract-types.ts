import type { AtomicBatch } from '../io/atomic-batch.js';
import type { Project } from '../project/project.js';
import type { TranslationMemory } from '../tm/memory.js';
import type { XliffVersion } from '../xliff/model.js';
import type { XliffWriter } from '../xliff/writer.js';

/** What extract is asked, what it gives back, and what its documents share: the names extract.ts and its pool use. */

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

/** What every document of a run shares (in a worker thread, what each worker sets up for its documents). */
export interface Run {
  readonly project: Project;
  readonly options: ExtractOptions;
  readonly langs: readonly string[];
  readonly writer: XliffWriter;
  readonly memory: TranslationMemory | null;
  /** Every file of the run is written through one batch: flushed together, renamed, each folder synced once. */
  readonly batch: AtomicBatch;
}

/** What a document's extract gives back: its results, one per language, and what the export records note of it. */
export interface DocumentExtract {
  readonly results: ExtractResult[];
  readonly records: Array<{
    readonly lang: string;
    readonly units: string[];
    readonly targets: Record<string, string>;
  }>;
}
