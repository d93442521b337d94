import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TmEntry } from './memory.js';

/** Entries held in memory at most; beyond, they wait in a file, a chunk of this many at a time. */
export const SPOOL_CHUNK = 2_000;

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
    const piece = Buffer.alloc(1 << 20);
    let position = 0;
    // The bytes after the last line break read: a line (and a character) cut at a piece's end is completed by the next.
    let rest = Buffer.alloc(0);
    let chunk: TmEntry[] = [];
    for (;;) {
      const n = readSync(fd, piece, 0, piece.length, position);
      if (n === 0) break;
      position += n;
      const end = piece.lastIndexOf(10, n - 1);
      if (end < 0) {
        rest = Buffer.concat([rest, piece.subarray(0, n)]);
        continue;
      }
      const text = Buffer.concat([rest, piece.subarray(0, end + 1)]).toString('utf8');
      rest = Buffer.from(piece.subarray(end + 1, n));
      let from = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
        chunk.push(JSON.parse(text.slice(from, nl)) as TmEntry);
        from = nl + 1;
        if (chunk.length >= this.chunk) {
          yield chunk;
          chunk = [];
        }
      }
    }
    if (chunk.length) yield chunk;
  }
}
