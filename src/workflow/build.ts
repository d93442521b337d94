import { AtomicBatch } from '../io/atomic-batch.js';
import { oneRun, readText } from '../io/files.js';
import { encodeText } from '../io/encoding.js';
import { codesOf, documentLabels, type Document, type Unit } from '../model/index.js';
import { renderCode } from '../locale/render.js';
import { contentToI18n, fillMarkers, markerName, unescapeText } from '../store/codes.js';
import { metaPathOf, readTranslations } from '../store/bundle.js';
import { languageLookup, type BundleLookup, type Found } from '../store/i18n.js';
import { formatFor } from '../formats/registry.js';
import { codeSlot, CODE_SLOTS } from '../formats/code-slots.js';
import { LocflowError } from '../errors.js';
import type { Project } from '../project/project.js';
import { bundlePath, outputPath } from '../project/paths.js';
import { chooseLanguages } from '../project/languages.js';
import { checkedSources, outputEncoding, type Source } from '../project/documents.js';
import { SegmentationRecord, type ReadingKey } from '../formats/segmentation-record.js';
import { codeVersion } from '../formats/code-version.js';

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

/**
 * Builds every document in every language asked for, all or nothing: the output paths are checked from the
 * source list before any document is read, then each document is read, built and staged in turn (one in
 * memory at a time), and the outputs replace the old ones together once every document has been built.
 */
export async function build(project: Project, options: BuildOptions = {}): Promise<BuildResult[]> {
  return oneRun(() => buildRun(project, options));
}

async function buildRun(project: Project, options: BuildOptions): Promise<BuildResult[]> {
  const langs = languagesToBuild(project, options.langs);
  // The sources are listed once: the plan is made from the list, then the documents are read from it.
  const sources = checkedSources(project);
  const plan = planOutputs(project, langs, sources);
  const lookups = new Lookups(project.config.sourceLanguage);
  const batch = options.dryRun ? undefined : new AtomicBatch();
  const record = SegmentationRecord.open(project.root, readingKey(project));
  const results: BuildResult[] = [];
  try {
    for (const { file, meta } of sources) {
      // Cut into units as the last run cut it when the text is the same (the segmentation record), else read.
      const text = readText(file, 'source file', project.config.encoding);
      const doc = record.document(meta, text, () => formatFor(file).read(text, meta, project.config.text));
      const encoding = outputEncoding(project, doc);
      for (const { lang, file, bundle } of plan.get(doc.id)!) {
        const translations = lang === project.config.sourceLanguage ? {} : readTranslations(bundle);
        const built = buildDocument(project, doc, lang, lookups.find(lang, translations, doc));
        // Written and flushed now in the background, renamed at the end: a failure later leaves every output old.
        // An output that holds these bytes already is left as it is.
        await batch?.writeChanged(file, encodeText(built.text, encoding, file));
        results.push({ lang, doc: doc.id, file, units: doc.units.length, untranslated: built.untranslated });
      }
    }
  } catch (err) {
    await batch?.abandon();
    throw err;
  }
  await batch?.commit();
  if (batch) await record.save();
  return results;
}

/** What reading a source depends on besides its text: the code, the source language, the encoding, "text" settings. */
function readingKey(project: Project): ReadingKey {
  const { sourceLanguage, encoding, text } = project.config;
  return { code: codeVersion(), sourceLanguage, encoding, text };
}

/** The languages asked for (default: every target); the source language may be built too: it gives the source back. */
function languagesToBuild(project: Project, asked: readonly string[] | undefined): string[] {
  const { sourceLanguage } = project.config;
  return asked?.length
    ? asked.flatMap((l) => (l === sourceLanguage ? [l] : chooseLanguages(project, [l])))
    : chooseLanguages(project, undefined);
}

/** Where one document is built in one language, and the bundle it is built from. */
interface Output {
  readonly lang: string;
  readonly file: string;
  readonly bundle: string;
}

/**
 * Each document's outputs by document id, from the source list (no document read): refused when an output would be
 * written over the translation store, over a source, or over another document's output.
 */
