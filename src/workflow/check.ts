import { statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { DEFAULTS } from '../config/config.js';
import { asLocflowError, LocflowError } from '../errors.js';
import { readText } from '../io/files.js';
import { documentLabels, unitKey, unitLines, type Document } from '../model/index.js';
import type { Content, Run } from '../model/content.js';
import { canonicalTag, primarySubtag } from '../model/language.js';
import { protect } from '../protect/protect.js';
import { loadGlossary } from '../qa/glossary.js';
import { issueOf, pairsInXliffBytes, SLICE_PAIRS, summarize, type RunOptions, type RunResult } from '../qa/runner.js';
import { alignment } from '../qa/checks/alignment.js';
import { checkPairGroups, checkPairs } from './steps/pseudo-reading.js';
import { boundHeapGrowth } from '../runtime/v8-tuning.js';
import { approvedPairs } from '../project/memory.js';
import type { DocumentParts, Issue, QaPair } from '../qa/types.js';
import type { SeverityName } from '../qa/settings.js';
import { readXliffUnits, XLIFF_FIX_HINT } from '../xliff/read.js';
import { translatedParts, untranslatedSegments } from '../xliff/parts.js';
import { formatFor, formatNameFor, loadFormats, type Format } from '../formats/registry.js';
import { storedUnits } from '../project/translations.js';
import type { Project } from '../project/project.js';
import { bundlePath } from '../project/paths.js';
import { chooseLanguages } from '../project/languages.js';
import { checkedSources, eachDocument, loadBundle, readDocument, type Source } from '../project/documents.js';
import { qaOptions } from '../project/qa.js';

export interface CheckOptions {
  readonly langs?: readonly string[];
  /** Check these XLIFF files instead of the locale store. */
  readonly files?: readonly string[];
  /** Check a localized document against its source, without XLIFF. */
  readonly document?: { readonly source: string; readonly target: string };
  /** The language of --source (default: the project's source language, else "en"). */
  readonly sourceLang?: string;
  /** A CSV or TBX glossary to use instead of the project's (or without a project). */
  readonly glossary?: string;
  readonly maxWarnings?: number;
  /** Where relative paths given by the user start (default: the project folder, else the current folder). */
  readonly cwd?: string;
  /** Return every pair checked (CheckResult.pairs), also of XLIFF files. */
  readonly keepPairs?: boolean;
  /** The pairs of XLIFF files and of the store are checked in groups of whole files (documents) of at least this many (GROUP_PAIRS). */
  readonly groupPairs?: number;
  /** V8's heap growth is bounded once a check read as a stream has this many pairs (BOUNDED_HEAP_PAIRS). */
  readonly boundedHeapPairs?: number;
  /** How many pairs the run is expected to have (RunOptions.expectedPairs); by default XLIFF files tell by their size. */
  readonly expectedPairs?: number;
}

/**
 * What the checks learn of the other units of a run (the names other units keep, the same source translated two
 * ways, a language's words in lower case) is learnt of groups of whole files, or of the store's documents, in the
 * order given: a group is closed after the file that brings it to this many pairs. A run of up to this many pairs is
 * one group, as before; a larger one is checked group after group, its memory that of one group whatever the run's
 * size. One file larger than this is one group.
 */
export const GROUP_PAIRS = 50_000;

/**
 * A check read as a stream bounds V8's heap growth once its first reading has counted this many pairs (see
 * v8-tuning.ts): below, its peak is small whatever V8 does (the 11,109 real pairs: 170 MB), and the collections
 * more cost a few per cent of CPU.
 */
export const BOUNDED_HEAP_PAIRS = 20_000;

export interface CheckResult {
  readonly issues: readonly Issue[];
  readonly notices: readonly string[];
  /**
   * The pairs checked, for the reports that list every unit (HTML, JUnit); of XLIFF files only with `keepPairs`, as
   * they are otherwise read as streams and not held.
   */
  readonly pairs: readonly QaPair[];
  /** How many pairs were checked. */
  readonly checked: number;
  /** 0 clean, 1 errors found (or more warnings than allowed). */
  readonly exitCode: 0 | 1;
}

/** A language tag given on the command line, in canonical form; a usage error (exit 2) when it is not one. */
export function languageTag(tag: string, option: string): string {
  const canonical = canonicalTag(tag);
  if (!canonical)
    throw new LocflowError(`${option}: "${tag}" is not a valid language tag`, {
      hint: 'use a BCP 47 tag such as "en", "es", "fr-CA" or "ar-EG"',
    });
  return canonical;
}

/**
 * Checks translations: the project's locale store, XLIFF files, or a
 * localized document against its source. Without a project (no
 * locflow.config.json) the XLIFF files or the two documents are checked with
 * the default settings; inputs are only read, so they may be anywhere.
 */
export async function check(project: Project | undefined, options: CheckOptions = {}): Promise<CheckResult> {
  const base = options.cwd ?? project?.root ?? process.cwd();
  const sourceLang =
    options.sourceLang !== undefined
      ? languageTag(options.sourceLang, '--source-lang')
      : (project?.config.sourceLanguage ?? DEFAULTS.sourceLanguage);
  const langs = options.langs?.map((l) => languageTag(l, '--lang'));
  const groupPairs = options.groupPairs ?? GROUP_PAIRS;
  let pairs: QaPair[] = [];
  // XLIFF files and the store are read as streams, twice (see CheckRun), unless every pair is to be returned.
  let streamed: StreamedPairs | undefined;
  // The project whose store is read as a stream: its documents are read after the settings.
  let storeRead: Project | undefined;
  const extra: Issue[] = [];
  const notices: string[] = [];
  if (options.document) {
    // Plain text too: a file whose extension names no format is read as text.
    await loadFormats([resolve(base, options.document.source), resolve(base, options.document.target), 'plain.txt']);
    const aligned = pairsFromDocuments(
      project,
      base,
      options.document.source,
      options.document.target,
      sourceLang,
      langs?.[0],
      notices,
    );
    pairs = aligned.pairs;
    extra.push(...aligned.issues);
  } else if (options.files?.length) {
    streamed = pairsFromXliff(project?.root ?? base, base, options.files, project, langs?.[0], notices, groupPairs);
  } else if (project) {
    streamed = pairsFromStore(project, langs, groupPairs);
    storeRead = project;
  } else {
    throw new LocflowError('no locflow.config.json here, and nothing to check without one', {
      hint: 'give XLIFF files (locflow check file.xlf) or two documents (locflow check --source a.txt --target b.txt --lang es), or run "locflow init"',
    });
  }
  if (streamed && options.keepPairs) {
    for (const group of streamed.groups()) for (const slice of group()) for (const pair of slice) pairs.push(pair);
    streamed = undefined;
  }
  // In a project, names its translators rendered their own way are learnt from its memory.
  // (its notice told after the files', which a streamed file says as it is first read)
  const memoryNotices: string[] = [];
  const settings = async (): Promise<RunOptions> => {
    const own: RunOptions = project
      ? { ...qaOptions(project), approved: await approvedPairs(project).catch(withoutMemory(memoryNotices)) }
      : {};
    return options.glossary !== undefined
      ? { ...own, glossary: loadGlossary(readableFile(base, options.glossary, '--glossary'), sourceLang) }
      : own;
  };
  // (a store's document that cannot be read is still the error told first, as when the documents were read first)
  const run = await settings().catch((err: unknown): never => {
    if (streamed && storeRead) readEverySource(storeRead);
    throw err;
  });
  // A run read as a stream bounds V8's heap growth once it has passed BOUNDED_HEAP_PAIRS (see v8-tuning.ts): its
  // pairs are read once the checks are loaded, so no check's code is compiled under the flag.
  let restore: (() => void) | undefined;
  let result: RunResult;
  try {
    const bounded = options.boundedHeapPairs ?? BOUNDED_HEAP_PAIRS;
    if (streamed) streamed.counted = (n) => void (n >= bounded && (restore ??= boundHeapGrowth()));
    result = streamed
      ? await checkPairGroups(streamed.groups(), { ...run, expectedPairs: options.expectedPairs ?? streamed.expected })
      : await checkPairs(pairs, { ...run, expectedPairs: options.expectedPairs ?? pairs.length });
  } finally {
    restore?.();
  }
  const all = [...extra, ...result.issues];
  const { errors, warnings } = summarize(all);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  return {
    issues: all,
    notices: [...notices, ...memoryNotices, ...result.notices],
    pairs,
    checked: streamed ? streamed.count() : pairs.length,
    exitCode: errors > 0 || tooManyWarnings ? 1 : 0,
  };
}

/**
 * A memory that cannot be read (a shared server down) does not stop a check: only the names check
 * learns from it, and it runs without the memory's translations, with a notice saying so.
 */
function withoutMemory(notices: string[]): (err: unknown) => [] {
  return (err) => {
    if (!(err instanceof LocflowError)) throw err;
    notices.push(`${err.message}; the names check runs without the memory's translations`);
    return [];
  };
}

/** A file the user named, resolved from `base`; check only reads it, so it may be anywhere. */
function readableFile(base: string, path: string, what: string): string {
  const full = resolve(base, path);
  readText(full, what); // fails early, naming the file, when it cannot be read
  return full;
}

/** A path as reports show it: relative to the project (or the current folder) when inside it, else absolute. */
function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return (rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel).split('\\').join('/');
}

