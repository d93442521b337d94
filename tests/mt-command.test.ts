import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config/config.js';
import { commandEngine } from '../src/mt/command.js';
import { createEngine } from '../src/mt/registry.js';
import { hasApertium } from './mt-helpers.js';
import { locflowInProcess, ROOT, tempProject } from './helpers.js';

const TRANSLATOR = join(ROOT, 'tests', 'fixtures', 'mt', 'upper-translator.mjs');
const PAIR = { source: 'en', target: 'es' };

describe('the command engine: any command-line translator, one segment per line', () => {
  it('sends one segment per line on stdin and reads one translation per line, in order, tags kept', async () => {
    const engine = commandEngine(process.execPath, [TRANSLATOR, '{target}']);
    const out = await engine.translate(['Hello <x id="1"/> world.', 'Tom &amp; Jerry', 'one\ntwo'], PAIR);
    // A line break inside a segment travels as a space, so the lines still pair up.
    expect(out).toEqual(['es: HELLO <x id="1"/> WORLD.', 'es: TOM &amp; JERRY', 'es: ONE TWO']);
  });

  it('hands the lines over as a file when the arguments name {input}', async () => {
    const engine = commandEngine(process.execPath, [TRANSLATOR, '{source}-{target}', '{input}']);
    expect(await engine.translate(['a', 'b'], PAIR)).toEqual(['en-es: A', 'en-es: B']);
  });

  it('refuses an answer with fewer lines than segments, and reports a failing command with its message', async () => {
    await expect(
      commandEngine(process.execPath, [TRANSLATOR, 'es', '--drop-last']).translate(['a', 'b'], PAIR),
    ).rejects.toThrow(/wrote 1 lines for 2 segments/u);
    await expect(commandEngine(process.execPath, [TRANSLATOR, '--fail']).translate(['a'], PAIR)).rejects.toThrow(
      /no model for this pair/u,
    );
    await expect(commandEngine('/nonexistent/translator', []).translate(['a'], PAIR)).rejects.toMatchObject({
      message: expect.stringMatching(/is not installed/u) as unknown,
      hint: expect.stringMatching(/mt\.command\.command/u) as unknown,
    });
    await expect(commandEngine('', []).translate(['a'], PAIR)).rejects.toThrow(/mt\.command\.command is not set/u);
  });

  it('reads its settings from mt.command, validated by the engine', async () => {
    const place = ['locflow.config.json', '/tmp'] as const;
    const config = await validateConfig({ mt: { command: { command: 'trans', args: ['-b', '{target}'] } } }, ...place);
    expect(config.mt.command).toEqual({ command: 'trans', args: ['-b', '{target}'] });
    await expect(validateConfig({ mt: { command: { args: 'x' } } }, ...place)).rejects.toThrow(
      /mt\.command\.args must be a list of strings/u,
    );
    await expect(validateConfig({ mt: { command: { program: 'x' } } }, ...place)).rejects.toMatchObject({
      message: 'unknown key "mt.command.program"',
      hint: 'known keys: command, args',
    });
    const engine = await createEngine('command', { command: { command: process.execPath, args: [TRANSLATOR, 'fr'] } });
    expect(await engine.translate(['hi'], PAIR)).toEqual(['fr: HI']);
  });

  it('translates a project through the CLI (`locflow translate --engine command`)', async () => {
    const d = tempProject('A small house.\n\nThe red car.\n');
    const config = JSON.parse(readFileSync(join(d, 'locflow.config.json'), 'utf8')) as Record<string, unknown>;
    config.mt = { command: { command: process.execPath, args: [TRANSLATOR, '{target}'] } };
    writeFileSync(join(d, 'locflow.config.json'), JSON.stringify(config));
    const r = await locflowInProcess(d, 'translate', '--engine', 'command', '--lang', 'fr');
    expect(r.code).toBe(0);
    const bundle = JSON.parse(readFileSync(join(d, 'locales/fr/article.json'), 'utf8')) as Record<string, string>;
    expect(Object.values(bundle).sort()).toEqual(['fr: A SMALL HOUSE.', 'fr: THE RED CAR.']);
  });

  it.skipIf(!hasApertium)('wraps the real apertium command, reading the segments from a file', async () => {
    const engine = commandEngine('apertium', ['-u', 'eng-spa', '{input}']);
    const out = await engine.translate(['The house is big.', 'Read <x id="1"/> the book.'], PAIR);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/casa/u);
    expect(out[1]).toContain('<x id="1"/>');
    expect(out[1]).toMatch(/libro/u);
  });
});
