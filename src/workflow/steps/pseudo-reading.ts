import { toPlainText } from '../../model/index.js';
import { readPseudo } from '../../mt/pseudo-text.js';
import { runChecks, type RunOptions, type RunResult } from '../../qa/runner.js';
import type { Issue, QaPair } from '../../qa/types.js';

/**
 * Runs the checks on pairs, reading pseudo-translations for what they say: a target shaped as
 * pseudo-translation (accented letters in brackets, padded) is checked as source-language text with
 * the accents and padding undone. What pseudo-translation changes by design — every letter, the
 * length, a text that reads as the source — is then no finding, and what it must keep is still
 * checked: numbers, names, inline codes, placeholders. Findings are reported on the pair as it is
 * (its language, its target), and a notice says per language how many units were read so.
 */
export async function checkPairs(pairs: readonly QaPair[], options: RunOptions): Promise<RunResult> {
  const real: QaPair[] = [];
  // Per target language, so that two pseudo-locales read back into one language are not compared with each other.
  const pseudo = new Map<string, Array<{ pair: QaPair; read: QaPair }>>();
  for (const pair of pairs) {
    const text = readPseudo(pair.target);
    if (!text) {
      real.push(pair);
      continue;
    }
    const group = pseudo.get(pair.targetLang) ?? [];
    group.push({ pair, read: { ...pair, target: text, targetLang: pair.sourceLang } });
    pseudo.set(pair.targetLang, group);
  }
  if (!pseudo.size) return runChecks(pairs, options);
  const results = [await runChecks(real, options)];
  const notices: string[] = [];
  for (const [lang, group] of pseudo) {
    // A pseudo-translation reads as its source by design: "untranslated" says nothing here.
    const result = await runChecks(
      group.map((g) => g.read),
      { ...options, severities: { ...options.severities, untranslated: 'off' } },
    );
    const byUnit = new Map(group.map((g) => [`${g.pair.file}\u0000${g.pair.id}`, g.pair]));
    const issues = result.issues.map((issue): Issue => {
      const pair = byUnit.get(`${issue.file}\u0000${issue.unit}`)!;
      const { targetSpan: _span, ...rest } = issue; // a place in the text read back is not one in the target
      return { ...rest, lang: pair.targetLang, target: toPlainText(pair.target) };
    });
    results.push({ issues, notices: result.notices });
    notices.push(
      `${lang}: ${group.length} pseudo-translated unit(s) checked as ${group[0]!.pair.sourceLang} text with the accents and padding undone (what pseudo-translation changes by design is not reported)`,
    );
  }
  // In the order of the pairs given, as runChecks reports.
  const order = new Map(pairs.map((p, i) => [`${p.file}\u0000${p.id}\u0000${p.targetLang}`, i]));
  const at = (i: Issue): number => order.get(`${i.file}\u0000${i.unit}\u0000${i.lang}`) ?? 0;
  return {
    issues: results.flatMap((r) => r.issues).sort((a, b) => at(a) - at(b)),
    notices: [...new Set([...results.flatMap((r) => r.notices), ...notices])],
  };
}