/**
 * A run's pairs in groups (see GROUP_PAIRS), each group's given a slice at a time, as often as asked (CheckRun reads
 * them twice; a group's files are known once it has been read), and how many pairs there were.
 */
interface StreamedPairs {
  readonly groups: () => Generator<() => Generator<QaPair[]>>;
  readonly count: () => number;
  /** Told how many pairs the first reading has counted so far, as it counts them. */
  counted?: (count: number) => void;
  /** About how many pairs there are, where known before reading (XLIFF files: from their size). */
  readonly expected?: number;
}

/**
 * Pairs of the store the first reading keeps for the second, at most: a small store is read once, a larger one keeps
 * its first documents' pairs and reads the others again.
 */
const KEPT_STORE_PAIRS = 20_000;

/**
 * The translated units of the locale store, per language then document, a slice at a time: each document and its
 * bundle are read when reached and let go (those past KEPT_STORE_PAIRS of a group once per reading), so that a store
 * of any size is never held whole; in groups of whole documents of at least `size` pairs (see GROUP_PAIRS). Errors
 * are those of reading every document first and then the bundles: a document that cannot be read is named before a
 * bundle or a language that cannot.
 */
function pairsFromStore(project: Project, langs: readonly string[] | undefined, size: number): StreamedPairs {
  const sources = checkedSources(project);
  const pairsOf = (lang: string, source: Source): QaPair[] => {
    const doc = readDocument(project, source);
    const bundle = sourcesFirst(project, () => loadBundle(project, lang, doc));
    const file = shown(project.root, bundlePath(project, lang, doc));
    let labels: Map<string, string> | undefined;
    const pairs: QaPair[] = [];
    for (const s of storedUnits(doc, bundle)) {
      if (s.target === undefined) continue;
      const label = (labels ??= documentLabels(doc)).get(s.unit.id);
      pairs.push({
        id: s.unit.id,
        ...(label !== undefined ? { label } : {}),
        source: s.unit.source,
        target: s.target,
        sourceLang: doc.sourceLang,
        targetLang: lang,
        file,
      });
    }
    return pairs;
  };
  let count = 0;
  const out: StreamedPairs = {
    groups: function* () {
      const chosen = sourcesFirst(project, () => chooseLanguages(project, langs));
      // Each language's documents in turn: the document at `at` is sources[at % n] in chosen[at / n].
      const n = sources.length;
      const total = chosen.length * n;
      let start = 0;
      do {
        let end = -1;
        let read = 0;
        // The group's first documents, whose pairs the first reading kept for the second.
        const kept: QaPair[][] = [];
        let keptPairs = 0;
        yield function* () {
          const first = read++ === 0;
          let slice: QaPair[] = [];
          let inGroup = 0;
          let at = start;
          while (first ? at < total && (at === start || inGroup < size) : at < end) {
            let pairs = first ? undefined : kept[at - start];
            if (!pairs) {
              pairs = pairsOf(chosen[Math.floor(at / n)]!, sources[at % n]!);
              if (first) out.counted?.((count += pairs.length));
              if (first && kept.length === at - start && keptPairs + pairs.length <= KEPT_STORE_PAIRS) {
                kept.push(pairs);
                keptPairs += pairs.length;
              }
            }
            at++;
            inGroup += pairs.length;
            for (const pair of pairs) {
              slice.push(pair);
              if (slice.length < SLICE_PAIRS) continue;
              yield slice;
              slice = [];
            }
          }
          if (first) end = at;
          if (slice.length) yield slice;
        };
        if (end < 0) return; // (the group was not read: nothing follows it)
        start = end;
      } while (start < total);
    },
    count: () => count,
  };
  return out;
}

