import { findNames, regionNameIn } from '../names.js';
import { primary, renderingsFor, type GlossaryEntry } from '../glossary.js';
import { fold, textWithoutCodes } from '../text.js';
import type { Finding, PairCheck } from '../types.js';

// Arabic attaches conjunctions, prepositions and the article to the word: "وكركوك", "بالعراق".
const PROCLITICS: Readonly<Record<string, RegExp>> = { ar: /^(?:و|ف|ب|ل|ك|ال|وال|بال|لل|فال|كال|وب|ول)?$/u };

/** Whether a name occurs in the target as whole words (case and accents aside; Arabic proclitics allowed). */
export function hasName(target: string, name: string, targetLang: string): boolean {
  const h = fold(target);
  const n = fold(name).trim();
  if (!n) return false;
  const proclitic = PROCLITICS[primary(targetLang)];
  for (let at = h.indexOf(n); at >= 0; at = h.indexOf(n, at + 1)) {
    const after = h.charAt(at + n.length);
    if (/[\p{L}\p{N}]/u.test(after) && !(primary(targetLang) === 'de' && /^s(?![\p{L}])/u.test(h.slice(at + n.length)))) continue;
    let start = at;
    while (start > 0 && /[\p{L}]/u.test(h.charAt(start - 1))) start--;
    const prefix = h.slice(start, at);
    if (prefix === '' || (proclitic && proclitic.test(prefix))) return true;
  }
  return false;
}

export const names: PairCheck = {
  id: 'names',
  severity: 'error',
  description: 'Proper names of the source (capitalised runs, acronyms, glossary names) must be in the target verbatim or as an approved rendering; split or reordered names are reported.',
  run(pair, context) {
    const src = textWithoutCodes(pair.source);
    const trg = textWithoutCodes(pair.target);
    const findings: Finding[] = [];
    const glossaryHits: Array<{ entry: GlossaryEntry; start: number; end: number }> = [];
    for (const entry of context.glossary.entries) {
      if (!entry.isName) continue;
      const at = fold(src).indexOf(fold(entry.source));
      if (at >= 0 && hasName(src, entry.source, pair.sourceLang)) glossaryHits.push({ entry, start: at, end: at + entry.source.length });
    }
    const wanted: Array<{ name: string; renderings: string[]; words: readonly string[] }> = glossaryHits.map((h) => ({
      name: h.entry.source,
      renderings: renderingsFor(h.entry, pair.targetLang),
      words: h.entry.source.split(/\s+/u),
    }));
    for (const n of findNames(src, pair.sourceLang)) {
      const end = n.start + n.text.length;
      if (glossaryHits.some((h) => n.start < h.end && end > h.start)) continue; // the glossary governs this span
      const region = regionNameIn(n.text, pair.sourceLang, pair.targetLang);
      wanted.push({ name: n.text, renderings: region ? [n.text, region] : [n.text], words: n.words });
    }
    const seen = new Set<string>();
    for (const w of wanted) {
      // A name that occurs twice in the source is looked for once.
      if (seen.has(w.name)) continue;
      seen.add(w.name);
      if (w.renderings.some((r) => hasName(trg, r, pair.targetLang))) continue;
      if (hasName(trg, w.name, pair.targetLang)) {
        // The name is intact, only not in its approved form: a terminology matter, not a lost name.
        findings.push({ message: `name "${w.name}" is kept as in the source; the approved rendering is ${w.renderings.map((r) => `"${r}"`).join(' or ')}`, severity: 'warning' });
        continue;
      }
      const words = w.words.filter((x) => x.length > 1);
      const scattered = words.length > 1 && words.every((x) => hasName(trg, x, pair.targetLang));
      const approved = w.renderings.filter((r) => r !== w.name);
      findings.push({
        message: scattered
          ? `name "${w.name}" is split or reordered in the target (its words are there, not together)`
          : `name "${w.name}" is missing from the target${approved.length ? ` (approved: ${approved.map((r) => `"${r}"`).join(', ')})` : ''}`,
      });
    }
    return findings;
  },
};
