import { describe, expect, it } from 'vitest';
import type { Content } from '../../../src/model/content.js';
import { issues, pair, tag } from '../helpers.js';

const open = (id: string) => tag('open', id);
const close = (id: string) => tag('close', id);
const br = (id: string) => tag('standalone', id);

describe('inline-codes', () => {
  it.each<[string, Content, Content, string[]]>([
    [
      'codes moved but complete',
      ['A ', open('1'), 'red', close('1'), ' car'],
      ['Un coche ', open('1'), 'rojo', close('1')],
      [],
    ],
    [
      'nested pairs kept nested',
      [open('1'), 'a ', open('2'), 'b', close('2'), close('1')],
      [open('1'), open('2'), 'b', close('2'), ' a', close('1')],
      [],
    ],
    [
      'the same id opened twice, closed in order',
      [open('1'), open('1'), close('1'), close('1')],
      [open('1'), open('1'), close('1'), close('1')],
      [],
    ],
    [
      'a pair lost',
      ['A ', open('1'), 'red', close('1')],
      ['Un rojo'],
      ['missing opening tag code 1 "<b>"', 'missing closing tag code 1 "</b>"'],
    ],
    ['a code the source lacks', ['x'], ['x', br('9')], ['extra tag code 9 "<br/>", not in the source']],
    ['a code written twice', ['x', br('2')], ['x', br('2'), br('2')], ['duplicated tag code 2 "<br/>"']],
    [
      'closed before opened',
      [open('1'), 'a', close('1')],
      [close('1'), 'a', open('1')],
      ['closing code 1 comes before its opening code'],
    ],
    [
      'pairs crossed',
      [open('1'), open('2'), 'a', close('2'), close('1')],
      [open('1'), open('2'), 'a', close('1'), close('2')],
      ['code pairs 2 and 1 overlap instead of nesting'],
    ],
    [
      'a pair crossing several open ones',
      [open('1'), open('2'), open('3'), close('3'), close('2'), close('1')],
      [open('1'), open('2'), open('3'), close('1'), close('3'), close('2')],
      ['code pairs 2, 3 and 1 overlap instead of nesting'],
    ],
  ])('%s', async (_name, source, target, expected) => {
    expect((await issues('inline-codes', pair(source, target))).map((i) => i.message)).toEqual(expected);
  });

  it('names at most five codes left open inside a crossing pair', async () => {
    const ids = ['1', '2', '3', '4', '5', '6', '7'];
    const codes: Content = [...ids.map(open), ...[...ids].reverse().map(close)];
    const crossed: Content = [...ids.map(open), ...ids.map(close)];
    const found = (await issues('inline-codes', pair(codes, crossed))).map((i) => i.message);
    expect(found[0]).toBe('code pairs 2, 3, 4, 5, 6, … and 1 overlap instead of nesting');
    expect(found.slice(1)).toEqual([
      'code pairs 3, 4, 5, 6, 7 and 2 overlap instead of nesting',
      expect.stringMatching(/^code pairs 4, 5, 6, 7 and 3 /u),
      expect.stringMatching(/^code pairs 5, 6, 7 and 4 /u),
      expect.stringMatching(/^code pairs 6, 7 and 5 /u),
      'code pairs 7 and 6 overlap instead of nesting',
    ]);
  });
});
