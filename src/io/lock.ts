import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { LocflowError, systemError } from '../errors.js';
import { processAlive } from './process-alive.js';

/**
 * The project lock: every command that writes the locale store or the translation memory holds
 * it while it reads, changes and writes them, so two commands run at once never lose each
 * other's work (each re-reads what it changes after taking the lock).
 *
 * The lock is a file, .locflow/lock, created exclusively (O_CREAT|O_EXCL, so only one process can
 * create it) and holding the holder's pid and command. A lock whose process is gone (killed,
 * crashed) is stale: it is reported and taken over. A live one is waited for, up to
 * LOCFLOW_LOCK_TIMEOUT seconds (30 by default), then the command stops with an error naming the
 * holder. The lock is removed when the command ends, however it ends: normally, by an error, by
 * process.exit, or on SIGINT/SIGTERM.
 */

export const LOCK_FILE = join('.locflow', 'lock');
const DEFAULT_TIMEOUT_S = 30;
/** A lock file still empty or unreadable after this long is a holder that died while writing it. */
const UNWRITTEN_GRACE_MS = 5000;

export interface LockHolder {
  readonly pid: number;
  readonly command: string;
  readonly since: string;
  /** The machine the holder runs on: a pid says nothing about another machine's processes. */
  readonly host?: string;
  /** The Linux boot id and the process's start time in clock ticks since boot (/proc): who the pid was. */
  readonly boot?: string;
  readonly start?: string;
}

function procText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** A process's start time (field 22 of /proc/<pid>/stat, after the parenthesised name); undefined without /proc. */
export function processStart(pid: number): string | undefined {
  const stat = procText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const BOOT = procText('/proc/sys/kernel/random/boot_id');

/**
 * Whether the holder a lock names still runs: its process exists and is the same process (same
 * boot, same start time). A holder on another host cannot be checked and counts as running.
 */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== undefined && holder.host !== hostname()) return true;
  if (holder.boot !== undefined && BOOT !== undefined && holder.boot !== BOOT) return false;
  if (!processAlive(holder.pid)) return false;
  if (holder.start === undefined) return true;
  const start = processStart(holder.pid);
  return start === undefined || start === holder.start;
}

export interface LockOptions {
  /** How long to wait for a live holder, in milliseconds (default: LOCFLOW_LOCK_TIMEOUT seconds, else 30 s). */
  readonly timeoutMs?: number;
  /** Where notices go (a stale lock taken over); stderr by default. */
  readonly notice?: (message: string) => void;
  /**
   * Whether `body` may take the lock again (a nested call then re-enters it); true by default. A body that never does
   * (extract) runs without the async context that tells a nested call it holds the lock: while one is set, Node calls
   * a hook for every promise made (thousands per run).
   */
  readonly reentrant?: boolean;
}

/** The locks the current async call chain holds: a nested call re-enters them instead of waiting for itself. */
const holding = new AsyncLocalStorage<ReadonlySet<string>>();
/** Per lock, the end of the queue of this process's callers: concurrent calls in one process take turns. */
const queues = new Map<string, Promise<void>>();

export function lockPath(root: string): string {
  return join(root, LOCK_FILE);
}

/**
 * Runs `body` holding the project lock of `root`. `command` names the command in the lock file,
 * for whoever has to wait for it ("import", "translate"…). A call made inside `body` re-enters the
 * lock; concurrent calls of one process take turns, as other processes do.
 */
export async function withProjectLock<T>(
  root: string,
  command: string,
  body: () => Promise<T> | T,
  options: LockOptions = {},
): Promise<T> {
  const path = lockPath(root);
  const mine = holding.getStore();
  if (mine?.has(path)) return body();
  const before = queues.get(path) ?? Promise.resolve();
  let done!: () => void;
  const turn = new Promise<void>((resolve) => (done = resolve));
  const tail = before.then(() => turn);
  queues.set(path, tail);
  try {
    await before;
    const release = await acquire(root, path, command, options);
    try {
      return await (options.reentrant === false ? body() : holding.run(new Set([...(mine ?? []), path]), body));
    } finally {
      release();
    }
  } finally {
    done();
    if (queues.get(path) === tail) queues.delete(path);
  }
}

function timeoutOf(options: LockOptions): number {
  if (options.timeoutMs !== undefined) return options.timeoutMs;
  const env = process.env.LOCFLOW_LOCK_TIMEOUT;
  if (env !== undefined && env.trim() !== '') {
    const seconds = Number(env);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    throw new LocflowError(`LOCFLOW_LOCK_TIMEOUT "${env}" is not a number of seconds`, {
      hint: 'set it to how long to wait for another locflow command, e.g. 30',
    });
  }
  return DEFAULT_TIMEOUT_S * 1000;
}

