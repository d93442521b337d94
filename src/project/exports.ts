import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { AtomicBatch } from '../io/atomic-batch.js';
import { insideProject, readText } from '../io/files.js';
import type { Document } from '../model/index.js';
import { textHash } from '../model/ids.js';
import { DocsIndex } from './export-index.js';
import type { Project } from './project.js';

/**
 * What was last sent out: the unit ids of each document at its last export, so status can tell what
 * changed since, and a hash of each target the file carried, so import can tell a translator's edit of
 * that text from a conflict with a store that changed after the export. One file per language,
 * .locflow/exports/<lang>.json, read once and written once per run however many documents it exports.
 * Records of older versions (.locflow/exports/<lang>/<doc>.json) are still read for documents it lacks.
 */
interface ExportRecord {
  readonly exported?: string;
  readonly units?: readonly string[];
  readonly targets?: Readonly<Record<string, string>>;
}

/** A language file's records, by document id: each document's value as JSON.parse gives it, undefined if none. */
interface LanguageRecords {
  get(id: string): unknown;
  /** Lets go of the file, when its records were read from it as asked. */
  close?(): void;
}

function languageFile(project: Project, lang: string): string {
  return insideProject(project.root, `.locflow/exports/${lang}.json`, 'export record');
}

function documentFile(project: Project, lang: string, doc: { readonly id: string }): string {
  return insideProject(project.root, `.locflow/exports/${lang}/${doc.id}.json`, 'export record');
}

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readText(file, 'export record')) as T;
  } catch {
    return null; // a damaged record only hides the comparison
  }
}

/** The "docs" of a language file read whole; {} when it has none. */
function allRecords(file: string): Record<string, ExportRecord> {
  const read = readJson<{ docs?: Record<string, ExportRecord> }>(file);
  return read?.docs && typeof read.docs === 'object' ? read.docs : {};
}

/**
 * A language file's records as commands that ask one document at a time need them: indexed (DocsIndex) when the
 * file is plain UTF-8 JSON of the usual shape, each document's record then read from the file when asked (the file
 * stays open while it is the one cached, so a record comes from the bytes indexed even if the file is replaced); read
 * whole otherwise (what JSON.parse makes of it).
 */
function readRecords(file: string): LanguageRecords {
  let fd: number | undefined;
  let bytes: Buffer | undefined;
  try {
    fd = openSync(file, 'r');
    bytes = readFileSync(fd);
  } catch {
    bytes = undefined; // absent or unreadable: no records, as readJson says
  }
  const index = bytes && fd !== undefined ? DocsIndex.of(bytes, slicesOf(fd)) : undefined;
  if (index && fd !== undefined) {
    const open = fd;
    return { get: (id) => index.get(id), close: () => closeSync(open) };
  }
  if (fd !== undefined) closeSync(fd);
  const docs = bytes ? allRecords(file) : {};
  // Only the documents' own members: a document named "constructor" has no record unless the file has one.
  return { get: (id) => (Object.hasOwn(docs, id) ? docs[id] : undefined) };
}

/** The text of bytes [start, end) of the open file. */
function slicesOf(fd: number): (start: number, end: number) => string {
  return (start, end) => {
    const bytes = Buffer.allocUnsafe(end - start);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    return bytes.toString('utf8', 0, got);
  };
}

/** The last language file read, kept while the file is unchanged: commands ask once per document. */
let cached: { file: string; stamp: string; records: LanguageRecords } | undefined;

function stampOf(file: string): string {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    return s ? `${s.mtimeMs}:${s.size}:${s.ino}` : 'none';
  } catch {
    return 'none';
  }
}

function languageRecords(project: Project, lang: string): LanguageRecords {
  const file = languageFile(project, lang);
  const stamp = stampOf(file);
  if (cached?.file === file && cached.stamp === stamp) return cached.records;
  cached?.records.close?.();
  const records = readRecords(file);
  cached = { file, stamp, records };
  return records;
}

function recordOf(project: Project, lang: string, doc: { readonly id: string }): ExportRecord | null {
  const record = languageRecords(project, lang).get(doc.id) as ExportRecord | null | undefined;
  return record ?? readJson<ExportRecord>(documentFile(project, lang, doc));
}

/** The export records of one run, written together by save(). */
export class ExportLog {
  private readonly docs: Record<string, ExportRecord>;
  private readonly exported = new Date().toISOString();

  constructor(
    private readonly project: Project,
    private readonly lang: string,
  ) {
    this.docs = { ...allRecords(languageFile(project, lang)) };
  }

  /** `units`: the document's unit ids, in order; `targets`: unit id → the hash of the target the file carries (sentHash). */
  record(doc: { readonly id: string }, units: readonly string[], targets: Readonly<Record<string, string>> = {}): void {
    this.docs[doc.id] = { exported: this.exported, units, targets };
  }

  async save(batch: AtomicBatch): Promise<void> {
    await batch.write(languageFile(this.project, this.lang), JSON.stringify({ docs: this.docs }) + '\n');
  }
}

/** How a target the file carries is recorded (codes as i18next markers): a hash, not the text. */
export function sentHash(target: string): string {
  return textHash(target);
}

/**
 * Whether `text` is the target the last export wrote for the unit; undefined when that export
 * wrote none (or is not known).
 */
export function sentTargets(
  project: Project,
  lang: string,
  doc: { readonly id: string },
): (unit: string, text: string) => boolean | undefined {
  const targets = recordOf(project, lang, doc)?.targets ?? {};
  return (unit, text) => (targets[unit] === undefined ? undefined : targets[unit] === textHash(text));
}

/** Units added to and removed from the source since the last export; null when it was never exported. */
export function changesSinceExport(
  project: Project,
  lang: string,
  doc: Document,
): { added: string[]; removed: string[]; exported: string } | null {
  const record = recordOf(project, lang, doc);
  if (!record) return null;
  const before = new Set(record.units ?? []);
  const now = new Set(doc.units.map((u) => u.id));
  return {
    added: [...now].filter((id) => !before.has(id)),
    removed: [...before].filter((id) => !now.has(id)),
    exported: record.exported ?? '',
  };
}
