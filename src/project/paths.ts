import { extname } from 'node:path';
import { insideProject } from '../io/files.js';
import type { Document } from '../model/index.js';
import type { Project } from './project.js';

/**
 * A path template filled in, inside the project: {lang}, {doc} (the base name), {dir} (the folder part
 * of the document id, empty at the top level) and {ext}. An empty {dir} leaves no doubled or leading "/".
 */
export function projectPath(
  project: Project,
  template: string,
  values: { lang: string; doc: string; dir?: string; ext?: string },
): string {
  const rel = fillTemplate(template, values);
  return insideProject(project.root, rel, 'path');
}

export function fillTemplate(
  template: string,
  values: { lang: string; doc: string; dir?: string; ext?: string },
): string {
  const dir = values.dir ?? '';
  let rel = template
    .replaceAll('{lang}', values.lang)
    .replaceAll('{doc}', values.doc)
    .replaceAll('{ext}', values.ext ?? '');
  if (template.includes('{dir}')) {
    rel = rel.replaceAll('{dir}', dir).replace(/\/{2,}/gu, '/');
    if (dir === '' && !template.startsWith('/')) rel = rel.replace(/^\//u, '');
  }
  return rel;
}

/** The paths a document writes for one language, by template key. */
export function documentPaths(
  project: Project,
  doc: { readonly name: string; readonly dir: string; readonly ext: string },
  lang: string,
): { readonly 'xliff.path': string; readonly 'locales.bundle': string; readonly 'locales.output': string } {
  const values = { lang, doc: doc.name, dir: doc.dir, ext: doc.ext };
  return {
    'xliff.path': projectPath(project, project.config.xliff.path, values),
    'locales.bundle': projectPath(project, project.config.locales.bundle, values),
    'locales.output': projectPath(project, project.config.locales.output, values),
  };
}

/**
 * The template values of a document: {doc} is the base name, {dir} the folder part of its id, {ext} empty. (Every
 * caller passes the four in this order: fillTemplate then sees one shape of object, which V8 keeps optimised.)
 */
function templateValues(
  lang: string,
  doc: Pick<Document, 'id'>,
  ext = '',
): { lang: string; doc: string; dir: string; ext: string } {
  const slash = doc.id.lastIndexOf('/');
  return { lang, doc: slash < 0 ? doc.id : doc.id.slice(slash + 1), dir: slash < 0 ? '' : doc.id.slice(0, slash), ext };
}

export function bundlePath(project: Project, lang: string, doc: Pick<Document, 'id'>): string {
  return projectPath(project, project.config.locales.bundle, templateValues(lang, doc));
}

export function outputPath(project: Project, lang: string, doc: Pick<Document, 'id' | 'path'>): string {
  return projectPath(project, project.config.locales.output, templateValues(lang, doc, extname(doc.path)));
}

export function xliffPath(project: Project, lang: string, doc: Pick<Document, 'id'>): string {
  return projectPath(project, project.config.xliff.path, templateValues(lang, doc));
}