/**
 * `work`, whose failure is told only once every source document is known to be readable: a document that cannot be
 * read is the error, as when the documents were all read before anything else.
 */
function sourcesFirst<T>(project: Project, work: () => T): T {
  try {
    return work();
  } catch (err) {
    readEverySource(project);
    throw err;
  }
}

/** Reads the project's source documents, each let go: throws the first one's error that cannot be read. */
function readEverySource(project: Project): void {
  for (const _doc of eachDocument(project));
}

/**
 * Files of up to this many bytes in all are read once, their pairs kept for the second pass: a few tens of MB of
 * pairs at most, where reading XLIFF again costs about 35 ms of CPU per MB.
 */
const KEPT_XLIFF_BYTES = 8 << 20;

/**
 * The pairs of XLIFF files, a slice at a time, each file read as a stream (readXliffUnits): read once to learn the
 * run and once to check it, nothing of a file is held but the slice (small files are read once: their slices are
 * kept from the first reading). The first reading says what the reports need of the files (the notices, the target
 * language a file does not declare) and counts the pairs.
 */
function pairsFromXliff(
  root: string,
  base: string,
  files: readonly string[],
  project: Project | undefined,
  lang: string | undefined,
  notices: string[],
  size: number,
): StreamedPairs {
  // In a project, a unit of one of its sources is labelled from the source itself (role and line);
  // otherwise from the file: the key noted on the unit, else its resname/name ("paragraph-3.2").
  // Ids come from the text, so a sentence two documents share has one id and may stand on other lines: each
  // document's own label is kept where it differs from the first one met (`elsewhere`, by document path, the
  // <file original> extract writes).
  let known: Map<string, string> | undefined;
  const elsewhere = new Map<string, Map<string, string>>();
  const fromProject = (id: string, original: string): string | undefined => {
    if (!project) return undefined;
    if (!known) {
      known = new Map();
      try {
        // (one document at a time: only the labels are held, each distinct one once — "paragraph, line 3" is many
        // units' label)
        const labels = new Map<string, string>();
        for (const doc of eachDocument(project))
          for (const [unit, label] of documentLabels(doc)) {
            let one = labels.get(label);
            if (one === undefined) labels.set(label, (one = label));
            const first = known.get(unit);
            if (first === undefined) known.set(unit, one);
            else if (first !== one) {
              let own = elsewhere.get(doc.path);
              if (!own) elsewhere.set(doc.path, (own = new Map()));
              own.set(unit, one);
            }
          }
      } catch (err) {
        if (!(err instanceof LocflowError)) throw err; // a source that cannot be read only costs the labels
      }
    }
    return elsewhere.get(original)?.get(id) ?? known.get(id);
  };
  // Per file, the target language found on the first reading (its own, else --lang, else its path's).
  const targets = new Map<string, string>();
  let count = 0;
  function* pairsOf(f: string, first: boolean): Generator<QaPair[]> {
    const path = resolve(base, f);
    const file = shown(root, path);
    const units = readXliffUnits(path);
    let slice: QaPair[] = [];
    let translated = false;
    let untranslated = 0;
    let partly = 0;
    let missing = 0;
    // The target language, asked for at the first translation; a file that cannot tell fails once it is read.
    let failure: { error: unknown } | undefined;
    const targetOf = (declared: string | undefined, sourceLang: string): string | undefined => {
      let targetLang = targets.get(path);
      if (targetLang !== undefined || failure || !first) return targetLang;
      try {
        targetLang = declared ?? lang ?? inferLanguage(project, path, sourceLang, notices);
      } catch (error) {
        failure = { error };
        return undefined;
      }
      targets.set(path, targetLang);
      return targetLang;
    };
    try {
      for (let next = units.next(); !next.done; next = units.next()) {
        if ('end' in next.value) continue;
        const { unit: u, original, sourceLang = '', targetLang: declared } = next.value;
        const parts = translatedParts(u);
        const segments = untranslatedSegments(u);
        if (segments > 0) {
          partly++;
          missing += segments;
        }
        if (!parts.length) {
          untranslated++;
          continue;
        }
        translated = true;
        const targetLang = targetOf(declared, sourceLang);
        if (targetLang === undefined) continue;
        const label = unitKey(u.notes) ?? fromProject(u.id, original) ?? u.name;
        for (const part of parts) {
          slice.push({
            id: part.id,
            ...(label !== undefined ? { label } : {}),
            source: part.source,
            target: part.target,
            sourceLang,
            targetLang,
            file,
            ...(part.line !== undefined ? { line: part.line } : {}),
          });
        }
        if (slice.length >= SLICE_PAIRS) {
          yield slice;
          slice = [];
        }
      }
    } catch (err) {
      throw asLocflowError(err, { file: path, hint: XLIFF_FIX_HINT }) ?? err;
    }
    if (failure) throw failure.error;
    if (slice.length) yield slice;
    if (!first) return;
    if (!translated) {
      notices.push(`${file} has no translations yet: nothing to check`);
      return;
    }
    if (untranslated) notices.push(`${file}: ${untranslated} unit(s) not translated yet, not checked`);
    if (partly)
      notices.push(
        `${file}: ${partly} unit(s) partly translated: ${missing} segment(s) not translated yet, not checked`,
      );
  }
  const bytes = files.reduce((sum, f) => sum + sizeOf(resolve(base, f)), 0);
  // A file named twice is one run (its units' issues are listed where its last reading puts them).
  const groupSize = new Set(files.map((f) => resolve(base, f))).size === files.length ? size : Infinity;
  const out: StreamedPairs = {
    expected: pairsInXliffBytes(bytes),
    groups: function* () {
      let start = 0;
      do {
        let end = -1;
        let read = 0;
        const kept: QaPair[][] | undefined = bytes <= KEPT_XLIFF_BYTES ? [] : undefined;
        yield function* () {
          const first = read++ === 0;
          if (!first && kept) {
            yield* kept;
            return;
          }
          let inGroup = 0;
          let at = start;
          while (first ? at < files.length && (at === start || inGroup < groupSize) : at < end) {
            for (const slice of pairsOf(files[at]!, first)) {
              inGroup += slice.length;
              if (first) out.counted?.((count += slice.length));
              if (first) kept?.push(slice);
              yield slice;
            }
            at++;
          }
          if (first) end = at;
        };
        if (end < 0) return; // (the group was not read: nothing follows it)
        start = end;
      } while (start < files.length);
    },
    count: () => count,
  };
  return out;
}

