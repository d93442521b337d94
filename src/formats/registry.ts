import { extname } from 'node:path';
import type { Document } from '../model/index.js';
import { LocflowError } from '../errors.js';
import type { Render } from './skeleton.js';
import { readTextArticle, writeTextArticle } from './text-article.js';
import { readI18nextJson, writeI18nextJson } from './i18next-json.js';
import { readIcuJson, writeIcuJson } from './icu-json.js';
import { readMarkdown, writeMarkdown } from './markdown.js';
import { readHtml, writeHtml } from './html.js';

/** A source format: a reader that cuts a file into a Document, a writer that fills its skeleton. */
export interface Format {
  readonly name: string;
  readonly extensions: readonly string[];
  read(text: string, meta: { id: string; path: string; sourceLang: string }, options: FormatOptions): Document;
  /** Fills the skeleton for `lang`; a format may add what the language needs (plural forms). */
  write(doc: Document, render: Render, lang: string): string;
}

export interface FormatOptions {
  readonly boilerplate: readonly string[];
  readonly relatedLabels: readonly string[];
  /** Markdown front matter keys whose values are translated. */
  readonly frontMatter: readonly string[];
}

const FORMATS: readonly Format[] = [
  {
    name: 'text',
    extensions: ['.txt'],
    read: (text, meta, options) =>
      readTextArticle(text, meta, {
        boilerplate: options.boilerplate.map((p) => new RegExp(p, 'iu')),
        relatedLabels: options.relatedLabels,
      }),
    write: writeTextArticle,
  },
  {
    name: 'markdown',
    extensions: ['.md', '.markdown'],
    read: (text, meta, options) => readMarkdown(text, meta, { frontMatter: options.frontMatter }),
    write: writeMarkdown,
  },
  {
    name: 'html',
    extensions: ['.html', '.htm'],
    read: (text, meta) => readHtml(text, meta),
    write: writeHtml,
  },
  {
    name: 'icu',
    extensions: ['.icu.json', '.messages.json'],
    read: (text, meta) => readIcuJson(text, meta),
    write: writeIcuJson,
  },
  {
    name: 'i18next',
    extensions: ['.json'],
    read: (text, meta) => readI18nextJson(text, meta),
    write: writeI18nextJson,
  },
];

export function formatFor(path: string): Format {
  const ext = extname(path).toLowerCase();
  // Longest suffix first: "app.icu.json" is ICU, "app.json" i18next.
  const format =
    FORMATS.find((f) => f.extensions.some((e) => path.toLowerCase().endsWith(e) && e.length > ext.length)) ??
    FORMATS.find((f) => f.extensions.includes(ext));
  if (!format) {
    throw new LocflowError(`unknown source format "${ext || '(no extension)'}"`, {
      file: path,
      hint: `known formats: ${FORMATS.map((f) => `${f.name} (${f.extensions.join(', ')})`).join('; ')}`,
    });
  }
  return format;
}
