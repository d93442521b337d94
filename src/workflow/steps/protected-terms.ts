import { textOnly, type Document } from '../../model/index.js';
import type { ProtectedTerm } from '../../mt/protect.js';
import { renderingsFor, type Glossary } from '../../qa/glossary.js';
import { cldrRenderings } from '../../qa/names/cldr.js';
import { findNames } from '../../qa/names/detect.js';

/**
 * Names and terms to keep away from the engine: do-not-translate glossary
 * entries (written back as they are), multi-word glossary names (written back
 * in their approved form) and multi-word names found in the source (written
 * back verbatim). Engines split and reorder multi-word names ("Ain Al Asad air
 * base" → "Ain base de aire de Asad de Al"); single words they leave alone or
 * translate in ways the glossary approves.
 */
export function protectedTerms(doc: Document, glossary: Glossary, lang: string): ProtectedTerm[] {
  const terms = new Map<string, string>();
  for (const e of glossary.entries) {
    if (e.doNotTranslate) terms.set(e.source, e.source);
    else if (e.isName && /\s/u.test(e.source)) terms.set(e.source, renderingsFor(e, lang)[0] ?? e.source);
  }
  for (const u of doc.units) {
    for (const n of findNames(textOnly(u.source), doc.sourceLang)) {
      // Names of common words ("White House") are the engine's to translate; the others are kept.
      if (
        n.words.length > 1 &&
        n.kind !== 'common' &&
        !terms.has(n.text) &&
        ![...terms.keys()].some((t) => t.includes(n.text) || n.text.includes(t))
      ) {
        // A country keeps its CLDR name in the target ("United States" → "Estados Unidos"); other names stay verbatim.
        terms.set(n.text, (n.cldr ? cldrRenderings(n.cldr, lang)[0] : undefined) ?? n.text);
      }
    }
  }
  return [...terms].map(([source, replacement]) => ({ source, replacement }));
}
