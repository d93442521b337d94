import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const GOLDEN = join(ROOT, 'tests', 'fixtures', 'golden-rules');
const OUTSIDE = /\.\.[/\\]shared|\/work\/shared|'\.\.',\s*'shared'/u;

describe('npm test needs nothing beside the repository', () => {
  it('vendors the Golden Rules with their upstream licences and a note of where they come from', () => {
    const data = JSON.parse(readFileSync(join(GOLDEN, 'golden_rules.en.json'), 'utf8')) as {
      rules: { lang: string; pysbd48?: boolean }[];
    };
    expect(data.rules.filter((r) => r.lang === 'en')).toHaveLength(52);
    expect(data.rules.filter((r) => r.pysbd48)).toHaveLength(48);
    expect(readFileSync(join(GOLDEN, 'licenses', 'pragmatic_segmenter-LICENSE.txt'), 'utf8')).toContain(
      'Kevin S. Dias',
    );
    expect(readFileSync(join(GOLDEN, 'licenses', 'pysbd-LICENSE'), 'utf8')).toContain('Nipun Sadvilkar');
    expect(readFileSync(join(GOLDEN, 'README.md'), 'utf8')).toMatch(/pragmatic_segmenter[\s\S]*pySBD/u);
  });

  it('no test, and no build, test or start script, reads ../shared', () => {
    for (const f of readdirSync(join(ROOT, 'tests')).filter((f) => f.endsWith('.ts') && f !== 'golden-rules.test.ts')) {
      expect(readFileSync(join(ROOT, 'tests', f), 'utf8'), f).not.toMatch(OUTSIDE);
    }
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const [name, cmd] of Object.entries(scripts)) {
      if (!name.startsWith('bench')) expect(cmd, name).not.toMatch(OUTSIDE);
    }
    // bench:segment runs on the vendored copy.
    expect(scripts['bench:segment']).not.toMatch(OUTSIDE);
    expect(existsSync(join(ROOT, 'bench', 'segment-golden.mjs'))).toBe(true);
  });
});
