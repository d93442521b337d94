import { resolve } from 'node:path';
import type { Document } from '../model/index.js';
import { readBundle, type Bundle } from '../store/bundle.js';
import { bundlePath } from './paths.js';
import type { Project } from './project.js';
import { sourceDocuments } from './sources.js';
import { LocflowError } from '../errors.js';
import { readDecoded, readText, relativeToProjectPath } from '../io/files.js';
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
  for (const { file, id } of sources) {
    const format = formatFor(file);
    yield format.read(
      readText(file, 'source file', project.config.encoding),
      { id, path: relativeToProjectPath(project.root, file), sourceLang: project.config.sourceLanguage },
      project.config.text,
    );
  }
}

/** The encoding a document is built in: the configuration's when its source was read in it, else UTF-8. */
export function outputEncoding(project: Project, doc: Document): string {
  if (project.config.encoding === 'utf-8') return 'utf-8';
  const read = readDecoded(resolve(project.root, doc.path), 'source file', project.config.encoding);
  return read.by === 'config' ? read.encoding : 'utf-8';
}

export function loadBundle(project: Project, lang: string, doc: Document): Bundle {
  return readBundle(bundlePath(project, lang, doc));
}
