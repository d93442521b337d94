import type { Issue, QaPair } from '../types.js';
import { toPlainText } from '../../model/content.js';
import { summarize } from '../runner.js';

import { visibleControls } from './visible.js';

/** HTML-escaped, with control characters (ESC, BEL, NUL…) shown as Control Pictures, never raw. */
const esc = (s: string): string =>
  visibleControls(s, '\t\n\r').replace(
    /[&<>"']/gu,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A place an issue marks in a text: the issue's number in the list (0-based) and its offsets. */
interface Mark {
  readonly n: number;
  readonly start: number;
  readonly end: number;
}

/** The text, escaped, with each mark as a <mark> that names its issue; of overlapping marks the first one wins. */
function withMarks(text: string, marks: readonly Mark[], issues: readonly Issue[]): string {
  let out = '';
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end <= m.start || m.end > text.length) continue;
    const issue = issues[m.n]!;
    out += esc(text.slice(at, m.start));
    out += `<mark class="${issue.severity}" data-issue="${m.n + 1}" title="${esc(issue.message)}">${esc(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + esc(text.slice(at));
}

/** The target with each issue's span marked, numbered to match the list under it. */
function markedTarget(target: string, issues: readonly Issue[]): string {
  return withMarks(
    target,
    issues.flatMap((i, n) => (i.targetSpan ? [{ n, ...i.targetSpan }] : [])),
    issues,
  );
}

/**
 * The source with what issues without a place in the target name marked: a finding quotes the
 * source's words it is about (name "Najaf"), and a name missing from the target is shown where it
 * is in the source. Quoted text the source does not hold is not marked.
 */
function markedSource(source: string, issues: readonly Issue[]): string {
  const marks = issues.flatMap((issue, n): Mark[] => {
    if (issue.targetSpan) return [];
    for (const m of issue.message.matchAll(/"([^"]{2,})"/gu)) {
      const start = source.indexOf(m[1]!);
      if (start >= 0) return [{ n, start, end: start + m[1]!.length }];
    }
    return [];
  });
  return withMarks(source, marks, issues);
}

/** A self-contained review page: source and target side by side, issues highlighted where they are. */
export function htmlReport(issues: readonly Issue[], pairs: readonly QaPair[], title = 'locflow check'): string {
  const s = summarize(issues);
  const byUnit = new Map<string, Issue[]>();
  for (const i of issues)
    byUnit.set(`${i.file}\u0000${i.lang}\u0000${i.unit}`, [
      ...(byUnit.get(`${i.file}\u0000${i.lang}\u0000${i.unit}`) ?? []),
      i,
    ]);
  const rows: string[] = [];
  const seen = new Set<string>();
  // The map keys join file, language and unit with NUL, which no path or id holds; an element id
  // is the readable, HTML-safe form of the same three ("article.txt-es-u0e08…"), made unique.
  const ids = new Set<string>();
  const elementId = (file: string, lang: string, unit: string): string => {
    const base = `${file}-${lang}-${unit}`.replace(/[^\p{L}\p{N}_.:-]+/gu, '-').replace(/^-+|-+$/gu, '') || 'unit';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const row = (
    unit: string,
    label: string | undefined,
    lang: string,
    file: string,
    source: string,
    target: string,
    list: readonly Issue[],
  ): string => {
    const worst = list.some((i) => i.severity === 'error')
      ? 'error'
      : list.some((i) => i.severity === 'warning')
        ? 'warning'
        : list.length
          ? 'info'
          : 'clean';
    const items = list
      .map(
        (i, n) =>
          `<li class="${i.severity}"><span class="n">${n + 1}</span> <b>${i.severity}</b> <code>${esc(i.check)}</code> ${esc(i.message)}</li>`,
      )
      .join('');
    return `<tr class="${worst}" id="${esc(elementId(file, lang, unit))}"><td class="unit">${label !== undefined && label !== unit ? `<span class="label">${esc(label)}</span><br><small>${esc(lang)} · ${esc(file)}<br>unit <code>${esc(unit)}</code></small>` : `<code>${esc(unit)}</code><br><small>${esc(lang)} · ${esc(file)}</small>`}</td><td class="source" lang="">${markedSource(source, list)}</td><td class="target" lang="${esc(lang)}" dir="auto">${markedTarget(target, list)}${items ? `<ul>${items}</ul>` : ''}</td></tr>`;
  };
  for (const p of pairs) {
    const key = `${p.file}\u0000${p.targetLang}\u0000${p.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(
      row(p.id, p.label, p.targetLang, p.file, toPlainText(p.source), toPlainText(p.target), byUnit.get(key) ?? []),
    );
  }
  for (const [key, list] of byUnit)
    if (!seen.has(key))
      rows.push(
        row(list[0]!.unit, list[0]!.label, list[0]!.lang, list[0]!.file, list[0]!.source, list[0]!.target, list),
      );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.3rem}.summary span{margin-right:1rem;font-weight:600}
table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ddd;padding:.5rem;vertical-align:top;text-align:left}
td.unit{width:11rem;color:#555;overflow-wrap:anywhere}td.unit .label{color:#1b1b1b;font-weight:600}td.source,td.target{width:44%}
tr.error td.unit{border-left:4px solid #c62828}tr.warning td.unit{border-left:4px solid #ef8f00}tr.info td.unit{border-left:4px solid #1e88e5}
mark.error{background:#ffcdd2}mark.warning{background:#ffe0b2}mark.info{background:#bbdefb}
ul{margin:.4rem 0 0;padding-left:1rem}li.error b{color:#c62828}li.warning b{color:#b26a00}li.info b{color:#1565c0}
.n{display:inline-block;min-width:1.2em;text-align:center;background:#eee;border-radius:3px;font-size:.8em}
.filter label{margin-right:1rem}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="summary"><span class="errors">${s.errors} error(s)</span><span class="warnings">${s.warnings} warning(s)</span><span class="infos">${s.infos} info</span><span>${seen.size} unit(s)</span></p>
<p class="filter"><label><input type="checkbox" id="only-issues"> only units with issues</label></p>
<table><thead><tr><th>unit</th><th>source</th><th>target</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<script>
document.getElementById('only-issues').addEventListener('change', (e) => {
  for (const tr of document.querySelectorAll('tr.clean')) tr.hidden = e.target.checked;
});
</script>
</body></html>
`;
}
