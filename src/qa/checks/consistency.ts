import { normalizeText, toPlainText } from '../../model/content.js';
import type { CollectionCheck, Finding, QaPair, SliceFindings } from '../types.js';
import { translated } from '../preconditions.js';
import { wholeRun } from '../whole-run.js';
import { pushTo } from '../../lists-by-key.js';

/** Pairs of one language sharing a text: the first's place in the run, the first 20 ids, and the other side's texts. */
interface Group {
  readonly first: number;
  readonly ids: string[];
  count: number;
  /** The other side's text of the first pair; then every distinct one, once a second pair joins. */
  readonly firstOther: string;
  others?: Set<string>;
}

/** Groups per language, then text (no concatenated keys: each text is hashed as it is). */
type Groups = Map<string, Map<string, Group>>;

function join(groups: Groups, lang: string, text: string, other: string, id: string, index: number): void {
  let byText = groups.get(lang);
  if (!byText) groups.set(lang, (byText = new Map()));
  const g = byText.get(text);
  if (!g) {
    byText.set(text, { first: index, ids: [id], count: 1, firstOther: other });
    return;
  }
  g.count++;
  if (g.ids.length < 20) g.ids.push(id);
  (g.others ??= new Set([g.firstOther])).add(other);
}

/** The units of a group, at most 20 named (a file of untranslated or placeholder targets makes groups of hundreds). */
function unitList(g: Group): string {
  return `units ${g.ids.join(', ')}${g.count > 20 ? ` and ${g.count - 20} more` : ''}`;
}

/** Across all pairs of a language: one source, several targets; or one target for different sources. */
export const consistency: CollectionCheck = {
  id: 'consistency',
  severity: 'warning',
  preconditions: [translated],
  description: 'The same source translated differently, or the same translation given to different sources.',
  runAll(pairs, context) {
    return wholeRun(consistency.start!(context), pairs);
  },
  start() {
    // Each text is normalised once; a group keeps its first pair's place, not its pairs.
    const bySource: Groups = new Map();
    const byTarget: Groups = new Map();
    let learnt = 0;
    let findings: Map<number, Array<{ finding: Finding; part: number }>> | undefined;
    let next = 0;
    // A group is one finding, on its first unit, naming the others: not the same line repeated on every unit.
    const found = (): Map<number, Array<{ finding: Finding; part: number }>> => {
      const out = new Map<number, Array<{ finding: Finding; part: number }>>();
      const add = (g: Group, part: number, finding: Finding): void => pushTo(out, g.first, { finding, part });
      for (const groups of bySource.values())
        for (const g of groups.values())
          if (g.count > 1 && g.others!.size > 1)
            add(g, 0, { message: `the same source has ${g.others!.size} different translations (${unitList(g)})` });
      for (const groups of byTarget.values())
        for (const g of groups.values())
          if (g.count > 1 && g.others!.size > 1)
            add(g, 1, {
              message: `the same translation is used for ${g.others!.size} different sources (${unitList(g)})`,
              severity: 'info',
            });
      return out;
    };
    return {
      learn(pair: QaPair) {
        const source = normalizeText(toPlainText(pair.source));
        const target = normalizeText(toPlainText(pair.target));
        join(bySource, pair.targetLang, source, target, pair.id, learnt);
        join(byTarget, pair.targetLang, target, source, pair.id, learnt);
        learnt++;
      },
      check(slice) {
        findings ??= found();
        const out: SliceFindings = [];
        for (const pair of slice) for (const f of findings.get(next++) ?? []) out.push({ pair, ...f });
        return out;
      },
    };
  },
};
