import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTemps } from '../src/io/files.js';
import { processAlive } from '../src/io/process-alive.js';

/** The pid of a process that has ended (its pid is not reused this soon on a machine with room for 4 million). */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('processAlive: one answer for locks and temporary files', () => {
  it('this process and init exist; an ended process does not', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(1)).toBe(true);
    expect(processAlive(endedPid())).toBe(false);
  });

  it('numbers no process can have name none (0 and negatives would ask about process groups)', () => {
    for (const pid of [0, -1, -process.pid, 2 ** 31, 2 ** 32, 1.5, Number.NaN]) expect(processAlive(pid)).toBe(false);
  });
});

describe('removeStaleTemps asks the same question', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("sweeps an ended process's and an impossible pid's temporary files, keeps a live process's", () => {
    dir = mkdtempSync(join(tmpdir(), 'locflow-alive-'));
    const stamp = Date.now();
    const names = {
      live: `.a.xlf.1.${stamp}.tmp`,
      mine: `.b.xlf.${process.pid}.${stamp}.tmp`,
      ended: `.c.xlf.${endedPid()}.${stamp}.tmp`,
      impossible: `.d.xlf.${2 ** 32}.${stamp}.tmp`,
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'x');
    removeStaleTemps(dir);
    expect(readdirSync(dir).sort()).toEqual([names.live, names.mine].sort());
  });
});
