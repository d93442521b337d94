import type { Issue } from '../types.js';
import { summarize } from '../runner.js';

export function jsonReport(issues: readonly Issue[]): string {
  return JSON.stringify({ summary: summarize(issues), issues }, null, 2) + '\n';
}
