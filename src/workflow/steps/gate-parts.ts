/**
 * Source characters of a part of a batch that the QA gate judges on its own: whole documents, grouped until a part
 * has this many. A part is judged as soon as the engine has translated it, while it works on the next, so only the
 * last part's checks wait for the engine's end. What the checks learn of the run (the names and codes other units
 * keep, their lower-case words) they learn of the part. Fixed by the documents alone: a run judges the same anywhere.
 */
export const PART_CHARACTERS = 12_000;

/** Where a batch's parts end (each the index after its last unit), told the batch's units in order. */
export class Parts {
  readonly ends: number[] = [];
  private units = 0;
  private size = 0;
  private doc: unknown;

  /** The next unit: its document, and its source's characters. */
  add(doc: unknown, characters: number): void {
    if (this.units > 0 && doc !== this.doc && this.size >= PART_CHARACTERS) {
      this.ends.push(this.units);
      this.size = 0;
    }
    this.doc = doc;
    this.size += characters;
    this.units++;
  }

  /** No more units: the last part ends. */
  close(): void {
    if (this.units > (this.ends.at(-1) ?? 0)) this.ends.push(this.units);
  }
}
