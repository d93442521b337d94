import type { Document } from '../model/index.js';
import type { SettingsOf, SettingsSpec } from '../settings.js';
import type { Render } from './skeleton.js';

export interface DocumentMeta {
  readonly id: string;
  readonly path: string;
  readonly sourceLang: string;
}

/**
 * A source format: a reader that cuts a file into a Document, a writer that fills its skeleton, and the
 * settings it reads from the configuration's "text" section (keys, defaults, validation: the registry checks
 * the section against them). Its extensions are the registry's.
 */
export interface FormatPlugin<S extends SettingsSpec = SettingsSpec> {
  readonly settings: S;
  read(text: string, meta: DocumentMeta, settings: SettingsOf<S>): Document;
  /** Fills the skeleton for `lang`; a format may add what the language needs (plural forms). */
  write(doc: Document, render: Render, lang: string): string;
}

/** Declares a format with its settings typed. */
export function formatPlugin<S extends SettingsSpec>(plugin: FormatPlugin<S>): FormatPlugin<S> {
  return plugin;
}
