import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, sep } from 'node:path';
import { LocflowError } from '../errors.js';
import { insideProject, readText, relativeToProjectPath } from '../io/files.js';
import { configurableEncoding } from '../io/encoding.js';
import { fixedRoot, insideRealProject, matchFiles } from './glob.js';
import { metaPathOf } from '../store/bundle.js';

/** locflow.config.json: what the project translates, into which languages, and where files go. */
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
  /** Where bundles and localized documents go; {lang}, {dir} (the id's folder, may be empty), {doc} (the base name) and {ext} are replaced. */
  readonly locales: { readonly bundle: string; readonly output: string };
  readonly text: {
    readonly boilerplate: readonly string[];
    readonly relatedLabels: readonly string[];
    readonly frontMatter: readonly string[];
  };
  readonly qa: QaConfig;
  readonly mt: MtConfig;
  readonly tm: TmConfig;
}

/** The translation memory: its file, and what counts as a fuzzy match worth offering. */
export interface TmConfig {
  readonly path: string;
  /** Where the memory lives when it is not the project's SQLite file (postgres://…); LOCFLOW_TM_URL wins over it. */
  readonly url?: string;
  /** Lowest fuzzy score (0–100) offered to translators. */
  readonly fuzzyThreshold: number;
  readonly maxMatches: number;
}

/** Machine translation engines: where to reach them and which environment variable holds a key. */
export interface MtConfig {
  readonly apertium: { readonly command: string };
  readonly apy: { readonly url: string };
  readonly deepl: { readonly url: string; readonly apiKeyEnv: string };
  readonly libretranslate: { readonly url: string; readonly apiKeyEnv: string };
}

export type SeverityName = 'error' | 'warning' | 'info' | 'off';

/** QA settings: a glossary, severities per check, known false alarms, length ratios. */
export interface QaConfig {
  /** A CSV or TBX glossary, relative to the project. */
  readonly glossary?: string;
  readonly severity: Readonly<Record<string, SeverityName>>;
  readonly suppress: ReadonlyArray<{ readonly unit: string; readonly check: string; readonly lang?: string }>;
  /** Accepted target/source length ratio per target language; "*" for the rest. */
  readonly lengthRatio: Readonly<Record<string, readonly [number, number]>>;
}

/** Ids of the QA checks, kept here so loading the configuration does not load the checks. */
export const QA_CHECK_IDS = [
  'empty',
  'untranslated',
  'numbers',
  'names',
  'inline-codes',
  'placeholders',
  'urls-emails',
  'terminology',
  'length',
  'whitespace',
  'end-punctuation',
  'brackets-quotes',
  'repeated-words',
  'consistency',
  'spelling',
] as const;

export const CONFIG_FILE = 'locflow.config.json';

export const DEFAULTS: Config = {
  sourceLanguage: 'en',
  targetLanguages: ['es'],
  sources: ['source/*.txt'],
  encoding: 'utf-8',
  xliff: { version: '1.2', path: 'xliff/{lang}/{dir}/{doc}.xlf' },
  locales: { bundle: 'locales/{lang}/{dir}/{doc}.json', output: 'locales/{lang}/{dir}/{doc}{ext}' },
  qa: { severity: {}, suppress: [], lengthRatio: { '*': [0.4, 2.5] } },
  tm: { path: 'tm/project.db', fuzzyThreshold: 75, maxMatches: 3 },
  mt: {
    apertium: { command: 'apertium' },
    apy: { url: 'http://127.0.0.1:2737' },
    deepl: { url: 'https://api-free.deepl.com', apiKeyEnv: 'DEEPL_AUTH_KEY' },
    libretranslate: { url: 'http://127.0.0.1:5000', apiKeyEnv: 'LIBRETRANSLATE_API_KEY' },
  },
  text: {
    boilerplate: [
      '^powered by\\b',
      '^(?:sign up|subscribe)\\b.{0,80}$',
      '^(?:copyright\\b|©)',
      '^all rights reserved\\b',
    ],
    relatedLabels: [
      'live updates',
      'live',
      'read more',
      'read also',
      'also read',
      'related',
      'more',
      'see also',
      'watch',
      'listen',
      'follow',
    ],
    frontMatter: ['title', 'description', 'summary'],
  },
};

