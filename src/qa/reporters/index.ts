import { loadChecks } from '../checks/index.js';
import type { Issue, QaPair } from '../types.js';
import { htmlReport } from './html.js';
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { sarifReport } from './sarif.js';
import { textReport } from './text.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'junit' | 'html';

/** Every reporter renders the same list of issues. */
export async function renderReport(
  format: ReportFormat,
  issues: readonly Issue[],
  pairs: readonly QaPair[],
  color = false,
): Promise<string> {
  switch (format) {
    case 'json':
      return jsonReport(issues);
    case 'sarif':
      return sarifReport(issues, await loadChecks());
    case 'junit':
      return junitReport(issues, pairs);
    case 'html':
      return htmlReport(issues, pairs);
    default:
      return textReport(issues, color);
  }
}
