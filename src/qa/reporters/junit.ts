import { escapeAttr, escapeText } from '../../io/xml.js';
import type { Issue, QaPair } from '../types.js';

/**
 * JUnit XML: a test suite per file and language, a test case per unit. Errors
 * are failures; warnings and infos go to the case's system-out, so CI shows
 * them without failing on them. A case is named by its unit's label and id
 * ("common.greeting (u0e08320135c7d4)").
 */
export function junitReport(issues: readonly Issue[], pairs: readonly QaPair[]): string {
  type Case = { unit: string; label?: string; issues: Issue[] };
  // Each suite's cases in the order met, and by unit (a look-up per pair and per issue: linear in the run).
  const suites = new Map<string, Case[]>();
  const byUnit = new Map<string, Map<string, Case>>();
  const key = (file: string, lang: string): string => `${file} [${lang}]`;
  const caseOf = (k: string, unit: string, label: string | undefined): Case => {
    let cases = suites.get(k);
    let units = byUnit.get(k);
    if (!cases || !units) {
      suites.set(k, (cases = []));
      byUnit.set(k, (units = new Map()));
    }
    let c = units.get(unit);
    if (!c) {
      cases.push((c = { unit, ...(label !== undefined ? { label } : {}), issues: [] }));
      units.set(unit, c);
    }
    return c;
  };
  for (const p of pairs) caseOf(key(p.file, p.targetLang), p.id, p.label);
  for (const i of issues) caseOf(key(i.file, i.lang), i.unit, i.label).issues.push(i);
  const clean = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '\uFFFD');
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = [...suites.values()].reduce((n, c) => n + c.length, 0);
  const failures = [...suites.values()].flat().filter((c) => c.issues.some((i) => i.severity === 'error')).length;
  lines.push(`<testsuites name="locflow check" tests="${total}" failures="${failures}">`);
  for (const [name, cases] of suites) {
    const f = cases.filter((c) => c.issues.some((i) => i.severity === 'error')).length;
    lines.push(
      `  <testsuite name="${escapeAttr(clean(name))}" tests="${cases.length}" failures="${f}" errors="0" skipped="0">`,
    );
    for (const c of cases) {
      const errors = c.issues.filter((i) => i.severity === 'error');
      const others = c.issues.filter((i) => i.severity !== 'error');
      lines.push(
        `    <testcase classname="${escapeAttr(clean(name))}" name="${escapeAttr(clean(c.label !== undefined && c.label !== c.unit ? `${c.label} (${c.unit})` : c.unit))}">`,
      );
      for (const e of errors)
        lines.push(
          `      <failure type="${e.check}" message="${escapeAttr(clean(e.message))}">${escapeText(clean(`source: ${e.source}\ntarget: ${e.target}`))}</failure>`,
        );
      if (others.length)
        lines.push(
          `      <system-out>${escapeText(clean(others.map((o) => `${o.severity} ${o.check}: ${o.message}`).join('\n')))}</system-out>`,
        );
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
