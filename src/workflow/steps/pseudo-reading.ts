import { toPlainText } from '../../model/index.js';
import { readPseudo } from '../../mt/pseudo-text.js';
import {
  changedBetweenPasses,
  CheckRun,
  slicesOf,
  type PairSlices,
  type RunOptions,
  type RunResult,
} from '../../qa/runner.js';
import type { Issue, QaPair } from '../../qa/types.js';
import { LastIndex } from '../../qa/last-index.js';

/**
 * Runs the checks on pairs, reading pseudo-translations for what they say: a target shaped as
 * pseudo-translation (accented letters in brackets, padded) is checked as source-language text with
 * the accents and padding undone. What pseudo-translation changes by design — every letter, the
 * length, a text that reads as the source — is then no finding, and what it must keep is still
 * checked: numbers, names, inline codes, placeholders. Findings are reported on the pair as it is
 * (its language, its target), and a notice says per language how many units were read so.
 */
export async function checkPairs(pairs: readonly QaPair[], options: RunOptions): Promise<RunResult> {
  return checkPairSlices(() => slicesOf(pairs), options);
}

/** A target language's pseudo-translated pairs, checked as one run of their own. */
interface PseudoGroup {
  readonly run: CheckRun;
  readonly sourceLang: string;
  count: number;
  /** Per file and unit, the last pair with them: the one whose target an issue shows. */
  readonly last: LastIndex;
  /** The targets of pairs whose file and unit another pair may have too, the last one's kept; the issues on them. */
  readonly shared: Map<string, string>;
  readonly waiting: Array<{ key: string; issue: { target: string } }>;
  /** The group's pairs checked so far, and those of the slice being checked (by their index in the group). */
  checked: number;
  current: Map<number, QaPair>;
}

/** checkPairs of pairs given in slices, read twice (see CheckRun): the pairs are never held together. */
export async function checkPairSlices(slices: PairSlices, options: RunOptions): Promise<RunResult> {
  return checkPairGroups([slices], options);
}

/**
 * checkPairSlices of each group of a run in turn, each group its own run of the checks (what they learn of the other
 * units is learnt of the group's), the reports joined: the issues group after group, the notices each said once, the
 * units read as pseudo-translations counted over the groups. One group is checkPairSlices itself.
 */
export async function checkPairGroups(groups: Iterable<PairSlices>, options: RunOptions): Promise<RunResult> {
  const issues: Issue[] = [];
  const notices = new Set<string>();
  const pseudo = new Map<string, { sourceLang: string; count: number }>();
  for (const slices of groups) {
    const group = await checkGroup(slices, options);
    for (const issue of group.issues) issues.push(issue);
    for (const notice of group.notices) notices.add(notice);
    for (const [lang, { sourceLang, count }] of group.pseudo) {
      const known = pseudo.get(lang);
      if (known) known.count += count;
      else pseudo.set(lang, { sourceLang, count });
    }
  }
  for (const [lang, { sourceLang, count }] of pseudo)
    notices.add(
      `${lang}: ${count} pseudo-translated unit(s) checked as ${sourceLang} text with the accents and padding undone (what pseudo-translation changes by design is not reported)`,
    );
  return { issues, notices: [...notices] };
}

