/**
 * `npm test` type-checks src and tests while the tests run, not before them (its pretest only writes dist/):
 * the check is one process on one core, which left the other core idle for its 10 s, and the tests rarely keep
 * both cores busy (they wait on spawned commands and servers). At normal priority: on a machine shared with other
 * work, a lower one could leave it waiting long after the tests. A type error fails the run once the tests are over
 * (exit 1, the errors printed last). A lone `npx vitest run <file>` does not start it (npm sets
 * npm_lifecycle_event=test for `npm test`).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): (() => Promise<void>) | undefined {
  if (process.env.npm_lifecycle_event !== 'test') return undefined;
  const child = spawn(
    process.execPath,
    [join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'build-and-typecheck.mjs'), '--check-only'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return async () => {
    const code = await done;
    if (code === 0) return;
    process.stderr.write(`\nThe type check failed (scripts/build-and-typecheck.mjs --check-only):\n${output}\n`);
    process.exitCode = 1;
  };
}
