import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, sep } from 'node:path';
import { LocflowError } from '../errors.js';
import { insideProject, readText, relativeToProjectPath } from '../io/files.js';
import { configurableEncoding } from '../io/encoding.js';
import { canonicalLocale } from '../model/language.js';
import { readMtSettings, type MtSettings } from '../mt/registry.js';
import { QA_DEFAULTS, readQaSettings, type QaSettings } from '../qa/settings.js';
import { asObject, asString, asStrings, readSettings, type Json, type SettingValues } from '../settings.js';
import { TM_SETTINGS, type TmSettings } from '../tm/settings.js';
import { fixedRoot, insideRealProject, matchFiles } from './glob.js';
import { metaPathOf } from '../store/bundle.js';
import { loadFormats, readTextSettings } from '../formats/registry.js';

/**
 * locflow.config.json: what the project translates, into which languages, and where files go (the core keys
 * this module reads), and the sections the plugin families declare for themselves: "mt" (each engine, in
 * mt/), "qa" (qa/settings.ts and each check's options), "tm" (tm/settings.ts) and "text" (each format).
 */
export interface Config {
  readonly sourceLanguage: string;
  readonly targetLanguages: readonly string[];
  /**
   * Source files, relative to the project: paths or patterns with "*", "?", "[abc]", "{a,b}" and "**" for any
   * number of folders ("content/**\/*.md"). A document's id is its path from the pattern's fixed folder without
   * extension: "en/pricing" for content/en/pricing.md, "article" for source/article.txt under "source/*.txt".
   */
  readonly sources: readonly string[];
  /** The encoding of sources that no BOM or declaration names (WHATWG name); their builds are written in it too. */
  readonly encoding: string;
  readonly xliff: { readonly version: '1.2' | '2.0'; readonly path: string };
  /**
   * Where bundles and localized documents go; {lang}, {dir} (the id's folder, may be empty), {doc} (the base
   * name) and {ext} are replaced.
   */
  readonly locales: { readonly bundle: string; readonly output: string };
  /** The formats' settings as given (each format adds its defaults). */
  readonly text: SettingValues;
  readonly qa: QaSettings;
  /** Each engine's settings as given, by its key under "mt" (each engine adds its defaults). */
  readonly mt: MtSettings;
  readonly tm: TmSettings;
}

export const CONFIG_FILE = 'locflow.config.json';

export const DEFAULTS: Config = {
  sourceLanguage: 'en',
  targetLanguages: ['es'],
  sources: ['source/*.txt'],
  encoding: 'utf-8',
  xliff: { version: '1.2', path: 'xliff/{lang}/{dir}/{doc}.xlf' },
  locales: { bundle: 'locales/{lang}/{dir}/{doc}.json', output: 'locales/{lang}/{dir}/{doc}{ext}' },
  qa: QA_DEFAULTS,
  tm: readSettings(TM_SETTINGS, undefined, 'tm', { file: '', root: '' }),
  mt: {},
  text: {},
};

export interface Project {
  readonly root: string;
  readonly configPath: string;
  readonly config: Config;
}

/** The core keys; the sections below them are read by the plugin families that declare them. */
const CORE: Readonly<Record<string, readonly string[] | null>> = {
  $schema: null,
  sourceLanguage: null,
  targetLanguages: null,
  sources: null,
  encoding: null,
  xliff: ['version', 'path'],
  locales: ['bundle', 'output'],
};
const SECTIONS = ['text', 'qa', 'mt', 'tm'];

function encodingOf(value: Json, file: string): string {
  const name = configurableEncoding(asString(value, 'encoding', file));
  if (name === undefined)
    throw new LocflowError(
      `encoding: "${String(value)}" is not UTF-8 or a single-byte encoding locflow can read and write`,
      {
        file,
        hint: 'use "utf-8", or a name such as "windows-1252", "iso-8859-15" or "koi8-r"; save other files as UTF-8',
      },
    );
  return name;
}

