import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalPattern } from '../../src/model/literal-pattern.js';

describe('literalPattern', () => {
  it('matches the text it was made from, whole, and not the text with its last character changed', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.constantFrom('.', '*', '+', '?', '(', '[', '\\', '|', '$', 'x'),
        (text, other) => {
          const exact = new RegExp(`^${literalPattern(text)}$`, 'u');
          expect(exact.test(text)).toBe(true);
          if (!text.endsWith(other)) expect(exact.test(text.slice(0, -1) + other)).toBe(false);
        },
      ),
    );
  });

  it('escapes every character that has a meaning in a pattern', () => {
    expect(literalPattern('a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o')).toBe(
      'a\\.b\\*c\\+d\\?e\\^f\\$g\\{h\\}i\\(j\\)k\\|l\\[m\\]n\\\\o',
    );
    expect(new RegExp(literalPattern('Dr. (Jr.)'), 'u').test('Drx Jr.')).toBe(false);
  });
});
