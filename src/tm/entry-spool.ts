import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TmEntry } from './memory.js';

/** Entries held in memory at most; beyond, they wait in a file, a chunk of this many at a time. */
export const SPOOL_CHUNK = 2_000;

/**
 * Entries read back at most at once: a chunk's entries are let go long before V8's next young-generation collection,
 * which would otherwise move them to the old generation, kept until a full collection.
 */
const READ_BACK_CHUNK = 250;

/** Bytes read at a time (a longer line is read into a larger buffer). */
const READ_BYTES = 1 << 16;

/**
 * Memory entries a run makes as it goes and adds at its end, in their order: up to a chunk of them are held, each
 * full chunk goes to a temporary file (one JSON line an entry), and they are read back a chunk at a time, so a run
 * over thousands of documents holds one chunk of entries, not every one. A run of fewer never touches the disk. The
 * file is in the system's temporary folder and goes with `remove` (a killed run leaves it there for the system).
 */
export class EntrySpool {
  private held: TmEntry[] = [];
  private dir: string | undefined;
  private fd: number | undefined;
  private spooled = 0;

  constructor(
    private readonly chunk = SPOOL_CHUNK,
    private readonly folder = tmpdir(),
  ) {}

  /** How many entries were added. */
  get count(): number {
    return this.spooled + this.held.length;
  }

  add(entries: readonly TmEntry[]): void {
    for (const e of entries) {
      this.held.push(e);
      if (this.held.length >= this.chunk) this.spill();
    }
  }

  /** Every entry in the order added, a chunk at a time (read once). */
  *chunks(): Generator<TmEntry[]> {
    if (this.fd !== undefined) yield* this.readBack(this.fd);
    if (this.held.length) yield this.held;
  }

  /** Closes and deletes the file, if one was made. */
  remove(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  private spill(): void {
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(this.folder, 'locflow-entries-'));
      this.fd = openSync(join(this.dir, 'entries.jsonl'), 'w+');
    }
    // (JSON escapes line breaks in strings and lone surrogates, so each line reads back as the entry it was)
    let text = '';
    for (const e of this.held) text += `${JSON.stringify(e)}\n`;
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at);
    this.spooled += this.held.length;
    this.held = [];
  }

  private *readBack(fd: number): Generator<TmEntry[]> {
    const most = Math.min(this.chunk, READ_BACK_CHUNK);
    let buffer = Buffer.alloc(READ_BYTES);
    // Bytes of a line begun and not ended yet, moved to the buffer's start.
    let begun = 0;
    let position = 0;
    let chunk: TmEntry[] = [];
    for (;;) {
      if (begun === buffer.length) {
        // A line longer than the buffer: a larger one.
        const larger = Buffer.alloc(buffer.length * 2);
        buffer.copy(larger, 0, 0, begun);
        buffer = larger;
      }
      const n = readSync(fd, buffer, begun, buffer.length - begun, position);
      if (n === 0) break;
      position += n;
      const read = buffer.subarray(0, begun + n);
      let from = 0;
      // Each line decoded on its own (a line break is never inside a character's bytes): no string of a whole read.
      for (let nl = read.indexOf(10, begun); nl >= 0; nl = read.indexOf(10, from)) {
        chunk.push(JSON.parse(read.toString('utf8', from, nl)) as TmEntry);
        from = nl + 1;
        if (chunk.length >= most) {
          yield chunk;
          chunk = [];
        }
      }
      read.copy(buffer, 0, from);
      begun = read.length - from;
    }
    if (chunk.length) yield chunk;
  }
}