/** Validates parsed JSON: the core keys here, each section by its owners, naming the first key that is wrong. */
export async function validateConfig(raw: Json, file: string, root: string): Promise<Config> {
  const place = { file, root };
  const obj = asObject(raw, 'the configuration', file);
  for (const [key, value] of Object.entries(obj)) {
    if (!(key in CORE) && !SECTIONS.includes(key))
      throw new LocflowError(`unknown key "${key}"`, {
        file,
        hint: `known keys: ${[...Object.keys(CORE), ...SECTIONS].filter((k) => k !== '$schema').join(', ')}`,
      });
    const nested = CORE[key];
    if (nested)
      for (const sub of Object.keys(asObject(value, key, file))) {
        if (!nested.includes(sub))
          throw new LocflowError(`unknown key "${key}.${sub}"`, {
            file,
            hint: `known keys of ${key}: ${nested.join(', ')}`,
          });
      }
  }
  const sourceLanguage = canonicalLocale(obj.sourceLanguage ?? DEFAULTS.sourceLanguage, 'sourceLanguage', file);
  const targets = asStrings(obj.targetLanguages ?? [...DEFAULTS.targetLanguages], 'targetLanguages', file).map((t, i) =>
    canonicalLocale(t, `targetLanguages[${i}]`, file),
  );
  if (targets.length === 0)
    throw new LocflowError('targetLanguages is empty', {
      file,
      hint: 'list at least one language to translate into, e.g. ["es"]',
    });
  if (targets.includes(sourceLanguage))
    throw new LocflowError(`targetLanguages lists the source language "${sourceLanguage}"`, { file });
  const xliff = obj.xliff === undefined ? {} : asObject(obj.xliff, 'xliff', file);
  const version = xliff.version ?? DEFAULTS.xliff.version;
  if (version !== '1.2' && version !== '2.0')
    throw new LocflowError(`xliff.version: "${String(version)}" is not supported`, {
      file,
      hint: 'use "1.2" or "2.0"',
    });
  const locales = obj.locales === undefined ? {} : asObject(obj.locales, 'locales', file);
  const text = obj.text === undefined ? {} : readTextSettings(obj.text, place);
  const qa = await readQaSettings(obj.qa, place);
  const mt = await readMtSettings(obj.mt, place);
  const tm = readSettings(TM_SETTINGS, obj.tm, 'tm', place);
  const config: Config = {
    qa,
    mt,
    tm,
    sourceLanguage,
    targetLanguages: targets,
    sources: obj.sources === undefined ? [...DEFAULTS.sources] : asStrings(obj.sources, 'sources', file),
    encoding: obj.encoding === undefined ? DEFAULTS.encoding : encodingOf(obj.encoding, file),
    xliff: { version, path: xliff.path === undefined ? DEFAULTS.xliff.path : asString(xliff.path, 'xliff.path', file) },
    locales: {
      bundle: locales.bundle === undefined ? DEFAULTS.locales.bundle : asString(locales.bundle, 'locales.bundle', file),
      output: locales.output === undefined ? DEFAULTS.locales.output : asString(locales.output, 'locales.output', file),
    },
    text,
  };
  for (const [key, template] of [
    ['xliff.path', config.xliff.path],
    ['locales.bundle', config.locales.bundle],
    ['locales.output', config.locales.output],
  ] as const) {
    if (!template.includes('{lang}') || !template.includes('{doc}'))
      throw new LocflowError(`${key}: "${template}" must contain {lang} and {doc}`, { file });
    try {
      insideProject(root, template.replace(/\{\w+\}/gu, 'x'), key);
    } catch (err) {
      throw new LocflowError((err as Error).message, {
        file,
        hint: 'paths in the configuration must stay inside the project folder',
      });
    }
  }
  return config;
}

export async function loadProject(root: string, configPath = join(root, CONFIG_FILE)): Promise<Project> {
  if (!existsSync(configPath)) {
    throw new LocflowError(`no ${CONFIG_FILE} here`, {
      file: configPath,
      hint: 'run "locflow init" to write one, or pass --config <file>',
    });
  }
  const text = readText(configPath, 'configuration file');
  let raw: Json;
  try {
    raw = JSON.parse(text) as Json;
  } catch (err) {
    const pos = /position (\d+)/u.exec((err as Error).message);
    const at = pos ? Number(pos[1]) : -1;
    const line = at >= 0 ? text.slice(0, at).split('\n').length : undefined;
    const column = at >= 0 ? at - text.lastIndexOf('\n', at - 1) : undefined;
    throw new LocflowError(`invalid JSON: ${(err as Error).message}`, {
      file: configPath,
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
    });
  }
  const config = await validateConfig(raw, configPath, dirname(configPath));
  const project = { root: dirname(configPath), configPath, config };
  const sources = sourceDocuments(project);
  checkDocumentPaths(project, sources); // missing sources and colliding paths are reported now, not halfway through a command
  await loadFormats(sources.map((d) => d.file)); // only the parsers this project's files need
  return project;
}

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

