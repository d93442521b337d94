import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { build } from '../src/workflow/build.js';
import { projectWith } from './helpers.js';

/**
 * A build formats each date for each language once and uses it again wherever the same date comes back: what every
 * document gets is still its own date, in the language it is built in, with or without its time.
 */
const article = (stamp: string): string => `Story\n\nA sentence of the body.\n\nUpdated: ${stamp}\n`;

const lastLine = (dir: string, lang: string, doc: string): string =>
  readFileSync(join(dir, `locales/${lang}/${doc}.txt`), 'utf8')
    .trim()
    .split('\n')
    .pop()!;

describe('build renders each document’s own dates', () => {
  it('in each language, the same date in two documents, another date, and a date without its time', async () => {
    const dir = projectWith(
      {
        'source/a.txt': article('December 05, 2023, 2:15 PM'),
        'source/b.txt': article('January 17, 2024, 9:30 AM'),
        'source/c.txt': article('December 05, 2023, 2:15 PM'),
        'source/d.txt': article('January 17, 2024'),
      },
      { sourceLanguage: 'en', targetLanguages: ['es', 'fr'], sources: ['source/*.txt'] },
    );
    await build(await loadProject(dir));
    const shown = Object.fromEntries(
      ['es', 'fr'].map((lang) => [lang, ['a', 'b', 'c', 'd'].map((doc) => lastLine(dir, lang, doc))]),
    );
    expect(shown).toEqual({
      es: [
        'Updated: 5 de diciembre de 2023 a las 14:15',
        'Updated: 17 de enero de 2024 a las 9:30',
        'Updated: 5 de diciembre de 2023 a las 14:15',
        'Updated: 17 de enero de 2024',
      ],
      fr: [
        'Updated: 5 décembre 2023 à 14:15',
        'Updated: 17 janvier 2024 à 09:30',
        'Updated: 5 décembre 2023 à 14:15',
        'Updated: 17 janvier 2024',
      ],
    });
  });

  it('the source language gives each date back as its document wrote it', async () => {
    const dir = projectWith(
      { 'source/a.txt': article('December 05, 2023, 2:15 PM'), 'source/b.txt': article('Dec 5, 2023, 14:15') },
      { sourceLanguage: 'en', targetLanguages: ['es'], sources: ['source/*.txt'] },
    );
    await build(await loadProject(dir), { langs: ['es', 'en'] });
    expect([lastLine(dir, 'en', 'a'), lastLine(dir, 'en', 'b')]).toEqual([
      'Updated: December 05, 2023, 2:15 PM',
      'Updated: Dec 5, 2023, 14:15',
    ]);
    expect([lastLine(dir, 'es', 'a'), lastLine(dir, 'es', 'b')]).toEqual([
      'Updated: 5 de diciembre de 2023 a las 14:15',
      'Updated: 5 de diciembre de 2023 a las 14:15',
    ]);
  });
});
