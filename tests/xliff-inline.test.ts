import { describe, expect, it } from 'vitest';
import type { Run } from '../src/model/content.js';
import { readXliff } from '../src/xliff/read.js';

/**
 * The inline content of both XLIFF versions, element by element: what each code element is read as, and the
 * elements refused with their place (one walk serves both versions, each with its own elements).
 */

const xliff12 = (source: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
  '<file original="a.txt" source-language="en" target-language="es" datatype="plaintext"><body>\n' +
  `<trans-unit id="u1"><source>${source}</source></trans-unit>\n` +
  '</body></file></xliff>\n';

const xliff20 = (source: string, data = ''): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">\n' +
  '<file id="f1"><unit id="u1">' +
  (data ? `<originalData>${data}</originalData>` : '') +
  `<segment><source>${source}</source></segment></unit></file></xliff>\n`;

const sourceOf = (xml: string): readonly Run[] => readXliff(xml).files[0]!.units[0]!.source;

const open = (id: string, type: string, data: string): Run => ({ code: 'open', id, type, data }) as Run;
const close = (id: string, type: string, data: string): Run => ({ code: 'close', id, type, data }) as Run;
const ph = (id: string, type: string, data: string): Run => ({ code: 'standalone', id, type, data }) as Run;

describe('XLIFF 1.2 inline elements', () => {
  const cases: Array<[string, readonly Run[]]> = [
    ['a <ph id="1" ctype="x-placeholder">{n}</ph> b', ['a ', ph('1', 'placeholder', '{n}'), ' b']],
    ['<x id="2" equiv-text="&lt;br/&gt;"/>', [ph('2', 'tag', '<br/>')]],
    ['<it id="3" pos="open">&lt;b&gt;</it>', [ph('3', 'tag', '<b>')]],
    ['<bx id="4" rid="r"/>x<ex id="5" rid="r"/>', [open('r', 'tag', ''), 'x', close('r', 'tag', '')]],
    [
      '<bpt id="6">&lt;i&gt;</bpt>x<ept id="6">&lt;/i&gt;</ept>',
      [open('6', 'tag', '<i>'), 'x', close('6', 'tag', '</i>')],
    ],
    [
      '<g id="7" ctype="x-link">a <g id="8">b</g></g>',
      [open('7', 'link', ''), 'a ', open('8', 'tag', ''), 'b', close('8', 'tag', ''), close('7', 'link', '')],
    ],
    ['a <mrk mtype="term">b</mrk> c<sub>d</sub>', ['a b c']],
    ['a<ph id="lf-cp1-1" ctype="x-locflow-cp">U+0001</ph>b', ['a\u0001b']],
  ];
  it.each(cases)('%s', (source, runs) => {
    expect(sourceOf(xliff12(source))).toEqual(runs);
  });

  it.each([
    ['<x/>', /<x> has no id/u],
    ['<g id="">a</g>', /<g> has no id/u],
    ['<bx/>', /<bx> has no id/u],
    ['<ph id="1" ctype="x-locflow-cp">U+XYZ</ph>', /holds "U\+XYZ", not a character as U\+XXXX/u],
    ['a <b>bold</b>', /unexpected element <b> inside <source>/u],
    ['<g id="1"><constructor/></g>', /unexpected element <constructor> inside <g>/u],
    ['<mrk mtype="x"><toString/></mrk>', /unexpected element <toString> inside <mrk>/u],
  ])('%s is refused', (source, reason) => {
    expect(() => sourceOf(xliff12(source))).toThrow(reason);
  });

  it('a refused element is named with its line and column', () => {
    let refused: unknown;
    try {
      readXliff(xliff12('a\n  <hasOwnProperty/>'));
    } catch (err) {
      refused = err;
    }
    expect(refused).toMatchObject({ message: expect.stringMatching(/<hasOwnProperty>/u), line: 5, column: 20 });
  });
});

describe('XLIFF 2.0 inline elements', () => {
  const data = '<data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data><data id="d3">{n}</data>';
  const cases: Array<[string, readonly Run[]]> = [
    [
      'a <ph id="1" dataRef="d3" type="other" subType="locflow:placeholder"/> b',
      ['a ', ph('1', 'placeholder', '{n}'), ' b'],
    ],
    ['<ph id="2" disp="[n]"/>', [ph('2', 'placeholder', '[n]')]],
    ['<ph id="3" equiv="n" type="fmt"/>', [ph('3', 'tag', 'n')]],
    [
      '<pc id="4" type="fmt" dataRefStart="d1" dataRefEnd="d2">x</pc>',
      [open('4', 'tag', '<b>'), 'x', close('4', 'tag', '</b>')],
    ],
    ['<pc id="5" type="link" dispStart="[" dispEnd="]">x</pc>', [open('5', 'link', '['), 'x', close('5', 'link', ']')]],
    [
      '<sc id="6" dataRef="d1"/>x<ec startRef="6" dataRef="d2"/>',
      [open('6', 'placeholder', '<b>'), 'x', close('6', 'placeholder', '</b>')],
    ],
    ['a<cp hex="0001"/>b', ['a\u0001b']],
    ['a <mrk id="m1" type="term">b</mrk> c', ['a b c']],
  ];
  it.each(cases)('%s', (source, runs) => {
    expect(sourceOf(xliff20(source, data))).toEqual(runs);
  });

  it.each([
    ['<pc id="">x</pc>', /<pc> has no id/u],
    ['<sc id="1" isolated="yes"/>a<ec/>', /<ec> has no startRef/u],
  ])('%s is refused', (source, reason) => {
    expect(() => sourceOf(xliff20(source))).toThrow(reason);
  });
});