/** The source documents the config names, patterns expanded, in pattern order; a file matched twice counts once. */
export function sourceDocuments(project: Project): SourceDocument[] {
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
    const outputs = glob
      ? rels.filter((rel) => generated.some((folder) => join(base, ...rel.split('/')).startsWith(folder)))
      : [];
    if (outputs.length && outputs.length === rels.length) {
      throw new LocflowError(
        `sources: "${pattern}" matches only files locflow writes (${outputs.slice(0, 3).join(', ')}${outputs.length > 3 ? ', …' : ''})`,
        {
          file: project.configPath,
          hint: 'point the pattern at the source files; the XLIFF, bundle and output folders of target languages are never sources',
        },
      );
    }
    for (const rel of rels) {
      const file = join(base, ...rel.split('/'));
      if (taken.has(file) || outputs.includes(rel)) continue;
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

/** The source files the config names, patterns expanded. */
export function sourceFiles(project: Project): string[] {
  return sourceDocuments(project).map((d) => d.file);
}

/**
 * A path template filled in, inside the project: {lang}, {doc} (the base name), {dir} (the folder part
 * of the document id, empty at the top level) and {ext}. An empty {dir} leaves no doubled or leading "/".
 */
export function projectPath(
  project: Project,
  template: string,
  values: { lang: string; doc: string; dir?: string; ext?: string },
): string {
  const rel = fillTemplate(template, values);
  return insideProject(project.root, rel, 'path');
}

export function fillTemplate(
  template: string,
  values: { lang: string; doc: string; dir?: string; ext?: string },
): string {
  const dir = values.dir ?? '';
  let rel = template
    .replaceAll('{lang}', values.lang)
    .replaceAll('{doc}', values.doc)
    .replaceAll('{ext}', values.ext ?? '');
  if (template.includes('{dir}')) {
    rel = rel.replaceAll('{dir}', dir).replace(/\/{2,}/gu, '/');
    if (dir === '' && !template.startsWith('/')) rel = rel.replace(/^\//u, '');
  }
  return rel;
}

/** The paths a document writes for one language, by template key. */
export function documentPaths(
  project: Project,
  doc: Pick<SourceDocument, 'name' | 'dir' | 'ext'>,
  lang: string,
): { readonly 'xliff.path': string; readonly 'locales.bundle': string; readonly 'locales.output': string } {
  const values = { lang, doc: doc.name, dir: doc.dir, ext: doc.ext };
  return {
    'xliff.path': projectPath(project, project.config.xliff.path, values),
    'locales.bundle': projectPath(project, project.config.locales.bundle, values),
    'locales.output': projectPath(project, project.config.locales.output, values),
  };
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
  const claimed = new Map<string, { doc: SourceDocument; key: string }>();
  for (const lang of project.config.targetLanguages) {
    for (const doc of docs) {
      const paths = documentPaths(project, doc, lang);
      for (const [key, path] of [
        ...Object.entries(paths),
        ['locales.bundle (its .meta.json)', metaPathOf(paths['locales.bundle'])],
      ] as const) {
        const other = claimed.get(path);
        if (other && other.doc !== doc) {
          const template =
            key === 'xliff.path'
              ? project.config.xliff.path
              : key === 'locales.output'
                ? project.config.locales.output
                : project.config.locales.bundle;
          const nested = doc.dir !== '' || other.doc.dir !== '';
          throw new LocflowError(
            `${shown(other.doc.file)} and ${shown(doc.file)} would both write ${shown(path)} (${other.key === key ? key : `${other.key} and ${key}`}); nothing was done`,
            {
              file: project.configPath,
              hint:
                nested && !template.includes('{dir}')
                  ? `put {dir} in ${key.split(' ')[0]} ("${withDir(template)}") so documents in different folders get different paths`
                  : 'make the templates tell the documents apart, or rename one of them',
            },
          );
        }
        if (!other) claimed.set(path, { doc, key });
      }
    }
  }
}

/** A template with "{dir}/" put before its "{doc}", for hints. */
function withDir(template: string): string {
  if (template.includes('{dir}')) return template;
  const i = template.lastIndexOf('{doc}');
  return template.slice(0, i) + '{dir}/' + template.slice(i);
}

/** The base name of a file without its extension. */
export function docIdOf(file: string): string {
  return basename(file, extname(file));
}
