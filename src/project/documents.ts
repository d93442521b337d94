import { resolve } from 'node:path';
import type { Document, Unit } from '../model/index.js';
import type { DocumentMeta } from '../formats/format.js';
import { readBundle, type Bundle } from '../store/bundle.js';
import { bundlePath } from './paths.js';
import type { Project } from './project.js';
import { sourceDocuments } from './sources.js';
import { LocflowError } from '../errors.js';
import { readDecoded, readText, readTextPieces, relativeToProjectPath } from '../io/files.js';
import { decodeText } from '../io/encoding.js';
import type { ReadAhead } from '../io/read-ahead.js';
import { formatFor } from '../formats/registry.js';

/**
 * Every source document of the project, read by its format. A document's id is its path from its
 * pattern's fixed folder without extension ("en/pricing"); loadProject has refused ids or paths that collide.
 */
export function loadDocuments(project: Project): Document[] {
  return [...eachDocument(project)];
}

/**
 * The source documents one at a time, each read when asked for: a run over thousands of documents holds
 * one in memory, not all. Colliding ids are refused before the first is read.
 */
export function* eachDocument(project: Project): Generator<Document> {
  for (const source of checkedSources(project)) yield readDocument(project, source);
}

/** A source file and the names its document gets. */
export interface Source {
  readonly file: string;
  readonly meta: DocumentMeta;
}

/** One source document, read by its format. */
export function readDocument(project: Project, { file, meta }: Source): Document {
  return formatFor(file).read(readText(file, 'source file', project.config.encoding), meta, project.config.text);
}

/** A source document as extract reads it: its names, then its units in order, a batch per piece of the file. */
export interface DocumentUnits extends DocumentMeta {
  /** One batch for a format read whole; a batch per piece read for one that reads as the text arrives. */
  batches(): Generator<readonly Unit[]>;
}

/**
 * The source documents one at a time, their units as they are read: a document of any size is held a piece
 * at a time when its format can read so (plain-text articles), whole otherwise.
 */
export function* eachDocumentUnits(project: Project): Generator<DocumentUnits> {
  for (const source of checkedSources(project)) yield documentUnits(project, source);
}

/**
 * One source document as extract reads it (its format loaded: loadFormats). A small file `ahead` has read already is
 * decoded from those bytes, as readTextPieces decodes a file of one piece.
 */
export function documentUnits(project: Project, { file, meta }: Source, ahead?: ReadAhead): DocumentUnits {
  const { encoding, text } = project.config;
  const format = formatFor(file);
  const unitReader = format.unitReader;
  return {
    ...meta,
    batches: unitReader
      ? function* () {
          const reader = unitReader(meta, text);
          const bytes = ahead?.take(file);
          const pieces = bytes
            ? [decodeText(bytes, file, 'source file', encoding).text]
            : readTextPieces(file, 'source file', encoding);
          for (const piece of pieces) yield reader.push(piece);
          yield reader.end();
        }
      : function* () {
          yield format.read(readText(file, 'source file', encoding), meta, text).units;
        },
  };
}

/** The sources with the names their documents get; colliding ids are refused before any is read. */
export function checkedSources(project: Project): Source[] {
  const seen = new Map<string, string>();
  const sources = sourceDocuments(project);
  for (const { file, id } of sources) {
    const other = seen.get(id);
    if (other)
      throw new LocflowError(
        `two sources have the document id "${id}": ${relativeToProjectPath(project.root, other)} and ${relativeToProjectPath(project.root, file)}`,
        { file: project.configPath, hint: 'rename one of them' },
      );
    seen.set(id, file);
  }
  const sourceLang = project.config.sourceLanguage;
  return sources.map(({ file, id }) => ({
    file,
    meta: { id, path: relativeToProjectPath(project.root, file), sourceLang },
  }));
}

/** The encoding a document is built in: the configuration's when its source was read in it, else UTF-8. */
export function outputEncoding(project: Project, doc: Document): string {
  if (project.config.encoding === 'utf-8') return 'utf-8';
  const read = readDecoded(resolve(project.root, doc.path), 'source file', project.config.encoding);
  return read.by === 'config' ? read.encoding : 'utf-8';
}

export function loadBundle(project: Project, lang: string, doc: { readonly id: string }): Bundle {
  return readBundle(bundlePath(project, lang, doc));
}