/** One group's report, and per target language the pairs read as pseudo-translations (told once for the run). */
async function checkGroup(
  slices: PairSlices,
  options: RunOptions,
): Promise<RunResult & { pseudo: ReadonlyMap<string, { sourceLang: string; count: number }> }> {
  const real = await CheckRun.start(options);
  // Per target language, so that two pseudo-locales read back into one language are not compared with each other.
  const pseudo = new Map<string, PseudoGroup>();
  // A pseudo-translation reads as its source by design: "untranslated" says nothing here.
  const pseudoOptions = { ...options, severities: { ...options.severities, untranslated: 'off' as const } };
  // Where each pair's issues go in the report: the last pair with its file, unit and language.
  const order = new LastIndex();
  const unitKey = (p: { file: string; id: string }): string => `${p.file}\u0000${p.id}`;
  let index = 0;
  // An issue on a pair read back is shown on the pair as it is: its language, its target.
  const shownIn =
    (group: () => PseudoGroup) =>
    (issue: Issue, _read: QaPair, at: number): Issue => {
      const g = group();
      const pair = g.current.get(at)!;
      const { targetSpan: _span, ...rest } = issue; // a place in the text read back is not one in the target
      const key = unitKey({ file: issue.file, id: issue.unit });
      // With the target of the last pair with its file and unit, as the pairs of a language are keyed by those.
      const shown: Issue & { target: string } = { ...rest, lang: pair.targetLang, target: toPlainText(pair.target) };
      if (g.last.shared(key)) g.waiting.push({ key, issue: shown });
      return shown;
    };

  try {
    // Which pairs are read as pseudo-translations (a byte each): their readings are made again in the second pass
    // rather than held between the passes.
    const readAsPseudo = new Flags();
    for await (const slice of slices()) {
      for (const pair of slice) {
        order.learn(`${unitKey(pair)}\u0000${pair.targetLang}`, index);
        const text = readPseudo(pair.target);
        readAsPseudo.set(index, text !== undefined);
        if (!text) real.learn(pair);
        else {
          let group = pseudo.get(pair.targetLang);
          if (!group) {
            let made: PseudoGroup | undefined;
            const run = await CheckRun.start(
              pseudoOptions,
              shownIn(() => made!),
            );
            group = made = {
              run,
              sourceLang: pair.sourceLang,
              count: 0,
              last: new LastIndex(),
              shared: new Map(),
              waiting: [],
              checked: 0,
              current: new Map(),
            };
            pseudo.set(pair.targetLang, group);
          }
          group.last.learn(unitKey(pair), group.count++);
          group.run.learn({ ...pair, target: text, targetLang: pair.sourceLang });
        }
        index++;
      }
    }
    const learnt = index;
    index = 0;
    for await (const slice of slices()) {
      const mine: QaPair[] = [];
      const theirs = new Map<PseudoGroup, QaPair[]>();
      for (const pair of slice) {
        const asPseudo = index < learnt && readAsPseudo.get(index);
        const text = asPseudo ? readPseudo(pair.target) : undefined;
        // (a pair not read as the first time: the file changed, which the run refuses)
        if (index >= learnt || (asPseudo && (!text || !pseudo.has(pair.targetLang)))) throw changedBetweenPasses();
        order.check(`${unitKey(pair)}\u0000${pair.targetLang}`, index++);
        if (!text) {
          mine.push(pair);
          continue;
        }
        const group = pseudo.get(pair.targetLang)!;
        const list = theirs.get(group);
        const asRead = { ...pair, target: text, targetLang: pair.sourceLang };
        if (list) list.push(asRead);
        else theirs.set(group, [asRead]);
        const key = unitKey(pair);
        if (group.last.check(key, group.checked)) group.shared.set(key, toPlainText(pair.target));
        group.current.set(group.checked++, pair);
      }
      if (mine.length) await real.check(mine);
      for (const [group, reads] of theirs) {
        await group.run.check(reads);
        group.current.clear();
      }
    }
    const results = [await real.finish()];
    const counts = new Map<string, { sourceLang: string; count: number }>();
    if (!pseudo.size) return { ...results[0]!, pseudo: counts };
    for (const [lang, group] of pseudo) {
      // Issues on a pair whose file and unit a later pair has show that pair's target.
      for (const { key, issue } of group.waiting) issue.target = group.shared.get(key)!;
      results.push(await group.run.finish());
      counts.set(lang, { sourceLang: group.sourceLang, count: group.count });
    }
    // In the order of the pairs given, as runChecks reports.
    const at = (i: Issue): number => order.last(`${i.file}\u0000${i.unit}\u0000${i.lang}`) ?? 0;
    return {
      issues: results.flatMap((r) => r.issues).sort((a, b) => at(a) - at(b)),
      notices: results.flatMap((r) => r.notices),
      pseudo: counts,
    };
  } finally {
    real.stop();
    for (const group of pseudo.values()) group.run.stop();
  }
}

/** One flag per pair of a run, a byte each. */
class Flags {
  private bytes = new Uint8Array(1024);

  set(index: number, value: boolean): void {
    if (index >= this.bytes.length) {
      const more = new Uint8Array(Math.max(index + 1, this.bytes.length * 2));
      more.set(this.bytes);
      this.bytes = more;
    }
    this.bytes[index] = value ? 1 : 0;
  }

  get(index: number): boolean {
    return this.bytes[index] === 1;
  }
}
