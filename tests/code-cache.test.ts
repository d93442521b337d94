import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempProject } from './helpers.js';

const BUNDLE_DIR = dirname(BIN);

/** Runs `code` in a plain node process (the flags the command runs with) and returns what it printed. */
function inNode(code: string): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe('the bundled command starts from V8 code cache', () => {
  it('its core chunk is a script with a cache that V8 takes', () => {
    const names = readdirSync(BUNDLE_DIR).filter((f) => /^core-[\w-]+\.(?:script|cache)$/u.test(f));
    expect(names.map((n) => n.split('.').pop()).sort()).toEqual(['cache', 'script']);
    const [cache, script] = names.sort().map((n) => join(BUNDLE_DIR, n));
    const rejected = inNode(
      `import { readFileSync } from 'node:fs'; import { Script } from 'node:vm';
       const s = new Script(readFileSync(${JSON.stringify(script)}, 'utf8'), {
         filename: ${JSON.stringify(script)}, cachedData: readFileSync(${JSON.stringify(cache)}) });
       console.log(s.cachedDataRejected);`,
    );
    expect(rejected).toBe('false');
  });

  it('an extract loads no child_process (commander loads it only to start a subcommand)', () => {
    const dir = tempProject();
    const print = `process.on('exit', () => process.stderr.write('\\nmodules ' + process.moduleLoadList.join(',')));`;
    const r = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(print)}`, BIN, 'extract', '--lang', 'es'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const modules = r.stderr.split('\nmodules ').pop()!.split(',');
    expect(modules).toContain('NativeModule fs');
    expect(modules.filter((m) => m.includes('child_process'))).toEqual([]);
  });
});
