import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocflowError } from '../src/errors.js';
import { lockPath, processStart, withProjectLock } from '../src/io/lock.js';

/** A process that is alive for the whole file: its pid stands for "a pid some other program now has". */
const other = spawn('sleep', ['60'], { stdio: 'ignore' });
afterAll(() => {
  other.kill();
});

function lockedBy(holder: object): string {
  const d = mkdtempSync(join(tmpdir(), 'locflow-lock-'));
  mkdirSync(join(d, '.locflow'));
  writeFileSync(lockPath(d), JSON.stringify({ command: 'import', since: '2026-01-01T00:00:00.000Z', ...holder }));
  return d;
}

async function take(d: string): Promise<{ ran: boolean; notices: string[]; error?: LocflowError }> {
  const notices: string[] = [];
  try {
    const ran = await withProjectLock(d, 'extract', () => true, { timeoutMs: 400, notice: (m) => notices.push(m) });
    return { ran, notices };
  } catch (err) {
    if (err instanceof LocflowError) return { ran: false, notices, error: err };
    throw err;
  }
}

const boot = (): string => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const linux = existsSync('/proc/self/stat');

describe('stale locks whose pid was reused by another process', () => {
  it('records host, boot and start time in the lock file', async () => {
    const d = mkdtempSync(join(tmpdir(), 'locflow-lock-'));
    await withProjectLock(d, 'import', () => {
      const holder = JSON.parse(readFileSync(lockPath(d), 'utf8')) as Record<string, unknown>;
      expect(holder).toMatchObject({ pid: process.pid, command: 'import', host: hostname() });
      if (linux) expect(holder.start).toBe(processStart(process.pid));
    });
  });

  it.runIf(linux)('a live pid with another start time is a stale lock: taken over, and said so', async () => {
    const d = lockedBy({ pid: other.pid, host: hostname(), boot: boot(), start: '1' });
    const r = await take(d);
    expect(r.ran).toBe(true);
    expect(r.notices.join('\n')).toContain(`stale lock of process ${other.pid}`);
    expect(r.notices.join('\n')).toContain('now belongs to another process');
  });

  it.runIf(linux)('a lock from before the last boot is stale, whatever runs under its pid now', async () => {
    const d = lockedBy({ pid: other.pid, host: hostname(), boot: 'another-boot', start: processStart(other.pid!) });
    expect((await take(d)).ran).toBe(true);
  });

  it.runIf(linux)(
    'the same process (same start time) still holds the lock: waited for, then a clear error',
    async () => {
      const d = lockedBy({ pid: other.pid, host: hostname(), boot: boot(), start: processStart(other.pid!) });
      const r = await take(d);
      expect(r.ran).toBe(false);
      expect(r.error?.message).toContain(`the project is locked by process ${other.pid}`);
    },
  );

  it('a lock of another host is never judged by this host’s pids', async () => {
    const d = lockedBy({ pid: 2 ** 22 + 12345, host: 'build-server-7', start: '1' });
    const r = await take(d);
    expect(r.ran).toBe(false);
    expect(r.error?.message).toContain('on build-server-7');
  });

  it('an old lock without host or start time is judged by its pid, as before', async () => {
    expect((await take(lockedBy({ pid: 2 ** 22 + 12345 }))).ran).toBe(true);
    expect((await take(lockedBy({ pid: other.pid }))).ran).toBe(false);
  });
});
