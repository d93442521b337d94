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

/** The units of a group, at most 20 named (a file of untranslated or placeholder targets makes groups of hundreds). */
function unitList(g: readonly Keyed[]): string {
  const ids = g.slice(0, 20).map((k) => k.pair.id);
  return `units ${ids.join(', ')}${g.length > 20 ? ` and ${g.length - 20} more` : ''}`;
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
    // A group is one finding, on its first unit, naming the others: not the same line repeated on every unit.
    for (const g of group(keyed, (k) => k.source)) {
      const targets = new Set(g.map((k) => k.target));
      if (targets.size > 1)
        out.push({
          pair: g[0]!.pair,
          finding: { message: `the same source has ${targets.size} different translations (${unitList(g)})` },
        });
    }
    for (const g of group(keyed, (k) => k.target)) {
      const sources = new Set(g.map((k) => k.source));
      if (sources.size > 1)
        out.push({
          pair: g[0]!.pair,
          finding: {
            message: `the same translation is used for ${sources.size} different sources (${unitList(g)})`,
            severity: 'info',
          },
        });
    }
    return out;
  },
};
