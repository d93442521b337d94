import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { textOnly } from '../../model/content.js';
import { icuElements } from '../../locale/icu-elements.js';
import { PRINTF } from '../../protect/patterns.js';
import type { PairCheck } from '../types.js';
import { translated } from '../preconditions.js';

// {{var}}, %s, %1$s, %d, %.2f, %@ — and ICU arguments, found by the ICU parser.
// No space flag: "30% in" is prose, not "% i".
const PRINTF_AND_I18NEXT = new RegExp(`\\{\\{\\s*[-\\w.$]+\\s*\\}\\}|${PRINTF.source}`, 'gu');

function icuArguments(text: string): string[] | null {
  if (!/\{\s*[\p{L}_][\p{L}\p{N}_]*\s*[,}]/u.test(text)) return [];
  let ast: MessageFormatElement[];
  try {
    ast = parse(text.replace(/\{\{[^{}]*\}\}/gu, ''), { ignoreTag: true });
  } catch {
    return null;
  }
  const out: string[] = [];
  for (const el of icuElements(ast))
    if (el.type !== TYPE.literal && el.type !== TYPE.pound && 'value' in el && typeof el.value === 'string')
      out.push(`{${el.value}}`);
  return out;
}

/** Every placeholder form in a text, as a sorted list (a multiset). */
export function placeholdersOf(text: string): string[] {
  const found = [...text.matchAll(PRINTF_AND_I18NEXT)].map((m) => m[0].replace(/\s+/gu, ''));
  const icu = icuArguments(text) ?? [...text.matchAll(/\{[\p{L}_][\p{L}\p{N}_]*\}/gu)].map((m) => m[0]);
  return [...found, ...new Set(icu)].sort();
}

/** Every placeholder starts with "%" or "{": a text with neither, as most are, has none. */
const placeholdersIn = (text: string): string[] => (/[%{]/u.test(text) ? placeholdersOf(text) : []);

export const placeholders: PairCheck = {
  id: 'placeholders',
  severity: 'error',
  preconditions: [translated],
  description:
    'Placeholders written as text ({x}, {{x}}, %d, %1$s, ICU arguments) must be the same in source and target.',
  run(pair) {
    const src = placeholdersIn(textOnly(pair.source));
    const trg = placeholdersIn(textOnly(pair.target));
    if (src.length === 0 && trg.length === 0) return [];
    const missing = src.filter(
      (p, i) => src.indexOf(p) === i && src.filter((x) => x === p).length > trg.filter((x) => x === p).length,
    );
    const extra = trg.filter(
      (p, i) => trg.indexOf(p) === i && trg.filter((x) => x === p).length > src.filter((x) => x === p).length,
    );
    return [
      ...missing.map((p) => ({ message: `placeholder ${p} is missing from the target` })),
      ...extra.map((p) => ({ message: `placeholder ${p} is not in the source` })),
    ];
  },
};
