import { describe, expect, it } from 'vitest';
import { segment } from '../src/segment/segmenter.js';
import { isSpace } from '../src/segment/space.js';
import { TextArticleReader } from '../src/formats/text-article.js';
import { toPlainText } from '../src/model/content.js';

describe('white space told by its code', () => {
  it('is exactly what String#trim removes, for every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++)
      if (isSpace(code) !== (String.fromCharCode(code).trim() === '')) differ.push(code.toString(16));
    expect(differ).toEqual([]);
  });
});

describe('line bounds in the text reader', () => {
  const units = (text: string): string[] => {
    const reader = new TextArticleReader({ id: 'a', path: 'a.txt', sourceLang: 'en' });
    return [...reader.push(text), ...reader.end()].map((u) => toPlainText(u.source));
  };

  it('takes a line of Unicode white space only as blank, and trims every kind of it around a line', () => {
    expect(
      units('Headline here\n\u3000\ufeff\u2028\nStandfirst line.\n\n\u00a0\u2003Body text. More text.\u202f\t\n'),
    ).toEqual(['Headline here', 'Standfirst line.', 'Body text.', 'More text.']);
    // A zero-width space and NEL are no white space to String#trim: the line is not blank.
    expect(units('Headline here\n\u200b\n\u0085\nBody text.')).toEqual([
      'Headline here',
      '\u200b',
      '\u0085',
      'Body text.',
    ]);
  });
});

describe('sentence breaks found out of order', () => {
  it('cuts list items found before the sentence ends around them', () => {
    expect(segment('Intro here. Steps: 1. Mix it. 2. Bake it. 3. Eat.')).toEqual([
      'Intro here.',
      'Steps:',
      '1. Mix it.',
      '2. Bake it.',
      '3. Eat.',
    ]);
    expect(segment('Ends here.\n1. One.\n2. Two.', 'en', { lineBreaks: 'sentence' })).toEqual([
      'Ends here.',
      '1. One.',
      '2. Two.',
    ]);
  });

  it('keeps a closing mark written after a space where the language allows it, and only there', () => {
    expect(segment('Il a dit : « Bonjour. » Puis il est parti.', 'fr')).toEqual([
      'Il a dit : « Bonjour. »',
      'Puis il est parti.',
    ]);
    expect(segment('He said "Go." Then he left. (Yes.) No.', 'en')).toEqual([
      'He said "Go."',
      'Then he left.',
      '(Yes.)',
      'No.',
    ]);
  });
});
