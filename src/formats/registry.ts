import { extname } from 'node:path';
import type { Document } from '../model/index.js';
import { LocflowError } from '../errors.js';
import {
  readSettings,
  settingsFrom,
  type Json,
  type Place,
  type SettingValues,
  type SettingsSpec,
} from '../settings.js';
import type { DocumentMeta, FormatPlugin } from './format.js';
import type { Render } from './skeleton.js';
import { textFormat } from './text-article.js';
import { markdownFormat } from './markdown.js';
import { htmlFormat } from './html.js';
import { icuFormat } from './icu-json.js';
import { i18nextFormat } from './i18next-json.js';
import { xliffSourceFormat } from './xliff-source.js';

/**
 * Every source format, by name: the keys are the only list of format names. Readers run synchronously inside
 * the workflow, so the formats load with this module. A new format is one file exporting a FormatPlugin and
 * one line here.
 */
const FORMATS: Readonly<Record<string, FormatPlugin>> = {
  text: textFormat,
  markdown: markdownFormat,
  html: htmlFormat,
  icu: icuFormat,
  i18next: i18nextFormat,
  xliff: xliffSourceFormat,
};

/** A format as the workflow uses it: `read` takes the configuration's "text" section and keeps its own keys. */
export interface Format {
  readonly name: string;
  readonly extensions: readonly string[];
  read(text: string, meta: DocumentMeta, section: SettingValues): Document;
  write(doc: Document, render: Render, lang: string): string;
}

/** The "text" section: the settings every format declares. */
export const TEXT_SETTINGS: SettingsSpec = Object.assign({}, ...Object.values(FORMATS).map((f) => f.settings));

/** Reads the configuration's "text" section against the formats' declarations. */
export function readTextSettings(value: Json | undefined, place: Place): SettingValues {
  return readSettings(TEXT_SETTINGS, value, 'text', place);
}

function asFormat(name: string, plugin: FormatPlugin): Format {
  return {
    name,
    extensions: plugin.extensions,
    read: (text, meta, section) => plugin.read(text, meta, settingsFrom(plugin.settings, section)),
    write: (doc, render, lang) => plugin.write(doc, render, lang),
  };
}

const ALL: readonly Format[] = Object.entries(FORMATS).map(([name, plugin]) => asFormat(name, plugin));

export function formatFor(path: string): Format {
  const ext = extname(path).toLowerCase();
  // Longest suffix first: "app.icu.json" is ICU, "app.json" i18next.
  const format =
    ALL.find((f) => f.extensions.some((e) => path.toLowerCase().endsWith(e) && e.length > ext.length)) ??
    ALL.find((f) => f.extensions.includes(ext));
  if (!format) {
    throw new LocflowError(`unknown source format "${ext || '(no extension)'}"`, {
      file: path,
      hint: `known formats: ${ALL.map((f) => `${f.name} (${f.extensions.join(', ')})`).join('; ')}`,
    });
  }
  return format;
}