export interface Project {
  readonly root: string;
  readonly configPath: string;
  readonly config: Config;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const SCHEMA: Readonly<Record<string, readonly string[] | null>> = {
  $schema: null,
  sourceLanguage: null,
  targetLanguages: null,
  sources: null,
  encoding: null,
  xliff: ['version', 'path'],
  locales: ['bundle', 'output'],
  text: ['boilerplate', 'relatedLabels', 'frontMatter'],
  qa: ['glossary', 'severity', 'suppress', 'lengthRatio'],
  mt: ['apertium', 'apy', 'deepl', 'libretranslate'],
  tm: ['path', 'url', 'fuzzyThreshold', 'maxMatches'],
};

/** A BCP 47 tag as Intl understands it, in canonical case; an error naming the key otherwise. */
export function canonicalLocale(tag: unknown, key: string, file: string): string {
  if (typeof tag !== 'string' || !/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/u.test(tag)) {
    throw new LocflowError(`${key}: "${String(tag)}" is not a language code`, {
      file,
      hint: 'use a BCP 47 tag such as "es", "fr-CA", "ar-EG" or "qps-ploc"',
    });
  }
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/gu, '-'))[0] ?? tag;
  } catch {
    throw new LocflowError(`${key}: "${tag}" is not a valid BCP 47 language tag`, {
      file,
      hint: 'use a tag such as "es", "fr-CA" or "ar-EG"',
    });
  }
}

function asObject(value: Json | undefined, key: string, file: string): Record<string, Json> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new LocflowError(`${key} must be an object`, { file });
  return value;
}

function asString(value: Json | undefined, key: string, file: string): string {
  if (typeof value !== 'string' || value === '') throw new LocflowError(`${key} must be a non-empty string`, { file });
  return value;
}

function asStrings(value: Json | undefined, key: string, file: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new LocflowError(`${key} must be a list of strings`, { file });
  return value as string[];
}

function readTm(value: Json | undefined, file: string, root: string): TmConfig {
  if (value === undefined) return DEFAULTS.tm;
  const o = asObject(value, 'tm', file);
  const path = o.path === undefined ? DEFAULTS.tm.path : asString(o.path, 'tm.path', file);
  try {
    insideProject(root, path, 'tm.path');
  } catch (err) {
    throw new LocflowError((err as Error).message, { file });
  }
  const number = (key: 'fuzzyThreshold' | 'maxMatches', lo: number, hi: number): number => {
    const v = o[key] ?? DEFAULTS.tm[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi)
      throw new LocflowError(`tm.${key} must be a number from ${lo} to ${hi}`, { file });
    return v;
  };
  const url = o.url === undefined ? {} : { url: asString(o.url, 'tm.url', file) };
  return { path, ...url, fuzzyThreshold: number('fuzzyThreshold', 1, 100), maxMatches: number('maxMatches', 0, 20) };
}

function readMt(value: Json | undefined, file: string): MtConfig {
  if (value === undefined) return DEFAULTS.mt;
  const mt = asObject(value, 'mt', file);
  const section = <K extends keyof MtConfig>(key: K, keys: readonly string[]): Record<string, string> => {
    const defaults = DEFAULTS.mt[key] as unknown as Record<string, string>;
    if (mt[key] === undefined) return { ...defaults };
    const o = asObject(mt[key], `mt.${key}`, file);
    const out: Record<string, string> = { ...defaults };
    for (const [k, v] of Object.entries(o)) {
      if (!keys.includes(k))
        throw new LocflowError(`unknown key "mt.${key}.${k}"`, { file, hint: `known keys: ${keys.join(', ')}` });
      out[k] = asString(v, `mt.${key}.${k}`, file);
      if (k === 'url' && !/^https?:\/\/[^\s]+$/u.test(out[k]!))
        throw new LocflowError(`mt.${key}.url: "${out[k]}" is not an http(s) URL`, { file });
    }
    return out;
  };
  return {
    apertium: section('apertium', ['command']) as unknown as MtConfig['apertium'],
    apy: section('apy', ['url']) as unknown as MtConfig['apy'],
    deepl: section('deepl', ['url', 'apiKeyEnv']) as unknown as MtConfig['deepl'],
    libretranslate: section('libretranslate', ['url', 'apiKeyEnv']) as unknown as MtConfig['libretranslate'],
  };
}

