import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneRun } from '../src/io/files.js';
import { normalizedTextHash } from '../src/model/ids.js';
import { loadProject } from '../src/project/load.js';
import { sourceDocuments } from '../src/project/sources.js';

/**
 * What a run pays per document before it reads any: listing thousands of sources joins no path per file (path.join
 * normalises every path it makes: a sixth of listing 2,318 articles), and the unit ids' hash calls no function per
 * character (extract compiles its run without inlining: a call per character was half of the hash's time).
 */

const path = createRequire(import.meta.url)('node:path') as typeof import('node:path');

describe('what a run pays per source before reading it', () => {
  it('lists 300 sources of a folder with no path.join per file, the same files as always', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locflow-listing-'));
    mkdirSync(join(dir, 'source', 'more'), { recursive: true });
    writeFileSync(
      join(dir, 'locflow.config.json'),
      JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/**/*.txt'] }),
    );
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, 'source', `story-${i}.txt`), `Story ${i}.\n`);
    writeFileSync(join(dir, 'source', 'more', 'deep.txt'), 'Deep.\n');
    symlinkSync(join(dir, 'source', 'story-1.txt'), join(dir, 'source', 'linked.txt'));
    const real = path.join;
    let joins = 0;
    path.join = (...parts: string[]): string => {
      joins++;
      return real(...parts);
    };
    syncBuiltinESMExports();
    let files: string[];
    try {
      files = await oneRun(async () => sourceDocuments(await loadProject(dir)).map((s) => s.file));
    } finally {
      path.join = real;
      syncBuiltinESMExports();
    }
    expect(files).toHaveLength(302);
    expect(files).toContain(join(dir, 'source', 'more', 'deep.txt'));
    expect(files).toContain(join(dir, 'source', 'linked.txt'));
    expect(files).toContain(join(dir, 'source', 'story-299.txt'));
    expect(joins).toBeLessThan(50);
  });

  it('hashes a unit’s text calling no function per character', () => {
    // The loop's calls: charCodeAt and Math.imul, which V8 builds in; the general path (normalizeText, textHash) and
    // the end (finish) once per text.
    const code = normalizedTextHash
      .toString()
      .replace(/\/\*[\s\S]*?\*\//gu, '')
      .replace(/\/\/.*$/gmu, '');
    const calls = [...code.slice(code.indexOf('{')).matchAll(/([\w$.]+)\s*\(/gu)].map((m) => m[1]);
    const allowed = new Set(['text.charCodeAt', 'Math.imul', 'textHash', 'normalizeText', 'finish', 'while', 'if']);
    expect(calls.filter((c) => !allowed.has(c!))).toEqual([]);
  });
});
