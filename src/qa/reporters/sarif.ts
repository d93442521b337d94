import { TOOL } from '../../version.js';
import type { Check, Issue } from '../types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, as code-scanning dashboards read it: one rule per check, one result per issue. */
export function sarifReport(issues: readonly Issue[], checks: readonly Check[]): string {
  const ruleIds = [
    ...checks.map((c) => c.id),
    ...new Set(issues.map((i) => i.check).filter((id) => !checks.some((c) => c.id === id))),
  ];
  const rules = ruleIds.map((id) => {
    const c = checks.find((x) => x.id === id);
    return {
      id,
      name: id,
      shortDescription: { text: c?.description ?? id },
      defaultConfiguration: { level: LEVEL[c?.severity ?? 'error'] },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL.name, version: TOOL.version, rules } },
        results: issues.map((i) => ({
          ruleId: i.check,
          ruleIndex: ruleIds.indexOf(i.check),
          level: LEVEL[i.severity],
          message: {
            text: `${i.message} [${i.lang}, ${i.label !== undefined && i.label !== i.unit ? `${i.label}, ` : ''}unit ${i.unit}]`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: i.file },
                ...(i.line !== undefined ? { region: { startLine: i.line } } : {}),
              },
              logicalLocations: [{ name: i.unit, kind: 'member' }],
            },
          ],
          properties: {
            lang: i.lang,
            unit: i.unit,
            ...(i.label !== undefined ? { label: i.label } : {}),
            source: i.source,
            target: i.target,
          },
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
