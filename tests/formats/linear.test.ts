import { describe, expect, it } from 'vitest';
import { formatFor, loadFormats } from '../../src/formats/registry.js';
import type { Unit } from '../../src/model/unit.js';
import { growth, GROWTH_BOUND } from '../growth.js';

/**
 * Every format reads and writes a file of many entries in time that grows with the file: app string files hold
 * tens of thousands of keys in one object (a list of siblings rebuilt by copying at each key took 50 s for 80,000
 * keys; now under a second). An 8× larger file may take at most 32× the CPU time of the smaller (a quadratic step
 * takes 64×); absolute times are the benchmark's, a test never fails because a machine is slow.
 */
const SMALL = 1_000;
/** i18next's flat objects are read fast (a quadratic step shows only from tens of thousands of keys); Markdown slowly. */
const SMALL_BY_FILE: Readonly<Record<string, number>> = { 'app.json': 5_000, 'guide.md': 500 };

const sentence = (i: number): string => `The value number ${i} is here, with a second clause.`;
const xml = (i: number, s: string): string => `<trans-unit id="k${i}"><source>${s}</source></trans-unit>`;

/** A file of `n` entries in each format, named as a project would name it. */
const FILES: Readonly<Record<string, (n: number) => string>> = {
  'app.json': (n) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`key_${i}`, sentence(i)]))),
  'app.icu.json': (n) =>
    JSON.stringify(
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`key_${i}`, `{count, plural, one {# item} other {${sentence(i)}}}`]),
      ),
    ),
  'article.txt': (n) => `Headline\n\n${Array.from({ length: n }, (_, i) => sentence(i)).join('\n\n')}\n`,
  'guide.md': (n) => `# Title\n\n${Array.from({ length: n }, (_, i) => `- ${sentence(i)}`).join('\n')}\n`,
  'page.html': (n) =>
    `<html><body>${Array.from({ length: n }, (_, i) => `<p>${sentence(i)}</p>`).join('\n')}</body></html>`,
  'messages.xlf': (n) =>
    `<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" datatype="plaintext" original="m"><body>\n${Array.from({ length: n }, (_, i) => xml(i, sentence(i))).join('\n')}\n</body></file></xliff>\n`,
};

/** Reads the file and writes it back with each unit's source. */
function roundTrip(file: string, text: string): void {
  const format = formatFor(file);
  const doc = format.read(text, { id: 'doc', path: file, sourceLang: 'en' }, {});
  const words = (unit: Unit): string => unit.source.filter((r) => typeof r === 'string').join('');
  format.write(doc, (unit, escape) => (escape ? escape(words(unit)) : words(unit)), 'fr');
}

describe('every format is linear in the number of entries of a file', () => {
  for (const [file, make] of Object.entries(FILES)) {
    it(file, { timeout: 300_000 }, async () => {
      await loadFormats([file]);
      const n = SMALL_BY_FILE[file] ?? SMALL;
      const { ratio, small, large } = await growth((text: string) => roundTrip(file, text), {
        small: make(n),
        large: make(8 * n),
        warm: [make(n / 2)], // compile the code paths
      });
      expect(ratio, `${file}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThanOrEqual(GROWTH_BOUND);
    });
  }
});
