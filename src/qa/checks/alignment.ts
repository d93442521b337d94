import type { DocumentCheck, DocumentFinding } from '../types.js';

/** A localized document against its source: as many blocks (or lines), each block in the same role. */
export const alignment: DocumentCheck = {
  id: 'alignment',
  severity: 'error',
  description:
    "Document structure: the target's blocks (or lines) do not line up with the source's, one was added or " +
    'lost, or a block reads in another role.',
  preconditions: [],
  compare({ kind, source, target }) {
    const findings: DocumentFinding[] = [];
    if (source.length !== target.length)
      findings.push({
        message:
          kind === 'lines'
            ? `the target has ${target.length} lines, the source ${source.length}: ` +
              'a line was added or lost, so the lines after it may not match'
            : `the target has ${target.length} blocks, the source ${source.length}: ` +
              'a paragraph, caption or line was added or lost',
      });
    if (kind === 'blocks')
      for (let i = 0; i < Math.min(source.length, target.length); i++) {
        const s = source[i]!;
        const t = target[i]!;
        if (s.role !== t.role)
          findings.push({
            message: `block ${i + 1} is a ${s.role} in the source but reads as a ${t.role} in the target`,
            severity: 'warning',
            unit: { id: s.unit, label: t.label },
          });
      }
    return findings;
  },
};
