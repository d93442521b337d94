import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config/config.js';
import { asLocflowError, DiagnosticError, formatDiagnostic, LocflowError } from '../src/errors.js';
import { MtError } from '../src/mt/types.js';
import { alignment } from '../src/qa/checks/alignment.js';
import { loadChecks } from '../src/qa/checks/index.js';
import { translated } from '../src/qa/preconditions.js';
import { sarifReport } from '../src/qa/reporters/sarif.js';
import { runChecks } from '../src/qa/runner.js';
import type { DocumentParts, PairCheck, QaPair } from '../src/qa/types.js';
import { readTmx } from '../src/tm/tmx.js';
import { extract } from '../src/workflow/extract.js';
import { importFiles } from '../src/workflow/import.js';
import { readXliff } from '../src/xliff/read.js';
import { tempProject } from './helpers.js';
import { loadProject } from '../src/project/load.js';

/** Catches what `fn` throws. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('nothing was thrown');
}

describe('one Diagnostic shape, converted to a LocflowError in one place', () => {
  it('a malformed XLIFF keeps its place, takes the file and hint it lacks, and keeps the XML error as cause', () => {
    const err = thrown(() => readXliff('<xliff version="1.2">\n  <file>\n</xliff>'));
    expect(err).toBeInstanceOf(DiagnosticError);
    const converted = asLocflowError(err, { file: 'a.xlf', hint: 'fix the file' });
    expect(converted).toBeInstanceOf(LocflowError);
    expect(converted).toMatchObject({ id: 'xml/malformed', file: 'a.xlf', line: 3, hint: 'fix the file' });
    expect(converted!.message).toMatch(/^malformed XML: /u);
    expect(converted!.cause).toBe(err);
    expect((err as Error).cause).toBeInstanceOf(DiagnosticError); // the XmlError under the XLIFF error
    expect(converted!.exitCode).toBe(2);
    expect(converted!.format()).toBe(formatDiagnostic(converted!));
    expect(converted!.format()).toMatch(/^a\.xlf:3:\d+: malformed XML: [\s\S]*\n {2}hint: fix the file$/u);
  });

  it("an engine's own hint wins over the caller's; a TMX error has its own id", () => {
    const mt = asLocflowError(new MtError('no pair', 'install apertium-eng-spa'), { hint: 'generic' });
    expect(mt).toMatchObject({ id: 'mt/failed', message: 'no pair', hint: 'install apertium-eng-spa' });
    const tmx = thrown(() => readTmx('<tmx><header/></tmx>', 'en', ['es']));
    expect(asLocflowError(tmx, { file: 'm.tmx' })).toMatchObject({ id: 'tmx/unreadable', file: 'm.tmx', line: 1 });
  });

  it('an operating-system error names its path; any other error stays what it is', () => {
    const enospc = Object.assign(new Error('write failed'), { code: 'ENOSPC', path: '/x/y' });
    expect(asLocflowError(enospc)).toMatchObject({
      file: '/x/y',
      message: expect.stringMatching(/ENOSPC/u) as unknown,
    });
    expect(asLocflowError(new TypeError('bug'))).toBeUndefined();
    const own = new LocflowError('as is', { file: 'f' });
    expect(asLocflowError(own, { file: 'other' })).toBe(own);
  });

  it('an import refusal carries one diagnostic per refused unit, with its id, file and line', async () => {
    const d = tempProject('First paragraph here.\n\nSecond paragraph here.\n');
    const project = await loadProject(d);
    await extract(project, { langs: ['es'] });
    const file = join(d, 'xliff', 'es', 'article.xlf');
    const xlf = readFileSync(file, 'utf8');
    const unit = /<trans-unit[\s\S]*?<\/trans-unit>/u.exec(xlf)![0];
    writeFileSync(file, xlf.replace(unit, `${unit}\n${unit}`));
    const err = (await importFiles(project, [file]).catch((e: unknown) => e)) as LocflowError;
    expect(err).toBeInstanceOf(LocflowError);
    expect(err.message).toMatch(/refused, nothing was imported: 1 problem/u);
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]).toMatchObject({ id: 'import/duplicate', severity: 'error', file });
    expect(err.diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it('a QA issue is a Diagnostic: id qa/<check>, the check as its rule', async () => {
    const pair: QaPair = {
      id: 'u1',
      source: ['5 dead'],
      target: ['6 muertos'],
      sourceLang: 'en',
      targetLang: 'es',
      file: 'f',
    };
    const { issues } = await runChecks([pair], { checks: await loadChecks(['numbers']) });
    expect(issues[0]).toMatchObject({ id: 'qa/numbers', rule: 'numbers', check: 'numbers', severity: 'error' });
  });
});

describe('preconditions', () => {
  const pair = (id: string, target: string): QaPair => ({
    id,
    source: ['Five people died.'],
    target: [target],
    sourceLang: 'en',
    targetLang: 'es',
    file: 'f',
  });

  it('a check is not run on a pair its preconditions exclude (an empty target)', async () => {
    const seen: string[] = [];
    const probe: PairCheck = {
      id: 'probe',
      severity: 'error',
      description: 'records the pairs it is run on',
      preconditions: [translated],
      run(p) {
        seen.push(p.id);
        return [{ message: 'seen' }];
      },
    };
    const { issues } = await runChecks([pair('empty', '  '), pair('full', 'Murieron cinco personas.')], {
      checks: [probe],
    });
    expect(seen).toEqual(['full']);
    expect(issues.map((i) => i.unit)).toEqual(['full']);
  });

  it('every check but "empty", "alignment" and "plural-forms" declares that it needs a translated unit', async () => {
    // plural-forms reads a message's variants, translated or not: an untranslated variant is still a form it has.
    const always = ['empty', 'alignment', 'plural-forms'];
    for (const check of await loadChecks()) {
      const needs = check.preconditions.map((p) => p.id);
      expect([check.id, needs]).toEqual([check.id, always.includes(check.id) ? [] : ['translated']]);
    }
  });
});

describe('alignment is a registered check', () => {
  const blocks = (roles: string[]): DocumentParts['source'] => roles.map((role, i) => ({ role, unit: `u${i}` }));
  const target = (roles: string[]): DocumentParts['target'] =>
    roles.map((role, i) => ({ role, label: `${role} ${i}` }));

  it.each([
    ['same blocks in the same roles', ['headline', 'paragraph'], ['headline', 'paragraph'], []],
    ['a block lost', ['headline', 'paragraph'], ['headline'], [['error', undefined]]],
    ['a block in another role', ['headline', 'caption'], ['headline', 'paragraph'], [['warning', 'u1']]],
  ] as const)('%s', (_name, source, tgt, expected) => {
    const found = alignment.compare({ kind: 'blocks', source: blocks([...source]), target: target([...tgt]) });
    expect(found.map((f) => [f.severity ?? alignment.severity, f.unit?.id])).toEqual(expected);
  });

  it('lines are compared by count only', () => {
    const lines = (n: number): DocumentParts['target'] =>
      Array.from({ length: n }, (_, i) => ({ role: 'line', label: `${i}` }));
    expect(
      alignment.compare({ kind: 'lines', source: lines(2).map((l) => ({ ...l, unit: l.label })), target: lines(2) }),
    ).toEqual([]);
    const found = alignment.compare({ kind: 'lines', source: [], target: lines(1) });
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/1 lines, the source 0/u)]);
  });

  it('its severity can be configured, and SARIF describes it from the registry', async () => {
    const config = await validateConfig({ qa: { severity: { alignment: 'off' } } }, 'locflow.config.json', '/tmp');
    expect(config.qa.severity.alignment).toBe('off');
    const sarif = JSON.parse(sarifReport([], await loadChecks())) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string } }> } } }>;
    };
    const rule = sarif.runs[0]!.tool.driver.rules.find((r) => r.id === 'alignment');
    expect(rule?.shortDescription.text).toBe(alignment.description);
  });
});
