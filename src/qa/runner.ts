import { toPlainText, type Content } from '../model/content.js';
import { LocflowError } from '../errors.js';
import { CHECK_IDS, CHECK_SEVERITY, loadChecks } from './checks/index.js';
import { EMPTY_GLOSSARY, type Glossary } from './glossary.js';
import { learnRenderings, type ApprovedPair } from './names/learnt.js';
import { codesKeptInRun, codeTextsOf, type CodesKept, type CodeTexts } from './codes-kept.js';
import { PairWorker, workerCount } from './parallel.js';
import { compileWithoutInlining } from '../runtime/v8-tuning.js';
import { textWithoutCodes } from './text.js';
import { LastIndex } from './last-index.js';
import type { SettingValues } from '../settings.js';
import type {
  Check,
  CheckContext,
  CollectionCheck,
  CollectionRun,
  Finding,
  Issue,
  PairCheck,
  PairFindings,
  Precondition,
  QaPair,
  Severity,
} from './types.js';
import { pushTo } from '../lists-by-key.js';

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
  /**
   * How many pairs the run is expected to have, told before its first pass (a list's length, an estimate from its
   * files' size): a run expected to be small (SMALL_RUN_PAIRS) is compiled without inlining from its first pass, the
   * reading of its files, not only from its second. The pairs counted still decide the second pass.
   */
  readonly expectedPairs?: number;
}

