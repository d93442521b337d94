import { renderingsFor } from '../glossary.js';
import { TargetText } from '../names/target.js';
import { textWithoutCodes } from '../text.js';
import type { PairCheck } from '../types.js';
import { translated } from '../preconditions.js';

export const terminology: PairCheck = {
  id: 'terminology',
  severity: 'warning',
  preconditions: [translated],
  description: 'A glossary term in the source requires one of its approved target terms.',
  run(pair, context) {
    const terms = context.glossary.entries.filter((e) => !e.isName);
    if (terms.length === 0) return [];
    // Each side read once for all the glossary's terms.
    const source = new TargetText(textWithoutCodes(pair.source), pair.sourceLang);
    const target = new TargetText(textWithoutCodes(pair.target), pair.targetLang);
    const findings = [];
    for (const entry of terms) {
      if (!source.hasPhrase(entry.source)) continue;
      const approved = renderingsFor(entry, pair.targetLang);
      if (approved.length === 0 || approved.some((r) => target.hasPhrase(r))) continue;
      findings.push({
        message: `glossary term "${entry.source}" should be translated as ${approved.map((r) => `"${r}"`).join(' or ')}`,
      });
    }
    return findings;
  },
};
