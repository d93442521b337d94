import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment, segmentSpans } from '../src/segment/segmenter.js';
import { ROOT } from './helpers.js';

interface GoldenRule {
  id: string;
  lang: string;
  input: string;
  expected: string[];
  pysbd48?: boolean;
}

describe('sentence segmentation', () => {
  it('splits the bundled article right: "US", "1,200", "2:15 PM" and quotes', () => {
    const text = readFileSync(join(ROOT, 'source', 'us-strike-northern-iraq.txt'), 'utf8');
    const paragraph = text.split('\n\n').find((b) => b.startsWith('"Iraqi Security'))!;
    expect(segment(paragraph)).toEqual([
      '"Iraqi Security Forces were notified of the strike and responded to the location, where they confirmed the death of the militants and the destruction of the drone.',
      'The United States will continue to defend US and coalition personnel from attacks," the statement read.',
    ]);
    const war = text.split('\n\n').find((b) => b.includes('1,200'))!;
    expect(segment(war)).toHaveLength(1);
    expect(segment('Updated: December 05, 2023, 2:15 PM')).toEqual(['Updated: December 05, 2023, 2:15 PM']);
    expect(segment('A US air strike hit. The US said so.')).toEqual(['A US air strike hit.', 'The US said so.']);
  });

  it('handles abbreviations, initials, a.m./p.m., lists and ellipses by rule', () => {
    expect(segment('Mr. Smith met Dr. Jones at 5 p.m. on Friday.')).toHaveLength(1);
    expect(segment('I live in the U.S. How about you?')).toHaveLength(2);
    expect(segment('I work for the U.S. Government in Virginia.')).toHaveLength(1);
    expect(segment('She met John F. Kennedy. He smiled.')).toEqual(['She met John F. Kennedy.', 'He smiled.']);
    expect(segment('Prices rose 3.5 percent. Markets fell.')).toEqual(['Prices rose 3.5 percent.', 'Markets fell.']);
    expect(segment('Write to jane.doe@example.com. She answers.')).toEqual([
      'Write to jane.doe@example.com.',
      'She answers.',
    ]);
    expect(segment('1. Open the file 2. Save it')).toEqual(['1. Open the file', '2. Save it']);
    expect(segment('See p. 55 for details.')).toHaveLength(1);
  });

  it("uses the language's own punctuation and abbreviations", () => {
    expect(segment('هل هذا صحيح؟ نعم، إنه صحيح.', 'ar')).toEqual(['هل هذا صحيح؟', 'نعم، إنه صحيح.']);
    expect(segment('これは文です。これも文です。', 'ja')).toEqual(['これは文です。', 'これも文です。']);
    expect(segment('El Sr. García llegó. Luego se fue.', 'es')).toEqual(['El Sr. García llegó.', 'Luego se fue.']);
    expect(segment('Am 5. Dezember kam er. Dann ging er.', 'de')).toEqual(['Am 5. Dezember kam er.', 'Dann ging er.']);
    expect(segment('M. Dupont est arrivé. Il est reparti.', 'fr')).toEqual([
      'M. Dupont est arrivé.',
      'Il est reparti.',
    ]);
  });

  it('passes all 48 rules of the pySBD subset of the Golden Rules and at least 50 of 52 English ones', () => {
    const data = JSON.parse(
      readFileSync(join(ROOT, 'tests', 'fixtures', 'golden-rules', 'golden_rules.en.json'), 'utf8'),
    ) as { rules: GoldenRule[] };
    const english = data.rules.filter((r) => r.lang === 'en');
    const passes = (r: GoldenRule): boolean =>
      JSON.stringify(segment(r.input, 'en').map((s) => s.trim())) === JSON.stringify(r.expected.map((s) => s.trim()));
    expect(english.filter((r) => r.pysbd48).filter(passes)).toHaveLength(48);
    expect(english.filter(passes).length).toBeGreaterThanOrEqual(50);
  });

  it('returns exact, ordered, non-overlapping spans that cover every non-space character', () => {
    const word = fc.constantFrom(
      'Mr.',
      'U.S.',
      'the',
      'Iraq',
      '1,200',
      '2:15',
      'PM',
      'said.',
      'why?',
      'no!',
      '"Yes."',
      '(see p. 5)',
      '...',
      'e.g.',
      'A.',
      'www.example.com',
      'x@y.org',
    );
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', ' \t ')), { maxLength: 40 })
      .map((ws) => ws.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, (t) => {
        const spans = segmentSpans(t, 'en');
        let last = 0;
        let covered = '';
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(t.slice(s.start, s.end).trim()).toBe(t.slice(s.start, s.end));
          covered += t.slice(last, s.start).trim() === '' ? '' : 'GAP';
          last = s.end;
        }
        expect(covered).toBe('');
        expect(t.slice(last).trim()).toBe('');
      }),
    );
  });
});
