import { resolve } from 'node:path';
import { AtomicBatch } from '../io/atomic-batch.js';
import { codesOf, documentLabels, type Unit } from '../model/index.js';
import { renderCode } from '../locale/render.js';
import { fillMarkers, markerName, unescapeText } from '../store/codes.js';
import { metaPathOf } from '../store/bundle.js';
import type { i18n } from 'i18next';
import { createLookup, plainLookup } from '../store/i18n.js';
import { formatFor } from '../formats/registry.js';
import { encodeText } from '../io/encoding.js';
import { codeSlot, CODE_SLOTS } from '../formats/code-slots.js';
import { LocflowError } from '../errors.js';
import type { Project } from '../project/project.js';
import { bundlePath, outputPath } from '../project/paths.js';
import { chooseLanguages } from '../project/languages.js';
import { loadBundle, loadDocuments, outputEncoding, sourceBundle } from '../project/documents.js';

export interface BuildResult {
  readonly lang: string;
  readonly doc: string;
  readonly file: string;
  readonly units: number;
  /** Units that fell back to the source text: id, and the key or role and line a person knows it by. */
  readonly untranslated: ReadonlyArray<{ readonly unit: string; readonly label: string }>;
}

/** Rebuilds each localized document from its skeleton, i18next lookups and locale formatting. */
export interface BuildOptions {
  readonly langs?: readonly string[];
  /** Make and check every output, write none. */
  readonly dryRun?: boolean;
}

export async function build(project: Project, options: BuildOptions = {}): Promise<BuildResult[]> {
  const { sourceLanguage } = project.config;
  // The source language may be built too: it must give back the source itself.
  const langs = options.langs?.length
    ? options.langs.flatMap((l) => (l === sourceLanguage ? [l] : chooseLanguages(project, [l])))
    : chooseLanguages(project, undefined);
  const docs = loadDocuments(project);
  // Every output is made and checked before the first is written: a build writes all or nothing.
  const store = new Set(
    docs.flatMap((doc) =>
      langs.flatMap((lang) => [bundlePath(project, lang, doc), metaPathOf(bundlePath(project, lang, doc))]),
    ),
  );
  const sources = new Set(docs.map((doc) => resolve(project.root, doc.path)));
  const planned = new Map<string, string>();
  const results: Array<BuildResult & { readonly text: Uint8Array }> = [];
  // One i18next instance per language and run; each document's bundles are added, used and removed.
  const lookups = new Map<string, i18n>();
  for (const doc of docs) {
    const fallback = sourceBundle(doc);
    const encoding = outputEncoding(project, doc);
    for (const lang of langs) {
      const file = outputPath(project, lang, doc);
      if (store.has(file)) {
        // A JSON source built next to its bundle would overwrite the translations.
        throw new LocflowError(
          `the localized ${doc.path} would be written over the translation store ${file}; nothing was written`,
          {
            file: project.configPath,
            hint: 'set locales.output to another place for JSON sources, e.g. "build/{lang}/{doc}{ext}"',
          },
        );
      }
      if (sources.has(file)) {
        throw new LocflowError(
          `the localized ${doc.path} would be written over the source ${file}; nothing was written`,
          { file: project.configPath, hint: 'set locales.output to a place apart from the sources' },
        );
      }
      const twin = planned.get(file);
      if (twin !== undefined) {
        throw new LocflowError(`${twin} and ${doc.path} would both be built into ${file}; nothing was written`, {
          file: project.configPath,
          hint: 'make locales.output tell the documents apart',
        });
      }
      planned.set(file, doc.path);
      const translations = lang === sourceLanguage ? {} : loadBundle(project, lang, doc).translations;
      let lookup = lookups.get(lang);
      if (!lookup) lookups.set(lang, (lookup = createLookup({}, lang, sourceLanguage, doc.id)));
      // The source language's own build looks up the source itself.
      lookup.addResourceBundle(lang, doc.id, lang === sourceLanguage ? fallback : { ...translations }, false, true);
      if (lang !== sourceLanguage) lookup.addResourceBundle(sourceLanguage, doc.id, fallback, false, true);
      const t = plainLookup(lookup, lang, doc.id);
      const untranslated = new Set<string>();
      // Codes go in as slots (formats/code-slots) and come out after the words are escaped for the format,
      // so a tag or URL is never escaped and a "<" in a translation always is.
      const render = (unit: Unit, escape?: (text: string) => string): string => {
        const codes = codesOf(unit.source);
        const values = Object.fromEntries(codes.map((c, i) => [markerName(c), codeSlot(i)]));
        const found = t(unit.id);
        if (lang !== sourceLanguage && found.usedLng !== lang) untranslated.add(unit.id);
        // Text shaped like a marker is stored escaped ("{\{bx1}}"), out of i18next's reach; here it becomes text again.
        const plain = unescapeText(fillMarkers(String(found.res), values));
        const words = escape ? escape(plain) : plain;
        return words.replace(CODE_SLOTS, (_m, i: string) => renderCode(codes[Number(i)]!, lang, sourceLanguage));
      };
      let text: string;
      try {
        text = formatFor(doc.path).write(doc, render, lang);
      } catch (err) {
        if (err instanceof LocflowError) {
          const { file, line, column, hint, exitCode } = err;
          throw new LocflowError(`${err.message}; nothing was written`, {
            ...(file !== undefined ? { file } : {}),
            ...(line !== undefined ? { line } : {}),
            ...(column !== undefined ? { column } : {}),
            ...(hint !== undefined ? { hint } : {}),
            exitCode,
          });
        }
        throw err;
      } finally {
        lookup.removeResourceBundle(lang, doc.id);
        if (lang !== sourceLanguage) lookup.removeResourceBundle(sourceLanguage, doc.id);
      }
      const bytes = encodeText(text, encoding, file);
      const labels = untranslated.size ? documentLabels(doc) : new Map<string, string>();
      results.push({
        lang,
        doc: doc.id,
        file,
        units: doc.units.length,
        untranslated: [...untranslated].map((unit) => ({ unit, label: labels.get(unit) ?? unit })),
        text: bytes,
      });
    }
  }
  if (!options.dryRun) {
    // Written and flushed first, renamed after: a full disk fails before any output has changed.
    const batch = new AtomicBatch();
    for (const r of results) await batch.write(r.file, r.text);
    await batch.commit();
  }
  return results.map(({ text: _text, ...r }) => r);
}
