import { toPlainText, type Content } from '../model/content.js';
import { loadChecks } from './checks/index.js';
import { EMPTY_GLOSSARY, type Glossary } from './glossary.js';
import { learnRenderings, type ApprovedPair } from './names/learnt.js';
import { codesKeptInRun } from './codes-kept.js';
import { runInWorker, workerCount, type PairJobResult } from './parallel.js';
import type { SettingValues } from '../settings.js';
import type { Check, CheckContext, Finding, Issue, PairCheck, QaPair, Severity } from './types.js';

/** A known false alarm: this check on this unit (optionally only in one language) is not reported. */
export interface Suppression {
  readonly unit: string;
  readonly check: string;
  readonly lang?: string;
}

export interface RunOptions {
  /** Severity per check id; "off" disables a check. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  readonly suppress?: readonly Suppression[];
  readonly glossary?: Glossary;
  /** The "qa" section's check options (qa.lengthRatio…); each check keeps its own keys, defaults for the rest. */
  readonly settings?: SettingValues;
  readonly checks?: readonly Check[];
  /** The project's approved translations, from which the names check learns how names are rendered. */
  readonly approved?: readonly ApprovedPair[];
  /** Only checks at these severities run (import runs the error-level ones). */
  readonly only?: readonly Severity[];
}

