import { writeFileAtomic } from '../io/files.js';
import { writeXliff } from '../xliff/write.js';
import { unitName } from '../project/translations.js';
import { pseudoContent, type PseudoOptions } from '../mt/pseudo-text.js';
import { protectedTerms } from './steps/protected-terms.js';
import type { Project } from '../project/project.js';
import { chooseLanguages } from '../project/languages.js';
import { loadDocuments } from '../project/documents.js';
import { xliffPath } from '../project/paths.js';
import { qaOptions } from '../project/qa.js';

export type { PseudoOptions };

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
  const glossary = qaOptions(project).glossary ?? { entries: [] };
  return loadDocuments(project).map((doc) => {
    // Pseudo text stands for the source: the names machine translation protects are kept as the source has them.
    const keep = protectedTerms(doc, glossary, doc.sourceLang);
    const units = doc.units.map((u) => ({
      id: u.id,
      name: unitName(u),
      source: u.source,
      target: pseudoContent(u.source, { ...options, keep }),
      state: 'translated' as const,
      origin: 'pseudo',
      notes: u.notes,
    }));
    const file = xliffPath(project, target!, doc);
    writeFileAtomic(
      file,
      writeXliff(
        { version, sourceLang: doc.sourceLang, targetLang: target!, files: [{ original: doc.path, units }] },
        version,
      ),
    );
    return { lang: target!, doc: doc.id, file, units: units.length };
  });
}