/** A file's size, 0 where it cannot be read (its reading then tells why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The text of each block, units joined by a space, codes kept, and the line of the document it starts on. */
function blockContents(doc: Document): Array<{ role: string; content: Run[]; unit: string; line?: number }> {
  const byId = new Map(doc.units.map((u) => [u.id, u]));
  const lines = unitLines(doc);
  return doc.blocks.map((b, i) => {
    const line = b.units.length ? lines.get(b.units[0]!) : undefined;
    const content: Run[] = [];
    b.units.forEach((id, j) => {
      if (j > 0) content.push(' ');
      content.push(...(byId.get(id)?.source ?? []));
    });
    return { role: b.role, content, unit: `block ${i + 1} (${b.role})`, ...(line !== undefined ? { line } : {}) };
  });
}

/** The document's format; a file whose extension names no format (a corpus file "news.es") is plain text. */
function documentFormat(path: string): Format {
  try {
    return formatFor(path);
  } catch (err) {
    if (err instanceof LocflowError) return formatFor('plain.txt');
    throw err;
  }
}

/** The lines of a text without its leading and trailing blank lines; whether a blank line is left between them. */
function textLines(text: string): { lines: string[]; blankInside: boolean } {
  const lines = text.split(/\r?\n/u);
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  while (lines.length && lines[0]!.trim() === '') lines.shift();
  return { lines, blankInside: lines.some((l) => l.trim() === '') };
}