function planOutputs(project: Project, langs: readonly string[], listed: readonly Source[]): Map<string, Output[]> {
  const docs = listed.map((s) => ({ id: s.meta.id, path: s.meta.path }));
  const plan = new Map(
    docs.map((doc) => [
      doc.id,
      langs.map((lang) => ({ lang, file: outputPath(project, lang, doc), bundle: bundlePath(project, lang, doc) })),
    ]),
  );
  const store = new Set([...plan.values()].flatMap((outs) => outs.flatMap((o) => [o.bundle, metaPathOf(o.bundle)])));
  const sources = new Set(listed.map((s) => s.file));
  const planned = new Map<string, string>();
  for (const doc of docs) {
    for (const { file } of plan.get(doc.id)!) {
      // A JSON source built next to its bundle would overwrite the translations.
      if (store.has(file))
        throw new LocflowError(
          `the localized ${doc.path} would be written over the translation store ${file}; nothing was written`,
          {
            file: project.configPath,
            hint: 'set locales.output to another place for JSON sources, e.g. "build/{lang}/{doc}{ext}"',
          },
        );
      if (sources.has(file))
        throw new LocflowError(
          `the localized ${doc.path} would be written over the source ${file}; nothing was written`,
          { file: project.configPath, hint: 'set locales.output to a place apart from the sources' },
        );
      const twin = planned.get(file);
      if (twin !== undefined)
        throw new LocflowError(`${twin} and ${doc.path} would both be built into ${file}; nothing was written`, {
          file: project.configPath,
          hint: 'make locales.output tell the documents apart',
        });
      planned.set(file, doc.path);
    }
  }
  return plan;
}

type Find = (key: string) => Found;

/** Per language, the order i18next looks a key up in, asked once per run. */
class Lookups {
  private readonly byLanguage = new Map<string, ReturnType<typeof languageLookup>>();

  constructor(private readonly sourceLanguage: string) {}

  /**
   * The lookup of `lang` in one document: its stored translations, then the source text (the source language's
   * build looks up the source itself).
   */
  find(lang: string, translations: Readonly<Record<string, string>>, doc: Document): Find {
    const source = this.sourceLanguage;
    let lookup = this.byLanguage.get(lang);
    if (!lookup) this.byLanguage.set(lang, (lookup = languageLookup(lang, source)));
    // The source text of a unit is made only for the units that fall back to it.
    let units: Map<string, Unit> | undefined;
    const sourceText = (id: string): string | undefined => {
      const unit = (units ??= new Map(doc.units.map((u) => [u.id, u]))).get(id);
      return unit && contentToI18n(unit.source);
    };
    const bundles = new Map<string, BundleLookup>([[source, sourceText]]);
    if (lang !== source) bundles.set(lang, (id) => translations[id]);
    return lookup(bundles);
  }
}

/** One document in one language: its text, and the units that fell back to the source. */
function buildDocument(
  project: Project,
  doc: Document,
  lang: string,
  find: Find,
): { text: string; untranslated: BuildResult['untranslated'] } {
  const { sourceLanguage } = project.config;
  const untranslated = new Set<string>();
  // Codes go in as slots (formats/code-slots) and come out after the words are escaped for the format,
  // so a tag or URL is never escaped and a "<" in a translation always is.
  // A format asks for a unit's text, then (when it is not the source's own) for it again escaped: the unit's text
  // with its codes as slots is looked up and made once, for the last unit asked.
  let last: { unit: Unit; codes: ReturnType<typeof codesOf>; plain: string } | undefined;
  const slotted = (unit: Unit): { codes: ReturnType<typeof codesOf>; plain: string } => {
    if (last?.unit === unit) return last;
    const codes = codesOf(unit.source);
    const values = Object.fromEntries(codes.map((c, i) => [markerName(c), codeSlot(i)]));
    const found = find(unit.id);
    if (lang !== sourceLanguage && found.usedLng !== lang) untranslated.add(unit.id);
    // Text shaped like a marker is stored escaped ("{\{bx1}}"), out of i18next's reach; here it becomes text again.
    const plain = unescapeText(fillMarkers(String(found.res), values));
    last = { unit, codes, plain };
    return last;
  };
  const render = (unit: Unit, escape?: (text: string) => string): string => {
    const { codes, plain } = slotted(unit);
    const words = escape ? escape(plain) : plain;
    return words.replace(CODE_SLOTS, (_m, i: string) => renderCode(codes[Number(i)]!, lang, sourceLanguage));
  };
  let text: string;
  try {
    text = formatFor(doc.path).write(doc, render, lang);
  } catch (err) {
    if (!(err instanceof LocflowError)) throw err;
    const { file, line, column, hint, exitCode } = err;
    throw new LocflowError(`${err.message}; nothing was written`, {
      ...(file !== undefined ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
      ...(hint !== undefined ? { hint } : {}),
      exitCode,
    });
  }
  const labels = untranslated.size ? documentLabels(doc) : new Map<string, string>();
  return { text, untranslated: [...untranslated].map((unit) => ({ unit, label: labels.get(unit) ?? unit })) };
}
