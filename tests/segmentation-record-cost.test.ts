import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentOf } from '../src/formats/segmentation-record.js';
import { readTextArticle } from '../src/formats/text-article.js';
import { ARTICLE, read } from './helpers.js';

const meta = { id: 'article', path: 'source/article.txt', sourceLang: 'en' };

describe('recording a document', () => {
  afterEach(() => vi.restoreAllMocks());

  it('checks its pieces against the text without String#startsWith at a position (≈ 1 µs a call, two per unit)', () => {
    const text = read(ARTICLE);
    const doc = readTextArticle(text, meta);
    const startsWith = vi.spyOn(String.prototype, 'startsWith');
    const made = documentOf(undefined, meta, text, () => doc);
    expect(made.made).toBe(true);
    expect(startsWith).not.toHaveBeenCalled();
    // What it made gives the document back.
    startsWith.mockRestore();
    const again = documentOf(made.entry, meta, text, () => {
      throw new Error('read again');
    });
    expect(again.doc).toStrictEqual(doc);
  });

  it('refuses a piece the text does not hold where it goes, as before', () => {
    const text = read(ARTICLE);
    const doc = readTextArticle(text, meta);
    const first = doc.skeleton.findIndex((p) => typeof p !== 'string');
    const part = doc.skeleton[first] as { unit: string };
    const moved = { ...doc, skeleton: doc.skeleton.map((p, i) => (i === first ? { ...part, raw: 'X' } : p)) };
    expect(documentOf(undefined, meta, text, () => moved).made).toBe(false);
    // A literal one character off, at the end of the text: not held.
    const last = { ...doc, skeleton: [...doc.skeleton.slice(0, -1), `${String(doc.skeleton.at(-1))}x`] };
    expect(documentOf(undefined, meta, text, () => last).made).toBe(false);
  });
});
