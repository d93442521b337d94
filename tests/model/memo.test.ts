import { describe, expect, it } from 'vitest';
import { forgetMemos, memo, memoPerLanguage } from '../../src/model/memo.js';

describe('memo', () => {
  it('computes a key once until forgetMemos, which every memo obeys, per language too; answers stay the same', () => {
    const calls: string[] = [];
    const length = memo((key: string) => {
      calls.push(key);
      return key.length;
    });
    const tagged = memoPerLanguage((word: string, lang: string) => {
      calls.push(`${lang}:${word}`);
      return `${lang}:${word}`;
    });
    expect([length('abc'), length('abc'), tagged('x', 'es'), tagged('x', 'es'), tagged('x', 'fr')]).toEqual([
      3,
      3,
      'es:x',
      'es:x',
      'fr:x',
    ]);
    expect(calls).toEqual(['abc', 'es:x', 'fr:x']);
    forgetMemos();
    expect([length('abc'), tagged('x', 'es'), tagged('x', 'fr'), length('abc')]).toEqual([3, 'es:x', 'fr:x', 3]);
    expect(calls).toEqual(['abc', 'es:x', 'fr:x', 'abc', 'es:x', 'fr:x']);
  });

  it('forgets a memory whole at its limit', () => {
    let computed = 0;
    const double = memo((key: string) => {
      computed++;
      return key + key;
    }, 2);
    double('a');
    double('b');
    double('a');
    expect(computed).toBe(2);
    double('c'); // the third key: the two before are forgotten
    double('a');
    expect(computed).toBe(4);
  });
});
