import { describe, expect, it } from 'vitest';
import { findNames, startsUpper } from '../../../src/qa/names/detect.js';

const names = (text: string): string[] => findNames(text, 'en').map((n) => n.text);

describe('name detection reads words the way its patterns do', () => {
  it('tells a capital as /^\\p{Lu}/u does, for every UTF-16 unit and for letters outside the BMP', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const word = `${String.fromCharCode(c)}x`;
      if (startsUpper(word) !== /^\p{Lu}/u.test(word)) differ.push(c);
    }
    expect(differ).toEqual([]);
    // (mathematical bold capital A and small a, Deseret capital long I, a lone high surrogate)
    for (const word of ['\u{1D400}lpha', '\u{1D41A}lpha', '\u{10400}x', '\uD835x'])
      expect(startsUpper(word)).toBe(/^\p{Lu}/u.test(word));
  });

  it('ends a sentence at a mark between words, also one with no space after it', () => {
    // (a common word first in a sentence is no name; inside one, capitalised, it is)
    expect(names('They met Bank staff there.')).toEqual(['Bank']);
    expect(names('They met.Bank staff left.')).toEqual([]);
    expect(names('They met\nBank staff there.')).toEqual([]);
    expect(names('They met\tBank staff there.')).toEqual(['Bank']);
    expect(names('They met  Bank staff there.')).toEqual(['Bank']);
  });

  it('reads a text again from its start, whatever the text before it left', () => {
    expect(names('He met Ørsted staff at Vestas.')).toEqual(['Ørsted', 'Vestas']);
    expect(names('Scholz hired.')).toEqual(['Scholz']);
    expect(names('He met \u{1D400}lpha staff.')).toEqual(['\u{1D400}lpha']);
  });
});

describe('a person named with what the person speaks for', () => {
  it('splits "<person> of <organisation>" into the two names', () => {
    expect(names('The fund is sound, said Anna Kowalczyk of Nordhavn Capital on Friday.')).toEqual([
      'Anna Kowalczyk',
      'Nordhavn Capital',
    ]);
    expect(names('A report by Jorge Ibarrola Zendejas of Banco Pacífico followed.')).toEqual([
      'Jorge Ibarrola Zendejas',
      'Banco Pacífico',
    ]);
  });

  it('keeps names whose words before "of" are common ones or a single word', () => {
    expect(names('He read about Mary Queen of Scots in school.')).toEqual(['Mary Queen of Scots']);
    expect(names('He read about Catherine of Aragon in school.')).toEqual(['Catherine of Aragon']);
    expect(names('Rates were set by the Bank of England today.')).toEqual(['Bank of England']);
  });
});
