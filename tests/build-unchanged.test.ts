import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicBatch } from '../src/io/atomic-batch.js';
import { insideProject } from '../src/io/files.js';
import { locflow } from './helpers.js';

/** Each localized document's inode: a file replaced by a rename gets a new one. */
function inodes(dir: string): Map<string, number> {
  const folder = join(dir, 'locales', 'es');
  return new Map(
    readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [f, statSync(join(folder, f)).ino]),
  );
}

describe('outputs that hold the same bytes are left as they are', () => {
  it('a second build replaces only the documents whose text changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locflow-rebuild-'));
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
    );
    mkdirSync(join(dir, 'source'));
    for (const name of ['a', 'b', 'c'])
      writeFileSync(join(dir, 'source', `${name}.txt`), `Story ${name}: officials met in the capital.\n`);
    expect(locflow(dir, 'extract').code).toBe(0);
    expect(locflow(dir, 'build', '--lang', 'es').code).toBe(0);
    const first = inodes(dir);
    const text = readFileSync(join(dir, 'locales', 'es', 'b.txt'), 'utf8');
    const again = locflow(dir, 'build', '--lang', 'es');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/total: 3 files written/u);
    expect(inodes(dir)).toEqual(first);
    expect(readFileSync(join(dir, 'locales', 'es', 'b.txt'), 'utf8')).toBe(text);
    // b's source changes: its output is replaced, the others stay.
    writeFileSync(join(dir, 'source', 'b.txt'), 'Story b: the talks lasted two hours.\n');
    expect(locflow(dir, 'build', '--lang', 'es').code).toBe(0);
    const third = inodes(dir);
    expect(third.get('a.txt')).toBe(first.get('a.txt'));
    expect(third.get('c.txt')).toBe(first.get('c.txt'));
    expect(third.get('b.txt')).not.toBe(first.get('b.txt'));
    expect(readFileSync(join(dir, 'locales', 'es', 'b.txt'), 'utf8')).toContain('two hours');
  });

  it('a second extract leaves the XLIFF files of unchanged documents as they are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locflow-reextract-'));
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] }),
    );
    mkdirSync(join(dir, 'source'));
    for (const name of ['a', 'b']) writeFileSync(join(dir, 'source', `${name}.txt`), `Story ${name}: talks began.\n`);
    const xliff = (name: string): string => join(dir, 'xliff', 'es', `${name}.xlf`);
    expect(locflow(dir, 'extract').code).toBe(0);
    const [a, b] = [statSync(xliff('a')).ino, statSync(xliff('b')).ino];
    writeFileSync(join(dir, 'source', 'b.txt'), 'Story b: talks ended.\n');
    expect(locflow(dir, 'extract').code).toBe(0);
    expect(statSync(xliff('a')).ino).toBe(a);
    expect(statSync(xliff('b')).ino).not.toBe(b);
    expect(readFileSync(xliff('b'), 'utf8')).toContain('talks ended');
  });

  it('writeChanged replaces a link inside the project and a file of other bytes, never reads through a link out', async () => {
    const root = mkdtempSync(join(tmpdir(), 'locflow-changed-'));
    const outside = mkdtempSync(join(tmpdir(), 'locflow-changed-outside-'));
    mkdirSync(join(root, 'out'));
    insideProject(root, 'out', 'test output');
    writeFileSync(join(root, 'out', 'same.txt'), 'same');
    writeFileSync(join(root, 'out', 'other.txt'), 'old');
    writeFileSync(join(root, 'out', 'real.txt'), 'same');
    symlinkSync(join(root, 'out', 'real.txt'), join(root, 'out', 'linked.txt'));
    writeFileSync(join(outside, 'x.txt'), 'same');
    symlinkSync(outside, join(root, 'out', 'away'));
    const batch = new AtomicBatch();
    const bytes = (s: string): Uint8Array => Buffer.from(s);
    expect(await batch.writeChanged(join(root, 'out', 'same.txt'), bytes('same'))).toBe(false);
    expect(await batch.writeChanged(join(root, 'out', 'other.txt'), bytes('new'))).toBe(true);
    expect(await batch.writeChanged(join(root, 'out', 'linked.txt'), bytes('same'))).toBe(true);
    await expect(batch.writeChanged(join(root, 'out', 'away', 'x.txt'), bytes('same'))).rejects.toThrow(
      /link to a folder outside the project/u,
    );
    await batch.commit();
    expect(readFileSync(join(root, 'out', 'other.txt'), 'utf8')).toBe('new');
    expect(statSync(join(root, 'out', 'linked.txt')).isFile()).toBe(true);
    expect(readFileSync(join(root, 'out', 'real.txt'), 'utf8')).toBe('same');
  });

  it('writeChanged compares with what a thread read ahead: equal text left as it is, anything in doubt read again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'locflow-changed-ahead-'));
    const out = join(root, 'out');
    mkdirSync(out);
    insideProject(root, 'out', 'test output');
    const file = (name: string, bytes: Buffer | string): string => (
      writeFileSync(join(out, name), bytes),
      join(out, name)
    );
    const same = file('same.txt', 'señor');
    const other = file('other.txt', 'old');
    // Bytes that are not UTF-8 decode to U+FFFD: equal as text to a translation holding U+FFFD, not as bytes.
    const invalid = file('invalid.txt', Buffer.from([0x61, 0xff]));
    const real = file('real.txt', 'a\uFFFD');
    const asBytes = file('bytes.txt', 'same');
    const batch = new AtomicBatch();
    expect(await batch.writeChanged(same, 'señor', 'señor')).toBe(false);
    expect(await batch.writeChanged(other, 'new', 'old')).toBe(true);
    expect(await batch.writeChanged(invalid, 'a\uFFFD', Buffer.from([0x61, 0xff]).toString('utf8'))).toBe(true);
    expect(await batch.writeChanged(real, 'a\uFFFD', 'a\uFFFD')).toBe(false);
    expect(await batch.writeChanged(asBytes, 'same', Buffer.from('same'))).toBe(false);
    expect(await batch.writeChanged(asBytes, 'sane', Buffer.from('same'))).toBe(true);
    await batch.commit();
    expect(readFileSync(other, 'utf8')).toBe('new');
    expect(readFileSync(invalid, 'utf8')).toBe('a\uFFFD');
    expect(readFileSync(asBytes, 'utf8')).toBe('sane');
  });
});
