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
  /** The path is a file about to be written, not read (insideProject's `writing`). */
  writing = false,
): string {
  const rel = fillTemplate(template, values);
  return insideProject(project.root, rel, 'path', writing);
}

export function fillTemplate(
  template: string,
  values: { lang: string; doc: string; dir?: string; ext?: string },
): string {
  const dir = values.dir ?? '';
  const ext = values.ext ?? '';
  const parts = templateParts(template);
  let rel: string;
  if (parts === undefined || hasBrace(values.lang) || hasBrace(values.doc) || hasBrace(dir) || hasBrace(ext)) {
    // Braces in a value could make a placeholder of what was filled in: filled in turn, as always.
    rel = template.replaceAll('{lang}', values.lang).replaceAll('{doc}', values.doc).replaceAll('{ext}', ext);
    if (template.includes('{dir}')) rel = rel.replaceAll('{dir}', dir);
  } else {
    rel = parts.texts[0]!;
    for (let i = 0; i < parts.slots.length; i++) {
      const slot = parts.slots[i]!;
      rel += (slot === LANG ? values.lang : slot === DOC ? values.doc : slot === DIR ? dir : ext) + parts.texts[i + 1]!;
    }
  }
  if (template.includes('{dir}')) {
    if (rel.includes('//')) rel = rel.replace(/\/{2,}/gu, '/');
    if (dir === '' && !template.startsWith('/') && rel.startsWith('/')) rel = rel.slice(1);
  }
  return rel;
}

const LANG = 0;
const DOC = 1;
const DIR = 2;
const EXT = 3;
const SLOTS: Readonly<Record<string, number>> = { '{lang}': LANG, '{doc}': DOC, '{dir}': DIR, '{ext}': EXT };

/**
 * A template cut once into its text and placeholders (a run fills a few templates for every document); undefined
 * when a brace outside the placeholders could join what is filled in into another placeholder (filled in turn then).
 */
interface TemplateParts {
  readonly texts: readonly string[];
  readonly slots: readonly number[];
}

const templatesCut = new Map<string, TemplateParts | undefined>();

function templateParts(template: string): TemplateParts | undefined {
  if (templatesCut.has(template)) return templatesCut.get(template);
  const texts: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (const m of template.matchAll(/\{(?:lang|doc|dir|ext)\}/gu)) {
    texts.push(template.slice(from, m.index));
    slots.push(SLOTS[m[0]]!);
    from = m.index + m[0].length;
  }
  texts.push(template.slice(from));
  const parts = texts.some(hasBrace) ? undefined : { texts, slots };
  templatesCut.set(template, parts);
  return parts;
}

function hasBrace(text: string): boolean {
  return text.includes('{') || text.includes('}');
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

export function xliffPath(project: Project, lang: string, doc: Pick<Document, 'id'>, writing = false): string {
  return projectPath(project, project.config.xliff.path, templateValues(lang, doc), writing);
}
