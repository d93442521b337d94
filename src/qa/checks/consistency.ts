import { normalizeText, toPlainText } from '../../model/content.js';
import type { CollectionCheck, Finding, QaPair, SliceFindings } from '../types.js';
import { translated } from '../preconditions.js';
import { wholeRun } from '../whole-run.js';
import { pushTo } from '../../lists-by-key.js';

/**
 * The groups of one side (sources, or targets) of one language: pairs sharing a text. A group is a number, its facts
 * columns of typed arrays — its first pair's place in the run, its size, the other side's group of its first pair —
 * and its first pair's id; the first 20 ids and the other side's distinct groups are kept only once a second pair
 * joins. A run of mostly distinct texts holds a map entry and 16 bytes per text, not an object and a list each.
 */
class Side {
  private readonly byText = new Map<string, number>();
  private first = new Int32Array(256);
  private count = new Int32Array(256);
  private firstOther = new Int32Array(256);
  private readonly firstId: string[] = [];
  /** Of each group of two or more: its first 20 ids and the other side's groups its pairs are in. */
  private readonly joined = new Map<number, { ids: string[]; others: Set<number> }>();

  /** The group of `text`, made (for the pair at `index`) when it has none. */
  groupOf(text: string, id: string, index: number): number {
    let g = this.byText.get(text);
    if (g !== undefined) return g;
    g = this.byText.size;
    this.byText.set(text, g);
    if (g === this.first.length) {
      this.first = grown(this.first);
      this.count = grown(this.count);
      this.firstOther = grown(this.firstOther);
    }
    this.first[g] = index;
    this.firstOther[g] = -1;
    this.firstId.push(id);
    return g;
  }

  /** A pair joins group `g`, its other side in the other side's group `other`. */
  join(g: number, other: number, id: string): void {
    const n = ++this.count[g]!;
    if (n === 1) {
      this.firstOther[g] = other;
      return;
    }
    let more = this.joined.get(g);
    if (!more) this.joined.set(g, (more = { ids: [this.firstId[g]!], others: new Set([this.firstOther[g]!]) }));
    if (more.ids.length < 20) more.ids.push(id);
    more.others.add(other);
  }

  /** Each group of pairs with two or more distinct other sides: its first pair's place, and its finding's words. */
  *split(): Generator<{ first: number; others: number; units: string }> {
    for (const [g, { ids, others }] of this.joined) {
      if (others.size < 2) continue;
      const n = this.count[g]!;
      // At most 20 units named: a file of untranslated or placeholder targets makes groups of hundreds.
      yield {
        first: this.first[g]!,
        others: others.size,
        units: `units ${ids.join(', ')}${n > 20 ? ` and ${n - 20} more` : ''}`,
      };
    }
  }
}

function grown(column: Int32Array): Int32Array<ArrayBuffer> {
  const more = new Int32Array(column.length * 2);
  more.set(column);
  return more;
}

/** One language's two sides. */
interface Language {
  readonly sources: Side;
  readonly targets: Side;
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
    // Each text is normalised once; a group keeps its first pair's place and id, not its pairs.
    const languages = new Map<string, Language>();
    let learnt = 0;
    let findings: Map<number, Array<{ finding: Finding; part: number }>> | undefined;
    let next = 0;
    // A group is one finding, on its first unit, naming the others: not the same line repeated on every unit.
    const found = (): Map<number, Array<{ finding: Finding; part: number }>> => {
      const out = new Map<number, Array<{ finding: Finding; part: number }>>();
      const add = (first: number, part: number, finding: Finding): void => pushTo(out, first, { finding, part });
      // (the sources' findings of every language, then the targets': the order of their first pairs is kept per part)
      for (const { sources } of languages.values())
        for (const g of sources.split())
          add(g.first, 0, { message: `the same source has ${g.others} different translations (${g.units})` });
      for (const { targets } of languages.values())
        for (const g of targets.split())
          add(g.first, 1, {
            message: `the same translation is used for ${g.others} different sources (${g.units})`,
            severity: 'info',
          });
      return out;
    };
    return {
      learn(pair: QaPair) {
        const source = normalizeText(toPlainText(pair.source));
        const target = normalizeText(toPlainText(pair.target));
        let lang = languages.get(pair.targetLang);
        if (!lang) languages.set(pair.targetLang, (lang = { sources: new Side(), targets: new Side() }));
        const s = lang.sources.groupOf(source, pair.id, learnt);
        const t = lang.targets.groupOf(target, pair.id, learnt);
        lang.sources.join(s, t, pair.id);
        lang.targets.join(t, s, pair.id);
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
