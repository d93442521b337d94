import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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

/** The hash codeVersion gives for the program under `root`. */
export function programHash(root: string): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.version} icu ${process.versions.icu ?? ''} unicode ${process.versions.unicode ?? ''}\n`);
  for (const file of codeFiles(root)) hash.update(`${file.slice(root.length)}\n`).update(readFileSync(file));
  const manifest = packageManifest(root);
  if (manifest) hash.update('package.json\n').update(manifest);
  return hash.digest('base64url');
}

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
