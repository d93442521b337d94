import { readSourcesAhead, type RunOptions } from '../../qa/runner.js';
import type { QaPair } from '../../qa/types.js';
import type { Content } from '../../model/content.js';
import { checkPairs } from './pseudo-reading.js';

/**
 * The QA gate new translations pass before they are stored: the error-level checks. A pair that fails is
 * stored all the same, but as needs-review; the gate gives the failing pairs with their reasons
 * ("check: message"), in the order the checks found them.
 */
export async function gate<P extends QaPair>(pairs: readonly P[], qa: RunOptions): Promise<Map<P, string[]>> {
  const { issues } = await checkPairs(pairs, { ...qa, only: ['error'] });
  // Unit ids are unique within a file only: findings are matched to pairs by file and unit.
  const key = (file: string, unit: string): string => `${file}\u0000${unit}`;
  // (the last pair with a key, as a map of every pair would give: only the keys with issues are kept)
  const wanted = new Set(issues.map((i) => key(i.file, i.unit)));
  const byKey = new Map<string, P>();
  for (const p of pairs) {
    const k = key(p.file, p.id);
    if (wanted.has(k)) byKey.set(k, p);
  }
  const failing = new Map<P, string[]>();
  for (const issue of issues) {
    const pair = byKey.get(key(issue.file, issue.unit));
    if (!pair) continue;
    const problems = failing.get(pair);
    if (problems) problems.push(`${issue.check}: ${issue.message}`);
    else failing.set(pair, [`${issue.check}: ${issue.message}`]);
  }
  return failing;
}

/**
 * The gate made ready for a language pair while the engine translates: a process's first gate run loads the check
 * modules and the languages' data (word lists, CLDR names, number formats) and compiles the checks' code, which
 * would otherwise all come after the engine's answer. Done on one pair, its source standing as its target: what it
 * finds is dropped, and the caches it fills hold data and answers of pure functions, so the real run finds the same.
 */
export async function readyGate(pair: QaPair, qa: RunOptions): Promise<void> {
  // (without the project's approved translations: each run indexes those for itself, the real one included)
  const { approved: _approved, ...options } = qa;
  try {
    await gate([pair], options);
  } catch {
    // The real run meets and reports whatever failed here.
  }
}

/**
 * What the gate reads of the sources alone (numbers: their quantities, months and weekdays), read while the engine
 * translates them: the gate run on its answer finds it read. The gate finds the same either way.
 */
export async function readAhead(
  sources: ReadonlyArray<{ source: Content; sourceLang: string }>,
  qa: RunOptions,
): Promise<void> {
  try {
    await readSourcesAhead(sources, { ...qa, only: ['error'] });
  } catch {
    // The real run meets and reports whatever failed here.
  }
}

/**
 * The gate's check modules loaded now, without running them: a run that changes V8's flags (compileWithoutInlining)
 * loads them first, since V8 takes a module's code cache only under the flags it was made with.
 */
export async function loadGate(qa: RunOptions): Promise<void> {
  await readAhead([], qa);
}