/**
 * A localized document against its source, without XLIFF: both are read by
 * their format, blocks are aligned by position and role, and each aligned
 * pair of blocks is checked like a unit. Two plain texts without a blank line
 * in either (a parallel corpus: one sentence per line) are aligned line by line.
 */
function pairsFromDocuments(
  project: Project | undefined,
  base: string,
  sourcePath: string,
  targetPath: string,
  sourceLang: string,
  lang: string | undefined,
  notices: string[],
): { pairs: QaPair[]; issues: Issue[] } {
  const src = resolve(base, sourcePath);
  const trg = resolve(base, targetPath);
  const root = project?.root ?? base;
  const targetLang = lang ?? inferLanguage(project, trg, sourceLang, notices);
  if (targetLang === sourceLang)
    throw new LocflowError(`the target language "${targetLang}" is the source language`, {
      hint: 'pass --lang for the target and --source-lang for the source',
    });
  const srcText = readText(src, '--source');
  const trgText = readText(trg, '--target');
  const file = shown(root, trg);
  const srcFormat = documentFormat(src);
  const trgFormat = documentFormat(trg);
  if (srcFormat.name === 'text' && trgFormat.name === 'text') {
    const a = textLines(srcText);
    const b = textLines(trgText);
    if (!a.blankInside && !b.blankInside && (a.lines.length > 1 || b.lines.length > 1))
      return linePairs(a.lines, b.lines, sourceLang, targetLang, file, shown(root, src), project);
  }
  const options = project?.config.text ?? {};
  const a = blockContents(srcFormat.read(srcText, { id: 'doc', path: src, sourceLang }, options));
  const b = blockContents(trgFormat.read(trgText, { id: 'doc', path: trg, sourceLang: targetLang }, options));
  // The label is the source's role at the target's line: the file the report shows is the target.
  const labels = b.map(
    (t, i) => `${a[i]?.role ?? t.role}, ${t.line !== undefined ? `line ${t.line}` : `block ${i + 1}`}`,
  );
  const issues = alignmentIssues(
    { kind: 'blocks', source: a, target: b.map((t, i) => ({ role: t.role, label: labels[i]! })) },
    { file, lang: targetLang, source: shown(root, src), severity: project?.config.qa.severity.alignment },
  );
  const pairs: QaPair[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const s = a[i]!;
    const t = b[i]!;
    pairs.push({ id: s.unit, label: labels[i]!, source: s.content, target: t.content, sourceLang, targetLang, file });
  }
  return { pairs, issues };
}

