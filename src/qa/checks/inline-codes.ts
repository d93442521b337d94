import { codeKey, codesOf, type InlineCode } from '../../model/content.js';
import type { Finding, PairCheck } from '../types.js';
import { translated } from '../preconditions.js';

function describe(code: InlineCode): string {
  const half = code.code === 'open' ? 'opening ' : code.code === 'close' ? 'closing ' : '';
  return `${half}${code.type} code ${code.id}${code.data ? ` "${code.data}"` : ''}`;
}

export const inlineCodes: PairCheck = {
  id: 'inline-codes',
  severity: 'error',
  preconditions: [translated],
  description:
    'Inline codes (tags, links, placeholders as codes) missing, extra, duplicated, or pairs out of order or unbalanced.',
  run(pair) {
    const findings: Finding[] = [];
    const src = codesOf(pair.source);
    const trg = codesOf(pair.target);
    const count = (list: InlineCode[], key: string): number => list.filter((c) => codeKey(c) === key).length;
    const keys = new Set([...src, ...trg].map(codeKey));
    for (const key of keys) {
      const s = count(src, key);
      const t = count(trg, key);
      const code = (src.find((c) => codeKey(c) === key) ?? trg.find((c) => codeKey(c) === key))!;
      if (t < s) findings.push({ message: `missing ${describe(code)}` });
      else if (t > s && s === 0) findings.push({ message: `extra ${describe(code)}, not in the source` });
      else if (t > s) findings.push({ message: `duplicated ${describe(code)}` });
    }
    // Pairs: every closing code needs its opening one before it, and pairs must nest.
    const open: string[] = [];
    for (const c of trg) {
      if (c.code === 'open') open.push(c.id);
      else if (c.code === 'close') {
        const at = open.lastIndexOf(c.id);
        if (at < 0) findings.push({ message: `closing code ${c.id} comes before its opening code` });
        else {
          if (at !== open.length - 1)
            findings.push({
              message: `code pairs ${open.slice(at + 1).join(', ')} and ${c.id} overlap instead of nesting`,
            });
          open.splice(at, 1);
        }
      }
    }
    return findings;
  },
};
