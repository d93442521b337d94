import { describe, expect, it } from 'vitest';
import { locflowInProcess, ROOT } from './helpers.js';

describe('--help', () => {
  const commands = [
    ['init'],
    ['extract'],
    ['translate'],
    ['import'],
    ['build'],
    ['check'],
    ['status'],
    ['pseudo'],
    ['segment'],
    ['tm'],
    ['tm', 'import'],
    ['tm', 'export'],
  ];
  for (const command of commands) {
    it(`locflow ${command.join(' ')} --help ends with an example`, async () => {
      const r = await locflowInProcess(ROOT, ...command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`\\nExamples?:\\n {2}(?:.*\\| )?locflow ${command.join(' ')} `, 'u'));
    });
  }
});
