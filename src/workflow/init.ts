import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, DEFAULTS, type Config } from '../config/config.js';
import { canonicalLocale } from '../model/language.js';
import { LocflowError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';

export interface InitOptions {
  readonly sourceLanguage?: string;
  readonly targetLanguages?: readonly string[];
  readonly sources?: readonly string[];
  readonly xliffVersion?: '1.2' | '2.0';
  readonly force?: boolean;
}

/** Where init sends builds when a source may be JSON. */
export const JSON_OUTPUT = 'build/{lang}/{dir}/{doc}{ext}';

/** A pattern that names or may match .json files ("app/*.json", "app/*", "strings/**"). */
function mayMatchJson(pattern: string): boolean {
  const name = pattern.split('/').pop() ?? pattern;
  return /\.json$/iu.test(name) || /\*$/u.test(name);
}

/** Writes locflow.config.json with the defaults and what was asked for. */
export function init(root: string, options: InitOptions = {}): { readonly file: string; readonly output: string } {
  const file = join(root, CONFIG_FILE);
  if (existsSync(file) && !options.force)
    throw new LocflowError('a configuration already exists', { file, hint: 'edit it, or pass --force to replace it' });
  let config: Config = {
    ...DEFAULTS,
    sourceLanguage: canonicalLocale(options.sourceLanguage ?? DEFAULTS.sourceLanguage, 'source language', file),
    targetLanguages: (options.targetLanguages ?? DEFAULTS.targetLanguages).map((t) =>
      canonicalLocale(t, 'target language', file),
    ),
    sources: options.sources ?? DEFAULTS.sources,
    xliff: { ...DEFAULTS.xliff, version: options.xliffVersion ?? DEFAULTS.xliff.version },
  };
  // A localized JSON file built beside the store (locales/es/app.json) would overwrite its bundle: build JSON apart.
  const sources = config.sources;
  if (sources.some(mayMatchJson)) config = { ...config, locales: { ...config.locales, output: JSON_OUTPUT } };
  const { text: _text, qa: _qa, mt: _mt, tm: _tm, ...shown } = config; // text-article tuning stays at its defaults unless written by hand
  writeFileAtomic(file, JSON.stringify(shown, null, 2) + '\n');
  return { file, output: config.locales.output };
}