/**
 * The alignment check's findings as issues: one about the whole document names both files (unit "document"),
 * one about a block names its unit.
 */
function alignmentIssues(
  parts: DocumentParts,
  where: { readonly file: string; readonly lang: string; readonly source: string; readonly severity?: SeverityName },
): Issue[] {
  const configured = where.severity ?? alignment.severity;
  if (configured === 'off') return [];
  return alignment
    .compare(parts)
    .map((f) =>
      issueOf(
        alignment,
        configured,
        f,
        f.unit
          ? { unit: f.unit.id, label: f.unit.label, file: where.file, lang: where.lang, source: '', target: '' }
          : { unit: 'document', file: where.file, lang: where.lang, source: where.source, target: where.file },
      ),
    );
}

/** One sentence per line on both sides: line N is checked against line N; URLs and placeholders become codes as a reader makes them. */
function linePairs(
  source: readonly string[],
  target: readonly string[],
  sourceLang: string,
  targetLang: string,
  file: string,
  sourceFile: string,
  project: Project | undefined,
): { pairs: QaPair[]; issues: Issue[] } {
  const severity = project?.config.qa.severity.alignment;
  const issues = alignmentIssues(
    {
      kind: 'lines',
      source: source.map((_, i) => ({ role: 'line', unit: `line ${i + 1}` })),
      target: target.map((_, i) => ({ role: 'line', label: `line ${i + 1}` })),
    },
    { file, lang: targetLang, source: sourceFile, severity },
  );
  const content = (line: string): Content => protect(line.trim());
  const pairs: QaPair[] = [];
  for (let i = 0; i < Math.min(source.length, target.length); i++) {
    const s = source[i]!;
    const t = target[i]!;
    if (s.trim() === '' && t.trim() === '') continue;
    pairs.push({
      id: `line ${i + 1}`,
      source: content(s),
      target: content(t),
      sourceLang,
      targetLang,
      file,
      line: i + 1,
    });
  }
  return { pairs, issues };
}