export interface RunResult {
  readonly issues: Issue[];
  readonly notices: string[];
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/** Findings of one check listed per unit; the others are summed up in one more. */
const MAX_FINDINGS_PER_UNIT = 20;
/**
 * Pairs checked at a time: what one slice's checks make is let go before the next. Small, so that a slice dies young:
 * slices of 2,000 outlived V8's young generation and filled the old one with garbage it let grow to four times what
 * was live (78,000 units: 520–600 MB peak; 435 MB in slices of 500 or 200, the same CPU).
 */
export const SLICE_PAIRS = 500;

/**
 * A run of fewer pairs on one thread is compiled without inlining (compileWithoutInlining): its compiler work is as
 * large as its checking. Measured crossover: 11,000 and 22,000 real pairs −21 % and −10 % CPU, 39,000 units +2 %.
 */
export const SMALL_RUN_PAIRS = 25_000;

/**
 * About how many pairs an XLIFF file of this many bytes holds, for expectedPairs: the real pairs of bench:qa-real
 * take 460 bytes a unit (news sentences), a pseudo-translated news corpus 715.
 */
export const pairsInXliffBytes = (bytes: number): number => Math.round(bytes / 460);

/** A run's pairs, a slice at a time, in the same order each time they are asked for (see CheckRun). */
export type PairSlices = () => Iterable<readonly QaPair[]> | AsyncIterable<readonly QaPair[]>;

export async function runChecks(pairs: readonly QaPair[], options: RunOptions = {}): Promise<RunResult> {
  return runCheckSlices(() => slicesOf(pairs), { expectedPairs: pairs.length, ...options });
}

/** The pairs of a list, SLICE_PAIRS at a time. */
export function* slicesOf<P>(pairs: readonly P[], size = SLICE_PAIRS): Generator<readonly P[]> {
  for (let from = 0; from < pairs.length; from += size) yield pairs.slice(from, from + size);
}

/** runChecks of a run given in slices, read twice: the run is never held whole (see CheckRun). */
export async function runCheckSlices(slices: PairSlices, options: RunOptions = {}): Promise<RunResult> {
  const run = await CheckRun.start(options);
  // (stopped however it ends: a check may hold files from the first pass)
  try {
    for await (const slice of slices()) for (const pair of slice) run.learn(pair);
    for await (const slice of slices()) await run.check(slice);
    return await run.finish();
  } finally {
    run.stop();
  }
}

/**
 * Where a finding or notice goes in the report, compared item by item: the order a run over every pair at once gives
 * (pair checks over the whole run, check by check, on the main thread and then on each worker's share; the
 * collection checks after them; the summaries of long lists last), whatever the slices.
 */
type Place = readonly number[];

const before = (a: Place, b: Place): number => {
  for (let k = 0; k < a.length && k < b.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
};

// Notices, as a run over every pair at once on one thread says them: the collection checks' first (as they start),
// the pair checks' (check by check, pair by pair), then what a collection check says once it has waited.
const STARTING = 0;
const MAIN = 1;
const WAITED = 3;
// Findings of one pair: the pair checks', the collection checks', the summaries.
const PAIR_CHECK = 0;
const COLLECTION = 1;
const SUMMARY = 2;

interface Active<C extends Check> {
  readonly check: C;
  readonly configured: Severity;
  /** The check's place among the active ones. */
  readonly rank: number;
}

interface Collecting extends Active<CollectionCheck> {
  /** The check's streamed run; without one, every pair is kept for runAll. */
  readonly run?: CollectionRun;
  readonly all?: QaPair[];
  result?: PairFindings | Promise<PairFindings>;
  /** runAll's findings by pair index, each with its place in runAll's list. */
  byPair?: Map<number, Array<{ finding: Finding; order: number }>>;
}

/**
 * One run of the checks over pairs given twice: first each pair to `learn`, the run's facts the checks need
 * (the codes other units keep, the names they keep, their lower-case words…), then slice by slice to `check`.
 * What is held is what was learnt and the findings, not the pairs: a run of one file of 80,000 units checks
 * it 500 units at a time. The report is the same, in the same order, whatever the slices.
 */
export class CheckRun {
  /** Each issue with its report key and its place after that key's (see Place). */
  private readonly issues: Array<{ issue: Issue; key: string; place: Place }> = [];
  private readonly notices = new Map<string, Place>();
  private readonly context: CheckContext;
  /** What the evidence on codes needs of the pairs learnt (codeTextsOf): little, and only of those with a digit. */
  private readonly texts: CodeTexts[] = [];
  /** Per report key (file, unit, language), the last pair with it: where its issues are listed. */
  private readonly order = new LastIndex();
  /** Findings counted per pair (by index) and check, past MAX_FINDINGS_PER_UNIT. */
  private readonly counts = new Map<number, Map<string, number>>();
  private readonly overflow: Array<{ first: Issue; key: string; index: number; place: Place }> = [];
  private learnt = 0;
  private checked = 0;
  private seq = 0;
  /** Who says a notice now; undefined while a pair check runs on a pair (speakingRank, speakingIndex). */
  private speaker: Place | undefined = [STARTING];
  private speakingRank = 0;
  private speakingIndex = 0;
  private workers: PairWorker[] | undefined;
  /** Turns V8's inlining back on, in a small run on this thread alone (SMALL_RUN_PAIRS). */
  private inliningBack: (() => void) | undefined;

  private constructor(
    private readonly options: RunOptions,
    private readonly pairChecks: ReadonlyArray<Active<PairCheck>>,
    private readonly collections: Collecting[],
    private readonly builtIn: boolean,
    private readonly shown: ((issue: Issue, pair: QaPair, index: number) => Issue) | undefined,
  ) {
    let kept: CodesKept | undefined;
    this.context = {
      glossary: options.glossary ?? EMPTY_GLOSSARY,
      settings: options.settings ?? {},
      notice: (m) => this.notice(m, [...this.speaking(), this.seq++]),
      ...(options.approved?.length ? { learnt: learnRenderings(options.approved) } : {}),
      codesKept: (code, source, lang) => (kept ??= codesKeptInRun(this.texts))(code, source, lang),
    };
    for (const c of collections) {
      const run = c.check.start?.(this.context);
      Object.assign(c, run ? { run } : { all: [] });
    }
  }

  /** `shown`: how an issue on a pair is reported (the workflow's own reading of a pair, undone). */
  static async start(
    options: RunOptions = {},
    shown?: (issue: Issue, pair: QaPair, index: number) => Issue,
  ): Promise<CheckRun> {
    const active = (await activeChecks(options)).map((a, rank) => ({ ...a, rank }));
    // Document checks (alignment) compare two documents as wholes: the workflow runs them before pairing units.
    const pairChecks = active.filter((a): a is Active<PairCheck> => 'run' in a.check);
    const collections = active.filter((a): a is Collecting => 'runAll' in a.check);
    const run = new CheckRun(options, pairChecks, collections, !options.checks, shown);
    // (the checks' modules are loaded by now: none is compiled from its code cache under the flag)
    if (options.expectedPairs !== undefined && options.expectedPairs < SMALL_RUN_PAIRS)
      run.inliningBack = compileWithoutInlining();
    return run;
  }

  /** Who says a notice now: a pair check's place on its pair is made only when it says one (most never do). */
  private speaking(): Place {
    return this.speaker ?? this.ownPlace(this.speakingRank, this.speakingIndex);
  }

  private notice(message: string, place: Place): void {
    const known = this.notices.get(message);
    if (!known || before(place, known) < 0) this.notices.set(message, place);
  }

  /** First pass: a pair of the run, in order. */
  learn(pair: QaPair): void {
    const texts = { source: textWithoutCodes(pair.source), target: textWithoutCodes(pair.target) };
    const kept = codeTextsOf(texts.source, texts.target, pair.targetLang);
    if (kept) this.texts.push(kept);
    this.order.learn(reportKey(pair.file, pair.id, pair.targetLang), this.learnt++);
    for (const c of this.collections) {
      if (c.run) c.run.learn(pair, texts);
      else c.all!.push(pair);
    }
  }

  /** Second pass: a slice of the run, the slices in the order learnt. */
  async check(slice: readonly QaPair[]): Promise<void> {
    const from = this.checked;
    this.checked += slice.length;
    if (this.checked > this.learnt) throw changedBetweenPasses();
    if (from === 0) await this.beginChecking();
    slice.forEach((p, i) => this.order.check(reportKey(p.file, p.id, p.targetLang), from + i));
    const workers = this.workers ?? [];
    // With workers, the pair checks run there (the slice shared out among them) while this thread runs the
    // collection checks, names the largest: each thread compiles and warms up only its own checks' code, which is
    // as much work as the checking itself in a run of thousands of pairs.
    const share = Math.ceil(slice.length / Math.max(1, workers.length));
    const jobs = workers.map((w, k) => w.check(slice.slice(k * share, (k + 1) * share)));
    const mine = workers.length ? [] : slice;
    // Collection checks start once the workers have their shares: one that waits on another program overlaps too.
    const started = this.collections.map((c) => {
      this.speaker = [STARTING, c.rank];
      const found = c.run?.check(slice);
      this.speaker = [WAITED, c.rank];
      return found;
    });
    for (const a of this.pairChecks) this.runPairCheck(a, mine, from);
    const byId = new Map(this.pairChecks.map((a) => [a.check.id, a]));
    for (const [k, job] of (await Promise.all(jobs)).entries()) {
      const base = from + k * share;
      for (const n of job.notices) {
        const a = byId.get(n.check)!;
        this.notice(n.message, [...this.ownPlace(a.rank, base + n.pair), this.seq++]);
      }
      for (const { pair, check, finding } of job.findings) {
        const a = byId.get(check)!;
        const index = base + pair;
        this.report(a, slice[index - from]!, index, finding, [PAIR_CHECK, ...this.ownPlace(a.rank, index)]);
      }
    }
    const at = new Map(slice.map((p, i) => [p, from + i]));
    for (const [k, c] of this.collections.entries()) {
      this.speaker = [WAITED, c.rank];
      if (c.run) {
        for (const { pair, finding, part } of await started[k]!)
          this.report(c, pair, at.get(pair)!, finding, [COLLECTION, c.rank, part ?? 0]);
        continue;
      }
      // A check given every pair: its findings on this slice's pairs, in its own order.
      c.byPair ??= byIndex(await c.result!, c.all!);
      for (let index = from; index < this.checked; index++)
        for (const { finding, order } of c.byPair.get(index) ?? [])
          this.report(c, c.all![index]!, index, finding, [COLLECTION, c.rank, 0, order]);
    }
  }

  /**
   * A pair check on this thread's pairs of a slice (the first at `from` in the run). (A method of its own, the one hot
   * loop of a pass: the engine optimises it alone, not the whole of check, a large function that runs once a slice.)
   */
  private runPairCheck(a: Active<PairCheck>, mine: readonly QaPair[], from: number): void {
    // (read once per check: the checks are objects of many shapes, their preconditions one list each)
    const preconditions = a.check.preconditions;
    for (let i = 0; i < mine.length; i++) {
      const pair = mine[i]!;
      if (!holdsAll(preconditions, pair)) continue;
      const index = from + i;
      // The check speaks from its own place, made only if it says something (see speaking).
      this.speaker = undefined;
      this.speakingRank = a.rank;
      this.speakingIndex = index;
      const found = a.check.run(pair, this.context);
      for (const f of found) this.report(a, pair, index, f, [PAIR_CHECK, ...this.ownPlace(a.rank, index)]);
    }
  }

  /**
   * Where a pair check's word on a pair goes: where a run over every pair at once on one thread says it — check by
   * check, pair by pair, whichever thread checked the pair (a report does not depend on the threads).
   */
  private ownPlace(rank: number, index: number): number[] {
    return [MAIN, rank, index];
  }

  /** Between the passes: the checks told the run is learnt, the workers started. */
  private async beginChecking(): Promise<void> {
    for (const c of this.collections) {
      this.speaker = [STARTING, c.rank];
      if (c.run) c.run.learnt?.();
      else c.result = c.check.runAll(c.all!, this.context);
      this.speaker = [WAITED, c.rank];
    }
    // Large runs share the pairs with worker threads (only the built-in checks can travel to one).
    const count = this.builtIn ? workerCount(this.learnt) : 0;
    // (not with workers: they load their modules while this thread goes on, under the flags they find)
    if (!count && this.learnt < SMALL_RUN_PAIRS) this.inliningBack ??= compileWithoutInlining();
    else {
      // (expected small, and not: checked as a large run is, the workers loading their modules under node's flags)
      this.inliningBack?.();
      this.inliningBack = undefined;
    }
    if (!count) return;
    const setup = {
      run: this.texts,
      checks: this.pairChecks.map((a) => a.check.id),
      glossary: this.context.glossary,
      settings: this.context.settings,
      ...(this.options.approved?.length ? { approved: this.options.approved } : {}),
    };
    this.workers = await Promise.all(Array.from({ length: count }, () => PairWorker.start(setup)));
  }

  /** The summaries of long lists; the report in order. */
  async finish(): Promise<RunResult> {
    if (this.checked !== this.learnt) throw changedBetweenPasses();
    if (this.checked === 0) {
      await this.beginChecking();
      // (an empty run: what the checks given every pair say of none)
      for (const c of this.collections) if (c.result) await c.result;
    }
    // One more finding for the rest of a check's findings in a unit, counted.
    for (const { first, key, index, place } of this.overflow) {
      const more = this.counts.get(index)!.get(first.check)! - MAX_FINDINGS_PER_UNIT;
      this.issues.push({
        issue: { ...first, message: `…and ${more} more ${first.check} finding(s) in this unit` },
        key,
        place,
      });
    }
    // Report order: by file, then unit order of appearance, then check order.
    const at = new Map(this.issues.map(({ key }) => [key, this.order.last(key) ?? 0]));
    this.issues.sort((a, b) => at.get(a.key)! - at.get(b.key)! || before(a.place, b.place));
    const notices = [...this.notices].sort((a, b) => before(a[1], b[1])).map(([m]) => m);
    return { issues: this.issues.map((i) => i.issue), notices };
  }

  stop(): void {
    this.inliningBack?.();
    for (const w of this.workers ?? []) w.stop();
    for (const c of this.collections) c.run?.stop?.();
  }

  private suppressed(pair: QaPair, check: string): boolean {
    return (this.options.suppress ?? []).some(
      (s) => s.check === check && s.unit === pair.id && (s.lang === undefined || s.lang === pair.targetLang),
    );
  }

  // The texts an issue quotes, made once per pair: a unit with many findings must not copy itself per finding.
  private readonly plain = new WeakMap<QaPair, { source: string; target: string }>();

  private textsOf(pair: QaPair): { source: string; target: string } {
    let t = this.plain.get(pair);
    if (!t) this.plain.set(pair, (t = { source: toPlainText(pair.source), target: toPlainText(pair.target) }));
    return t;
  }

  private report(a: Active<Check>, pair: QaPair, index: number, f: Finding, place: Place): void {
    const { check, configured } = a;
    if (this.suppressed(pair, check.id)) return;
    if (!applies(check, pair)) return;
    const { source, target } = this.textsOf(pair);
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
    if (this.options.only && !this.options.only.includes(issue.severity)) return;
    // Past a few findings of one check in one unit, the rest are counted, not listed.
    let perCheck = this.counts.get(index);
    if (!perCheck) this.counts.set(index, (perCheck = new Map()));
    const n = (perCheck.get(check.id) ?? 0) + 1;
    perCheck.set(check.id, n);
    const key = reportKey(issue.file, issue.unit, issue.lang);
    const reported = this.shown ? this.shown(issue, pair, index) : issue;
    if (n <= MAX_FINDINGS_PER_UNIT) this.issues.push({ issue: reported, key, place: [...place, this.seq++] });
    else if (n === MAX_FINDINGS_PER_UNIT + 1)
      this.overflow.push({ first: reported, key, index, place: [SUMMARY, this.seq++] });
  }
}

/** A check's findings on every pair, by the pair's index in the run. */
function byIndex(
  found: PairFindings,
  pairs: readonly QaPair[],
): Map<number, Array<{ finding: Finding; order: number }>> {
  const index = new Map(pairs.map((p, i) => [p, i]));
  const out = new Map<number, Array<{ finding: Finding; order: number }>>();
  found.forEach(({ pair, finding }, order) => {
    const i = index.get(pair);
    if (i === undefined) return;
    pushTo(out, i, { finding, order });
  });
  return out;
}

/** The checks a run with these options runs, loaded, with their configured severities, in check order. */
async function activeChecks(options: RunOptions): Promise<Array<{ check: Check; configured: Severity }>> {
  // A check configured "off" is not loaded, and a run that asks only for some severities (import's and translate's
  // gates: errors) loads only the checks that can reach them, by their configured or own severity: the modules of the
  // others are never needed (a check that is off by configuration, such as spelling, costs a check's start nothing).
  const only = options.only;
  const wanted = CHECK_IDS.filter((id) => {
    const severity = options.severities?.[id] ?? CHECK_SEVERITY[id];
    return severity !== 'off' && (!only || (severity !== undefined && only.includes(severity)));
  });
  return (options.checks ?? (await loadChecks(wanted)))
    .map((check) => ({ check, configured: options.severities?.[check.id] ?? check.severity }))
    .filter(
      (a): a is { check: Check; configured: Severity } =>
        a.configured !== 'off' && (!options.only || options.only.includes(a.configured)),
    );
}

/**
 * The sources of pairs whose targets are still being made, read ahead for the checks a run with these options would
 * run (PairCheck.readSource): that run then finds them read. Translate's gate reads a batch's sources while the engine
 * translates it.
 */
export async function readSourcesAhead(
  sources: Iterable<{ readonly source: Content; readonly sourceLang: string }>,
  options: RunOptions = {},
): Promise<void> {
  const readers = (await activeChecks(options)).flatMap(({ check }) =>
    'readSource' in check && check.readSource ? [check.readSource.bind(check)] : [],
  );
  if (!readers.length) return;
  for (const { source, sourceLang } of sources) for (const read of readers) read(source, sourceLang);
}

/** The pairs read the second time are not those learnt: a file changed while it was being checked. */
export function changedBetweenPasses(): LocflowError {
  return new LocflowError('the pairs changed while they were being checked (a file was written meanwhile?)', {
    hint: 'check again once the files are no longer being written',
  });
}

const reportKey = (file: string, unit: string, lang: string): string => `${file}\u0000${unit}\u0000${lang}`;

/** Whether a check makes sense on a pair: every one of its preconditions holds. */
export function applies(check: Check, pair: QaPair): boolean {
  return holdsAll(check.preconditions, pair);
}

function holdsAll(preconditions: readonly Precondition[], pair: QaPair): boolean {
  for (let i = 0; i < preconditions.length; i++) if (!preconditions[i]!.holds(pair)) return false;
  return true;
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
