import type { Issue } from '../types.js';
import { summarize } from '../runner.js';
import { visibleControls as v } from './visible.js';
import { pushTo } from '../../lists-by-key.js';

const COLORS = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[36m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
} as const;

/**
 * The heading of a unit: its label first ("common.greeting", "paragraph, line 12"), the id and the
 * line of the checked file after it, dimmed; a unit without a label as before ("line 3 unit u0e08… [es]").
 */
function unitLine(i: Issue, c: (k: keyof typeof COLORS, s: string) => string): string {
  if (i.label === undefined || i.label === i.unit)
    return `  ${i.line !== undefined ? `line ${i.line} ` : ''}unit ${v(i.unit)} [${v(i.lang)}]`;
  const where = i.line !== undefined ? `, at line ${i.line} of this file` : '';
  return `  ${v(i.label)} [${v(i.lang)}]  ${c('dim', `(unit ${v(i.unit)}${where})`)}`;
}

/** Issues grouped by file and unit; colour only when asked (on a TTY). Control characters of the texts are shown, not sent to the terminal. */
export function textReport(issues: readonly Issue[], color = false): string {
  const c = (k: keyof typeof COLORS, s: string): string => (color ? `${COLORS[k]}${s}${COLORS.reset}` : s);
  const lines: string[] = [];
  const byFile = new Map<string, Issue[]>();
  for (const i of issues) {
    pushTo(byFile, i.file, i);
  }
  for (const [file, list] of byFile) {
    lines.push(v(file));
    let lastUnit = '';
    for (const i of list) {
      if (i.unit !== lastUnit) {
        lines.push(
          unitLine(i, c),
          c('dim', `    source: ${v(i.source, '\t')}`),
          c('dim', `    target: ${v(i.target, '\t')}`),
        );
        lastUnit = i.unit;
      }
      lines.push(`    ${c(i.severity, i.severity.padEnd(7))} ${v(i.message)}  ${c('dim', v(i.check))}`);
    }
  }
  const s = summarize(issues);
  lines.push(`${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info`);
  return lines.join('\n') + '\n';
}
