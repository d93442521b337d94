import type { Document, Unit } from '../model/index.js';
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
  /**
   * The units only, read as the text arrives (a format whose units need no look far ahead): what extract
   * uses, so a document of any size is held a piece at a time. The units are those `read` gives.
   */
  unitReader?(meta: DocumentMeta, settings: SettingsOf<S>): UnitReader;
  /** Fills the skeleton for `lang`; a format may add what the language needs (plural forms). */
  write(doc: Document, render: Render, lang: string): string;
}

/** Takes a document's text in pieces cut anywhere; each call returns the units completed so far, `end` the rest. */
export interface UnitReader {
  push(text: string): readonly Unit[];
  end(): readonly Unit[];
}

/** Declares a format with its settings typed. */
export function formatPlugin<S extends SettingsSpec>(plugin: FormatPlugin<S>): FormatPlugin<S> {
  return plugin;
}
