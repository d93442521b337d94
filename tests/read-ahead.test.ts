import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AS_TEXT, ReadAhead, REGULAR_ONLY } from '../src/io/read-ahead.js';

function files(count: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-ahead-'));
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `f${i}.txt`);
    writeFileSync(file, `file ${i} “é” ${'x'.repeat(i * 10)}`);
    return file;
  });
}

/** Long enough for the thread to have read what it may, even on a machine busy with other work. */
const THREAD_READS = 2000;

describe('ReadAhead', () => {
  it('gives each file of the list, in order, its bytes as on disk, read by its own thread', async () => {
    const list = files(20);
    const ahead = ReadAhead.start(list, 1 << 16)!;
    try {
      await sleep(THREAD_READS); // the thread has read them by now
      for (const file of list) expect(ahead.take(file)).toEqual(readFileSync(file));
    } finally {
      ahead.stop();
    }
  });

  it('leaves to the caller what it did not read whole: too large, empty, missing, a folder, asked out of order', async () => {
    const list = files(6);
    writeFileSync(list[1]!, 'y'.repeat(200)); // above the limit below
    writeFileSync(list[2]!, ''); // empty (a special file may say 0 and hold more)
    const missing = join(list[0]!, '..', 'missing.txt');
    const folder = join(list[0]!, '..', 'folder');
    mkdirSync(folder);
    const ahead = ReadAhead.start([list[0]!, list[1]!, list[2]!, missing, folder, list[3]!, list[4]!, list[5]!], 100)!;
    try {
      await sleep(THREAD_READS);
      expect(ahead.take(list[0]!)).toEqual(readFileSync(list[0]!));
      expect(ahead.take(list[1]!)).toBeUndefined();
      expect(ahead.take(list[2]!)).toBeUndefined();
      expect(ahead.take(missing)).toBeUndefined();
      expect(ahead.take(folder)).toBeUndefined();
      expect(ahead.take(list[4]!)).toBeUndefined(); // not the next one: the list stays where it was
      expect(ahead.take(list[3]!)).toEqual(readFileSync(list[3]!));
      expect(ahead.take(list[4]!)).toEqual(readFileSync(list[4]!));
    } finally {
      ahead.stop();
    }
    expect(ahead.take(list[5]!)).toBeUndefined(); // stopped
  });

  it('gives the files asked as text decoded as Node decodes UTF-8, and the others as bytes', async () => {
    const list = files(6);
    writeFileSync(list[2]!, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // not UTF-8: decoded with U+FFFD, as Node does
    writeFileSync(list[3]!, '\uFEFFa byte order mark kept');
    const asText = [true, false, true, true, false, true];
    const modes = asText.map((t) => (t ? AS_TEXT : 0));
    const ahead = ReadAhead.start(list, 1 << 16, modes)!;
    try {
      await sleep(THREAD_READS);
      list.forEach((file, i) => {
        const got = ahead.takeText(file);
        if (asText[i]) expect(got, file).toBe(readFileSync(file).toString('utf8'));
        else expect(got, file).toEqual(readFileSync(file));
      });
    } finally {
      ahead.stop();
    }
    const again = ReadAhead.start(list, 1 << 16, modes)!;
    try {
      await sleep(THREAD_READS);
      expect(again.take(list[0]!)).toBeUndefined(); // decoded: no bytes for a caller asking for them
      expect(again.take(list[1]!)).toEqual(readFileSync(list[1]!));
    } finally {
      again.stop();
    }
  });

  it('reads a file wanted only as a regular file when it is one: not through a link at its name, nor a pipe', async () => {
    const list = files(3);
    const dir = join(list[0]!, '..');
    const linked = join(dir, 'linked.txt');
    symlinkSync(list[0]!, linked);
    const fifo = join(dir, 'fifo.txt');
    execFileSync('mkfifo', [fifo]);
    const order = [linked, fifo, list[1]!, linked, list[2]!];
    const ahead = ReadAhead.start(order, 1 << 16, [REGULAR_ONLY, REGULAR_ONLY, REGULAR_ONLY | AS_TEXT, 0, AS_TEXT])!;
    try {
      await sleep(THREAD_READS);
      expect(ahead.takeText(linked)).toBeUndefined(); // a link: left to the caller
      expect(ahead.takeText(fifo)).toBeUndefined(); // a pipe: not waited for
      expect(ahead.takeText(list[1]!)).toBe(readFileSync(list[1]!, 'utf8'));
      expect(ahead.takeText(linked)).toEqual(readFileSync(list[0]!)); // any file, through its link
      expect(ahead.takeText(list[2]!)).toBe(readFileSync(list[2]!, 'utf8'));
    } finally {
      ahead.stop();
    }
  });

  it('reads at most a few dozen files ahead of what was taken', async () => {
    const list = files(200);
    const ahead = ReadAhead.start(list, 1 << 16)!;
    try {
      await sleep(THREAD_READS);
      const got = list.map((file) => ahead.take(file));
      // The thread waited for the first takes, so the files after them came later than asked for, and were read here.
      expect(got.slice(0, 32).every((b) => b !== undefined)).toBe(true);
      expect(got.some((b) => b === undefined)).toBe(true);
    } finally {
      ahead.stop();
    }
  });
});
