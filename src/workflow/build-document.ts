import type { AtomicBatch } from '../io/atomic-batch.js';
import { readPlainText, readsAsPlain, textReadAhead } from '../io/plain-utf8.js';
import { AS_TEXT, REGULAR_ONLY, type ReadAhead } from '../io/read-ahead.js';
import { encodeText } from '../io/encoding.js';
import { codesOf, documentLabels, type Document, type InlineCode, type Unit } from '../model/index.js';
import { renderCode } from '../locale/render.js';
import { contentToI18n, fillMarkers, markerName, unescapeText } from '../store/codes.js';
import { readTranslationTable } from '../store/bundle.js';
import { languageLookup, type BundleLookup, type Found } from '../store/i18n.js';
import { formatFor } from '../formats/registry.js';
import { codeSlot, CODE_SLOTS } from '../formats/code-slots.js';
import { documentOf, type RecordEntry } from '../formats/segmentation-record.js';
import { LocflowError } from '../errors.js';
import type { Project } from '../project/project.js';
import { outputEncoding, type Source } from '../project/documents.js';

/**
 * One document built in each language asked for, on whichever thread builds it (build.ts on the main thread,
 * build-worker.ts in a worker): the same steps, the same bytes.
 */

export interface BuildResult {
  readonly lang: string;
  readonly doc: string;
  readonly file: string;
  readonly units: number;
  /** Units that fell back to the source text: id, and the key or role and line a person knows it by. */
  readonly untranslated: ReadonlyArray<{ readonly unit: string; readonly label: string }>;
}

/** Where one document is built in one language, and the bundle it is built from. */
export interface Output {
  readonly lang: string;
  readonly file: string;
  readonly bundle: string;
}

/** A document to build: its source, its outputs (planned and checked by the run), its segmentation entry if any. */
export interface DocumentTask {
  readonly source: Source;
  readonly outputs: readonly Output[];
  readonly entry?: RecordEntry;
}

/** What building a document gives back: its results, and the segmentation entry to keep for it (`made` this run). */
export interface DocumentBuilt {
  readonly results: BuildResult[];
  readonly entry?: RecordEntry;
  readonly made: boolean;
}

/** What every document of a run shares on one thread: the project, where outputs are staged, the lookups. */
export class DocumentBuilder {
  private readonly lookups: Lookups;
  private readonly codeTexts: CodeTexts;

  constructor(
    private readonly project: Project,
    /** Where outputs are staged; none on a dry run. */
    private readonly batch: AtomicBatch | undefined,
    /** Whether segmentation entries are made (the record is kept): a document is then hashed as it is read. */
    private readonly recording: boolean,
    /** A thread reading each source, bundle and output ahead, in the order `readOrder` gives (the main thread's). */
    private readonly ahead?: ReadAhead,
  ) {
    this.lookups = new Lookups(project.config.sourceLanguage);
    this.codeTexts = new CodeTexts(project.config.sourceLanguage);
  }

  /**
   * Reads the document (cut into units as the last run cut it when the text is the same, from its entry), builds it
   * in each language and stages each output in the batch.
   */
  async build({ source, outputs, entry }: DocumentTask): Promise<DocumentBuilt> {
    const { project } = this;
    const { file, meta } = source;
    const { encoding: configured } = project.config;
    const ahead = this.ahead?.takeText(file);
    const text = textReadAhead(ahead, file, 'source file', configured, () =>
      readPlainText(file, 'source file', configured),
    );
    const read = (): Document => formatFor(file).read(text, meta, project.config.text);
    const got = this.recording ? documentOf(entry, meta, text, read) : { doc: read(), made: false };
    const { doc } = got;
    const encoding = outputEncoding(project, doc);
    const results: BuildResult[] = [];
    for (const { lang, file, bundle } of outputs) {
      const translations =
        lang === project.config.sourceLanguage
          ? NO_TRANSLATIONS
          : readTranslationTable(bundle, this.ahead?.takeText(bundle));
      const built = buildDocument(project, doc, lang, this.lookups.find(lang, translations, doc), this.codeTexts);
      // Written and flushed now in the background, renamed at the end: a failure later leaves every output old.
      // An output that holds these bytes already is left as it is.
      // UTF-8 goes as text: the writer thread encodes it (to the bytes Buffer.from gives), not this one.
      // What the output holds now, when the thread read it (a folder of outputs there before the run).
      const current = this.batch && this.ahead?.takeText(file);
      const data = encoding === 'utf-8' ? built.text : encodeText(built.text, encoding, file);
      await this.batch?.writeChanged(file, data, current);
      results.push({ lang, doc: doc.id, file, units: doc.units.length, untranslated: built.untranslated });
    }
    return got.entry ? { results, entry: got.entry, made: got.made } : { results, made: false };
  }
}

/**
 * The files DocumentBuilder reads for `tasks`, in the order it reads them: each source, then for each language its
 * bundle and, where `outputRead` says so, its output as it is (compared with what is built); and how the thread reads
 * each (ReadAhead's modes): as UTF-8 text when a plain UTF-8 read is what it gets, an output only as a regular file.
 */
