import type { Project } from '../config/config.js';
import { LocflowError } from '../errors.js';
import { insideProject, readText, relativeToProjectPath } from '../io/files.js';
import { runChecks, summarize } from '../qa/runner.js';
import type { Issue, QaPair } from '../qa/types.js';
import { readXliff, XliffReadError } from '../xliff/read.js';
import { bundlePath, chooseLanguages, loadBundle, loadDocuments } from './documents.js';
import { storedUnits } from './translations.js';

export interface CheckOptions {
  readonly langs?: readonly string[];
  /** Check these XLIFF files instead of the locale store. */
  readonly files?: readonly string[];
  readonly maxWarnings?: number;
}

export interface CheckResult {
  readonly issues: readonly Issue[];
  readonly pairs: number;
  /** 0 clean, 1 errors found (or more warnings than allowed). */
  readonly exitCode: 0 | 1;
}

export function check(project: Project, options: CheckOptions = {}): CheckResult {
  const pairs = options.files?.length ? pairsFromXliff(project, options.files) : pairsFromStore(project, options.langs);
  const issues = runChecks(pairs);
  const { errors, warnings } = summarize(issues);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  return { issues, pairs: pairs.length, exitCode: errors > 0 || tooManyWarnings ? 1 : 0 };
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
    const targetLang = xliff.targetLang ?? project.config.targetLanguages[0]!;
    return xliff.files.flatMap((xf) =>
      xf.units
        .filter((u) => u.target !== undefined)
        .map((u) => ({ id: u.id, source: u.source, target: u.target!, sourceLang: xliff.sourceLang, targetLang, file: relativeToProjectPath(project.root, path), ...(u.line !== undefined ? { line: u.line } : {}) })),
    );
  });
}
