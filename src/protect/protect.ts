import type { CodeType, InlineCode, Run } from '../model/content.js';
import { EMAIL, PRINTF, URL, URL_HINT } from './patterns.js';

/**
 * Finds the spans of a sentence that must reach the translator untouched
 * (URLs, e-mail addresses, placeholders) and turns them into inline codes.
 */
export interface Detector {
  readonly type: CodeType;
  readonly pattern: RegExp;
  /** A cheap test that must pass before the pattern is worth running. */
  readonly hint: RegExp;
}

export const DETECTORS: readonly Detector[] = [
  { type: 'url', hint: URL_HINT, pattern: URL },
  { type: 'email', hint: /@/u, pattern: EMAIL },
  // {{name}}, {name}, %s, %1$s, %d, %.2f — not a percent sign in prose ("30%-50%", "%%")
  {
    type: 'placeholder',
    hint: /[{%]/u,
    pattern: new RegExp(`\\{\\{[^{}\\s]+\\}\\}|\\{[\\p{L}_][\\p{L}\\p{N}_]*\\}|${PRINTF.source}`, 'gu'),
  },
];

export interface ProtectedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: CodeType;
}

export function findProtectedSpans(text: string, detectors: readonly Detector[] = DETECTORS): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  for (const d of detectors) {
    if (!d.hint.test(text)) continue;
    for (const m of text.matchAll(d.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!spans.some((s) => start < s.end && end > s.start)) spans.push({ start, end, type: d.type });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Any of the default detectors' hints, looked for at once (a match of one hint is a match of this): most sentences
 * have none, and are then scanned once instead of once per detector.
 */
const ANY_HINT = new RegExp(DETECTORS.map((d) => d.hint.source).join('|'), 'iu');

/** Text → runs, with each protected span as a standalone code numbered from `firstId`. */
export function protect(text: string, firstId = 1, detectors: readonly Detector[] = DETECTORS): Run[] {
  if (detectors === DETECTORS && !ANY_HINT.test(text)) return text.length > 0 ? [text] : [];
  const runs: Run[] = [];
  let at = 0;
  let id = firstId;
  for (const span of findProtectedSpans(text, detectors)) {
    if (span.start > at) runs.push(text.slice(at, span.start));
    const code: InlineCode = {
      code: 'standalone',
      id: String(id++),
      type: span.type,
      data: text.slice(span.start, span.end),
    };
    runs.push(code);
    at = span.end;
  }
  if (at < text.length) runs.push(text.slice(at));
  return runs;
}
