import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { LocflowError } from '../errors.js';
import { insideProject, readText } from '../io/files.js';
import { configurableEncoding } from '../io/encoding.js';
import { canonicalLocale } from '../model/language.js';
import { readMtSettings, type MtSettings } from '../mt/registry.js';
import { QA_DEFAULTS, readQaSettings, type QaSettings } from '../qa/settings.js';
import { asObject, asString, asStrings, readSettings, type Json, type SettingValues } from '../settings.js';
import { TM_SETTINGS, type TmSettings } from '../tm/settings.js';
import { readTextSettings } from '../formats/registry.js';

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
  const text = await readTextSettings(obj.text, place);
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

/** Reads and validates a configuration file; the errors name the file and, for bad JSON, the line and column. */
export async function readConfig(configPath: string): Promise<Config> {
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
  return validateConfig(raw, configPath, dirname(configPath));
}
