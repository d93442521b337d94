import { renderingsFor } from '../glossary.js';
import { hasName } from './names.js';
import { textWithoutCodes } from '../text.js';
import type { PairCheck } from '../types.js';

export const terminology: PairCheck = {
  id: 'terminology',
  severity: 'warning',
  description: 'A glossary term in the source requires one of its approved target terms.',
  run(pair, context) {
    const src = textWithoutCodes(pair.source);
    const trg = textWithoutCodes(pair.target);
    const findings = [];
    for (const entry of context.glossary.entries) {
      if (entry.isName || !hasName(src, entry.source, pair.sourceLang)) continue;
      const approved = renderingsFor(entry, pair.targetLang);
      if (approved.length === 0 || approved.some((r) => hasName(trg, r, pair.targetLang))) continue;
      findings.push({ message: `glossary term "${entry.source}" should be translated as ${approved.map((r) => `"${r}"`).join(' or ')}` });
    }
    return findings;
  },
};
