import type { Project } from '../config/config.js';
import { writeFileAtomic } from '../io/files.js';
import type { Content, Run } from '../model/index.js';
import { textOnly } from '../model/index.js';
import { writeXliff } from '../xliff/write.js';
import { chooseLanguages, loadDocuments, xliffPath } from './documents.js';
import { unitName } from './translations.js';

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀçđéƒĝĥîĵķľɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĽṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);

export interface PseudoOptions {
  /** Share of extra length, 0.3 = 30 %, as translations into German or French often need. */
  readonly expansion?: number;
  /** Wrap each unit in right-to-left override marks to test mirrored layouts. */
  readonly rtl?: boolean;
}

/**
 * Pseudo-translation: accented letters, padding for expansion, brackets that
 * show truncation. Digits and inline codes are left alone, so numbers, dates,
 * links and placeholders survive exactly as a real translation must keep them.
 */
export function pseudoContent(source: Content, options: PseudoOptions = {}): Run[] {
  const expansion = options.expansion ?? 0.3;
  const letters = textOnly(source).replace(/\s+/gu, '').length;
  const pad = Math.max(1, Math.round(letters * expansion));
  const runs: Run[] = [options.rtl ? '\u202E[' : '['];
  for (const run of source) runs.push(typeof run === 'string' ? run.replace(/[A-Za-z]/gu, (c) => ACCENTED[c] ?? c) : run);
  runs.push(` ${'·'.repeat(pad)}]${options.rtl ? '\u202C' : ''}`);
  return runs;
}

export interface PseudoResult {
  readonly lang: string;
  readonly doc: string;
  readonly file: string;
  readonly units: number;
}

/** Writes a translated XLIFF per document for `lang`, ready for "locflow import". */
export function pseudo(project: Project, lang: string, options: PseudoOptions = {}): PseudoResult[] {
  const [target] = chooseLanguages(project, [lang]);
  const version = project.config.xliff.version;
  return loadDocuments(project).map((doc) => {
    const units = doc.units.map((u) => ({ id: u.id, name: unitName(u), source: u.source, target: pseudoContent(u.source, options), state: 'translated' as const, origin: 'pseudo', notes: u.notes }));
    const file = xliffPath(project, target!, doc);
    writeFileAtomic(file, writeXliff({ version, sourceLang: doc.sourceLang, targetLang: target!, files: [{ original: doc.path, units }] }, version));
    return { lang: target!, doc: doc.id, file, units: units.length };
  });
}