export interface RunResult {
  readonly issues: Issue[];
  readonly notices: string[];
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/** Findings of one check listed per unit; the others are summed up in one more. */
const MAX_FINDINGS_PER_UNIT = 20;

export async function runChecks(pairs: readonly QaPair[], options: RunOptions = {}): Promise<RunResult> {
  const issues: Issue[] = [];
  const notices = new Set<string>();
  const context: CheckContext = {
    glossary: options.glossary ?? EMPTY_GLOSSARY,
    settings: options.settings ?? {},
    notice: (m) => notices.add(m),
    ...(options.approved?.length ? { learnt: learnRenderings(options.approved) } : {}),
    codesKept: codesKeptInRun(pairs),
  };
  const suppressed = (pair: QaPair, check: string): boolean =>
    (options.suppress ?? []).some(
      (s) => s.check === check && s.unit === pair.id && (s.lang === undefined || s.lang === pair.targetLang),
    );

  // The texts an issue quotes, made once per pair: a unit with many findings must not copy itself per finding.
  const plain = new WeakMap<QaPair, { source: string; target: string }>();
  const textsOf = (pair: QaPair): { source: string; target: string } => {
    let t = plain.get(pair);
    if (!t) plain.set(pair, (t = { source: toPlainText(pair.source), target: toPlainText(pair.target) }));
    return t;
  };
  // Past a few findings of one check in one unit, the rest are counted, not listed.
  const counts = new Map<QaPair, Map<string, number>>();
  const overflow: Array<{ first: Issue; pair: QaPair }> = [];

  const report = (check: Check, configured: Severity, pair: QaPair, f: Finding): void => {
    if (suppressed(pair, check.id)) return;
    if (!applies(check, pair)) return;
    const { source, target } = textsOf(pair);
    const issue = issueOf(check, configured, f, {
      unit: pair.id,
      ...(pair.label !== undefined ? { label: pair.label } : {}),
      file: pair.file,
      ...(pair.line !== undefined ? { line: pair.line } : {}),
      lang: pair.targetLang,
      source,
      target,
      ...(f.targetSpan ? { targetSpan: spanInPlainText(pair.target, f.targetSpan) } : {}),
    });
    if (options.only && !options.only.includes(issue.severity)) return;
    let perCheck = counts.get(pair);
    if (!perCheck) counts.set(pair, (perCheck = new Map()));
    const n = (perCheck.get(check.id) ?? 0) + 1;
    perCheck.set(check.id, n);
    if (n <= MAX_FINDINGS_PER_UNIT) issues.push(issue);
    else if (n === MAX_FINDINGS_PER_UNIT + 1) overflow.push({ first: issue, pair });
  };

  const active = (options.checks ?? (await loadChecks()))
    .map((check) => ({ check, configured: options.severities?.[check.id] ?? check.severity }))
    .filter(
      (a): a is { check: Check; configured: Severity } =>
        a.configured !== 'off' && (!options.only || options.only.includes(a.configured)),
    );
  // Collection checks start first: one that waits on another program overlaps with the pair checks.
  const pending = active.flatMap(({ check, configured }) =>
    'runAll' in check ? [{ check, configured, result: check.runAll(pairs, context) }] : [],
  );
  // Document checks (alignment) compare two documents as wholes: the workflow runs them before pairing units.
  const pairChecks = active.filter((a): a is { check: PairCheck; configured: Severity } => 'run' in a.check);
  // Large runs share the pairs with worker threads (only the built-in checks can travel to one).
  const workers = options.checks ? 0 : workerCount(pairs.length);
  const share = Math.ceil(pairs.length / (workers + 1));
  const jobs: Array<Promise<PairJobResult>> = [];
  for (let w = 1; w <= workers; w++) {
    jobs.push(
      runInWorker({
        pairs: pairs.slice(w * share, (w + 1) * share),
        run: pairs,
        checks: pairChecks.map((a) => a.check.id),
        glossary: context.glossary,
        settings: context.settings,
        ...(options.approved?.length ? { approved: options.approved } : {}),
      }),
    );
  }
  const mine = workers ? pairs.slice(0, share) : pairs;
  for (const { check, configured } of pairChecks) {
    for (const pair of mine) {
      if (applies(check, pair)) for (const f of check.run(pair, context)) report(check, configured, pair, f);
    }
  }
  const byId = new Map(pairChecks.map((a) => [a.check.id, a]));
  for (const [w, job] of (await Promise.all(jobs)).entries()) {
    for (const n of job.notices) notices.add(n);
    for (const { pair, check, finding } of job.findings) {
      const a = byId.get(check)!;
      report(a.check, a.configured, pairs[(w + 1) * share + pair]!, finding);
    }
  }
  for (const { check, configured, result } of pending)
    for (const { pair, finding } of await result) report(check, configured, pair, finding);
  // One more finding for the rest of a check's findings in a unit, counted.
  for (const { first, pair } of overflow) {
    const more = counts.get(pair)!.get(first.check)! - MAX_FINDINGS_PER_UNIT;
    issues.push({ ...first, message: `…and ${more} more ${first.check} finding(s) in this unit` });
  }
  // Report order: by file, then unit order of appearance, then check order (a stable sort on one key per issue).
  const order = new Map(pairs.map((p, i) => [`${p.file}\u0000${p.id}\u0000${p.targetLang}`, i]));
  const keyed = issues.map((issue, i) => ({
    issue,
    i,
    at: order.get(`${issue.file}\u0000${issue.unit}\u0000${issue.lang}`) ?? 0,
  }));
  keyed.sort((a, b) => a.at - b.at || a.i - b.i);
  return { issues: keyed.map((k) => k.issue), notices: [...notices] };
}

/** Whether a check makes sense on a pair: every one of its preconditions holds. */
export function applies(check: Check, pair: QaPair): boolean {
  return check.preconditions.every((p) => p.holds(pair));
}

/** Where an issue is: the unit and the texts a report shows. */
export type IssuePlace = Omit<Issue, 'id' | 'rule' | 'check' | 'severity' | 'message'>;

/**
 * A check's finding as reported; a finding may be weaker than its check (a warning inside an error check),
 * never stronger than configured.
 */
export function issueOf(check: Check, configured: Severity, f: Finding, place: IssuePlace): Issue {
  const severity = f.severity && RANK[f.severity] > RANK[configured] ? f.severity : configured;
  return { id: `qa/${check.id}`, rule: check.id, check: check.id, severity, message: f.message, ...place };
}

export function summarize(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    infos: issues.filter((i) => i.severity === 'info').length,
  };
}

/** Maps offsets in textWithoutCodes (a code is one character) to offsets in the plain text (a code is its data). */
function spanInPlainText(content: Content, span: { start: number; end: number }): { start: number; end: number } {
  let coded = 0;
  let plain = 0;
  let start = -1;
  let end = -1;
  for (const run of content) {
    const codedLen = typeof run === 'string' ? run.length : 1;
    const plainLen = typeof run === 'string' ? run.length : run.data.length;
    if (start < 0 && span.start < coded + codedLen)
      start = typeof run === 'string' ? plain + (span.start - coded) : plain;
    if (end < 0 && span.end <= coded + codedLen)
      end = typeof run === 'string' ? plain + (span.end - coded) : plain + plainLen;
    coded += codedLen;
    plain += plainLen;
  }
  return { start: start < 0 ? plain : start, end: end < 0 ? plain : end };
}
