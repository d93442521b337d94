import { normalizeText, toPlainText } from '../../model/content.js';
import type { CollectionCheck, Finding, QaPair } from '../types.js';

/** Across all pairs of a language: one source, several targets; or one target for different sources. */
export const consistency: CollectionCheck = {
  id: 'consistency',
  severity: 'warning',
  description: 'The same source translated differently, or the same translation given to different sources.',
  runAll(pairs) {
    const out: Array<{ pair: QaPair; finding: Finding }> = [];
    const bySource = new Map<string, QaPair[]>();
    const byTarget = new Map<string, QaPair[]>();
    for (const p of pairs) {
      const s = `${p.targetLang}\u0000${normalizeText(toPlainText(p.source))}`;
      const t = `${p.targetLang}\u0000${normalizeText(toPlainText(p.target))}`;
      bySource.set(s, [...(bySource.get(s) ?? []), p]);
      byTarget.set(t, [...(byTarget.get(t) ?? []), p]);
    }
    for (const group of bySource.values()) {
      const targets = new Set(group.map((p) => normalizeText(toPlainText(p.target))));
      if (targets.size > 1) for (const p of group) out.push({ pair: p, finding: { message: `the same source has ${targets.size} different translations (units ${group.map((g) => g.id).join(', ')})` } });
    }
    for (const group of byTarget.values()) {
      const sources = new Set(group.map((p) => normalizeText(toPlainText(p.source))));
      if (sources.size > 1) for (const p of group) out.push({ pair: p, finding: { message: `the same translation is used for ${sources.size} different sources (units ${group.map((g) => g.id).join(', ')})`, severity: 'info' } });
    }
    return out;
  },
};
