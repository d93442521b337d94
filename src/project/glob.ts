import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';

/**
 * Source patterns: "/"-separated, relative to the project. In a segment "*" is any run of characters
 * but "/", "?" one character, "[abc]" one of a set, "{a,b}" one of the alternatives; a segment "**" is
 * any number of folders, none included. Names starting with "." and node_modules folders are matched
 * only by a segment that names them (".drafts/*.md"). Symbolic links are followed only to places inside
 * the project, each real folder once.
 */

/** Deeper folders are not walked: no source tree comes near it, and a link loop cannot run away. */
export const MAX_SOURCE_DEPTH = 64;

/** Whether a segment holds glob syntax. */
function isGlob(segment: string): boolean {
  return /[*?[\]{}]/u.test(segment);
}

/** The segments up to the first with glob syntax: the folder a pattern's document ids are relative to. */
export function fixedRoot(pattern: string): { readonly root: string; readonly rest: readonly string[] } {
  const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const i = segments.findIndex(isGlob);
  if (i < 0) return { root: segments.slice(0, -1).join('/'), rest: segments.slice(-1) };
  return { root: segments.slice(0, i).join('/'), rest: segments.slice(i) };
}

/** "{a,b}" alternatives written out; nested braces are expanded from the inside out. */
export function expandBraces(pattern: string): string[] {
  const m = /\{([^{}]*)\}/u.exec(pattern);
  if (!m || !m[1]!.includes(',')) return [pattern];
  const head = pattern.slice(0, m.index);
  const tail = pattern.slice(m.index + m[0].length);
  return [...new Set(m[1]!.split(',').flatMap((alt) => expandBraces(head + alt + tail)))];
}

function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = segment
          .slice(i + 1, end)
          .replace(/^!/u, '^')
          .replace(/\\/gu, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += ch.replace(/[.+?^${}()|[\]\\]/gu, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

type Matcher =
  { readonly globstar: true } | { readonly globstar: false; readonly re: RegExp; readonly explicitHidden: boolean };

function matchers(rest: readonly string[]): Matcher[] {
  return rest.map((s) =>
    s === '**'
      ? { globstar: true }
      : { globstar: false, re: segmentRegExp(s), explicitHidden: s.startsWith('.') || s === 'node_modules' },
  );
}

function hidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Files under `base` (an absolute folder inside `projectRoot`) matching the segments `rest`, as paths
 * relative to `base` with "/", sorted.
 */
export function matchFiles(projectRoot: string, base: string, rest: readonly string[]): string[] {
  const realRoot = safeRealpath(projectRoot) ?? projectRoot;
  const found = new Set<string>();
  const alternatives = expandBraces(rest.join('/')).map((p) =>
    matchers(p.split('/').filter((s) => s !== '' && s !== '.')),
  );
  for (const ms of alternatives) walk(base, '', ms, 0, new Set(), 0);
  return [...found].sort();

  function walk(
    dir: string,
    relDir: string,
    ms: readonly Matcher[],
    at: number,
    visited: Set<string>,
    depth: number,
  ): void {
    if (at >= ms.length || depth > MAX_SOURCE_DEPTH) return;
    const real = safeRealpath(dir);
    if (!real || !inside(realRoot, real)) return;
    const key = `${real}\0${at}`;
    if (visited.has(key)) return; // a link back to a folder already walked at this step
    visited.add(key);
    const m = ms[at]!;
    if (m.globstar) walk(dir, relDir, ms, at + 1, visited, depth); // "**" standing for no folder
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch {
      return;
    }
    const last = at === ms.length - 1;
    for (const entry of entries) {
      const name = entry.name;
      // The entry's full path only for a link (looked at) or a folder (walked): a folder of thousands of files joins
      // none of theirs.
      const kind = kindOf(entry, dir, realRoot);
      if (!kind) continue;
      const rel = relDir ? `${relDir}/${name}` : name;
      if (m.globstar) {
        if (hidden(name)) continue;
        if (kind === 'dir') walk(join(dir, name), rel, ms, at, visited, depth + 1);
        continue;
      }
      if (hidden(name) && !m.explicitHidden) continue;
      if (!m.re.test(name)) continue;
      if (last) {
        if (kind === 'file') found.add(rel);
      } else if (kind === 'dir') walk(join(dir, name), rel, ms, at + 1, visited, depth + 1);
    }
  }
}

/**
 * 'file' or 'dir', following a link only when it resolves inside the project; undefined otherwise. The folder
 * listing says what each entry is: only links cost a look of their own.
 */
function kindOf(entry: Dirent, dir: string, realRoot: string): 'file' | 'dir' | undefined {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  if (!entry.isSymbolicLink()) return undefined;
  const path = join(dir, entry.name);
  try {
    const real = safeRealpath(path);
    if (!real || !inside(realRoot, real)) return undefined;
    const s = statSync(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Whether `path`, links resolved, lies inside the project folder (links resolved too). */
export function insideRealProject(projectRoot: string, path: string): boolean {
  const real = safeRealpath(path);
  return real !== undefined && inside(safeRealpath(projectRoot) ?? projectRoot, real);
}
