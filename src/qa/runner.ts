import { toPlainText } from '../model/content.js';
import { CHECKS } from './checks/index.js';
import type { Check, Issue, QaPair, Severity } from './types.js';

export interface RunOptions {
  /** Severity per check id; "off" disables a check. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  readonly checks?: readonly Check[];
}

export function runChecks(pairs: readonly QaPair[], options: RunOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const checks = options.checks ?? CHECKS;
  for (const pair of pairs) {
    const source = toPlainText(pair.source);
    const target = toPlainText(pair.target);
    for (const check of checks) {
      const configured = options.severities?.[check.id] ?? check.severity;
      if (configured === 'off') continue;
      for (const f of check.run(pair)) {
        // A finding may be weaker than its check (a warning inside an error check), never stronger than configured.
        const severity = f.severity && rank(f.severity) > rank(configured) ? f.severity : configured;
        issues.push({
          check: check.id,
          severity,
          message: f.message,
          unit: pair.id,
          file: pair.file,
          ...(pair.line !== undefined ? { line: pair.line } : {}),
          lang: pair.targetLang,
          source,
          target,
          ...(f.targetSpan ? { targetSpan: f.targetSpan } : {}),
        });
      }
    }
  }
  return issues;
}

function rank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

export function summarize(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    infos: issues.filter((i) => i.severity === 'info').length,
  };
}
