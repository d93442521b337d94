import { codesOf, codeTally as tally, type InlineCode } from '../../model/content.js';
import type { Finding, PairCheck } from '../types.js';
import { translated } from '../preconditions.js';
import { pushTo } from '../../lists-by-key.js';

function describe(code: InlineCode): string {
  const half = code.code === 'open' ? 'opening ' : code.code === 'close' ? 'closing ' : '';
  return `${half}${code.type} code ${code.id}${code.data ? ` "${code.data}"` : ''}`;
}

/** An overlap message names at most this many codes left open in between (a hostile unit may leave thousands). */
const OVERLAP_NAMES = 5;

/**
 * Every closing code needs its opening one before it, and pairs must nest. The open codes are a linked list
 * (closing one in the middle unlinks it in constant time) with, per id, the stack of its open entries: the
 * whole walk stays linear in the number of codes.
 */
function nestingFindings(codes: readonly InlineCode[]): Finding[] {
  const findings: Finding[] = [];
  const ids: string[] = [];
  const prev: number[] = [];
  const next: number[] = [];
  const openById = new Map<string, number[]>();
  let top = -1;
  for (const c of codes) {
    if (c.code === 'open') {
      const at = ids.length;
      ids.push(c.id);
      prev.push(top);
      next.push(-1);
      if (top >= 0) next[top] = at;
      top = at;
      pushTo(openById, c.id, at);
    } else if (c.code === 'close') {
      const at = openById.get(c.id)?.pop();
      if (at === undefined) {
        findings.push({ message: `closing code ${c.id} comes before its opening code` });
        continue;
      }
      if (at !== top) {
        const between: string[] = [];
        for (let i = next[at]!; i >= 0; i = next[i]!) {
          if (between.length === OVERLAP_NAMES) {
            between.push('…');
            break;
          }
          between.push(ids[i]!);
        }
        const names = between.join(', ');
        findings.push({ message: `code pairs ${names} and ${c.id} overlap instead of nesting` });
      }
      // Unlink the entry.
      const p = prev[at]!;
      const n = next[at]!;
      if (p >= 0) next[p] = n;
      if (n >= 0) prev[n] = p;
      if (at === top) top = p;
    }
  }
  return findings;
}

export const inlineCodes: PairCheck = {
  id: 'inline-codes',
  severity: 'error',
  preconditions: [translated],
  description:
    'Inline codes (tags, links, placeholders as codes) missing, extra, duplicated, or pairs out of order or unbalanced.',
  run(pair) {
    const findings: Finding[] = [];
    const src = tally(codesOf(pair.source));
    const trgCodes = codesOf(pair.target);
    const trg = tally(trgCodes);
    for (const key of new Set([...src.keys(), ...trg.keys()])) {
      const s = src.get(key)?.count ?? 0;
      const t = trg.get(key)?.count ?? 0;
      const code = (src.get(key) ?? trg.get(key))!.first;
      if (t < s) findings.push({ message: `missing ${describe(code)}` });
      else if (t > s && s === 0) findings.push({ message: `extra ${describe(code)}, not in the source` });
      else if (t > s) findings.push({ message: `duplicated ${describe(code)}` });
    }
    findings.push(...nestingFindings(trgCodes));
    return findings;
  },
};
