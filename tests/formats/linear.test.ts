import { describe, expect, it } from 'vitest';
import { formatFor, loadFormats } from '../../src/formats/registry.js';
import type { Unit } from '../../src/model/unit.js';

/**
 * Every format reads and writes a file of many entries in time that grows with the file: app string files hold
 * tens of thousands of keys in one object (a list of siblings rebuilt by copying at each key took 50 s for 80,000
 * keys; now under a second). An 8× larger file may take at most 32× the CPU time of the smaller (a quadratic step
 * takes 64×); absolute times are the benchmark's, a test never fails because a machine is slow.
 */
const SMALL = 1_000;
/** i18next's flat objects are read fast (a quadratic step shows only from tens of thousands of keys); Markdown slowly. */
const SMALL_BY_FILE: Readonly<Record<string, number>> = { 'app.json': 5_000, 'guide.md': 500 };
const BOUND = 32;

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

/** CPU milliseconds to read the file and write it back with each unit's source. */
function cpuOfRoundTrip(file: string, text: string): number {
  const format = formatFor(file);
  const start = process.cpuUsage();
  const doc = format.read(text, { id: 'doc', path: file, sourceLang: 'en' }, {});
  const text_ = (unit: Unit): string => unit.source.filter((r) => typeof r === 'string').join('');
  format.write(doc, (unit, escape) => (escape ? escape(text_(unit)) : text_(unit)), 'fr');
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('every format is linear in the number of entries of a file', () => {
  for (const [file, make] of Object.entries(FILES)) {
    it(file, { timeout: 300_000 }, async () => {
      await loadFormats([file]);
      const n = SMALL_BY_FILE[file] ?? SMALL;
      const small = make(n);
      const large = make(8 * n);
      cpuOfRoundTrip(file, make(n / 2)); // compile the code paths
      const s = Math.max(Math.min(...[0, 1, 2].map(() => cpuOfRoundTrip(file, small))), 10);
      let l = Infinity;
      // The fastest of three can only be faster: stop at the first large run within the bound.
      for (let run = 0; run < 3 && Math.round(l / s) > BOUND; run++) l = Math.min(l, cpuOfRoundTrip(file, large));
      expect(Math.round(l / s), `${file}: ${s.toFixed(0)} ms → ${l.toFixed(0)} ms`).toBeLessThanOrEqual(BOUND);
    });
  }
});
