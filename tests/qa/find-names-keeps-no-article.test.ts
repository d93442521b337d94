import { describe, expect, it } from 'vitest';
import { findNames } from '../../src/qa/names/detect.js';
import { exposedGc } from '../exposed-gc.js';

describe('findNames', () => {
  it('remembers sentences cut from long articles without keeping the articles alive', () => {
    const gc = exposedGc();
    // Its word lists and CLDR data loaded first: they stay for the run.
    expect(findNames('Officials met Olaf Scholz in Paris.', 'en').length).toBeGreaterThan(0);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let article = 0; article < 40; article++) {
      const sentence = `Ministers met Angela Merkel in Berlin on day ${article}.`;
      const text = `${'x'.repeat(250_000)}\n\n${sentence}\n\n${'y'.repeat(250_000)}`;
      const start = text.indexOf('Ministers');
      const cut = text.slice(start, start + sentence.length);
      const names = findNames(cut, 'en').map((n) => n.text);
      expect(names).toContain('Angela Merkel');
    }
    gc();
    // 40 articles of 500 KB are 20 MB; the 40 sentences remembered with their names, a few KB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2_000_000);
    // Still remembered: the same sentence asked again gives the same names.
    expect(findNames('Ministers met Angela Merkel in Berlin on day 7.', 'en').map((n) => n.text)).toContain(
      'Angela Merkel',
    );
  });
});