/** The holder the lock file names; null while it is empty (being written) or unreadable. */
function readHolder(path: string): LockHolder | null | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw systemError(err, path, 'read the project lock') ?? err;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0) {
      const known = (k: 'host' | 'boot' | 'start'): Partial<LockHolder> =>
        typeof value[k] === 'string' ? { [k]: value[k] } : {};
      return {
        pid: value.pid,
        command: String(value.command ?? 'locflow'),
        since: String(value.since ?? ''),
        ...known('host'),
        ...known('boot'),
        ...known('start'),
      };
    }
  } catch {
    // Half-written, or not ours: judged by its age below.
  }
  return null;
}

function ageMs(path: string): number | undefined {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Creates the lock file exclusively with `content`; false when it exists. */
function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw systemError(err, path, 'create the project lock') ?? err;
  }
  try {
    writeSync(fd, content);
  } catch (err) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw systemError(err, path, 'write the project lock') ?? err;
  }
  closeSync(fd);
  return true;
}

/**
 * Removes a stale lock so that it can be taken over. Only one waiter may do so at a time: it holds
 * "<lock>.takeover" (itself created exclusively), reads the lock again under it and removes it only
 * if it is still the same dead holder's, so a fresh lock another waiter took in the meantime is never removed.
 */
function removeStale(path: string, stale: string): boolean {
  const guard = `${path}.takeover`;
  if (!tryCreate(guard, JSON.stringify({ pid: process.pid }))) {
    // Another waiter is taking over; its guard is stale only if it died doing so.
    const owner = readHolder(guard);
    const dead =
      owner === null ? (ageMs(guard) ?? 0) > UNWRITTEN_GRACE_MS : owner !== 'gone' && !processAlive(owner.pid);
    if (dead) rmSync(guard, { force: true });
    return false;
  }
  try {
    let now: string;
    try {
      now = readFileSync(path, 'utf8');
    } catch {
      return true; // already gone
    }
    if (now !== stale) return false;
    rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function acquire(root: string, path: string, command: string, options: LockOptions): Promise<() => void> {
  const shown = relative(root, path) || path;
  try {
    mkdirSync(join(root, '.locflow'), { recursive: true });
  } catch (err) {
    throw systemError(err, join(root, '.locflow'), 'create the folder') ?? err;
  }
  const notice = options.notice ?? ((m: string): void => void process.stderr.write(`locflow: ${m}\n`));
  const timeout = timeoutOf(options);
  const start = processStart(process.pid);
  const me: LockHolder = {
    pid: process.pid,
    command,
    since: new Date().toISOString(),
    host: hostname(),
    ...(BOOT !== undefined ? { boot: BOOT } : {}),
    ...(start !== undefined ? { start } : {}),
  };
  const content = JSON.stringify(me) + '\n';
  const started = Date.now();
  let last: LockHolder | null = null;
  let pause = 25;
  for (;;) {
    if (tryCreate(path, content)) break;
    const holder = readHolder(path);
    if (holder === 'gone') continue; // released between our attempt and the read
    let stale: string | undefined;
    if (holder === null) {
      if ((ageMs(path) ?? 0) > UNWRITTEN_GRACE_MS) stale = 'an unreadable lock';
    } else {
      last = holder;
      if (!holderAlive(holder)) {
        const reused = processAlive(holder.pid) && (holder.boot === undefined || holder.boot === BOOT);
        stale = `a stale lock of process ${holder.pid} ("locflow ${holder.command}"${holder.since ? `, since ${holder.since}` : ''}), which is no longer running${reused ? ` (pid ${holder.pid} now belongs to another process)` : ''}`;
      }
    }
    if (stale !== undefined) {
      let text: string | undefined;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      if (removeStale(path, text)) {
        notice(`${shown}: took over ${stale}`);
        continue;
      }
    }
    if (Date.now() - started >= timeout) {
      const who = last
        ? `process ${last.pid}${last.host !== undefined && last.host !== hostname() ? ` on ${last.host}` : ''} ("locflow ${last.command}"${last.since ? `, since ${last.since}` : ''})`
        : 'another process';
      throw new LocflowError(
        `the project is locked by ${who}; gave up after waiting ${Math.round((Date.now() - started) / 100) / 10} s`,
        {
          file: path,
          hint: `wait for that command to finish and run this one again (LOCFLOW_LOCK_TIMEOUT sets how many seconds to wait); if no locflow command is running, delete ${shown}`,
        },
      );
    }
    await sleep(pause + Math.random() * pause);
    pause = Math.min(pause * 2, 200);
  }

  // Released once, whichever comes first: the end of the command, process.exit, or a signal.
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    try {
      // Only our own lock: never one a waiter took over believing us dead.
      if (readFileSync(path, 'utf8') === content) rmSync(path, { force: true });
    } catch {
      // Already gone.
    }
  };
  // A command that handles the signal itself (translate's Ctrl-C saves what it has) keeps doing so;
  // the lock goes when it ends. Otherwise the signal ends the process, as it would have.
  const onSignal = (signal: NodeJS.Signals, code: number): void => {
    if (process.listenerCount(signal) > 1) return;
    release();
    process.exit(code);
  };
  const onSigint = (): void => onSignal('SIGINT', 130);
  const onSigterm = (): void => onSignal('SIGTERM', 143);
  process.on('exit', release);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  return release;
}
