import { extname } from 'node:path';
import type { Document } from '../model/index.js';
import { LocflowError } from '../errors.js';
import {
  asObject,
  readSettings,
  settingsFrom,
  type Json,
  type Place,
  type Setting,
  type SettingValues,
} from '../settings.js';
import type { DocumentMeta, FormatPlugin, UnitReader } from './format.js';
import type { Render } from './skeleton.js';

interface FormatEntry {
  readonly extensions: readonly string[];
  /** The reader and writer, imported when a file of the format is first met. */
  load(): Promise<FormatPlugin>;
}

/**
 * Every source format, by name: the keys are the only list of format names. A format's parser (micromark,
 * parse5, the ICU parser) loads only when a project has files of it (`loadFormats`), so a run over plain text
 * starts without them. A new format is one file exporting a FormatPlugin and one entry here.
 */
const FORMATS: Readonly<Record<string, FormatEntry>> = {
  text: { extensions: ['.txt'], load: async () => (await import('./text-article.js')).textFormat },
  markdown: { extensions: ['.md', '.markdown'], load: async () => (await import('./markdown.js')).markdownFormat },
  html: { extensions: ['.html', '.htm'], load: async () => (await import('./html.js')).htmlFormat },
  icu: {
    extensions: ['.icu.json', '.messages.json'],
    load: async () => (await import('./icu-json.js')).icuFormat,
  },
  i18next: { extensions: ['.json'], load: async () => (await import('./i18next-json.js')).i18nextFormat },
  xliff: {
    extensions: ['.xlf', '.xliff'],
    load: async () => (await import('./xliff-source.js')).xliffSourceFormat,
  },
};

/** A format as the workflow uses it: `read` takes the configuration's "text" section and keeps its own keys. */
export interface Format {
  readonly name: string;
  readonly extensions: readonly string[];
  read(text: string, meta: DocumentMeta, section: SettingValues): Document;
  /** The format's reader of units as the text arrives, when it has one. */
  readonly unitReader?: (meta: DocumentMeta, section: SettingValues) => UnitReader;
  write(doc: Document, render: Render, lang: string): string;
}

/**
 * Reads the configuration's "text" section: each key validated by the format that declares it. Formats load in
 * the order above until every given key is claimed (a section of plain-text keys loads only that format); an
 * unknown key, once all are loaded, is refused with every format's keys as the hint.
 */
export async function readTextSettings(value: Json | undefined, place: Place): Promise<SettingValues> {
  if (value === undefined) return {};
  const given = Object.keys(asObject(value, 'text', place.file));
  const spec: Record<string, Setting<unknown>> = {};
  for (const entry of Object.values(FORMATS)) {
    if (given.every((key) => key in spec)) break;
    Object.assign(spec, (await entry.load()).settings);
  }
  return readSettings(spec, value, 'text', place);
}

const NAMES = Object.keys(FORMATS);

/** The name of the format that reads `path`, by its extension, or undefined when none does. */
export function formatNameFor(path: string): string | undefined {
  // Told by the file name from its first dot (every extension is a dot and no slash: the end of that part, and the
  // answer the same for every name with that part), asked once per such ending: a run over thousands of files asks
  // for each twice, and the search below is what V8 then optimises at a cost far above its own.
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.indexOf('.', slash + 1);
  if (dot <= slash + 1) return formatNameOf(path.toLowerCase()); // no dot, or a name that starts with one
  const ending = path.slice(dot).toLowerCase();
  let name = FORMAT_BY_ENDING.get(ending);
  if (name === undefined) {
    name = formatNameOf(`x${ending}`) ?? NONE;
    FORMAT_BY_ENDING.set(ending, name);
  }
  return name === NONE ? undefined : name;
}

/** A name's ending (from its first dot) → its format's name, or NONE. */
const FORMAT_BY_ENDING = new Map<string, string>();
const NONE = '';

function formatNameOf(lower: string): string | undefined {
  const ext = extname(lower);
  // Longest suffix first: "app.icu.json" is ICU, "app.json" i18next.
  return (
    NAMES.find((n) => FORMATS[n]!.extensions.some((e) => e.length > ext.length && lower.endsWith(e))) ??
    NAMES.find((n) => FORMATS[n]!.extensions.includes(ext))
  );
}

const loaded = new Map<string, Format>();

/** Loads the formats of these files (once each); paths that no format reads are skipped here, refused by formatFor. */
export async function loadFormats(paths: Iterable<string>): Promise<void> {
  const names = new Set<string>();
  for (const path of paths) {
    const name = formatNameFor(path);
    if (name !== undefined && !loaded.has(name)) names.add(name);
  }
  await Promise.all(
    [...names].map(async (name) => {
      const entry = FORMATS[name]!;
      const plugin = await entry.load();
      // Made once per configuration section (the same object for every document of a run), not per document.
      const made = new WeakMap<SettingValues, ReturnType<typeof settingsFrom<typeof plugin.settings>>>();
      const settingsOf = (section: SettingValues): ReturnType<typeof settingsFrom<typeof plugin.settings>> => {
        if (typeof section !== 'object' || section === null) return settingsFrom(plugin.settings, section);
        let settings = made.get(section);
        if (!settings) made.set(section, (settings = settingsFrom(plugin.settings, section)));
        return settings;
      };
      loaded.set(name, {
        name,
        extensions: entry.extensions,
        read: (text, meta, section) => plugin.read(text, meta, settingsOf(section)),
        ...(plugin.unitReader ? { unitReader: (meta, section) => plugin.unitReader!(meta, settingsOf(section)) } : {}),
        write: (doc, render, lang) => plugin.write(doc, render, lang),
      });
    }),
  );
}

/** The format that reads `path`; loadFormats must have been given a file of it (loadProject gives the sources). */
export function formatFor(path: string): Format {
  const name = formatNameFor(path);
  if (name === undefined) {
    const ext = extname(path).toLowerCase();
    throw new LocflowError(`unknown source format "${ext || '(no extension)'}"`, {
      file: path,
      hint: `known formats: ${NAMES.map((n) => `${n} (${FORMATS[n]!.extensions.join(', ')})`).join('; ')}`,
    });
  }
  const format = loaded.get(name);
  if (!format) throw new Error(`the ${name} format of ${path} was not loaded (loadFormats)`);
  return format;
}
