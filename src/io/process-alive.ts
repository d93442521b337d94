/**
 * Whether process `pid` exists, for files a run names itself by (locks, temporary files). Signal 0 asks without
 * sending anything. EPERM means it exists but is someone else's; a pid no process can have names none; any other
 * refusal counts as alive, so nothing a live run may still own is taken from it.
 */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  if (!Number.isInteger(pid) || pid <= 0 || pid > MAX_PID) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Pids are positive 32-bit integers; 0 and negative numbers would name process groups. */
const MAX_PID = 0x7fffffff;
