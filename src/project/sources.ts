import { existsSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { LocflowError } from '../errors.js';
import { insideProject, lexicallyInsideProject, relativeToProjectPath, RunMemo } from '../io/files.js';
import { metaPathOf } from '../store/bundle.js';
import { fixedRoot, insideRealProject, matchFiles } from './glob.js';
import { fillTemplate } from './paths.js';
import type { Project } from './project.js';

/** A source file and the names it goes by: its id is its path from the pattern's fixed folder, without extension. */
export interface SourceDocument {
  /** Absolute path. */
  readonly file: string;
  /** "en/pricing" for content/en/pricing.md under "content/**\/*.md"; "article" for source/article.txt under "source/*.txt". */
  readonly id: string;
  /** The id's folder part ("en"), empty at the top level: {dir} in templates. */
  readonly dir: string;
  /** The file's base name without extension ("pricing"): {doc} in templates. */
  readonly name: string;
  /** The file's extension with its dot (".md"): {ext} in templates. */
  readonly ext: string;
  /** The pattern that matched it first. */
  readonly pattern: string;
}

/** Each project's sources as the run found them first: a command lists them once (loading the project checks them). */
const listed = new RunMemo<Project, readonly SourceDocument[]>();

/** The source documents the config names, patterns expanded, in pattern order; a file matched twice counts once. */
export function sourceDocuments(project: Project): readonly SourceDocument[] {
  return listed.get(project, () => listSources(project));
}

function listSources(project: Project): SourceDocument[] {
  const docs: SourceDocument[] = [];
  const taken = new Set<string>();
  const generated = generatedFolders(project);
  for (const pattern of project.config.sources) {
    const normalized = pattern.replaceAll('\\', '/');
    insideProject(project.root, normalized, 'sources');
    const { root, rest } = fixedRoot(normalized);
    const base = (() => {
      try {
        return insideProject(project.root, root === '' ? '.' : root, 'sources');
      } catch (err) {
        throw new LocflowError((err as Error).message, { file: project.configPath });
      }
    })();
    let rels: string[];
    const glob = rest.length > 1 || /[*?[\]{}]/u.test(rest[0]!);
    if (!glob) {
      const full = join(base, rest[0]!);
      if (!existsSync(full) || !statSync(full).isFile())
        throw new LocflowError(`sources: "${pattern}" does not exist`, {
          file: project.configPath,
          hint: 'fix the path or add the file',
        });
      if (!insideRealProject(project.root, full))
        throw new LocflowError(`sources: "${pattern}" is a link to a file outside the project folder`, {
          file: project.configPath,
          hint: 'copy the file into the project; locflow reads sources only inside it',
        });
      rels = [rest[0]!];
    } else {
      rels = matchFiles(project.root, base, rest);
      if (!rels.length)
        throw new LocflowError(`sources: "${pattern}" matches no file`, {
          file: project.configPath,
          hint: 'fix the pattern or add files; "**" stands for any number of folders ("content/**/*.md")',
        });
    }
    // Each file's path, joined once (a pattern may match thousands): a pattern's matches are names a folder listing
    // gave, joined by "/" (no ".", ".." or empty part), below a folder resolved already — on POSIX, the folder, a
    // separator and the names, as path.join gives it (its normalising was a sixth of listing 2,318 articles).
    const files = rels.map(
      glob && sep === '/'
        ? (rel) => (base.endsWith('/') ? base + rel : base + '/' + rel)
        : (rel) => join(base, ...rel.split('/')),
    );
    const isOutput = files.map((file) => glob && generated.some((folder) => file.startsWith(folder)));
    const outputs = rels.filter((_, i) => isOutput[i]);
    if (outputs.length && outputs.length === rels.length) {
      throw new LocflowError(
        `sources: "${pattern}" matches only files locflow writes (${outputs.slice(0, 3).join(', ')}${outputs.length > 3 ? ', …' : ''})`,
        {
          file: project.configPath,
          hint: 'point the pattern at the source files; the XLIFF, bundle and output folders of target languages are never sources',
        },
      );
    }
    for (let i = 0; i < rels.length; i++) {
      const rel = rels[i]!;
      const file = files[i]!;
      if (taken.has(file) || isOutput[i]) continue;
      taken.add(file);
      const ext = extname(rel);
      const id = ext ? rel.slice(0, -ext.length) : rel;
      const slash = id.lastIndexOf('/');
      docs.push({
        file,
        id,
        dir: slash < 0 ? '' : id.slice(0, slash),
        name: slash < 0 ? id : id.slice(slash + 1),
        ext,
        pattern,
      });
    }
  }
  return docs;
}

/**
 * Folders only locflow writes to: each template's fixed part for each target language ("locales/es/",
 * "xliff/es/"), so "**\/*.md" does not read built pages back as sources. A template that starts with a
 * placeholder other than {lang} has none.
 */
function generatedFolders(project: Project): string[] {
  const folders = new Set<string>();
  for (const template of [project.config.xliff.path, project.config.locales.bundle, project.config.locales.output]) {
    for (const lang of project.config.targetLanguages) {
      const filled = template.replaceAll('{lang}', lang);
      const at = filled.search(/\{(?:doc|dir|ext)\}/u);
      const fixed = at < 0 ? filled : filled.slice(0, at);
      const slash = fixed.lastIndexOf('/');
      if (slash <= 0) continue;
      const folder = fixed.slice(0, slash);
      if (!folder.split('/').some((s) => s === lang)) continue; // a folder of its own language only: never one sources share
      folders.add(join(project.root, ...folder.split('/')) + sep);
    }
  }
  return [...folders];
}

/**
 * Refuses two documents with the same id, or that would write the same XLIFF, bundle or output path
 * in some language, naming both sources.
 */
export function checkDocumentPaths(project: Project, docs: readonly SourceDocument[]): void {
  const shown = (file: string): string => relativeToProjectPath(project.root, file);
  const ids = new Map<string, SourceDocument>();
  for (const doc of docs) {
    const other = ids.get(doc.id);
    if (other) {
      const a = shown(other.file).split('/');
      const b = shown(doc.file).split('/');
      let common = 0;
      while (common < Math.min(a.length, b.length) - 1 && a[common] === b[common]) common++;
      const pattern = [...a.slice(0, common), '**', `*${doc.ext}`].join('/');
      throw new LocflowError(
        `two sources have the document id "${doc.id}": ${shown(other.file)} and ${shown(doc.file)}`,
        {
          file: project.configPath,
          hint:
            other.ext !== doc.ext || common === a.length - 1
              ? 'rename one of them (a document id leaves out the extension)'
              : `rename one of them, or match both with one pattern ("${pattern}"): ids are paths from a pattern's fixed folder, so they keep the folders that tell them apart`,
        },
      );
    }
    ids.set(doc.id, doc);
  }
  // Each path claimed, by the first document and key claiming it: the document's index times PATH_KEYS.length, plus
  // the key's (a number, not an object per path: a project of thousands of documents claims tens of thousands).
  const claimed = new Map<string, number>();
  const templates = [project.config.xliff.path, project.config.locales.bundle, project.config.locales.output];
  // One object of template values, filled for each document in turn (fillTemplate reads it at once).
  const values = { lang: '', doc: '', dir: '', ext: '' };
  const paths = ['', '', '', ''];
  for (const lang of project.config.targetLanguages) {
    values.lang = lang;
    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d]!;
      values.doc = doc.name;
      values.dir = doc.dir;
      values.ext = doc.ext;
      // The paths in PATH_KEYS' order, as written (to be compared), refused outside the project; no link on the way is
      // looked at: each is looked at where it is read or written (projectPath). One folder lookup per path was about half
      // of this check's time (2,318 articles), and the run looks again anyway.
      for (let k = 0; k < 3; k++)
        paths[k] = lexicallyInsideProject(project.root, fillTemplate(templates[k]!, values), 'path');
      paths[3] = metaPathOf(paths[1]!);
      for (let k = 0; k < PATH_KEYS.length; k++) {
        const path = paths[k]!;
        const other = claimed.get(path);
        if (other === undefined) {
          claimed.set(path, d * PATH_KEYS.length + k);
          continue;
        }
        const otherDoc = docs[Math.floor(other / PATH_KEYS.length)]!;
        if (otherDoc === doc) continue;
        const key = PATH_KEYS[k]!;
        const otherKey = PATH_KEYS[other % PATH_KEYS.length]!;
        const template =
          key === 'xliff.path'
            ? project.config.xliff.path
            : key === 'locales.output'
              ? project.config.locales.output
              : project.config.locales.bundle;
        const nested = doc.dir !== '' || otherDoc.dir !== '';
        throw new LocflowError(
          `${shown(otherDoc.file)} and ${shown(doc.file)} would both write ${shown(path)} (${otherKey === key ? key : `${otherKey} and ${key}`}); nothing was done`,
          {
            file: project.configPath,
            hint:
              nested && !template.includes('{dir}')
                ? `put {dir} in ${key.split(' ')[0]} ("${withDir(template)}") so documents in different folders get different paths`
                : 'make the templates tell the documents apart, or rename one of them',
          },
        );
      }
    }
  }
}

/** The paths a document claims in each language, by the key they are reported by: its templates' and the bundle's metadata. */
const META_KEY = 'locales.bundle (its .meta.json)';
const PATH_KEYS = ['xliff.path', 'locales.bundle', 'locales.output', META_KEY] as const;

/** A template with "{dir}/" put before its "{doc}", for hints. */
function withDir(template: string): string {
  if (template.includes('{dir}')) return template;
  const i = template.lastIndexOf('{doc}');
  return template.slice(0, i) + '{dir}/' + template.slice(i);
}
