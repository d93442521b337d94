import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, DEFAULTS, canonicalLocale, type Config } from '../config/config.js';
import { LocflowError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';

export interface InitOptions {
  readonly sourceLanguage?: string;
  readonly targetLanguages?: readonly string[];
  readonly sources?: readonly string[];
  readonly xliffVersion?: '1.2' | '2.0';
  readonly force?: boolean;
}

/** Writes locflow.config.json with the defaults and what was asked for. */
export function init(root: string, options: InitOptions = {}): string {
  const file = join(root, CONFIG_FILE);
  if (existsSync(file) && !options.force) throw new LocflowError('a configuration already exists', { file, hint: 'edit it, or pass --force to replace it' });
  const config: Config = {
    ...DEFAULTS,
    sourceLanguage: canonicalLocale(options.sourceLanguage ?? DEFAULTS.sourceLanguage, 'source language', file),
    targetLanguages: (options.targetLanguages ?? DEFAULTS.targetLanguages).map((t) => canonicalLocale(t, 'target language', file)),
    sources: options.sources ?? DEFAULTS.sources,
    xliff: { ...DEFAULTS.xliff, version: options.xliffVersion ?? DEFAULTS.xliff.version },
  };
  const { text: _text, qa: _qa, mt: _mt, tm: _tm, ...shown } = config; // text-article tuning stays at its defaults unless written by hand
  writeFileAtomic(file, JSON.stringify(shown, null, 2) + '\n');
  return file;
}
