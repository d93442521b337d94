import { describe, expect, it } from 'vitest';
import { ENGINE_IDS } from '../src/mt/registry.js';
import { CHECK_IDS } from '../src/qa/checks/index.js';
import { locflowInProcess, ROOT } from './helpers.js';

/** The help lists what the registries hold: a new engine or check appears there by its one registry line. */
describe('--help lists the registries', () => {
  it('translate --help names every engine, check --help every check', async () => {
    const translate = await locflowInProcess(ROOT, 'translate', '--help');
    const check = await locflowInProcess(ROOT, 'check', '--help');
    expect([translate.code, check.code]).toEqual([0, 0]);
    const words = (text: string): string[] => text.split(/[\s,]+/u);
    expect(words(translate.stdout)).toEqual(expect.arrayContaining([...ENGINE_IDS]));
    const listed = check.stdout.slice(check.stdout.indexOf('Checks:'), check.stdout.indexOf('Examples:'));
    expect(words(listed).filter((w) => w && w !== 'Checks:')).toEqual([...CHECK_IDS]);
  });
});
