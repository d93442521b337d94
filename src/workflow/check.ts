import { join } from 'node:path';
import type { Project } from '../config/config.js';
import { LocflowError } from '../errors.js';
import { insideProject, readText, relativeToProjectPath } from '../io/files.js';
import type { Document } from '../model/index.js';
import type { Run } from '../model/content.js';
import { loadGlossary, EMPTY_GLOSSARY } from '../qa/glossary.js';
import { runChecks, summarize, type RunOptions } from '../qa/runner.js';
import type { Issue, QaPair, Severity } from '../qa/types.js';
import { readXliff, XliffReadError } from '../xliff/read.js';
import { formatFor } from '../formats/registry.js';
import { bundlePath, chooseLanguages, loadBundle, loadDocuments } from './documents.js';
import { storedUnits } from './translations.js';

export interface CheckOptions {
  readonly langs?: readonly string[];
  /** Check these XLIFF files instead of the locale store. */
  readonly files?: readonly string[];
  /** Check a localized document against its source, without XLIFF. */
  readonly document?: { readonly source: string; readonly target: string };
  readonly maxWarnings?: number;
}

export interface CheckResult {
  readonly issues: readonly Issue[];
  readonly notices: readonly string[];
  readonly pairs: readonly QaPair[];
  /** 0 clean, 1 errors found (or more warnings than allowed). */
  readonly exitCode: 0 | 1;
}

/** The QA settings of a project as the runner takes them. */
export function qaOptions(project: Project): RunOptions {
  const { qa, sourceLanguage } = project.config;
  return {
    glossary: qa.glossary ? loadGlossary(join(project.root, qa.glossary), sourceLanguage) : EMPTY_GLOSSARY,
    severities: qa.severity,
    suppress: qa.suppress,
    lengthRatio: qa.lengthRatio,
  };
}

export async function check(project: Project, options: CheckOptions = {}): Promise<CheckResult> {
  let pairs: QaPair[];
  const extra: Issue[] = [];
  if (options.document) {
    const aligned = pairsFromDocuments(project, options.document.source, options.document.target, options.langs?.[0]);
    pairs = aligned.pairs;
    extra.push(...aligned.issues);
  } else pairs = options.files?.length ? pairsFromXliff(project, options.files) : pairsFromStore(project, options.langs);
  const { issues, notices } = await runChecks(pairs, qaOptions(project));
  const all = [...extra, ...issues];
  const { errors, warnings } = summarize(all);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  return { issues: all, notices, pairs, exitCode: errors > 0 || tooManyWarnings ? 1 : 0 };
}

function pairsFromStore(project: Project, langs: readonly string[] | undefined): QaPair[] {
  const docs = loadDocuments(project);
  const pairs: QaPair[] = [];
  for (const lang of chooseLanguages(project, langs)) {
    for (const doc of docs) {
      const file = relativeToProjectPath(project.root, bundlePath(project, lang, doc));
      for (const s of storedUnits(doc, loadBundle(project, lang, doc))) {
        if (s.target === undefined) continue;
        pairs.push({ id: s.unit.id, source: s.unit.source, target: s.target, sourceLang: doc.sourceLang, targetLang: lang, file });
      }
    }
  }
  return pairs;
}

function pairsFromXliff(project: Project, files: readonly string[]): QaPair[] {
  return files.flatMap((f) => {
    const path = insideProject(project.root, f, 'XLIFF file');
    let xliff;
    try {
      xliff = readXliff(readText(path, 'XLIFF file'));
    } catch (err) {
      if (err instanceof XliffReadError) throw new LocflowError(err.message, { file: path, ...(err.line ? { line: err.line } : {}), ...(err.column ? { column: err.column } : {}) });
      throw err;
    }
    if (!xliff.targetLang) throw new LocflowError('the XLIFF names no target language', { file: path });
    const targetLang = xliff.targetLang;
    return xliff.files.flatMap((xf) =>
      xf.units
        .filter((u) => u.target !== undefined)
        .map((u) => ({ id: u.id, source: u.source, target: u.target!, sourceLang: xliff.sourceLang, targetLang, file: relativeToProjectPath(project.root, path), ...(u.line !== undefined ? { line: u.line } : {}) })),
    );
  });
}

/** The text of each block, units joined by a space, codes kept. */
function blockContents(doc: Document): Array<{ role: string; content: Run[]; unit: string }> {
  const byId = new Map(doc.units.map((u) => [u.id, u]));
  return doc.blocks.map((b) => {
    const content: Run[] = [];
    b.units.forEach((id, i) => {
      if (i > 0) content.push(' ');
      content.push(...(byId.get(id)?.source ?? []));
    });
    return { role: b.role, content, unit: `block ${doc.blocks.indexOf(b) + 1} (${b.role})` };
  });
}

/**
 * A localized document against its source, without XLIFF: both are read by
 * their format, blocks are aligned by position and role, and each aligned
 * pair of blocks is checked like a unit.
 */
function pairsFromDocuments(project: Project, sourcePath: string, targetPath: string, lang: string | undefined): { pairs: QaPair[]; issues: Issue[] } {
  const src = insideProject(project.root, sourcePath, '--source');
  const trg = insideProject(project.root, targetPath, '--target');
  const targetLang = lang ? chooseLanguages(project, [lang])[0]! : inferLanguage(project, trg);
  const { sourceLanguage, text } = project.config;
  const read = (path: string, language: string): Document => formatFor(path).read(readText(path, 'document'), { id: 'doc', path, sourceLang: language }, text);
  const a = blockContents(read(src, sourceLanguage));
  const b = blockContents(read(trg, targetLang));
  const file = relativeToProjectPath(project.root, trg);
  const issues: Issue[] = [];
  if (a.length !== b.length) {
    issues.push({ check: 'alignment', severity: 'error' as Severity, message: `the target has ${b.length} blocks, the source ${a.length}: a paragraph, caption or line was added or lost`, unit: 'document', file, lang: targetLang, source: relativeToProjectPath(project.root, src), target: file });
  }
  const pairs: QaPair[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const s = a[i]!;
    const t = b[i]!;
    if (s.role !== t.role) {
      issues.push({ check: 'alignment', severity: 'warning', message: `block ${i + 1} is a ${s.role} in the source but reads as a ${t.role} in the target`, unit: s.unit, file, lang: targetLang, source: '', target: '' });
    }
    pairs.push({ id: s.unit, source: s.content, target: t.content, sourceLang: sourceLanguage, targetLang, file });
  }
  return { pairs, issues };
}

function inferLanguage(project: Project, path: string): string {
  const parts = relativeToProjectPath(project.root, path).split('/');
  const found = project.config.targetLanguages.find((l) => parts.includes(l));
  if (found) return found;
  throw new LocflowError('cannot tell the target document\'s language from its path', { file: path, hint: 'pass --lang <code>' });
}
