import { normalizeText, toPlainText } from '../../model/content.js';
import type { CollectionCheck, Finding, QaPair } from '../types.js';
import { translated } from '../preconditions.js';

interface Keyed {
  readonly pair: QaPair;
  readonly source: string;
  readonly target: string;
}

/** Groups of two or more pairs of one language sharing a text (no concatenated keys: each text is hashed as it is). */
function group(items: readonly Keyed[], text: (k: Keyed) => string): Keyed[][] {
  const byLang = new Map<string, Map<string, Keyed[]>>();
  for (const k of items) {
    let groups = byLang.get(k.pair.targetLang);
    if (!groups) byLang.set(k.pair.targetLang, (groups = new Map()));
    const key = text(k);
    const g = groups.get(key);
    if (g) g.push(k);
    else groups.set(key, [k]);
  }
  return [...byLang.values()].flatMap((groups) => [...groups.values()].filter((g) => g.length > 1));
}

/** Across all pairs of a language: one source, several targets; or one target for different sources. */
export const consistency: CollectionCheck = {
  id: 'consistency',
  severity: 'warning',
  preconditions: [translated],
  description: 'The same source translated differently, or the same translation given to different sources.',
  runAll(pairs) {
    const out: Array<{ pair: QaPair; finding: Finding }> = [];
    // Each text is normalised once; only groups of two or more are looked at again.
    const keyed = pairs.map((p) => ({
      pair: p,
      source: normalizeText(toPlainText(p.source)),
      target: normalizeText(toPlainText(p.target)),
    }));
    for (const g of group(keyed, (k) => k.source)) {
      const targets = new Set(g.map((k) => k.target));
      if (targets.size > 1)
        for (const k of g)
          out.push({
            pair: k.pair,
            finding: {
              message: `the same source has ${targets.size} different translations (units ${g.map((x) => x.pair.id).join(', ')})`,
            },
          });
    }
    for (const g of group(keyed, (k) => k.target)) {
      const sources = new Set(g.map((k) => k.source));
      if (sources.size > 1)
        for (const k of g)
          out.push({
            pair: k.pair,
            finding: {
              message: `the same translation is used for ${sources.size} different sources (units ${g.map((x) => x.pair.id).join(', ')})`,
              severity: 'info',
            },
          });
    }
    return out;
  },
};
