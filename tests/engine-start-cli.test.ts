import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { locflowInProcess, tempProject } from './helpers.js';

/** Whether a process is alive (not gone, not a zombie waiting to be reaped). */
const alive = (pid: number): boolean => {
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return /^\d+ \([^)]*\) [^ZX]/u.test(stat);
};

/** The live processes whose command line names `path`. */
const processesRunning = (path: string): number[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/u.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(path) && alive(pid);
      } catch {
        return false; // gone meanwhile
      }
    });

async function until(done: () => boolean, ms = 10_000): Promise<boolean> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > ms) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe('translate on the command line, the engine started before the rest of the command loads', () => {
  it('stops the engine when loading the rest fails: the command ends, no engine process is left', async () => {
    // The translate workflow cannot be loaded (a broken installation).
    vi.doMock('../src/workflow/translate.js', () => {
      throw new Error('broken installation');
    });
    const bin = mkdtempSync(join(tmpdir(), 'locflow-fake-apertium-'));
    const pidFile = join(bin, 'pid');
    const script = join(bin, 'apertium');
    writeFileSync(
      script,
      `#!/bin/sh\nif [ "$1" = "-l" ]; then echo "  eng-spa"; exit 0; fi\necho $$ > ${pidFile}\nexec sleep 60\n`,
    );
    chmodSync(script, 0o755);
    const d = tempProject();
    const config = JSON.parse(readFileSync(join(d, 'locflow.config.json'), 'utf8')) as object;
    writeFileSync(join(d, 'locflow.config.json'), JSON.stringify({ ...config, mt: { apertium: { command: script } } }));
    let r: Awaited<ReturnType<typeof locflowInProcess>>;
    try {
      r = await locflowInProcess(d, 'translate', '--engine', 'apertium', '--lang', 'es');
    } finally {
      vi.doUnmock('../src/workflow/translate.js');
    }
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/internal error/u);
    // Stopped early, the script may not have reached its first line (no pid written, nothing left running); stopped
    // later, its pid (then a sleep's) is written. Left running, either the script or its sleep stays alive.
    const scriptAlive = (): boolean => processesRunning(script).length > 0;
    const sleepAlive = (): boolean => existsSync(pidFile) && alive(Number(readFileSync(pidFile, 'utf8')));
    expect(await until(() => !scriptAlive() && !sleepAlive(), 5_000)).toBe(true);
  });
});