export function readOrder(
  tasks: readonly DocumentTask[],
  { sourceLanguage, encoding }: { readonly sourceLanguage: string; readonly encoding: string },
  outputRead: (file: string) => boolean,
): { files: string[]; modes: number[] } {
  const files: string[] = [];
  const modes: number[] = [];
  const add = (file: string, mode: number): void => void (files.push(file), modes.push(mode));
  for (const { source, outputs } of tasks) {
    add(source.file, readsAsPlain(source.file, encoding) ? AS_TEXT : 0);
    for (const { lang, bundle, file } of outputs) {
      if (lang !== sourceLanguage) add(bundle, readsAsPlain(bundle) ? AS_TEXT : 0);
      if (outputRead(file)) add(file, AS_TEXT | REGULAR_ONLY);
    }
  }
  return { files, modes };
}

type Find = (key: string) => Found;

/** The source language's build: no bundle, every unit its source. */
const NO_TRANSLATIONS: ReadonlyMap<string, string> = new Map();

/** A unit's text as looked up, its codes as slots (`plain`), and that text with its codes filled in, once made. */
interface Slotted {
  readonly unit: Unit;
  readonly codes: ReturnType<typeof codesOf>;
  readonly plain: string;
  filled?: string;
}

/** Per language, the order i18next looks a key up in, asked once per run. */
class Lookups {
  private readonly byLanguage = new Map<string, ReturnType<typeof languageLookup>>();

  constructor(private readonly sourceLanguage: string) {}

  /**
   * The lookup of `lang` in one document: its stored translations, then the source text (the source language's
   * build looks up the source itself).
   */
  find(lang: string, translations: ReadonlyMap<string, string>, doc: Document): Find {
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
    if (lang !== source) bundles.set(lang, (id) => translations.get(id));
    return lookup(bundles);
  }
}

/**
 * The text each code stands for in a language (renderCode's), kept for the run where making it costs: a date is
 * formatted once per language, not once per document that names it (a newsroom's articles repeat their dates).
 */
class CodeTexts {
  private readonly dates = new Map<string, string>();

  constructor(private readonly sourceLanguage: string) {}

  text(code: InlineCode, lang: string): string {
    if (code.type !== 'date') return renderCode(code, lang, this.sourceLanguage);
    // Everything renderCode reads of the code, and the language.
    const key = `${lang}\u0000${code.value ?? ''}\u0000${code.data}`;
    let text = this.dates.get(key);
    if (text === undefined) {
      if (this.dates.size >= CODE_TEXTS_KEPT) this.dates.clear();
      this.dates.set(key, (text = renderCode(code, lang, this.sourceLanguage)));
    }
    return text;
  }
}

/** Date texts a run keeps at most (a run of more distinct dates starts again: bounded memory). */
const CODE_TEXTS_KEPT = 10_000;

/** The slots of a unit without codes. */
const NO_CODES: Readonly<Record<string, string>> = Object.freeze({});

/** One document in one language: its text, and the units that fell back to the source. */
function buildDocument(
  project: Project,
  doc: Document,
  lang: string,
  find: Find,
  codeTexts: CodeTexts,
): { text: string; untranslated: BuildResult['untranslated'] } {
  const { sourceLanguage } = project.config;
  const untranslated = new Set<string>();
  // Codes go in as slots (formats/code-slots) and come out after the words are escaped for the format,
  // so a tag or URL is never escaped and a "<" in a translation always is.
  // A format asks for a unit's text, then (when it is not the source's own) for it again escaped: the unit's text
  // with its codes as slots is looked up and made once, for the last unit asked.
  let last: Slotted | undefined;
  const slotted = (unit: Unit): Slotted => {
    if (last?.unit === unit) return last;
    const codes = codesOf(unit.source);
    const values = codes.length ? Object.fromEntries(codes.map((c, i) => [markerName(c), codeSlot(i)])) : NO_CODES;
    const found = find(unit.id);
    if (lang !== sourceLanguage && found.usedLng !== lang) untranslated.add(unit.id);
    // Text shaped like a marker is stored escaped ("{\{bx1}}"), out of i18next's reach; here it becomes text again.
    const plain = unescapeText(fillMarkers(String(found.res), values));
    last = { unit, codes, plain };
    return last;
  };
  const render = (unit: Unit, escape?: (text: string) => string): string => {
    const got = slotted(unit);
    const { codes, plain } = got;
    const words = escape ? escape(plain) : plain;
    // Without codes there is no slot to fill (a slot holds this process's random token).
    if (!codes.length) return words;
    const filled = (): string => words.replace(CODE_SLOTS, (_m, i: string) => codeTexts.text(codes[Number(i)]!, lang));
    // Words the escape leaves as they are (every word of a plain-text article) give the text already made.
    return words === plain ? (got.filled ??= filled()) : filled();
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
