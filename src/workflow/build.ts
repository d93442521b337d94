import type { Project } from '../config/config.js';
import { writeFileAtomic } from '../io/files.js';
import { codesOf, type Unit } from '../model/index.js';
import { renderCode } from '../locale/render.js';
import { markerName } from '../store/codes.js';
import { createLookup } from '../store/i18n.js';
import { formatFor } from '../formats/registry.js';
import { bundlePath, chooseLanguages, loadBundle, loadDocuments, outputPath, sourceBundle } from './documents.js';
import { LocflowError } from '../errors.js';

export interface BuildResult {
  readonly lang: string;
  readonly doc: string;
  readonly file: string;
  readonly units: number;
  /** Units that fell back to the source text. */
  readonly untranslated: readonly string[];
}

/** Rebuilds each localized document from its skeleton, i18next lookups and locale formatting. */
export function build(project: Project, options: { langs?: readonly string[] } = {}): BuildResult[] {
  const { sourceLanguage } = project.config;
  // The source language may be built too: it must give back the source itself.
  const langs = options.langs?.length
    ? options.langs.flatMap((l) => (l === sourceLanguage ? [l] : chooseLanguages(project, [l])))
    : chooseLanguages(project, undefined);
  const results: BuildResult[] = [];
  for (const doc of loadDocuments(project)) {
    const fallback = sourceBundle(doc);
    for (const lang of langs) {
      const translations = lang === sourceLanguage ? {} : loadBundle(project, lang, doc).translations;
      const lookup = createLookup({ [lang]: { [doc.id]: { ...translations } }, [sourceLanguage]: { [doc.id]: fallback } }, lang, sourceLanguage, doc.id);
      const untranslated: string[] = [];
      // Codes go in as private-use sentinels and come out after the words are escaped for the format,
      // so a tag or URL is never escaped and a "<" in a translation always is.
      const render = (unit: Unit, escape?: (text: string) => string): string => {
        const codes = codesOf(unit.source);
        const values = Object.fromEntries(codes.map((c, i) => [markerName(c), `\uE000${i}\uE001`]));
        const found = lookup.t(unit.id, { ...values, returnDetails: true });
        if (lang !== sourceLanguage && found.usedLng !== lang && !untranslated.includes(unit.id)) untranslated.push(unit.id);
        const words = escape ? escape(String(found.res)) : String(found.res);
        return words.replace(/\uE000(\d+)\uE001/gu, (_m, i: string) => renderCode(codes[Number(i)]!, lang, sourceLanguage));
      };
      const file = outputPath(project, lang, doc);
      if (file === bundlePath(project, lang, doc)) {
        // A JSON source built next to its bundle would overwrite the translations.
        throw new LocflowError(`the localized ${doc.path} would be written over the translation store ${file}`, {
          file: project.configPath,
          hint: 'set locales.output to another place for JSON sources, e.g. "build/{lang}/{doc}{ext}"',
        });
      }
      const text = formatFor(doc.path).write(doc, render, lang);
      writeFileAtomic(file, text);
      results.push({ lang, doc: doc.id, file, units: doc.units.length, untranslated });
    }
  }
  return results;
}