function readQa(value: Json | undefined, file: string, root: string): QaConfig {
  if (value === undefined) return DEFAULTS.qa;
  const qa = asObject(value, 'qa', file);
  const severity: Record<string, SeverityName> = {};
  for (const [id, level] of Object.entries(
    qa.severity === undefined ? {} : asObject(qa.severity, 'qa.severity', file),
  )) {
    if (!(QA_CHECK_IDS as readonly string[]).includes(id))
      throw new LocflowError(`qa.severity: unknown check "${id}"`, {
        file,
        hint: `checks: ${QA_CHECK_IDS.join(', ')}`,
      });
    if (level !== 'error' && level !== 'warning' && level !== 'info' && level !== 'off')
      throw new LocflowError(`qa.severity.${id}: "${String(level)}" is not a severity`, {
        file,
        hint: 'use "error", "warning", "info" or "off"',
      });
    severity[id] = level;
  }
  const suppress = (
    qa.suppress === undefined
      ? []
      : Array.isArray(qa.suppress)
        ? qa.suppress
        : asStrings(qa.suppress, 'qa.suppress', file)
  ).map((s, i) => {
    const o = asObject(s, `qa.suppress[${i}]`, file);
    const check = asString(o.check, `qa.suppress[${i}].check`, file);
    if (!(QA_CHECK_IDS as readonly string[]).includes(check))
      throw new LocflowError(`qa.suppress[${i}].check: unknown check "${check}"`, { file });
    return {
      unit: asString(o.unit, `qa.suppress[${i}].unit`, file),
      check,
      ...(o.lang !== undefined ? { lang: canonicalLocale(o.lang, `qa.suppress[${i}].lang`, file) } : {}),
    };
  });
  const lengthRatio: Record<string, [number, number]> = {
    ...(DEFAULTS.qa.lengthRatio as Record<string, [number, number]>),
  };
  for (const [lang, range] of Object.entries(
    qa.lengthRatio === undefined ? {} : asObject(qa.lengthRatio, 'qa.lengthRatio', file),
  )) {
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      typeof range[0] !== 'number' ||
      typeof range[1] !== 'number' ||
      range[0] >= range[1]
    ) {
      throw new LocflowError(`qa.lengthRatio.${lang} must be [min, max] with min < max`, { file });
    }
    lengthRatio[lang] = [range[0], range[1]];
  }
  let glossary: string | undefined;
  if (qa.glossary !== undefined) {
    glossary = asString(qa.glossary, 'qa.glossary', file);
    const full = (() => {
      try {
        return insideProject(root, glossary, 'qa.glossary');
      } catch (err) {
        throw new LocflowError((err as Error).message, { file });
      }
    })();
    if (!existsSync(full))
      throw new LocflowError(`qa.glossary: "${glossary}" does not exist`, {
        file,
        hint: 'fix the path or remove the key',
      });
  }
  return { ...(glossary ? { glossary } : {}), severity, suppress, lengthRatio };
}

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

/** Validates parsed JSON against the schema, naming the first key that is wrong. */
export function validateConfig(raw: Json, file: string, root: string): Config {
  const obj = asObject(raw, 'the configuration', file);
  for (const [key, value] of Object.entries(obj)) {
    if (!(key in SCHEMA))
      throw new LocflowError(`unknown key "${key}"`, {
        file,
        hint: `known keys: ${Object.keys(SCHEMA)
          .filter((k) => k !== '$schema')
          .join(', ')}`,
      });
    const nested = SCHEMA[key];
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
  const text = obj.text === undefined ? {} : asObject(obj.text, 'text', file);
  const boilerplate =
    text.boilerplate === undefined
      ? [...DEFAULTS.text.boilerplate]
      : asStrings(text.boilerplate, 'text.boilerplate', file);
  boilerplate.forEach((pattern, i) => {
    try {
      new RegExp(pattern, 'iu');
    } catch (err) {
      throw new LocflowError(`text.boilerplate[${i}] is not a valid regular expression: ${(err as Error).message}`, {
        file,
      });
    }
  });
  const qa = readQa(obj.qa, file, root);
  const mt = readMt(obj.mt, file);
  const tm = readTm(obj.tm, file, root);
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
    text: {
      boilerplate,
      relatedLabels:
        text.relatedLabels === undefined
          ? [...DEFAULTS.text.relatedLabels]
          : asStrings(text.relatedLabels, 'text.relatedLabels', file),
      frontMatter:
        text.frontMatter === undefined
          ? [...DEFAULTS.text.frontMatter]
          : asStrings(text.frontMatter, 'text.frontMatter', file),
    },
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

export function loadProject(root: string, configPath = join(root, CONFIG_FILE)): Project {
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
  const config = validateConfig(raw, configPath, dirname(configPath));
  const project = { root: dirname(configPath), configPath, config };
  checkDocumentPaths(project, sourceDocuments(project)); // missing sources and colliding paths are reported now, not halfway through a command
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
