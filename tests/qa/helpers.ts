import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content, InlineCode } from '../../src/model/content.js';
import { loadChecks } from '../../src/qa/checks/index.js';
import { EMPTY_GLOSSARY, loadGlossary, type Glossary } from '../../src/qa/glossary.js';
import { runChecks } from '../../src/qa/runner.js';
import type { QaPair } from '../../src/qa/types.js';

/** One unit to check: English source, target in `targetLang`. */
export const pair = (source: Content | string, target: Content | string, targetLang = 'es', id = 'u1'): QaPair => ({
  id,
  source: typeof source === 'string' ? [source] : source,
  target: typeof target === 'string' ? [target] : target,
  sourceLang: 'en',
  targetLang,
  file: 'f.json',
});

export interface Reported {
  message: string;
  severity: string;
}

/** What one check reports on the pairs, through the runner (severity settings and the glossary applied). */
export async function issues(
  check: string,
  p: QaPair | QaPair[],
  glossary: Glossary = EMPTY_GLOSSARY,
): Promise<Reported[]> {
  const list = Array.isArray(p) ? p : [p];
  return (await runChecks(list, { checks: await loadChecks([check]), glossary })).issues.map((i) => ({
    message: i.message,
    severity: i.severity,
  }));
}

/** A glossary read from a temporary file with this content. */
export const glossaryFile = (text: string, ext = '.csv'): Glossary => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-'));
  writeFileSync(join(dir, `g${ext}`), text);
  return loadGlossary(join(dir, `g${ext}`), 'en');
};

/** A tag code: the opening or closing half of a pair (<b>…</b>), or a standalone <br/>. */
export const tag = (code: InlineCode['code'], id: string): InlineCode => ({
  code,
  id,
  type: 'tag',
  data: code === 'open' ? '<b>' : code === 'close' ? '</b>' : '<br/>',
});

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * 25 made-up lower-case words, different for each `u`: text enough for a run to learn which words its language writes in
 * lower case (a word written so is no name only).
 */
export const lowerCaseWords = (u: number, first = 'q', last = 'o'): string =>
  Array.from(
    { length: 25 },
    (_, k) => `${first}${LETTERS[u % 26]}${LETTERS[k]}${LETTERS[(u * 7 + k) % 26]}${last}`,
  ).join(' ');

/** 30 units of lower-case source words, each with a short Arabic target: the run before a unit under test. */
export const arabicFiller = (): QaPair[] =>
  Array.from({ length: 30 }, (_, u) => pair(lowerCaseWords(u), 'نص عربي قصير للتجربة.', 'ar', `f${u}`));
