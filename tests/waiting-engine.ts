import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempProject } from './helpers.js';

/** Whether a process is alive (not gone, not a zombie waiting to be reaped). */
const alive = (pid: number): boolean => {
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return /^\d+ \([^)]*\) [^ZX]/u.test(stat);
};

/** Whether a live process's command line names `path`. */
const runningWith = (path: string): boolean =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/u.test(entry))
    .some((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(path) && alive(Number(entry));
      } catch {
        return false; // gone meanwhile
      }
    });

async function until(done: () => boolean, ms: number): Promise<boolean> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > ms) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

/**
 * A project whose "apertium" lists eng-spa and otherwise waits for its input (its pid written down, then a sleep in
 * its place); `stopped()` tells whether nothing of it is left running within 5 s.
 */
export function waitingEngineProject(): { readonly dir: string; stopped(): Promise<boolean> } {
  const bin = mkdtempSync(join(tmpdir(), 'locflow-fake-apertium-'));
  const pidFile = join(bin, 'pid');
  const script = join(bin, 'apertium');
  writeFileSync(
    script,
    `#!/bin/sh\nif [ "$1" = "-l" ]; then echo "  eng-spa"; exit 0; fi\necho $$ > ${pidFile}\nexec sleep 60\n`,
  );
  chmodSync(script, 0o755);
  const dir = tempProject();
  const config = JSON.parse(readFileSync(join(dir, 'locflow.config.json'), 'utf8')) as object;
  writeFileSync(join(dir, 'locflow.config.json'), JSON.stringify({ ...config, mt: { apertium: { command: script } } }));
  // Stopped early, the script may not have reached its first line (no pid written, nothing left running); stopped
  // later, its pid (then a sleep's) is written. Left running, either the script or its sleep stays alive.
  const sleepAlive = (): boolean => existsSync(pidFile) && alive(Number(readFileSync(pidFile, 'utf8')));
  return { dir, stopped: () => until(() => !runningWith(script) && !sleepAlive(), 5_000) };
}