/** Language names Intl knows: a path part is a language only if it names one ("es", "pt-BR"), not "txt" or "doc". */
function knownLanguage(part: string): string | undefined {
  if (!/^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/u.test(part)) return undefined;
  const tag = canonicalTag(part);
  if (!tag) return undefined;
  const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(primarySubtag(tag));
  return name ? tag : undefined;
}

/**
 * The target's language from its path: with a project, a target language of
 * the project named by a folder; otherwise a language code as the file's
 * suffix ("article.es.txt", "news.es") or as its folder ("es/article.txt").
 */
function inferLanguage(project: Project | undefined, path: string, sourceLang: string, notices: string[]): string {
  if (project) {
    const parts = shown(project.root, path).split('/');
    const found = project.config.targetLanguages.find((l) => parts.includes(l));
    if (found) return found;
  }
  const name = basename(path);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const candidates: Array<[string | undefined, string]> = [
    [knownLanguage(extname(stem).slice(1)), 'file name'],
    [formatKnown(ext) ? undefined : knownLanguage(ext.slice(1)), 'file name'],
    [knownLanguage(basename(dirname(path))), 'folder'],
  ];
  for (const [tag, where] of candidates) {
    if (tag && tag !== sourceLang) {
      notices.push(`the target's language is "${tag}", from its ${where}; pass --lang to say otherwise`);
      return tag;
    }
  }
  throw new LocflowError("cannot tell the target document's language", {
    file: path,
    hint: 'pass --lang <code>, e.g. --lang es (or name the file like article.es.txt)',
  });
}

function formatKnown(ext: string): boolean {
  return ext !== '' && formatNameFor(`x${ext}`) !== undefined;
}
