import { afterEach, describe, expect, it } from 'vitest';
import { readNumberToken } from '../../../src/locale/numbers.js';
import { issues, pair } from '../helpers.js';

/**
 * What the numbers check does not do where its answer cannot depend on it: the work left out must leave every
 * finding as it was (the findings are compared here too).
 */
describe('numbers: work left undone', () => {
  const Original = Intl.DateTimeFormat;
  afterEach(() => {
    Intl.DateTimeFormat = Original;
  });

  /** Counts the date formats made while `run` runs (their first use loads a language's calendar data). */
  async function formatsMade<T>(run: () => Promise<T>): Promise<{ made: string[]; result: T }> {
    const made: string[] = [];
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made.push(String(args[0]));
      return new Original(...args);
    };
    counting.prototype = Original.prototype;
    Intl.DateTimeFormat = Object.assign(counting, { supportedLocalesOf: Original.supportedLocalesOf }) as never;
    try {
      return { made, result: await run() };
    } finally {
      Intl.DateTimeFormat = Original;
    }
  }

  it('asks a language how it writes dates only when a month stands after the moved year', async () => {
    // A year and a count in the other order, no month anywhere: the date pattern cannot matter. (Regional tags no
    // other test asks for: the check remembers each language's answer for the whole process.)
    const { made, result } = await formatsMade(() =>
      issues(
        'numbers',
        pair('In 1987 the mill employed 240 weavers.', 'Die Weberei beschäftigte 240 Weber, 1987.', 'de-CH'),
      ),
    );
    expect(made).toEqual([]);
    expect(result.map((i) => i.message)).toEqual(['numbers swapped: "1987" and "240" traded places in the target']);
    // A month right after the target's year: a year-first language (Hungarian) keeps it in place, a day-first one
    // (Spanish) does not.
    const hungarian = await formatsMade(() =>
      issues(
        'numbers',
        pair('The law took effect on 3 March 2015.', 'A törvény 2015. március 3-án lépett hatályba.', 'hu-HU'),
      ),
    );
    expect(hungarian.made).toContain('hu-HU');
    expect(hungarian.result.filter((i) => i.message.includes('swapped'))).toEqual([]);
  });

  it('reads a token of digits alone as every convention reads it', () => {
    const conventions = [
      { group: ',', decimal: '.' },
      { group: '.', decimal: ',' },
      { group: '\u202f', decimal: ',' },
      { group: "'", decimal: '.' },
      { group: '٬', decimal: '٫' },
    ];
    for (const conv of conventions)
      for (const token of ['0', '7', '42', '0042', '1987', '123456789', '9007199254740993'])
        expect(readNumberToken(token, conv)).toBe(Number(token));
    // (a decimal mark that is a digit, or none: the general reading, as before)
    expect(readNumberToken('1987', { group: ',', decimal: '' })).toBeNull();
    expect(readNumberToken('1987', { group: ',', decimal: '9' })).toBe(1.87);
  });
});
