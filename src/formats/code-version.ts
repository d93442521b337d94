import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files whose text is the program: its modules, the data they import, and the bundle's chunks as scripts (what the
 * bundle runs, scripts/code-cache.mjs; the V8 code caches beside them are made from these and are left out).
 */
const CODE_FILE = /\.(?:[cm]?js|ts|json|script)$/u;

/**
 * A hash of the program as it runs: every module and JSON file in the folder above this module's own (the bundle's
 * chunks, the compiled tree or the sources, whichever runs), the package's manifest (its exact dependency versions),
 * and the versions of Node and its ICU (what Intl gives a reader). What a reader made is kept under it (the
 * segmentation record), so any change of the code — a new release, a rebuilt bundle, an edited reader — reads again.
 */
export function codeVersion(): string {
  return (version ??= programHash(fileURLToPath(new URL('..', import.meta.url))));
}

let version: string | undefined;

/**
 * The hash codeVersion gives for the program under `root`. A code file is known by its identity — device, inode, size,
 * modification and change times — once it has not changed for SETTLED_MS before `now`, and by its bytes before then
 * (the bundle's 139 files, 2.2 MB: ≈ 45 ms read and hashed at each build, ≈ 1 ms looked at). Any change of a file's
 * bytes sets its change time (ctime, which no program sets back) to the time of the change, so a settled file's
 * identity differs from any it had before the change; a file changed within a clock tick of an earlier run's look (the
 * file system's times are that coarse) is still unsettled then, and that run hashed its bytes. Copied or reinstalled,
 * the same program is new to the record once (its files' identities are new): read again, never read wrongly.
 */
export function programHash(root: string, now = Date.now()): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.version} icu ${process.versions.icu ?? ''} unicode ${process.versions.unicode ?? ''}\n`);
  const settledBefore = BigInt(Math.floor(now - SETTLED_MS)) * 1_000_000n;
  for (const file of codeFiles(root)) {
    hash.update(`${file.slice(root.length)}\n`);
    const { dev, ino, size, mtimeNs, ctimeNs } = statSync(file, { bigint: true });
    if (ctimeNs < settledBefore && mtimeNs < settledBefore)
      hash.update(`settled ${dev} ${ino} ${size} ${mtimeNs} ${ctimeNs}\n`);
    else hash.update('bytes\n').update(readFileSync(file));
  }
  const manifest = packageManifest(root);
  if (manifest) hash.update('package.json\n').update(manifest);
  return hash.digest('base64url');
}

/** How long a code file must have been left as it is before its identity stands for its bytes. */
export const SETTLED_MS = 2_000;

/** The code files under `root`, in a stable order; installed packages are named by the manifest instead. */
function codeFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && CODE_FILE.test(entry.name)) files.push(path);
    }
  };
  walk(root);
  return files;
}

/** The bytes of the nearest package.json above `dir` (locflow's own, wherever it is installed). */
function packageManifest(dir: string): Buffer | undefined {
  for (let at = dir; ; at = dirname(at)) {
    try {
      return readFileSync(join(at, 'package.json'));
    } catch {
      if (dirname(at) === at) return undefined;
    }
  }
}
